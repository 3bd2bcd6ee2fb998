/**
 * `ledger` command line, plain Node: `web` serves browser mode; `export` writes every module's
 * ledger as .xlsx into a folder; `backup`, `verify` and `restore` (db/backup/); `demo` builds a demo ledger.
 *   tsx electron/cli.ts web [--db PATH] [--port N] [--no-open] [--build-if-stale]
 *   tsx electron/cli.ts export --to DIR [--db PATH]
 *   tsx electron/cli.ts backup [--to DIR] [--db PATH]
 *   tsx electron/cli.ts verify FILE
 *   tsx electron/cli.ts restore FILE [--db PATH]
 *   tsx electron/cli.ts demo [--db PATH] [--disputes N]
 *   tsx electron/cli.ts verify-audit [FILE]   (exit code 0: the audit chain is whole; 1: it is not)
 *   tsx electron/cli.ts package --period 2024-06 --to DIR [--modules disputes,mediation] [--db PATH]
 *   tsx electron/cli.ts receive FOLDER… [--db PATH]   (上报包 into the county's ledger; a stick's root finds every package on it)
 *   tsx electron/cli.ts encrypt [--db PATH] [--user NAME]   (encrypts a plain ledger; prints its recovery code once)
 * The package password is read from LEDGER_PACKAGE_PASSWORD, or asked for on the terminal; never from an argument.
 * An encrypted ledger (or backup) is unlocked with LEDGER_PASSWORD (+ LEDGER_USER) or LEDGER_RECOVERY_CODE, or
 * a password typed on the terminal (electron/cli-crypto.ts).
 * Exit codes: 0 done, 1 refused or failed (the reason in Chinese on stderr), 2 wrong usage.
 */
import { spawn } from 'node:child_process';
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerExports, reportParts } from '../db/modules';
import { findPackages, isPackageFolder } from '../db/package/package';
import { receivePackage } from '../db/services/county';
import { makeReportPackage } from '../db/services/report-package';
import { storageErrorMessage } from '../db/safe-file';
import { APPLICATION_ID, DEFER_CHECK_ABOVE_BYTES, openLedger, type Ledger } from '../db/open';
import { backupFolder, verifyEntry, writeBackup } from '../db/backup/backup';
import { migrationCount } from '../db/migrate';
import { restoreAdvice, restoreLedger, restoreUnopenable } from '../db/backup/restore';
import { pruneBackups, readUndo } from '../db/backup/store';
import { systemClock } from '../db/context';
import type { BackupContents, BackupEntry } from '../shared/schemas/backups';
import { buildUiIfStale } from './ui-build';
import { defaultMigrationsFolder, resolveDbPath } from '../db/paths';
import { closeHost, contextFor, createHost } from '../db/router';
import { writeFileSafely } from '../db/safe-file';
import { verifyAuditParallel } from '../db/jobs/audit-walk';
import { recordCheck } from '../db/services/audit-verify';
import { groupDigits, verdictText as verifyAuditText } from '../shared/domain/audit-verdict';
import { MODULE_INFO, type ModuleName } from '../shared/modules';
import { LedgerError } from '../shared/errors';
import { startWebServer } from './web';
import { askHidden, runEncrypt, unlockForCommand } from './cli-crypto';
import { connect, keyFor, needsUnlock } from '../db/crypto/cipher';
import type { LockedLedger } from './web-unlock';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log('未能自动打开浏览器，请手动复制上面的地址打开。'));
    child.unref();
  } catch {
    console.log('未能自动打开浏览器，请手动复制上面的地址打开。');
  }
}

/** A ledger that will not open is kept as it is, and the newest backup offered (db/backup/restore.ts). */
function withRestoreAdvice<T>(dbPath: string, open: () => T): T {
  try {
    return open();
  } catch (e) {
    if (e instanceof LedgerError && e.code === 'DB_CORRUPT') throw new LedgerError('DB_CORRUPT', `${e.message}\n${restoreAdvice(dbPath)}`);
    throw e;
  }
}

