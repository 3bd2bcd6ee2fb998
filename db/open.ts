/**
 * The only place a ledger file is opened. Sequence (CONTRIBUTING.md, RELIABILITY §1.9): refuse what is not a
 * ledger, take the single-writer lock, WAL + synchronous=FULL + foreign keys, quick_check (for a large file at this
 * version, in the background: see DEFER_CHECK_ABOVE_BYTES), then
 * our migration wrapper. Any failure closes the file, releases the lock and changes nothing.
 */
import type Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Clock } from '../shared/dates';
import { LedgerError } from '../shared/errors';
import { systemClock } from './context';
import { acquireLock, type FileLock } from './lock';
import { backupFolder, removeStaleTemps } from './backup/backup';
import { pendingMigrations, runMigrations, unknownMigrations, type MigrateResult } from './migrate';
import { defaultMigrationsFolder } from './paths';
import { storageErrorMessage } from './safe-file';
import { connect, forgetKey, isEncryptedFile, keyFor, keyThatOpens, LOCKED, rememberKey } from './crypto/cipher';
import { keysPath } from './crypto/keyring';

/**
 * Page size of a new ledger. Every save is one small transaction whose cost, under synchronous=FULL,
 * is mostly the flush of the pages it changed to the write-ahead log: registering a dispute changes
 * some 35 table and index pages, and at 1 KiB instead of SQLite's default 4 KiB it flushes a quarter
 * of the bytes. Measured on 100,000 disputes: 1.36 instead of 2.17 ms per registration, while the
 * list (3.5 instead of 3.0 ms) and the person search (0.44 instead of 0.33 ms) stay well inside their
 * targets. An existing ledger keeps the size it was made with (changing it rewrites the whole file).
 */
export const NEW_LEDGER_PAGE_SIZE = 1024;

/** 'TJLG' — marks a file as one of our ledgers. */
export const APPLICATION_ID = 0x544a4c47;

export interface Ledger {
  path: string;
  db: Database.Database;
  migration: MigrateResult;
  /**
   * The file was opened without its quick_check (a large file at this version, see `deferCheckAbove`):
   * the app runs it in the background (db/jobs/integrity.ts) and stops saving if it fails.
   */
  checkDeferred: boolean;
  /** The file is encrypted (db/crypto/cipher.ts): every connection to it, and every backup of it, takes its key. */
  encrypted: boolean;
  close(): void;
  /**
   * Closes the file but keeps its lock, for replacing the file (a restore, db/backup/restore.ts): the
   * caller reopens it with `openLedger(path, { lock })` or releases the lock.
   */
  detach(): FileLock;
}

/**
 * The size above which the app opens a ledger at this version before its quick_check and runs the check
 * in the background (RELIABILITY §1.9: quick_check at startup, in the background above ~100 MB): on a
 * 1.2 GB ledger the check alone takes 5–14 s. A file that needs an upgrade is always checked first.
 */
export const DEFER_CHECK_ABOVE_BYTES = 100 * 1024 * 1024;

export interface OpenOptions {
  migrationsFolder?: string;
  /** Dates and names the pre-migration backup; defaults to the system clock. */
  clock?: Clock;
  /** The lock of a file this process detached (`Ledger.detach`) to replace it. */
  lock?: FileLock;
  /** Leave the quick_check to the caller for a file larger than this at this version (default: never). */
  deferCheckAbove?: number;
  /**
   * The data key of an encrypted ledger (db/crypto/unlock.ts), or of a new ledger to be created encrypted;
   * by default the key this process remembers for the path (a reopen after a restore).
   */
  key?: Buffer | null;
}

function looksLikeSqlite(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

/** An encrypted file without a key (locked), or a plain file given a key: refused before anything is opened. */
function checkKeyFits(path: string, key: Buffer | null): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const encrypted = isEncryptedFile(path);
  if (encrypted && !key) {
    if (existsSync(keysPath(path))) throw new LedgerError('UNAUTHORIZED', LOCKED(path));
    throw new LedgerError('DB_CORRUPT', `${path} 不是账本文件（也可能已损坏，或是加密的账本而旁边没有它的密钥文件 .keys），未作任何改动。`);
  }
  if (!encrypted && key && looksLikeSqlite(path))
    throw new LedgerError('DB_CORRUPT', `${path} 没有加密，不能用密钥打开（密钥文件可能是一次未完成的加密留下的），未作任何改动。`);
}

/** Every connection to a ledger, the app's own and a background job's, works under the same settings. */
function connectionPragmas(db: Database.Database): void {
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  // 64 MB of page cache (the default is 2 MB): lists and counts over a large ledger stay in memory.
  db.pragma('cache_size = -65536');
  db.pragma('journal_size_limit = 67108864');
}

/**
 * A second connection for a background job (worker thread) of the process that holds the ledger
 * open: that process has the lock, checked the file and migrated it, so this only connects. It never
 * creates a file: a missing one is an error.
 */
