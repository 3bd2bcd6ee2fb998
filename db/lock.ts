/**
 * One writer per ledger file. The lock belongs to the file, not to the name it was opened by: it is a
 * file in the ledger's real folder named after the file's device and inode, so a symbolic link, a hard
 * link in the same folder or another spelling of the path finds the same lock; a second one, named the
 * same way in a folder the whole computer shares, is seen through a hard link in another folder. It is taken with an
 * exclusive create (never two holders) and records host, process id and the process's start time. A
 * lock is stale only when its process no longer runs on this host, when that process id now belongs
 * to a process started later (another program), or when it was written before this computer started;
 * an empty lock is someone's lock being written until it is a few seconds old. A stale lock is removed
 * only under a short-lived guard file and after a second look, so two openers never both take it over.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname, tmpdir, uptime } from 'node:os';
import { dirname, join } from 'node:path';
import { LedgerError } from '../shared/errors';

interface LockInfo {
  host: string;
  pid: number;
  /** The holder's start time as the OS reports it (Linux: /proc/<pid>/stat field 22), where available. */
  start?: string;
  since: string;
}

/** An empty or unreadable lock younger than this is being written by its holder. */
export const EMPTY_LOCK_GRACE_MS = 5000;
/** A takeover guard is held for microseconds; one older than this was left by a killed process. */
const GUARD_STALE_MS = 10_000;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's start time since boot (Linux), to tell a reused process id from the lock's holder. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
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

/** How old the file is; a file gone meanwhile counts as old (there is nothing left to wait for). */
function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return Number.POSITIVE_INFINITY;
    throw e;
  }
}

/** Why a lock no longer holds, or null while it does. */
function staleReason(path: string, holder: LockInfo | null): string | null {
  if (holder === null) return ageMs(path) > EMPTY_LOCK_GRACE_MS ? 'unreadable' : null;
  if (holder.host !== hostname()) return null;
  if (!processAlive(holder.pid)) return 'dead';
  const since = Date.parse(holder.since);
  if (Number.isFinite(since) && since < Date.now() - uptime() * 1000 - 60_000) return 'before-boot';
  if (holder.start !== undefined) {
    const now = processStart(holder.pid);
    if (now !== undefined && now !== holder.start) return 'reused';
  }
  return null;
}

/** The lock of the file at `dbPath` (which must exist): in its real folder, named by device and inode. */
export function lockPathFor(dbPath: string): string {
  const real = realpathSync(dbPath);
  const st = statSync(real, { bigint: true });
  return join(dirname(real), `.ledger-${st.dev}-${st.ino}.lock`);
}

export interface FileLock {
  path: string;
  /** Whether taking the lock created the (empty) ledger file. */
  created: boolean;
  release(): void;
  /** After the file was replaced (a restore renames a new file into place): the lock moves to the new file. */
  follow(dbPath: string): void;
}

function lockedError(holder: LockInfo | null): LedgerError {
  return new LedgerError(
    'DB_LOCKED',
    holder
      ? `该账本文件正被另一个程序使用（计算机 ${holder.host}，进程号 ${holder.pid}，自 ${holder.since} 起）。请先关闭那个程序再打开；如那个程序已不在运行，请稍后再试。`
      : '该账本文件正被另一个程序使用（它正在打开该文件）。请先关闭那个程序再打开，或稍后再试。',
    { details: holder ? { host: holder.host, pid: String(holder.pid) } : {} },
  );
}

function tryCreate(path: string, me: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } catch (e) {
    closeSync(fd);
    unlinkSync(path);
    throw e;
  } finally {
    try {
      closeSync(fd);
    } catch {
      /* already closed above */
    }
  }
  return true;
}

/** Removes the stale lock `seen` (same inode, same bytes) under the guard; false if someone else is at it. */
function removeStale(path: string, seenIno: number, seenBytes: string, me: LockInfo): boolean {
  const guard = `${path}.takeover`;
  if (!tryCreate(guard, me)) {
    try {
      if (ageMs(guard) > GUARD_STALE_MS) unlinkSync(guard);
    } catch {
      /* another opener cleared it */
    }
    return false;
  }
  try {
    let st: ReturnType<typeof statSync>;
    let bytes: string;
    try {
      st = statSync(path);
      bytes = readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw e;
    }
    if (st.ino !== seenIno || bytes !== seenBytes) return false;
    unlinkSync(path);
    return true;
  } finally {
    try {
      unlinkSync(guard);
    } catch {
      /* it was taken as stale: the next opener looks again */
    }
  }
}

function take(path: string, me: LockInfo): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, me)) return;
    let seenIno: number;
    let seenBytes: string;
    try {
      seenIno = statSync(path).ino;
      seenBytes = readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const holder = readLock(path);
    if (staleReason(path, holder) === null) throw lockedError(holder);
    if (!removeStale(path, seenIno, seenBytes, me)) throw lockedError(readLock(path));
  }
  throw lockedError(readLock(path));
}

/**
 * Takes the lock of the ledger at `dbPath`, creating an empty file there if there is none (a new ledger:
 * the lock needs the file's inode). Throws DB_LOCKED, with the holder, when another process has it.
 */
export function acquireLock(dbPath: string): FileLock {
  let created = false;
  if (!existsSync(dbPath)) {
    try {
      closeSync(openSync(dbPath, 'wx'));
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const me: LockInfo = { host: hostname(), pid: process.pid, start: processStart(process.pid), since: new Date().toISOString() };
  const mine = (p: string) => {
    const cur = readLock(p);
    return cur !== null && cur.pid === me.pid && cur.host === me.host && cur.since === me.since;
  };
  const drop = (paths: string[]) => {
    for (const p of paths) {
      try {
        if (mine(p)) unlinkSync(p);
      } catch {
        /* nothing more can be done; the lock is stale once this process ends */
      }
    }
  };
  /** The file's lock in its folder, then the machine's (a hard link in another folder): both or neither. */
  const takeAll = (file: string): string[] => {
    const folderLock = lockPathFor(file);
    take(folderLock, me);
    const machineLock = machineLockPathFor(file);
    if (machineLock === null) return [folderLock];
    try {
      take(machineLock, me);
    } catch (e) {
      if (e instanceof LedgerError) {
        drop([folderLock]);
        throw e;
      }
      // The shared folder cannot be written (another user made it): the folder's lock alone holds.
      return [folderLock];
    }
    return [folderLock, machineLock];
  };
  let held = takeAll(dbPath);
  let released = false;
  return {
    get path() {
      return held[0]!;
    },
    created,
    release() {
      if (released) return;
      released = true;
      drop(held);
    },
    follow(next: string) {
      if (lockPathFor(next) === held[0]) return;
      const old = held;
      held = takeAll(next);
      drop(old);
    },
  };
}

/**
 * The same file's lock in a folder shared by the whole computer, for a hard link in another folder (which
 * the lock in the file's folder cannot see). Null where that folder cannot be made.
 */
export function machineLockPathFor(dbPath: string): string | null {
  const st = statSync(realpathSync(dbPath), { bigint: true });
  const dir = join(tmpdir(), 'township-ledger-locks');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o1777 });
    chmodSync(dir, 0o1777);
  } catch {
    /* made by another user: usable if it is open to all */
  }
  return existsSync(dir) ? join(dir, `${st.dev}-${st.ino}.lock`) : null;
}
