/**
 * The whole surface the window gets (shared/bridge.ts): invoke(method, input), and
 * printToPdf(fileName) for the window's own print media. Nothing else from Node or Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type LedgerBridge } from '../shared/bridge';

const bridge: LedgerBridge = {
  invoke: (method, input) => ipcRenderer.invoke(BRIDGE_CHANNELS.invoke, method, input),
  printToPdf: (fileName) => ipcRenderer.invoke(BRIDGE_CHANNELS.printToPdf, fileName),
};

contextBridge.exposeInMainWorld('ledger', bridge);