export function openJobConnection(path: string): Database.Database {
  const db = connect(path, { fileMustExist: true });
  try {
    if (db.pragma('journal_mode', { simple: true }) !== 'wal')
      throw new LedgerError('DB_CORRUPT', '账本文件未处于 WAL 方式，后台任务未运行。');
    connectionPragmas(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The ledger file is empty: a file that held a ledger and lost it (never made a new ledger in its place). */
export function emptyFileMessage(path: string): string {
  return `账本文件 ${path} 是空的（0 字节），其中没有任何记录。为免覆盖，本程序没有把它当作新账本，也未作任何改动。请用最近的备份恢复；如这确实是一个还没有用过的新文件，可以删除它后重新打开。`;
}

/**
 * Every check that decides whether the file may be written, on a read-only connection (nothing is written,
 * not even the switch to WAL): our application id (or a file with nothing in it yet), a schema that is ours,
 * no migration this app does not know, and quick_check unless `deferCheck` says the caller runs it later.
 * Returns whether the check was deferred.
 */
function checkBeforeWriting(path: string, migrationsFolder: string, deferCheckAbove: number | undefined, key: Buffer | null): boolean {
  const ro = connect(path, { readonly: true, fileMustExist: true, key });
  try {
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const tables = (ro.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    if (appId !== APPLICATION_ID) {
      if (appId !== 0 || tables.length > 0) throw new LedgerError('DB_CORRUPT', `${path} 不是本程序的账本文件，未作任何改动。`);
      return false;
    }
    if (tables.length > 0 && !tables.includes('__drizzle_migrations'))
      throw new LedgerError('DB_CORRUPT', `${path} 带有本程序的标记，但其中的表不是本程序的账本结构，未作任何改动，也没有升级它。`);
    if (unknownMigrations(ro, migrationsFolder) > 0) throw new LedgerError('DB_NEWER_THAN_APP');
    const deferred =
      deferCheckAbove !== undefined && statSync(path).size > deferCheckAbove && pendingMigrations(ro, migrationsFolder) === 0;
    if (!deferred && ro.pragma('quick_check', { simple: true }) !== 'ok') throw new LedgerError('DB_CORRUPT');
    return deferred;
  } finally {
    ro.close();
  }
}

/** Leftovers of a backup, restore or upgrade killed mid-way (`*.tmp-<pid>` of a process no longer running). */
function removeLeftovers(path: string): void {
  try {
    removeStaleTemps(dirname(path), `${basename(path)}.`);
    removeStaleTemps(backupFolder(path));
  } catch {
    /* a leftover that cannot be removed now is removed at a later open */
  }
}

/** A failure at open as the user is told it: our own errors as they are, the file system's in Chinese. */
function openError(path: string, e: unknown): unknown {
  if (e instanceof LedgerError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new LedgerError('DB_CORRUPT', `${path} 已损坏或不是账本文件，未作任何改动。`);
  }
  const message = storageErrorMessage(e, 'open');
  return message ? new LedgerError('WRITE_FAILED', `无法打开账本文件 ${path}：${message}`) : e;
}

export function openLedger(path: string, options: OpenOptions = {}): Ledger {
  let lock: FileLock;
  let key: Buffer | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    key = options.key ?? keyFor(path) ?? keyThatOpens(path);
    checkKeyFits(path, key);
    if (!key && !looksLikeSqlite(path)) {
      throw new LedgerError('DB_CORRUPT', `${path} 不是账本文件（也可能已损坏），未作任何改动。`);
    }
    // A read-only file would open read-only without a word and fail at the first save.
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
    if (options.lock) {
      lock = options.lock;
      lock.follow(path);
    } else lock = acquireLock(path);
  } catch (e) {
    throw openError(path, e);
  }
  let db: Database.Database | null = null;
  try {
    removeLeftovers(path);
    const isNew = statSync(path).size === 0;
    if (isNew && !(lock.created && !options.lock)) throw new LedgerError('DB_CORRUPT', emptyFileMessage(path));
    const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
    if (key) rememberKey(path, key);
    const checkDeferred = isNew ? false : checkBeforeWriting(path, migrationsFolder, options.deferCheckAbove, key);

    db = connect(path, { key });
    // Only a file with no pages yet takes a page size; it must be set before anything is written.
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${NEW_LEDGER_PAGE_SIZE}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new LedgerError('DB_CORRUPT', `无法以 WAL 方式打开账本文件（${String(mode)}）。`);
    connectionPragmas(db);

    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }

    const migration = runMigrations(db, {
      migrationsFolder,
      dbPath: path,
      clock: options.clock ?? systemClock,
    });
    const opened = db;
    const closeFile = () => {
      if (!opened.open) return;
      try {
        opened.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A full disk or a read-only file: every saved change is in the write-ahead log, merged at the next open.
      } finally {
        opened.close();
      }
    };
    return {
      path,
      db: opened,
      migration,
      checkDeferred,
      encrypted: key !== null,
      close() {
        try {
          closeFile();
        } finally {
          lock.release();
          forgetKey(path);
        }
      },
      detach() {
        closeFile();
        return lock;
      },
    };
  } catch (e) {
    if (db?.open) db.close();
    // A file this open created and nothing was written to: removed again, with its lock.
    if (lock.created && !options.lock) {
      try {
        if (statSync(path).size === 0) {
          for (const extra of ['', '-wal', '-shm', '-journal']) if (existsSync(`${path}${extra}`)) unlinkSync(`${path}${extra}`);
        }
      } catch {
        /* it stays as an empty file, refused at the next open */
      }
    }
    lock.release();
    // A key that did not open the file is not kept for the next try.
    if (options.key) forgetKey(path);
    throw openError(path, e);
  }
}
