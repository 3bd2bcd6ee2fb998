/** The whole surface the window gets: invoke(method, input). Nothing else from Node or Electron. */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('ledger', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('ledger:invoke', method, input),
});
