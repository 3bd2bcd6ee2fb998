/**
 * Verified backups on real files (RELIABILITY G3, G4, T3, T4 and T6): written by VACUUM INTO to a temporary
 * name, checked and hashed, renamed beside a manifest; a failure at each step leaves nothing under a final
 * name; a damaged, truncated or foreign file is refused with a Chinese reason.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, checkLedgerFile, listBackupFiles, verifyEntry as verifyBackup, writeBackup } from '../../../../db/backup/backup';
import { fixedClock } from '../../../../db/context';
import { APPLICATION_ID } from '../../../../db/open';
import { openTestLedger, tempDir, TODAY, withADispute, type TestLedger } from '../../../helpers/test-db';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const clock = fixedClock(TODAY, '09:30:00');
const open: TestLedger[] = [];
const mounted: string[] = [];
afterEach(() => {
  while (open.length) open.pop()!.ledger.close();
  while (mounted.length) execFileSync('umount', [mounted.pop()!]);
});

function ledgerWithRecords(): TestLedger {
  const t = openTestLedger();
  open.push(t);
  withADispute(t);
  return t;
}

/** A small file system of its own (root only: CI runs as root); null where it cannot be mounted. */
function tmpfs(options: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = join(tempDir(), 'mnt');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}

const count = (counts: { label: string; count: number }[], label: string) => counts.find((c) => c.label === label)?.count;

describe('writeBackup', () => {
  it('writes a verified copy with its manifest: counts, SHA-256 of the file, integrity ok, the township', () => {
    const t = ledgerWithRecords();
    const written = writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock });
    expect(written.path).toBe(join(backupFolder(t.path), 'ledger-20240615-093000-manual.db'));
    expect(readdirSync(backupFolder(t.path)).sort()).toEqual(['ledger-20240615-093000-manual.db', 'ledger-20240615-093000-manual.db.json']);
    const manifest = JSON.parse(readFileSync(`${written.path}.json`, 'utf8'));
    expect(manifest).toMatchObject({
      format: 1,
      reason: 'manual',
      day: TODAY,
      createdAt: `${TODAY}T09:30:00.000Z`,
      sha256: sha(written.path),
    });
    expect(count(manifest.counts, '人员')).toBe(2);
    expect(count(manifest.counts, '纠纷登记')).toBe(1);
    expect(manifest.townshipName).toBeTruthy();
    // The audit chain's head as the copy holds it: the live chain extends it.
    const head = t.ledger.db
      .prepare('SELECT count(*) AS rows, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash FROM audit_log')
      .get();
    expect(manifest.auditHead).toEqual(head);
    expect(manifest.auditHead.rows).toBeGreaterThan(2);
    const copy = new Database(written.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 2 });
    copy.close();
    // A second one in the same second takes the next free name.
    const again = writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock });
    expect(again.path).toBe(join(backupFolder(t.path), 'ledger-20240615-093000-manual-2.db'));
    expect(listBackupFiles(backupFolder(t.path)).map((b) => b.fileName)).toEqual([
      'ledger-20240615-093000-manual-2.db',
      'ledger-20240615-093000-manual.db',
    ]);
  });

  it('removes what a backup killed mid-way left (its process gone), not what a running one is writing', () => {
    const t = ledgerWithRecords();
    const folder = join(t.dir, 'U盘');
    mkdirSync(folder);
    const dead = join(folder, 'ledger-20240614-093000-manual.db.tmp-999999999');
    const alive = join(folder, `ledger-20240614-093000-manual.db.tmp-${process.ppid}`);
    for (const f of [dead, `${dead}-journal`, alive]) writeFileSync(f, 'partial');
    writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock, folder });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(`${dead}-journal`)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });

  it('refuses a missing folder or a file in its place in Chinese, and writes nothing', () => {
    const t = ledgerWithRecords();
    const missing = join(t.dir, '没有的文件夹');
    expect(() => writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock, folder: missing })).toThrowError(
      /备份未完成：目标位置不存在/,
    );
    expect(existsSync(missing)).toBe(false);
    const file = join(t.dir, 'a-file');
    writeFileSync(file, 'x');
    expect(() => writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock, folder: file })).toThrowError(/目标位置不存在/);
  });

  it.skipIf(process.getuid?.() !== 0)('says the folder is read-only, and leaves nothing there (a read-only mount)', () => {
    const t = ledgerWithRecords();
    const ro = tmpfs('ro,size=1m');
    if (!ro) return;
    expect(() => writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock, folder: ro })).toThrowError(
      /备份未完成：没有权限写入.*只读/,
    );
    expect(readdirSync(ro)).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)('says the disk is full, and leaves no partial file nor -journal (a 64 KB tmpfs)', () => {
    const t = ledgerWithRecords();
    const small = tmpfs('size=64k');
    if (!small) return;
    expect(() => writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock, folder: small })).toThrowError(
      /备份未完成：磁盘空间不足/,
    );
    expect(readdirSync(small)).toEqual([]);
  });

  it('leaves no file under a final name when the check of the copy fails', () => {
    const t = ledgerWithRecords();
    const folder = join(t.dir, 'U盘');
    mkdirSync(folder);
    // A copy that fails its check: the ledger's application id is not what the check expects.
    t.ledger.db.pragma('application_id = 1');
    expect(() => writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock, folder })).toThrowError(/写出的副本校验未通过/);
    expect(readdirSync(folder)).toEqual([]);
    t.ledger.db.pragma(`application_id = ${APPLICATION_ID}`);
  });
});

