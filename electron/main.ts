/**
 * Desktop app lifecycle: single instance, one secure window (context isolation, sandbox, no Node,
 * strict CSP, no navigation or new windows), the ledger opened through db/open.ts, and a clean
 * close (checkpoint, release the lock) on quit. Everything below the transport is plain Node.
 */
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell, utilityProcess } from 'electron';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { accountSlotFor } from '../db/crypto/encrypt';
import { resolveDbPath } from '../db/paths';
import { CSP, WEB_PREFERENCES } from './hardening';
import { bindIpc } from './ipc';
import { HostClient } from './host-client';
import { startDailyReminder } from './platform/notify';
import { bindPrintToPdf } from './platform/print';
import { bindChoosePath } from './platform/choose-path';

const SCHEME = 'app';
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The ledger service (a restore swaps the ledger inside it); quitting closes it first. */
let service: HostClient | null = null;
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

/** The ledger service's process (RELIABILITY G7): the window's calls are carried to it and back. */
function startService(dbPath: string): HostClient {
  const child = utilityProcess.fork(join(here, 'host-process.js'), [dbPath, join(here, '../../db/migrations')], {
    serviceName: '乡镇司法台账账本服务',
  });
  const client = new HostClient({
    postMessage: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', listener),
  });
  child.on('exit', () => client.exited());
  return client;
}

/**
 * The key of an encrypted ledger from LEDGER_PASSWORD (with LEDGER_USER) or LEDGER_RECOVERY_CODE, as the
 * command line takes it (electron/cli-crypto.ts): null once unlocked, else what to tell the user.
 */
async function unlockFromEnvironment(client: HostClient, dbPath: string): Promise<string | null> {
  const env = process.env;
  if (!env.LEDGER_PASSWORD && !env.LEDGER_RECOVERY_CODE)
    return '此账本已加密。桌面窗口的解锁界面尚未完成：请用浏览器模式打开（运行 npm run web，在打开的页面中输入用户名和密码，或保险柜中的恢复码）。';
  const slot = env.LEDGER_RECOVERY_CODE ? 'recovery' : accountSlotFor(dbPath, env.LEDGER_USER || 'admin');
  return client.unlock(slot, env.LEDGER_RECOVERY_CODE || env.LEDGER_PASSWORD || '');
}

async function start(): Promise<void> {
  const dbPath = resolveDbPath(process.argv);
  const client = startService(dbPath);
  try {
    // An encrypted ledger waits for its key. The window has no 解锁 screen of its own yet: the secret comes
    // from the environment (as for the command line), else the user is told to open it in browser mode,
    // whose 解锁 page asks for it. Nothing is read before.
    const opened = await Promise.race([client.ready.then(() => true), client.locked.then(() => false)]);
    if (!opened) {
      const why = await unlockFromEnvironment(client, dbPath);
      if (why) {
        dialog.showErrorBox('乡镇司法台账', `${why}\n\n账本文件：${dbPath}`);
        await client.close(false);
        app.exit(1);
        return;
      }
      await client.ready;
    }
  } catch (e) {
    const { message, advice } = e as { message: string; advice: string | null };
    dialog.showErrorBox('乡镇司法台账', `${message}\n\n账本文件：${dbPath}${advice ? `\n\n${advice}` : ''}`);
    app.exit(1);
    return;
  }
  service = client;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const trusted = (event: Electron.IpcMainInvokeEvent) => event.senderFrame?.url.startsWith(`${SCHEME}://ledger/`) === true;
  const invoke = (method: string, input: unknown) => client.invoke(method, input);
  bindIpc(invoke, trusted);
  bindPrintToPdf(trusted);
  bindChoosePath(trusted);
  serveRenderer();
  Menu.setApplicationMenu(null);
  createWindow();
  startDailyReminder(invoke, () => win);
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
  app.whenReady().then(() => start());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // Background jobs are stopped first (their finished work is whole; they run again next time), then
    // the backup on exit (db/services/backups.ts) and the file closed; then the app quits for good.
    if (!service) return;
    const closing = service;
    service = null;
    event.preventDefault();
    void closing.close(true).finally(() => app.quit());
  });
}
