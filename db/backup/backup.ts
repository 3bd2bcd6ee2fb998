/**
 * Verified backups (RELIABILITY G3, G4; ARCHITECTURE rule 8). A backup is a `VACUUM INTO` of the open
 * ledger (never a copy of the live file, which may be mid-transaction) to a temporary name in the
 * target folder; the copy is flushed, opened read-only and checked (integrity_check, application id,
 * record counts), hashed (SHA-256), and only then renamed to its final name, beside a small JSON
 * manifest. Any failure removes the temporary files (VACUUM INTO on a full disk leaves a partial file and
 * a `-journal`, RELIABILITY T3) and says in Chinese what happened; nothing looks complete that is not.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { Clock } from '../../shared/dates';
import type { BackupReason } from '../../shared/domain/backup-retention';
import { auditHeadOf } from '../services/audit-verify';
import { LedgerError } from '../../shared/errors';
import { MODULE_INFO, MODULES, type ModuleName } from '../../shared/modules';
import type { BackupCheck, BackupContents, BackupEntry, BackupManifest } from '../../shared/schemas/backups';
import { APPLICATION_ID } from '../open';
import { fileErrorMessage } from '../safe-file';
import { connect, isEncryptedFile } from '../crypto/cipher';
import { keysPath, readKeyring, writeKeyring } from '../crypto/keyring';

/** The main table of each module, counted in every backup (a new module makes the compiler ask for its table). */
const MODULE_TABLES: Record<ModuleName, string> = {
  persons: 'person',
  followup: 'followup_subject',
  disputes: 'dispute',
  mediation: 'mediation_case',
  correction: 'correction_file',
  assistance: 'assistance_file',
};

const COUNTED: readonly { table: string; label: string }[] = [
  ...MODULES.map((m) => ({ table: MODULE_TABLES[m], label: MODULE_INFO[m].record })),
  { table: 'attachment', label: '附件' },
  { table: 'audit_log', label: '操作记录' },
];

/** The ledger's own backup folder, beside it: `ledger.db` → `ledger.db.backups/`. */
export function backupFolder(dbPath: string): string {
  return `${dbPath}.backups`;
}

export const manifestPath = (file: string) => `${file}.json`;

const SQLITE_HEADER = 'SQLite format 3\u0000';

function fsyncPath(path: string, flags = 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Best effort: a folder cannot be flushed on every system (Windows), and the files in it already are. */
function fsyncFolder(dir: string): void {
  try {
    fsyncPath(dir, 'r');
  } catch {
    /* not supported here */
  }
}

export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The SQLite error codes of a write to a folder, as the file system's, so that the message names the cause. */
function asFileError(e: unknown, dir: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') return Object.assign(new Error('disk full'), { code: 'ENOSPC' });
  if (code.startsWith('SQLITE_READONLY')) return Object.assign(new Error('read-only'), { code: 'EROFS' });
  if (code.startsWith('SQLITE_CANTOPEN')) return Object.assign(new Error('cannot open'), { code: existsSync(dir) ? 'EACCES' : 'ENOENT' });
  if (code.startsWith('SQLITE_IOERR')) return Object.assign(new Error('I/O'), { code: 'EIO' });
  return e;
}

function schemaVersion(db: Database.Database): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  return exists ? (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}

/** What a ledger file holds (its counts, township, version), read on a connection the caller opened. */
export function readContents(db: Database.Database): BackupContents {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name));
  const counts = COUNTED.filter((c) => tables.has(c.table)).map((c) => ({
    label: c.label,
    count: (db.prepare(`SELECT count(*) AS n FROM "${c.table}"`).get() as { n: number }).n,
  }));
  let townshipName: string | null = null;
  if (tables.has('setting')) {
    const row = db.prepare("SELECT value FROM setting WHERE key = 'settings'").get() as { value: string } | undefined;
    try {
      townshipName = row ? ((JSON.parse(row.value) as { townshipName?: string }).townshipName ?? null) : null;
    } catch {
      townshipName = null;
    }
  }
  return { counts, townshipName, schemaVersion: schemaVersion(db), ...(tables.has('audit_log') ? { auditHead: auditHeadOf(db) } : {}) };
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

const DAMAGED = (why: string) => new LedgerError('DB_CORRUPT', `该备份不能使用：${why}`);

/**
 * Checks a ledger file read-only, as untrusted (RELIABILITY T6, T15): a SQLite file, our application id,
 * integrity_check, not written by a newer app (`knownMigrations`: how many migrations this app has).
 * Throws a LedgerError('DB_CORRUPT') with the reason; returns what it holds.
 */
