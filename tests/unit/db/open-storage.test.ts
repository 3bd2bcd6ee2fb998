import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../db/open';
import { storageErrorMessage } from '../../../db/safe-file';
import { runBackup } from '../../../electron/cli';
import { tempDir } from '../../helpers/test-db';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const lockFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.lock'));

/** A small tmpfs (RELIABILITY T3, T4: a real full disk and a real read-only mount need root). */
const mounted: string[] = [];
function smallDisk(size: string): string | null {
  const dir = join(tempDir(), 'disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}
afterEach(() => {
  while (mounted.length) execFileSync('umount', ['-l', mounted.pop()!], { stdio: 'ignore' });
});
const canMount = (() => {
  try {
    return process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  } catch {
    return false;
  }
})();

describe.skipIf(!canMount)('the file system says no', () => {
  it('a ledger in a read-only folder is refused in Chinese, saying to copy it to a writable folder, and is unchanged', () => {
    const dir = smallDisk('4m')!;
    const path = join(dir, 'ledger.db');
    openLedger(path).close();
    const before = sha(path);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    expect(() => openLedger(path)).toThrowError(/账本文件为只读.*请把文件复制到可写的文件夹（如“文档”）后再打开/);
    expect(sha(path)).toBe(before);
  });

  it('on a full disk a save says so in Chinese, and closing still releases the lock', () => {
    const dir = smallDisk('2m')!;
    const path = join(dir, 'ledger.db');
    const ledger = openLedger(path);
    let failure: unknown = null;
    try {
      for (let i = 0; i < 100_000; i++)
        ledger.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(`fill-${i}`, JSON.stringify('x'.repeat(4000)));
    } catch (e) {
      failure = e;
    }
    expect(failure).not.toBeNull();
    expect(storageErrorMessage(failure)).toMatch(/磁盘空间不足.*请清理磁盘/);
    expect(() => ledger.close()).not.toThrow();
    expect(lockFiles(dir)).toEqual([]);
  });
});

describe('the command line', () => {
  it('refuses a 0-byte ledger naming the newest backup and `ledger restore`, without a Node stack', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    openLedger(path).close();
    const backup = runBackup(['--db', path]);
    truncateSync(path, 0);
    const cli = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
    const out = spawnSync(process.execPath, ['--import', 'tsx', cli, 'backup', '--db', path], {
      encoding: 'utf8',
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/是空的（0 字节）/);
    expect(out.stderr).toContain(`ledger restore "${backup.path}"`);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path).length).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(lockFiles(dir)).toEqual([]);
  });

  it('tells a file-system error in Chinese', () => {
    expect(storageErrorMessage(Object.assign(new Error('x'), { code: 'SQLITE_READONLY' }))).toMatch(/只读/);
    expect(storageErrorMessage(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'open')).toMatch(/磁盘空间不足。文件未作任何改动/);
    expect(storageErrorMessage(new Error('x'))).toBeNull();
  });
});
