/**
 * Print-to-PDF for the desktop app: the window's print media (only the document sheets, see
 * renderer/components/document.css) rendered by Chromium to A4 PDF, saved where the user picks,
 * written safely. The file name offered is cleaned; the path comes only from the save dialog.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { basename } from 'node:path';
import { writeFileSafely } from '../../db/safe-file';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import { LedgerError } from '../../shared/errors';
import { safeFileBase } from '../../shared/file-name';

export const PDF_CHANNEL = BRIDGE_CHANNELS.printToPdf;

function offeredName(raw: unknown): string {
  const name = typeof raw === 'string' ? basename(raw.replace(/\\/g, '/')) : '';
  const clean = safeFileBase(name, 120);
  return clean.toLowerCase().endsWith('.pdf') ? clean : `${clean || '文书'}.pdf`;
}

export function bindPrintToPdf(isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(PDF_CHANNEL, async (event, fileName: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝访问：请求来源不是本程序的窗口。' } };
    const win = BrowserWindow.fromWebContents(event.sender);
    try {
      const choice = win
        ? await dialog.showSaveDialog(win, {
            title: '保存为 PDF',
            defaultPath: offeredName(fileName),
            filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
          })
        : await dialog.showSaveDialog({
            title: '保存为 PDF',
            defaultPath: offeredName(fileName),
            filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
          });
      if (choice.canceled || !choice.filePath) return { ok: true, value: null };
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: false });
      writeFileSafely(choice.filePath, pdf);
      return { ok: true, value: choice.filePath };
    } catch (e) {
      const message = e instanceof LedgerError ? e.message : `未能生成 PDF：${(e as Error).message}`;
      return { ok: false, error: { code: 'INTERNAL', message } };
    }
  });
}