export function checkLedgerFile(path: string, knownMigrations?: number): BackupContents {
  if (!existsSync(path)) throw new LedgerError('NOT_FOUND', `找不到备份文件：${path}`);
  if (!statSync(path).isFile()) throw DAMAGED('这不是一个文件。');
  if (statSync(path).size === 0) throw DAMAGED('文件是空的（0 字节）。');
  if (!hasSqliteHeader(path) && !isEncryptedFile(path)) throw DAMAGED('这不是账本备份文件（文件头不对，可能已损坏或是别的文件）。');
  let db: Database.Database | null = null;
  try {
    try {
      db = connect(path, { readonly: true, fileMustExist: true });
    } catch (e) {
      if (e instanceof LedgerError && e.code === 'UNAUTHORIZED')
        throw DAMAGED(
          '这不是账本备份文件（文件头不对，可能已损坏或是别的文件），或是加密账本的备份而本程序没有能打开它的密钥（请先解锁该账本）。',
        );
      throw e;
    }
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw DAMAGED('这不是本程序的账本文件。');
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw DAMAGED(`文件已损坏（完整性检查未通过：${problems[0]}）。`);
    const contents = readContents(db);
    if (knownMigrations !== undefined && contents.schemaVersion > knownMigrations)
      throw new LedgerError('DB_NEWER_THAN_APP', '该备份由更高版本的程序写入，本程序不能用它恢复。请先升级程序。');
    return contents;
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw DAMAGED(`文件已损坏或不是账本文件（${(e as { code?: string }).code ?? (e as Error).message}）。`);
  } finally {
    db?.close();
  }
}

