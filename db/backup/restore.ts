/**
 * Restore (RELIABILITY G4, T6, T19): the backup is verified first (SHA-256 against its manifest,
 * read-only integrity_check, our application id, not from a newer app), and a damaged or foreign file is
 * refused before anything is written. Then a safety backup of the current ledger ('before-restore'), the
 * file is closed (its lock kept), the backup copied beside it under a temporary name, flushed and
 * hashed again, and renamed over the ledger; the ledger is reopened through db/open.ts (which upgrades an
 * older backup, after a backup of its own). If the reopen fails, the safety backup is put back the same
 * way. 撤销恢复 is a restore of that safety backup (db/services/backups.ts).
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../../shared/dates';
import { LedgerError } from '../../shared/errors';
import type { BackupEntry, BackupPreview } from '../../shared/schemas/backups';
import { migrationCount } from '../migrate';
import { acquireLock } from '../lock';
import { openLedger, type Ledger, type OpenOptions } from '../open';
import { defaultMigrationsFolder } from '../paths';
import { fileErrorMessage } from '../safe-file';
import { backupFolder, listBackupFiles, removeStaleTemps, sha256File, verifyBackupFile, writeBackup } from './backup';
import { saveUndo } from './store';
import { isEncryptedFile, keyFor } from '../crypto/cipher';
import { encryptFileInPlace } from '../crypto/encrypt';
import { keysPath, readKeyring, writeKeyring } from '../crypto/keyring';

function fsyncPath(path: string, flags = 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } catch {
    /* a folder cannot be flushed on every system */
  } finally {
    closeSync(fd);
  }
}

/** What a backup holds, for the confirmation; throws the reason a damaged, foreign or newer file is refused. */
export function previewBackup(file: string, migrationsFolder = defaultMigrationsFolder()): BackupPreview & { sha256: string } {
  const { contents, manifest, sha256 } = verifyBackupFile(file, migrationCount(migrationsFolder));
  return {
    ...contents,
    path: file,
    createdAt: manifest?.createdAt ?? null,
    reason: manifest?.reason ?? null,
    size: statSync(file).size,
    sha256,
  };
}

/**
 * Puts a verified backup in the place of a closed ledger whose lock the caller holds. For an encrypted
 * ledger, a plain backup (one taken before the ledger was encrypted) is encrypted with its key on the way.
 */
function replaceFile(livePath: string, source: string, sha256: string): void {
  const key = keyFor(livePath);
  const tmp = `${livePath}.restore.tmp-${process.pid}`;
  try {
    removeStaleTemps(dirname(livePath), `${basename(livePath)}.`);
    copyFileSync(source, tmp);
    fsyncPath(tmp);
    if (sha256File(tmp) !== sha256)
      throw new LedgerError('WRITE_FAILED', '复制出的文件与备份不一致（磁盘或U盘可能有问题），账本未作任何改动。');
    if (key && !isEncryptedFile(tmp)) {
      encryptFileInPlace(tmp, key);
      fsyncPath(tmp);
    }
    // The closed ledger's write-ahead log belongs to the old file: it must not be read into the new one.
    for (const extra of [`${livePath}-wal`, `${livePath}-shm`]) if (existsSync(extra)) unlinkSync(extra);
    renameSync(tmp, livePath);
    // An encrypted ledger whose keyring was lost gets the one the backup carries (db/backup/backup.ts).
    if (isEncryptedFile(livePath) && !existsSync(keysPath(livePath)) && existsSync(keysPath(source)))
      writeKeyring(keysPath(livePath), readKeyring(keysPath(source)));
    fsyncPath(dirname(livePath), 'r');
  } catch (e) {
    try {
      for (const t of [tmp, `${tmp}-journal`]) if (existsSync(t)) unlinkSync(t);
    } catch {
      /* the original error matters more */
    }
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('WRITE_FAILED', `恢复未完成：${fileErrorMessage(e, livePath)}账本未作任何改动。`);
  }
}

