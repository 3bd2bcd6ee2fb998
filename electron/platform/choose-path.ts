/**
 * The system's dialog for a path the window needs: a folder to back up or write a package into (a USB
 * stick's), or a backup file to restore from. Only the path the user picked goes back; the host checks
 * it again like any typed path.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { BRIDGE_CHANNELS, type PathKind } from '../../shared/bridge';

const DIALOGS: Record<PathKind, OpenDialogOptions> = {
  folder: { title: '选择文件夹', properties: ['openDirectory', 'createDirectory'] },
  backup: { title: '选择备份文件', properties: ['openFile'], filters: [{ name: '账本备份', extensions: ['db'] }] },
};

export function bindChoosePath(isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(BRIDGE_CHANNELS.choosePath, async (event, kind: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝访问：请求来源不是本程序的窗口。' } };
    if (kind !== 'folder' && kind !== 'backup') return { ok: false, error: { code: 'VALIDATION', message: '未知的选择。' } };
    const win = BrowserWindow.fromWebContents(event.sender);
    const choice = win ? await dialog.showOpenDialog(win, DIALOGS[kind]) : await dialog.showOpenDialog(DIALOGS[kind]);
    return { ok: true, value: choice.canceled ? null : (choice.filePaths[0] ?? null) };
  });
}
