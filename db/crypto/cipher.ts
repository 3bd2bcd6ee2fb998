/**
 * How an encrypted ledger is opened (RELIABILITY G8). The page cipher is SQLite3 Multiple Ciphers'
 * default, ChaCha20-Poly1305: every page (of the file, its write-ahead log, its rollback journal, and of
 * a `VACUUM INTO` copy, which takes the key of the connection it is run on) is encrypted and
 * authenticated. Chosen over the SQLCipher 4 mode because it reserves 32 bytes a page instead of 80 —
 * the ledger's pages are 1 KiB (db/open.ts), where SQLCipher's reserve would cost 8 % of every page — and
 * because it is fast in software on an office PC without AES instructions; SQLCipher interoperability
 * buys nothing here (Debian's sqlcipher reads only SQLCipher 3 files anyway).
 *
 * The key is the keyring's random 256-bit data key given raw (`x'…'`, no passphrase derivation), so a
 * worker's connection costs nothing extra; the deliberate cost is in the keyring's scrypt. Temporary
 * tables and sorts stay in memory (`temp_store = MEMORY`), since temporary files are not encrypted.
 *
 * A process keeps the keys of the ledgers it unlocked (`rememberKey`), so that every connection it opens
 * to them — the read-only check before writing, an export's snapshot, a backup's verification — finds
 * its key; a worker thread receives them in its workerData (db/jobs/spawn.ts), never on a command line or
 * in a file.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import { keysPath } from './keyring';

export const LEDGER_CIPHER = 'chacha20';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** A file that exists, is not empty and does not start with SQLite's plain header: encrypted (or not SQLite at all). */
export function isEncryptedFile(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') !== SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** A ledger that has a keyring beside it and is encrypted: it must be unlocked before it is opened. */
export function needsUnlock(path: string): boolean {
  return isEncryptedFile(path) && existsSync(keysPath(path));
}

/** Sets the cipher and the raw key on a connection, before anything is read from it. */
export function applyKey(db: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new LedgerError('INTERNAL', '账本密钥的长度不对。');
  db.pragma(`cipher = '${LEDGER_CIPHER}'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

const keys = new Map<string, Buffer>();

if (!isMainThread) {
  const given = (workerData as { ledgerKeys?: Record<string, string> } | null)?.ledgerKeys;
  for (const [path, hex] of Object.entries(given ?? {})) keys.set(path, Buffer.from(hex, 'hex'));
}

export function rememberKey(path: string, key: Buffer): void {
  keys.set(resolve(path), Buffer.from(key));
}

export function forgetKey(path: string): void {
  keys.get(resolve(path))?.fill(0);
  keys.delete(resolve(path));
}

export function keyFor(path: string): Buffer | null {
  return keys.get(resolve(path)) ?? null;
}

/** The keys this process holds, for a worker thread's workerData (hex, as structured clone carries them). */
export function keysForWorker(): Record<string, string> {
  return Object.fromEntries([...keys].map(([p, k]) => [p, k.toString('hex')]));
}

/** Of the keys this process holds, the one that reads an encrypted file (a backup restored in its place); null if none. */
export function keyThatOpens(path: string): Buffer | null {
  if (!isEncryptedFile(path)) return null;
  for (const k of keys.values()) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      applyKey(db, k);
      if (readable(db)) return k;
    } finally {
      db.close();
    }
  }
  return null;
}

export const WRONG_KEY = (path: string) => `无法用所给的密钥打开 ${path}（密钥不对，或密钥文件不是这个账本的），未作任何改动。`;
export const LOCKED = (path: string) => `${path} 已加密，请先输入密码或恢复码解锁。文件未作任何改动。`;

function readable(db: Database.Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw e;
  }
}

/**
 * A connection to a ledger file or a copy of one (a backup), with its key when it is encrypted: `key` when
 * given, else the key remembered for the path, else any key this process holds that reads it (a backup
 * is encrypted with its ledger's key). A plain file is opened as it is. Throws a Chinese message when no
 * key reads an encrypted file; the file is untouched.
 */
export function connect(path: string, options: Database.Options & { key?: Buffer | null } = {}): Database.Database {
  const { key, ...open } = options;
  const own = keyFor(path);
  const candidates = key
    ? [key]
    : isEncryptedFile(path)
      ? own
        ? [own, ...[...keys.values()].filter((k) => k !== own)]
        : [...keys.values()]
      : [null];
  if (candidates.length === 0) throw new LedgerError('UNAUTHORIZED', LOCKED(path));
  for (const k of candidates) {
    const db = new Database(path, open);
    try {
      if (k) applyKey(db, k);
      if (k && !readable(db)) {
        db.close();
        continue;
      }
      db.pragma('temp_store = MEMORY');
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  }
  throw new LedgerError('UNAUTHORIZED', WRONG_KEY(path));
}
