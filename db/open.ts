/**
 * The only place a ledger file is opened. Sequence (CONTRIBUTING.md, RELIABILITY §1.9): refuse what is not a
 * ledger, take the single-writer lock, WAL + synchronous=FULL + foreign keys, quick_check (for a large file at this
 * version, in the background: see DEFER_CHECK_ABOVE_BYTES), then
 * our migration wrapper. Any failure closes the file, releases the lock and changes nothing.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../shared/dates';
import { LedgerError } from '../shared/errors';
import { systemClock } from './context';
import { acquireLock, type FileLock } from './lock';
import { pendingMigrations, runMigrations, type MigrateResult } from './migrate';
import { defaultMigrationsFolder } from './paths';

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
  const db = new Database(path, { fileMustExist: true });
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

export function openLedger(path: string, options: OpenOptions = {}): Ledger {
  mkdirSync(dirname(path), { recursive: true });
  if (!looksLikeSqlite(path)) {
    throw new LedgerError('DB_CORRUPT', `${path} 不是账本文件（也可能已损坏），未作任何改动。`);
  }
  const lock: FileLock = options.lock ?? acquireLock(path);
  let db: Database.Database | null = null;
  try {
    db = new Database(path);
    // Only a file with no pages yet takes a page size; it must be set before anything is written.
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${NEW_LEDGER_PAGE_SIZE}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new LedgerError('DB_CORRUPT', `无法以 WAL 方式打开账本文件（${String(mode)}）。`);
    connectionPragmas(db);

    const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
    const checkDeferred =
      options.deferCheckAbove !== undefined &&
      statSync(path).size > options.deferCheckAbove &&
      pendingMigrations(db, migrationsFolder) === 0;
    if (!checkDeferred) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new LedgerError('DB_CORRUPT');
    }

    const appId = db.pragma('application_id', { simple: true }) as number;
    const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID) {
      if (appId !== 0 || tableCount > 0) {
        throw new LedgerError('DB_CORRUPT', `${path} 不是本程序的账本文件，未作任何改动。`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }

    const migration = runMigrations(db, {
      migrationsFolder,
      dbPath: path,
      clock: options.clock ?? systemClock,
    });
    const opened = db;
    const closeFile = () => {
      if (opened.open) {
        try {
          opened.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          opened.close();
        }
      }
    };
    return {
      path,
      db: opened,
      migration,
      checkDeferred,
      close() {
        try {
          closeFile();
        } finally {
          lock.release();
        }
      },
      detach() {
        closeFile();
        return lock;
      },
    };
  } catch (e) {
    if (db?.open) db.close();
    lock.release();
    if (e instanceof LedgerError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new LedgerError('DB_CORRUPT', `${path} 已损坏或不是账本文件，未作任何改动。`);
    }
    throw e;
  }
}