export async function runWeb(argv: string[]): Promise<void> {
  const staticDir = fileURLToPath(new URL('../out/renderer', import.meta.url));
  if (argv.includes('--build-if-stale') && !buildUiIfStale(fileURLToPath(new URL('..', import.meta.url)))) process.exit(1);
  if (!existsSync(`${staticDir}/index.html`)) {
    console.error('界面尚未构建：请运行 npm run web（会先构建界面）。');
    process.exit(1);
  }
  const dbPath = resolveDbPath(argv);
  const openHost = (key: Buffer | null) => {
    const ledger = withRestoreAdvice(dbPath, () => openLedger(dbPath, { deferCheckAbove: DEFER_CHECK_ABOVE_BYTES, key }));
    return createHost(ledger, { background: true, dailyBackup: true, login: true, open: { deferCheckAbove: DEFER_CHECK_ABOVE_BYTES } });
  };
  // An encrypted ledger not unlocked from the environment: the page asks for the password (electron/web-unlock.ts).
  const locked: LockedLedger | undefined =
    needsUnlock(dbPath) && !keyFor(dbPath)
      ? { path: dbPath, host: null, open: openHost, onFailure: (m) => console.error(`[${new Date().toISOString()}] 解锁失败：${m}`) }
      : undefined;
  const host = locked ? undefined : openHost(null);
  const port = Number(flag(argv, '--port') ?? 0);
  const server = await startWebServer({ host, locked, staticDir, port: Number.isInteger(port) ? port : 0 });
  console.log(`乡镇司法台账（浏览器模式）已启动：${server.url}`);
  console.log(`账本文件：${dbPath}${locked ? '（已加密：请在打开的页面中输入密码或恢复码解锁）' : ''}`);
  console.log('关闭本窗口或按 Ctrl+C 退出。');
  if (!argv.includes('--no-open') && !process.env.CI) openBrowser(server.url);
  const stop = () => {
    const open = locked ? locked.host : host;
    void server
      .close()
      .then(() => open && closeHost(open, { exitBackup: true }))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Every module's whole ledger (db/modules.ts) written into one folder, each file written safely
 * (temporary name, flushed, renamed), and each export audited. Returns the paths written.
 */
export async function runExport(argv: string[]): Promise<string[]> {
  const dir = flag(argv, '--to');
  if (!dir) throw new LedgerError('VALIDATION', '请用 --to 指定导出到的文件夹。');
  if (!existsSync(dir)) throw new LedgerError('VALIDATION', `导出文件夹不存在：${dir}`);
  const dbPath = resolveDbPath(argv);
  const host = createHost(withRestoreAdvice(dbPath, () => openLedger(dbPath)));
  try {
    const written: string[] = [];
    for (const { module, export: exportLedger } of ledgerExports) {
      const file = await exportLedger(contextFor(host));
      const path = join(dir, file.fileName);
      writeFileSafely(path, Buffer.from(file.base64, 'base64'));
      console.log(`${MODULE_INFO[module].label}：${path}`);
      written.push(path);
    }
    return written;
  } finally {
    await closeHost(host);
  }
}

const countsLine = (c: BackupContents) => c.counts.map((x) => `${x.label} ${x.count}`).join('，');

/**
 * `ledger backup [--to DIR]`: a verified backup into DIR (or the ledger's own backup folder, then pruned
 * by its rules). While the app holds the ledger, the backup is read through a read-only connection
 * (RELIABILITY T8: a backup only reads); otherwise the ledger is opened as usual.
 */
export function runBackup(argv: string[]): BackupEntry {
  const folder = flag(argv, '--to');
  if (argv.includes('--to') && !folder) throw new LedgerError('VALIDATION', '请在 --to 后写明备份到的文件夹。');
  const dbPath = resolveDbPath(argv);
  if (!existsSync(dbPath)) throw new LedgerError('NOT_FOUND', `找不到账本文件：${dbPath}`);
  let ledger: Ledger | null = null;
  let reader: Database.Database | null = null;
  try {
    try {
      ledger = withRestoreAdvice(dbPath, () => openLedger(dbPath));
    } catch (e) {
      if (!(e instanceof LedgerError && e.code === 'DB_LOCKED')) throw e;
      reader = connect(dbPath, { readonly: true, fileMustExist: true });
      if (reader.pragma('application_id', { simple: true }) !== APPLICATION_ID)
        throw new LedgerError('DB_CORRUPT', `${dbPath} 不是本程序的账本文件。`);
    }
    const written = writeBackup(ledger?.db ?? reader!, { dbPath, reason: 'manual', clock: systemClock, folder });
    if (folder === undefined) pruneBackups(backupFolder(dbPath), systemClock.today());
    console.log(`备份完成并已校验：${written.path}`);
    console.log(`SHA-256：${written.manifest!.sha256}`);
    console.log(`内容：${countsLine(written.manifest!)}`);
    return written;
  } finally {
    ledger?.close();
    reader?.close();
  }
}

/** `ledger verify FILE`: the backup checked as a restore would check it; throws the reason it cannot be used. */
export function runVerify(argv: string[]): BackupEntry {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) throw new LedgerError('VALIDATION', '请写明要校验的备份文件。');
  const entry = verifyEntry(file, migrationCount(defaultMigrationsFolder()));
  if (entry.check.state !== 'ok') throw new LedgerError('DB_CORRUPT', entry.check.message ?? '该备份不能使用。');
  console.log(`校验通过：${file}`);
  console.log(
    entry.manifest
      ? `备份时间 ${entry.manifest.createdAt}，SHA-256 与备份时一致；内容：${countsLine(entry.manifest)}`
      : '（没有备份说明文件，未核对 SHA-256；文件本身完整）',
  );
  return entry;
}

/**
 * `ledger restore FILE`: the ledger replaced by a verified backup, after a safety backup of it (refused,
 * as any open is, while another program holds the ledger). Returns the safety backup (for a ledger that
 * will not open: where it was kept as it was).
 */
export function runRestore(argv: string[]): string {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--db');
  if (!file) throw new LedgerError('VALIDATION', '请写明用来恢复的备份文件。');
  const dbPath = resolveDbPath(argv);
  let ledger: Ledger;
  try {
    ledger = openLedger(dbPath);
  } catch (e) {
    if (!(e instanceof LedgerError && e.code === 'DB_CORRUPT')) throw e;
    // A ledger that will not open: kept in the backup folder as it is, then replaced.
    const done = restoreUnopenable(dbPath, file, { clock: systemClock });
    done.ledger.close();
    console.log(`已用备份恢复账本：${file}`);
    console.log(`恢复后的内容：${countsLine(done.preview)}`);
    console.log(`原来的账本文件打不开，已原样保存为：${done.keptAt}`);
    return done.keptAt;
  }
  try {
    const restored = restoreLedger(ledger, file, { clock: systemClock, adopt: (next) => (ledger = next) });
    const safety = readUndo(backupFolder(dbPath))!.safetyBackup;
    console.log(`已用备份恢复账本：${file}`);
    console.log(`恢复后的内容：${countsLine(restored)}`);
    console.log(`恢复前的账本已另存为：${safety}（可用 ledger restore 该文件 撤销）`);
    return safety;
  } finally {
    ledger.close();
  }
}

/**
 * `ledger verify-audit [FILE]` (or `--db FILE`): walks the audit chain and says in Chinese whether it
 * is whole, or where it first breaks (RELIABILITY T16); checked against the last verified head kept in
 * the ledger, so rows removed from the end are noticed too. Returns the exit code: 0 whole, 1 not.
 */
export async function runVerifyAudit(argv: string[]): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--db');
  const path = file ? resolve(file) : resolveDbPath(argv);
  const host = createHost(openLedger(path));
  try {
    const ctx = contextFor(host);
    const verdict = await verifyAuditParallel(ctx, path);
    recordCheck(ctx, verdict);
    const say = verdict.ok ? console.log : console.error;
    say(verifyAuditText(verdict));
    if (verdict.firstBreak?.row) say(`该记录的编号：${verdict.firstBreak.row.id}，时间：${verdict.firstBreak.row.at}`);
    say(`记录链头：第 ${groupDigits(verdict.head.rows)} 条，${verdict.head.hash || '（空）'}（用时 ${verdict.ms} 毫秒）`);
    return verdict.ok ? 0 : 1;
  } finally {
    host.ledger.close();
  }
}

