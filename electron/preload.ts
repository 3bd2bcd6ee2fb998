/**
 * The whole surface the window gets: invoke(method, input), and printToPdf(fileName) for the
 * window's own print media. Nothing else from Node or Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('ledger', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('ledger:invoke', method, input),
  printToPdf: (fileName: string) => ipcRenderer.invoke('ledger:printToPdf', fileName),
});
