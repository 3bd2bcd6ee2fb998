/**
 * `ledger` command line, plain Node: `web` serves browser mode; `export` writes every module's
 * ledger as .xlsx into a folder; `demo` builds a demo ledger.
 *   tsx electron/cli.ts web [--db PATH] [--port N] [--no-open] [--build-if-stale]
 *   tsx electron/cli.ts export --to DIR [--db PATH]
 *   tsx electron/cli.ts demo [--db PATH] [--disputes N]
 *   tsx electron/cli.ts verify-audit [FILE]   (exit code 0: the audit chain is whole; 1: it is not)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerExports } from '../db/modules';
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../db/open';
import { buildUiIfStale } from './ui-build';
import { resolveDbPath } from '../db/paths';
import { closeHost, contextFor, createHost } from '../db/router';
import { writeFileSafely } from '../db/safe-file';
import { verifyAuditParallel } from '../db/jobs/audit-walk';
import { recordCheck } from '../db/services/audit-verify';
import { groupDigits, verdictText as verifyAuditText } from '../shared/domain/audit-verdict';
import { MODULE_INFO } from '../shared/modules';
import { LedgerError } from '../shared/errors';
import { startWebServer } from './web';

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

export async function runWeb(argv: string[]): Promise<void> {
  const staticDir = fileURLToPath(new URL('../out/renderer', import.meta.url));
  if (argv.includes('--build-if-stale') && !buildUiIfStale(fileURLToPath(new URL('..', import.meta.url)))) process.exit(1);
  if (!existsSync(`${staticDir}/index.html`)) {
    console.error('界面尚未构建：请运行 npm run web（会先构建界面）。');
    process.exit(1);
  }
  const dbPath = resolveDbPath(argv);
  const ledger = openLedger(dbPath, { deferCheckAbove: DEFER_CHECK_ABOVE_BYTES });
  const host = createHost(ledger, { background: true });
  const port = Number(flag(argv, '--port') ?? 0);
  const server = await startWebServer({ host, staticDir, port: Number.isInteger(port) ? port : 0 });
  console.log(`乡镇司法台账（浏览器模式）已启动：${server.url}`);
  console.log(`账本文件：${dbPath}`);
  console.log('关闭本窗口或按 Ctrl+C 退出。');
  if (!argv.includes('--no-open') && !process.env.CI) openBrowser(server.url);
  const stop = () => {
    void server
      .close()
      .then(() => closeHost(host))
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
  const host = createHost(openLedger(resolveDbPath(argv)));
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

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'web') return await runWeb(rest);
    if (command === 'export') {
      await runExport(rest);
      return;
    }
    if (command === 'verify-audit') process.exit(await runVerifyAudit(rest));
    if (command === 'demo') {
      const { runDemo } = await import('../db/demo');
      return runDemo(rest);
    }
    console.error(
      '用法：ledger web [--db 文件] [--port 端口] [--no-open] | ledger export --to 文件夹 [--db 文件] | ledger demo [--db 文件]',
    );
    process.exit(2);
  } catch (e) {
    if (e instanceof LedgerError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