export function readManifest(file: string): BackupManifest | null {
  try {
    const m = JSON.parse(readFileSync(manifestPath(file), 'utf8')) as BackupManifest;
    return m && m.format === 1 && typeof m.sha256 === 'string' && typeof m.createdAt === 'string' ? m : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a backup as it is now: the file's SHA-256 against its manifest (when it has one), then the
 * read-only checks. Throws with the reason when it cannot be used.
 */
export function verifyBackupFile(
  file: string,
  knownMigrations?: number,
): { contents: BackupContents; manifest: BackupManifest | null; sha256: string } {
  if (!existsSync(file)) throw new LedgerError('NOT_FOUND', `找不到备份文件：${file}`);
  const manifest = readManifest(file);
  const sha256 = sha256File(file);
  if (manifest && manifest.sha256 !== sha256) throw DAMAGED('文件内容与备份时记录的校验值（SHA-256）不符，可能已损坏或被改动。');
  if (manifest && manifest.size !== statSync(file).size) throw DAMAGED('文件大小与备份时不同，可能不完整。');
  return { contents: checkLedgerFile(file, knownMigrations), manifest, sha256 };
}

function removeQuietly(...paths: string[]): void {
  for (const p of paths) {
    try {
      if (existsSync(p)) unlinkSync(p);
    } catch {
      /* the original error matters more */
    }
  }
}

function stampOf(instant: string): string {
  return instant.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A name not yet taken in the folder: `<ledger>-<yyyymmdd-hhmmss>-<reason>.db`. */
function freeName(dir: string, dbPath: string, reason: BackupReason, instant: string): string {
  const base = `${basename(dbPath).replace(/\.[^.]*$/, '')}-${stampOf(instant)}-${reason}`;
  for (let n = 1; ; n++) {
    const path = join(dir, `${base}${n === 1 ? '' : `-${n}`}.db`);
    if (!existsSync(path) && !existsSync(manifestPath(path))) return path;
  }
}

export interface WriteBackupOptions {
  /** The folder written into; the ledger's own backup folder (created if missing) when absent. */
  folder?: string;
  reason: BackupReason;
  clock: Clock;
  /** The path of the open ledger, for the file name and the default folder. */
  dbPath: string;
  /** Told each step as it starts (the window's progress bar). */
  onStep?: (step: string) => void;
}

/**
 * Writes one verified backup of an open ledger; returns it. Throws LedgerError('WRITE_FAILED') with the
 * cause in Chinese, leaving nothing under a final name.
 */
export function writeBackup(db: Database.Database, options: WriteBackupOptions): BackupEntry {
  const ownFolder = options.folder === undefined;
  const dir = options.folder ?? backupFolder(options.dbPath);
  const createdAt = options.clock.now();
  let tmp = '';
  let manifestTmp = '';
  let target = dir;
  try {
    if (ownFolder) mkdirSync(dir, { recursive: true });
    if (!existsSync(dir)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    removeStaleTemps(dir);
    target = freeName(dir, options.dbPath, options.reason, createdAt);
    tmp = `${target}.tmp-${process.pid}`;
    manifestTmp = `${manifestPath(target)}.tmp-${process.pid}`;
    removeQuietly(tmp, `${tmp}-journal`);
    options.onStep?.('正在写出副本');
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
    } catch (e) {
      throw asFileError(e, dir);
    }
    fsyncPath(tmp);
    options.onStep?.('正在校验副本（完整性检查、记录数）');
    const contents = checkLedgerFile(tmp);
    options.onStep?.('正在计算校验值（SHA-256）');
    const manifest: BackupManifest = {
      format: 1,
      createdAt,
      day: options.clock.today(),
      reason: options.reason,
      appVersion: pkg.version,
      sha256: sha256File(tmp),
      size: statSync(tmp).size,
      ...contents,
    };
    writeFileSync(manifestTmp, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
    // The manifest first: a backup file under its final name always has its manifest beside it.
    renameSync(manifestTmp, manifestPath(target));
    renameSync(tmp, target);
    keepKeysBeside(target, options.dbPath);
    fsyncFolder(dir);
    return { path: target, fileName: basename(target), manifest, size: manifest.size, check: { state: 'ok', message: null } };
  } catch (e) {
    removeQuietly(tmp, `${tmp}-journal`, manifestTmp);
    if (target !== dir && !existsSync(target)) removeQuietly(manifestPath(target));
    if (e instanceof LedgerError && e.code !== 'DB_CORRUPT') throw e;
    if (e instanceof LedgerError)
      throw new LedgerError('WRITE_FAILED', `备份未完成：写出的副本校验未通过（${e.message}），账本未作任何改动。`);
    throw new LedgerError('WRITE_FAILED', `备份未完成：${fileErrorMessage(e, dir)}账本未作任何改动。`);
  }
}

/**
 * The backup of an encrypted ledger gets a copy of its keyring (`<backup>.keys`): a backup carried away on
 * a stick can then be opened with a password or the recovery code even when the PC and its ledger are lost.
 * Best effort: the keyring beside the ledger opens the backup too (the data key never changes).
 */
function keepKeysBeside(backup: string, dbPath: string): void {
  try {
    if (isEncryptedFile(backup) && existsSync(keysPath(dbPath))) writeKeyring(keysPath(backup), readKeyring(keysPath(dbPath)));
  } catch {
    /* the ledger's own keyring still opens the backup */
  }
}

/** Every backup in a folder (a `.db` file under a final name), newest first, as its manifest records it. */
export function listBackupFiles(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.db')) continue;
    const path = join(dir, name);
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue;
    }
    const manifest = readManifest(path);
    const check: BackupCheck = manifest
      ? { state: 'unchecked', message: null }
      : { state: 'unchecked', message: '没有备份说明文件（manifest），无法核对校验值。' };
    entries.push({ path, fileName: name, manifest, size, check });
  }
  const at = (e: BackupEntry) => e.manifest?.createdAt ?? '';
  // Two in the same second: `-2`, `-3`… came later (freeName).
  const nth = (e: BackupEntry) => Number(/-(\d+)\.db$/.exec(e.fileName)?.[1] ?? 1);
  return entries.sort((a, b) => at(b).localeCompare(at(a)) || nth(b) - nth(a) || b.fileName.localeCompare(a.fileName));
}

/** The backup as checked now (SHA-256, integrity, counts). */
export function recheck(entry: BackupEntry, knownMigrations?: number): BackupEntry {
  try {
    verifyBackupFile(entry.path, knownMigrations);
    return { ...entry, check: { state: 'ok', message: null } };
  } catch (e) {
    return { ...entry, check: { state: 'damaged', message: (e as Error).message } };
  }
}

/** A backup file as checked now, listed with its manifest and state (re-verification on demand, `ledger verify`). */
export function verifyEntry(path: string, knownMigrations?: number): BackupEntry {
  if (!existsSync(path)) throw new LedgerError('NOT_FOUND', `找不到备份文件：${path}`);
  const entry: BackupEntry = {
    path,
    fileName: basename(path),
    manifest: readManifest(path),
    size: statSync(path).size,
    check: { state: 'unchecked', message: null },
  };
  return recheck(entry, knownMigrations);
}

/**
 * Leftovers of a backup or restore killed mid-way (`*.tmp-<pid>` of a process no longer running), removed
 * by the next backup into the folder. `prefix`: only files named so (the ledger's folder is the user's).
 */
export function removeStaleTemps(dir: string, prefix = ''): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = /\.tmp-(\d+)(-journal)?$/.exec(name);
    if (!m || !name.startsWith(prefix) || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') removeQuietly(join(dir, name));
    }
  }
}
