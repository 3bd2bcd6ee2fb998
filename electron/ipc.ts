/**
 * Electron transport: one channel, 'ledger:invoke', carried to the ledger service's process
 * (electron/host-client.ts), where the same dispatcher as browser mode answers it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { BRIDGE_CHANNELS } from '../shared/bridge';
import type { Envelope } from '../shared/errors';

export const CHANNEL = BRIDGE_CHANNELS.invoke;

export function bindIpc(
  invoke: (method: string, input: unknown) => Promise<Envelope<unknown>>,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle(CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝访问：请求来源不是本程序的窗口。' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的操作。' } };
    return invoke(method, input);
  });
}
