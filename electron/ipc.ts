/** Electron transport: one channel, 'ledger:invoke', straight into the same dispatcher as browser mode. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatchAsync, type Host } from '../db/router';
import { BRIDGE_CHANNELS } from '../shared/bridge';

export const CHANNEL = BRIDGE_CHANNELS.invoke;

export function bindIpc(host: Host, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝访问：请求来源不是本程序的窗口。' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的操作。' } };
    return dispatchAsync(host, method, input);
  });
}