/** The package password: from the environment, or typed (not shown); never an argument, which other users could list. */
async function packagePassword(): Promise<string> {
  const fromEnv = process.env.LEDGER_PACKAGE_PASSWORD;
  if (fromEnv) return fromEnv;
  const typed = await askHidden('上报包密码：');
  if (typed === null) throw new LedgerError('VALIDATION', '请用环境变量 LEDGER_PACKAGE_PASSWORD 提供上报包密码。');
  return typed;
}

/** `ledger package --period KEY --to DIR [--modules a,b]`: one report package, verified, on the stick. */
export async function runPackage(argv: string[], password?: string): Promise<string> {
  const periodKey = flag(argv, '--period');
  const folder = flag(argv, '--to');
  if (!periodKey) throw new LedgerError('VALIDATION', '请用 --period 指定上报期间，如 2024-06、2024-Q2、2024-H1 或 2024。');
  if (!folder) throw new LedgerError('VALIDATION', '请用 --to 指定保存到的U盘或文件夹。');
  const chosen =
    flag(argv, '--modules')
      ?.split(',')
      .map((m) => m.trim()) ?? reportParts.map((p) => p.module);
  const unknown = chosen.filter((m) => !reportParts.some((p) => p.module === m));
  if (unknown.length)
    throw new LedgerError('VALIDATION', `没有这些台账：${unknown.join('、')}。可选：${reportParts.map((p) => p.module).join(',')}`);
  const dbPath = resolveDbPath(argv);
  const host = createHost(withRestoreAdvice(dbPath, () => openLedger(dbPath)));
  try {
    const done = await makeReportPackage(contextFor(host), reportParts, {
      periodKey,
      modules: chosen as ModuleName[],
      folder: resolve(folder),
      password: password ?? (await packagePassword()),
    });
    console.log(`上报包已写成并校验：${done.path}`);
    for (const l of done.manifest.ledgers) console.log(`  ${MODULE_INFO[l.module as ModuleName]?.label ?? l.module}：${l.rows} 条`);
    console.log(`审计记录链头：第 ${groupDigits(done.manifest.auditHead.rows)} 条，${done.manifest.auditHead.hash}`);
    return done.path;
  } finally {
    await closeHost(host);
  }
}