describe('verifying a backup', () => {
  function backup(): { t: TestLedger; file: string } {
    const t = ledgerWithRecords();
    return { t, file: writeBackup(t.ledger.db, { dbPath: t.path, reason: 'manual', clock }).path };
  }

  it('passes a good backup, and one without its manifest on its own checks', () => {
    const { file } = backup();
    expect(verifyBackup(file).check).toEqual({ state: 'ok', message: null });
    const bare = join(tempDir(), 'copy.db');
    copyFileSync(file, bare);
    expect(verifyBackup(bare)).toMatchObject({ manifest: null, check: { state: 'ok' } });
  });

  it.each<[string, (file: string) => void, RegExp]>([
    [
      'a flipped byte inside',
      (f) => {
        const bytes = readFileSync(f);
        bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
        writeFileSync(f, bytes);
      },
      /校验值（SHA-256）不符/,
    ],
    ['a truncated file', (f) => truncateSync(f, 4096), /校验值（SHA-256）不符/],
    ['an empty file', (f) => truncateSync(f, 0), /校验值|空的/],
    [
      'a changed manifest',
      (f) => {
        const m = JSON.parse(readFileSync(`${f}.json`, 'utf8'));
        writeFileSync(`${f}.json`, JSON.stringify({ ...m, sha256: '0'.repeat(64) }));
      },
      /校验值（SHA-256）不符/,
    ],
  ])('refuses %s with the reason', (_label, damage, reason) => {
    const { file } = backup();
    damage(file);
    const entry = verifyBackup(file);
    expect(entry.check.state).toBe('damaged');
    expect(entry.check.message).toMatch(reason);
  });

  it('refuses without a manifest: damaged pages, a foreign SQLite file, not SQLite at all', () => {
    const { file } = backup();
    const dir = tempDir();
    const torn = join(dir, 'torn.db');
    const bytes = readFileSync(file);
    bytes.fill(0xff, 4096, 8192);
    writeFileSync(torn, bytes);
    expect(() => checkLedgerFile(torn)).toThrowError(/该备份不能使用：文件已损坏/);
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => checkLedgerFile(foreign)).toThrowError('该备份不能使用：这不是本程序的账本文件。');
    const text = join(dir, 'notes.db');
    writeFileSync(text, '这不是数据库'.repeat(100));
    expect(() => checkLedgerFile(text)).toThrowError(/这不是账本备份文件/);
  });
});
