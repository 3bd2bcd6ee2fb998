/**
 * Desktop app lifecycle: single instance, one secure window (context isolation, sandbox, no Node,
 * strict CSP, no navigation or new windows), the ledger opened through db/open.ts, and a clean
 * close (checkpoint, release the lock) on quit. Everything below the transport is plain Node.
 */
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell } from 'electron';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../db/open';
import { restoreAdvice } from '../db/backup/restore';
import { resolveDbPath } from '../db/paths';
import { closeHost, createHost, type Host } from '../db/router';
import { LedgerError } from '../shared/errors';
import { CSP } from './web';
import { WEB_PREFERENCES } from './hardening';
import { bindIpc } from './ipc';
import { startDailyReminder } from './platform/notify';
import { bindPrintToPdf } from './platform/print';

const SCHEME = 'app';
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The open ledger is the host's (a restore swaps it in place), so quitting closes `host.ledger`. */
let host: Host | null = null;
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
    webPreferences: { ...WEB_PREFERENCES, preload: join(here, '../preload/index.cjs') },
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
  const open = { migrationsFolder: join(here, '../../db/migrations'), deferCheckAbove: DEFER_CHECK_ABOVE_BYTES };
  let ledger: ReturnType<typeof openLedger>;
  try {
    ledger = openLedger(dbPath, open);
  } catch (e) {
    const message = e instanceof LedgerError ? e.message : `无法打开账本文件：${(e as Error).message}`;
    const advice = e instanceof LedgerError && e.code === 'DB_CORRUPT' ? `\n\n${restoreAdvice(dbPath)}` : '';
    dialog.showErrorBox('乡镇司法台账', `${message}\n\n账本文件：${dbPath}${advice}`);
    app.exit(1);
    return;
  }
  host = createHost(ledger, { background: true, dailyBackup: true, open });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
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
    // Background jobs are stopped first (their finished work is whole; they run again next time), then
    // the backup on exit (db/services/backups.ts) and the file closed; then the app quits for good.
    if (!host) return;
    const closing = host;
    host = null;
    event.preventDefault();
    void closeHost(closing, { exitBackup: true }).finally(() => app.quit());
  });
}