export interface RestoreOptions {
  clock: Clock;
  /** How the ledger is reopened (the app's migrations folder, deferred check…). */
  open?: Omit<OpenOptions, 'lock' | 'clock'>;
  /** Receives the ledger open after the call, whether it succeeded or not (the old one is closed). */
  adopt: (ledger: Ledger) => void;
  /** Marks this restore as the undo of the last one: no new undo is offered after it. */
  undoing?: boolean;
  /** The backup already verified (in a worker, db/services/backups.ts): not read again here. */
  verified?: BackupPreview & { sha256: string };
  /** The safety backup already written, when nothing was saved into the ledger since (a worker wrote it). */
  safety?: BackupEntry;
}

/**
 * Replaces the open ledger by a backup. Returns what was restored; throws (with the ledger as it was,
 * reopened and given to `adopt`) when the backup is refused or the swap fails.
 */
export function restoreLedger(ledger: Ledger, source: string, options: RestoreOptions): BackupPreview {
  const path = ledger.path;
  const preview = options.verified ?? previewBackup(source, options.open?.migrationsFolder);
  const safety = options.safety ?? writeBackup(ledger.db, { dbPath: path, reason: 'before-restore', clock: options.clock });
  const openOptions = { ...options.open, clock: options.clock };
  const lock = ledger.detach();
  try {
    replaceFile(path, source, preview.sha256);
  } catch (e) {
    options.adopt(openLedger(path, { ...openOptions, lock }));
    throw e;
  }
  try {
    options.adopt(openLedger(path, { ...openOptions, lock }));
  } catch (e) {
    // The backup would not open (openLedger released the lock): the safety backup goes back in its place.
    replaceFile(path, safety.path, safety.manifest!.sha256);
    options.adopt(openLedger(path, openOptions));
    throw new LedgerError('DB_CORRUPT', `恢复未完成：备份文件打开失败（${(e as Error).message}），已回到恢复前的账本。`);
  }
  const dir = backupFolder(path);
  saveUndo(dir, options.undoing ? null : { restoredFrom: source, safetyBackup: safety.path, at: options.clock.now() });
  const { sha256: _sha, ...shown } = preview;
  return shown;
}

/**
 * Restore of a ledger that will not open (damaged, or not a ledger at all): it cannot be backed up by
 * VACUUM INTO, so it is kept as it is — copied, with its write-ahead log, into the backup folder as
 * `…-damaged.db`, never deleted — and then replaced by the verified backup. Refused, as every open is,
 * while another program holds the ledger. Returns the reopened ledger and where the damaged file was kept.
 */
export function restoreUnopenable(
  path: string,
  source: string,
  options: { clock: Clock; open?: Omit<OpenOptions, 'lock' | 'clock'> },
): { ledger: Ledger; preview: BackupPreview; keptAt: string } {
  const preview = previewBackup(source, options.open?.migrationsFolder);
  const lock = acquireLock(path);
  try {
    const dir = backupFolder(path);
    mkdirSync(dir, { recursive: true });
    const stamp = options.clock.now().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const keptAt = join(dir, `${basename(path).replace(/\.[^.]*$/, '')}-${stamp}-damaged.db`);
    if (existsSync(path)) copyFileSync(path, keptAt);
    for (const extra of ['-wal', '-shm']) if (existsSync(`${path}${extra}`)) copyFileSync(`${path}${extra}`, `${keptAt}${extra}`);
    replaceFile(path, source, preview.sha256);
    const ledger = openLedger(path, { ...options.open, clock: options.clock, lock });
    const { sha256: _sha, ...shown } = preview;
    return { ledger, preview: shown, keptAt };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** The newest backup in the ledger's own folder with a manifest (written verified), for the advice at open. */
export function newestBackup(dbPath: string): string | null {
  return listBackupFiles(backupFolder(dbPath)).find((b) => b.manifest)?.path ?? null;
}

/**
 * What a ledger that cannot be opened is told (the desktop app's dialog, browser mode, the command line):
 * the file is kept as it is, and the newest backup can be put in its place.
 */
export function restoreAdvice(dbPath: string): string {
  const newest = newestBackup(dbPath);
  return newest
    ? `最近的备份：${newest}\n可以用它恢复（损坏的文件会先另存到备份文件夹，不会删除）：在命令行运行 ledger restore "${newest}" --db "${dbPath}"`
    : `备份文件夹（${backupFolder(dbPath)}）中没有备份；如有其他位置（如U盘）的备份，可以在命令行运行 ledger restore 备份文件 --db "${dbPath}" 恢复。`;
}
