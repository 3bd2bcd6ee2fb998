/**
 * The command line's `ledger export`: every registered module's whole ledger, written safely into one folder;
 * and `ledger backup`, `verify` and `restore`.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ledgerExports } from '../../../db/modules';
import { restoreAdvice } from '../../../db/backup/restore';
import { openLedger } from '../../../db/open';
import { runBackup, runExport, runRestore, runVerify } from '../../../electron/cli';
import { MODULE_INFO } from '../../../shared/modules';
import { openTestLedger, tempDir, withADispute } from '../../helpers/test-db';

describe('ledger export', () => {
  it('writes one workbook per module that keeps a ledger, with its rows, and audits each', async () => {
    const t = openTestLedger();
    withADispute(t);
    const { path } = t;
    t.ledger.close();
    const out = join(tempDir(), 'U盘');
    mkdirSync(out);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const written = await runExport(['--to', out, '--db', path]);
    expect(written).toHaveLength(ledgerExports.length);
    expect(readdirSync(out).sort()).toEqual(written.map((p) => p.slice(out.length + 1)).sort());
    expect(readdirSync(out).every((f) => f.endsWith('.xlsx'))).toBe(true);
    const register = written.find((p) => p.includes('矛盾纠纷'))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(register);
    const sheet = book.worksheets[0]!;
    const cells = sheet
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('排水沟纠纷');
    const after = openLedger(path);
    expect(after.db.prepare("SELECT entity_id AS ledger FROM audit_log WHERE action = 'export' ORDER BY id").all()).toEqual(
      ledgerExports.map((e) => ({ ledger: MODULE_INFO[e.module].entity })),
    );
    after.close();
  });

  it('says in Chinese where it would not write, and writes nothing', async () => {
    const t = openTestLedger();
    const { path } = t;
    t.ledger.close();
    await expect(runExport(['--db', path])).rejects.toThrowError('请用 --to 指定导出到的文件夹。');
    const missing = join(tempDir(), 'no-such-folder');
    await expect(runExport(['--to', missing, '--db', path])).rejects.toThrowError(/导出文件夹不存在/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('ledger backup, verify and restore', () => {
  function closedLedger(): string {
    const t = openTestLedger();
    withADispute(t);
    const { path } = t;
    t.ledger.close();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    return path;
  }
  const persons = (path: string) => {
    const l = openLedger(path);
    try {
      return (l.db.prepare('SELECT name FROM person ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    } finally {
      l.close();
    }
  };

  it('backs up to a folder, verifies it, and restores it after a safety backup', () => {
    const path = closedLedger();
    const out = join(tempDir(), 'U盘');
    mkdirSync(out);
    const written = runBackup(['--to', out, '--db', path]);
    expect(readdirSync(out).sort()).toEqual([written.fileName, `${written.fileName}.json`].sort());
    expect(runVerify([written.path]).check.state).toBe('ok');

    const l = openLedger(path);
    l.db.prepare("UPDATE person SET name = '王五' WHERE name = '李四'").run();
    l.close();
    const safety = runRestore([written.path, '--db', path]);
    expect(persons(path)).toEqual(['张三', '李四'].sort());
    // The safety backup holds the ledger as it was, and restoring it is the undo.
    runRestore([safety, '--db', path]);
    expect(persons(path)).toEqual(['张三', '王五'].sort());
  });

  it('backs up while the app holds the ledger (a read-only connection), and refuses to restore then', () => {
    const path = closedLedger();
    const app = openLedger(path);
    try {
      const written = runBackup(['--db', path]);
      expect(written.path.startsWith(`${path}.backups`)).toBe(true);
      expect(runVerify([written.path]).check.state).toBe('ok');
      expect(() => runRestore([written.path, '--db', path])).toThrowError(/正被另一个程序使用/);
    } finally {
      app.close();
    }
  });

  it('refuses a damaged backup with the reason and leaves the ledger as it was', () => {
    const path = closedLedger();
    const written = runBackup(['--db', path]);
    writeFileSync(written.path, readFileSync(written.path).subarray(0, 5000));
    expect(() => runVerify([written.path])).toThrowError(/该备份不能使用：.*SHA-256/);
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(() => runRestore([written.path, '--db', path])).toThrowError(/该备份不能使用/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
    expect(() => runVerify([])).toThrowError('请写明要校验的备份文件。');
    expect(() => runBackup(['--to', join(tempDir(), '不存在'), '--db', path])).toThrowError(/备份未完成：目标位置不存在/);
  });

  it('answers in Chinese with exit code 1 for a refused file and 2 for wrong usage', () => {
    const cli = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
    const bad = join(tempDir(), 'bad.db');
    writeFileSync(bad, 'not a ledger');
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
    const refused = run(['verify', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/该备份不能使用：这不是账本备份文件/);
    const usage = run(['backupp']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/ledger verify 备份文件/);
  });
});

describe('a ledger that will not open', () => {
  it('is offered its newest backup, and `ledger restore` keeps the damaged file as it was, then replaces it', () => {
    const t = openTestLedger();
    withADispute(t);
    const { path } = t;
    t.ledger.close();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const written = runBackup(['--db', path]);
    // Damage the ledger: its first page overwritten.
    const bytes = readFileSync(path);
    bytes.fill(0x41, 0, 1024);
    writeFileSync(path, bytes);
    const damagedHash = createHash('sha256').update(bytes).digest('hex');
    expect(() => openLedger(path)).toThrowError(/不是账本文件|已损坏/);
    expect(restoreAdvice(path)).toContain(`最近的备份：${written.path}`);
    expect(restoreAdvice(path)).toContain(`ledger restore "${written.path}"`);

    const kept = runRestore([written.path, '--db', path]);
    expect(kept).toMatch(/-damaged\.db$/);
    expect(createHash('sha256').update(readFileSync(kept)).digest('hex')).toBe(damagedHash);
    const l = openLedger(path);
    expect(l.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 2 });
    l.close();
  });
});