/**
 * `ledger receive FOLDER…`: each package verified and taken into the county's ledger (a folder that is no
 * package but holds packages, such as a stick's root, gives all of them). Returns the exit code: 0 all
 * received, 1 any refused (each with its reason).
 */
export async function runReceive(argv: string[], password?: string): Promise<number> {
  const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--db');
  if (args.length === 0) throw new LedgerError('VALIDATION', '请写明上报包所在的文件夹。');
  const folders = args.flatMap((a) => (isPackageFolder(a) ? [a] : findPackages(a)));
  if (folders.length === 0) throw new LedgerError('NOT_FOUND', `在 ${args.join('、')} 中没有找到上报包。`);
  const pw = password ?? (await packagePassword());
  const dbPath = resolveDbPath(argv);
  const host = createHost(withRestoreAdvice(dbPath, () => openLedger(dbPath)));
  let failed = 0;
  try {
    for (const folder of folders) {
      try {
        const r = receivePackage(contextFor(host), { folder: resolve(folder), password: pw });
        console.log(`已接收：${r.township} ${r.periodLabel}${r.replaced ? '（替换了此前收到的同期上报包）' : ''}`);
        if (r.chainNote) console.log(`  注意：${r.chainNote}`);
      } catch (e) {
        failed++;
        console.error(`未接收 ${folder}：${(e as Error).message}`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await closeHost(host);
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'encrypt') {
      await runEncrypt(rest);
      return;
    }
    if (command && command !== 'demo') await unlockForCommand(command, rest);
    if (command === 'web') return await runWeb(rest);
    if (command === 'export') {
      await runExport(rest);
      return;
    }
    if (command === 'backup') {
      runBackup(rest);
      return;
    }
    if (command === 'verify') {
      runVerify(rest);
      return;
    }
    if (command === 'restore') {
      runRestore(rest);
      return;
    }
    if (command === 'verify-audit') process.exit(await runVerifyAudit(rest));
    if (command === 'package') {
      await runPackage(rest);
      return;
    }
    if (command === 'receive') process.exit(await runReceive(rest));
    if (command === 'demo') {
      const { runDemo } = await import('../db/demo');
      return runDemo(rest);
    }
    console.error(
      [
        '用法：',
        '  ledger web [--db 文件] [--port 端口] [--no-open]',
        '  ledger export --to 文件夹 [--db 文件]',
        '  ledger backup [--to 文件夹] [--db 文件]     备份并校验（不写 --to 则备份到账本旁的备份文件夹）',
        '  ledger verify 备份文件                     校验备份能否用于恢复',
        '  ledger restore 备份文件 [--db 文件]        用备份恢复账本（先另存恢复前的账本）',
        '  ledger verify-audit [账本文件]             校验审计记录链是否完整',
        '  ledger package --period 2024-06 --to U盘 [--modules disputes,mediation] [--db 文件]   生成上报包',
        '  ledger receive 上报包文件夹… [--db 文件]   县级接收上报包（先校验）',
        '  ledger encrypt [--db 文件] [--user 账户]  加密账本（先做明文备份并校验），只显示一次恢复码',
        '  ledger demo [--db 文件]',
        '加密的账本：用环境变量 LEDGER_PASSWORD（及 LEDGER_USER）或 LEDGER_RECOVERY_CODE 解锁，或在终端中输入密码。',
      ].join('\n'),
    );
    process.exit(2);
  } catch (e) {
    if (e instanceof LedgerError) {
      console.error(e.message);
      process.exit(1);
    }
    // No Node stack for the user: what the file system said, in Chinese where it is known.
    console.error(storageErrorMessage(e) ?? `程序内部错误：${(e as Error)?.message ?? String(e)}`);
    if (process.env.LEDGER_DEBUG) console.error((e as Error)?.stack);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
