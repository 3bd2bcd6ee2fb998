/**
 * Desktop app lifecycle: single instance, one secure window (context isolation, sandbox, no Node,
 * strict CSP, no navigation or new windows), the ledger opened through db/open.ts, and a clean
 * close (checkpoint, release the lock) on quit. Everything below the transport is plain Node.
 */
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell } from 'electron';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFER_CHECK_ABOVE_BYTES, openLedger, type Ledger } from '../db/open';
import { resolveDbPath } from '../db/paths';
import type { ObligationRefresher } from '../db/jobs/refresher';
import { createHost } from '../db/router';
import { LedgerError } from '../shared/errors';
import { CSP } from './web';
import { bindIpc } from './ipc';
import { startDailyReminder } from './platform/notify';
import { bindPrintToPdf } from './platform/print';

const SCHEME = 'app';
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let ledger: Ledger | null = null;
let refresher: ObligationRefresher | null = null;
let win: BrowserWindow | null = null;
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = normalize(join(here, '../renderer'));

function serveRenderer(): void {
  protocol.handle(SCHEME, (request) => {
    const url = new URL(request.url);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = normalize(join(rendererRoot, rel));
    if (!file.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 860,
    title: '乡镇司法台账',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win?.show());
  void win.loadURL(`${SCHEME}://ledger/index.html`);
}

function start(): void {
  const dbPath = resolveDbPath(process.argv);
  try {
    ledger = openLedger(dbPath, { migrationsFolder: join(here, '../../db/migrations'), deferCheckAbove: DEFER_CHECK_ABOVE_BYTES });
  } catch (e) {
    const message = e instanceof LedgerError ? e.message : `无法打开账本文件：${(e as Error).message}`;
    dialog.showErrorBox('乡镇司法台账', `${message}\n\n账本文件：${dbPath}`);
    app.exit(1);
    return;
  }
  const host = createHost(ledger, { background: true });
  refresher = host.refresher ?? null;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const trusted = (event: Electron.IpcMainInvokeEvent) => event.senderFrame?.url.startsWith(`${SCHEME}://ledger/`) === true;
  bindIpc(host, trusted);
  bindPrintToPdf(trusted);
  serveRenderer();
  Menu.setApplicationMenu(null);
  createWindow();
  startDailyReminder(host, () => win);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // A rebuild still running is stopped first (its finished batches are whole; it runs again next
    // time), so that closing the file does not wait on its transaction.
    if (refresher) {
      const stopping = refresher;
      refresher = null;
      event.preventDefault();
      void stopping.stop().finally(() => app.quit());
      return;
    }
    ledger?.close();
    ledger = null;
  });
}
