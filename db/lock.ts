/**
 * One writer per ledger file. A lock file beside the ledger records host and process id; a second
 * process is refused with a clear message, and a lock left by a process that no longer runs on this
 * host is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LedgerError } from '../shared/errors';

interface LockInfo {
  host: string;
  pid: number;
  since: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.host === 'string' && typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

export interface FileLock {
  path: string;
  release(): void;
}

export function acquireLock(dbPath: string): FileLock {
  const path = `${dbPath}.lock`;
  const me: LockInfo = { host: hostname(), pid: process.pid, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          const cur = readLock(path);
          if (cur && cur.pid === me.pid && cur.host === me.host) unlinkSync(path);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(path);
      const stale = holder === null || (holder.host === me.host && !processAlive(holder.pid));
      if (stale && attempt === 0) {
        unlinkSync(path);
        continue;
      }
      throw new LedgerError(
        'DB_LOCKED',
        holder
          ? `该账本文件正被另一个程序使用（计算机 ${holder.host}，进程号 ${holder.pid}，自 ${holder.since} 起）。请先关闭那个程序再打开。`
          : '该账本文件正被另一个程序使用。请先关闭那个程序再打开。',
        { details: holder ? { host: holder.host, pid: String(holder.pid) } : {} },
      );
    }
  }
  throw new LedgerError('DB_LOCKED');
}
