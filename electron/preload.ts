/**
 * The whole surface the window gets (shared/bridge.ts): invoke(method, input), printToPdf(fileName)
 * for the window's own print media, and choosePath(kind) for the system's folder or file dialog.
 * Nothing else from Node or Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type LedgerBridge } from '../shared/bridge';

const bridge: LedgerBridge = {
  invoke: (method, input) => ipcRenderer.invoke(BRIDGE_CHANNELS.invoke, method, input),
  printToPdf: (fileName) => ipcRenderer.invoke(BRIDGE_CHANNELS.printToPdf, fileName),
  choosePath: (kind) => ipcRenderer.invoke(BRIDGE_CHANNELS.choosePath, kind),
};

contextBridge.exposeInMainWorld('ledger', bridge);
