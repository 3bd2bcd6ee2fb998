/**
 * 备份与恢复 on the host (RELIABILITY G3, G4, T19): the list of the ledger's backups, 立即备份 to its own
 * folder or one the user names, re-verification on demand, the preview and the restore (which swaps the
 * open ledger in place: background jobs stopped, file closed and replaced, reopened, the jobs started
 * again), 撤销恢复, and the retention rules. The engine is db/backup/.
 */
import type { SessionUser } from '../../shared/schemas/accounts';
import { reloadUser } from './accounts';
import { existsSync } from 'node:fs';
import type { BackupReason, RetentionRules } from '../../shared/domain/backup-retention';
import { LedgerError } from '../../shared/errors';
import type { BackupEntry, BackupList, BackupPreview } from '../../shared/schemas/backups';
import { backupFolder, listBackupFiles, writeBackup } from '../backup/backup';
import { previewBackup, restoreLedger, undoRestore } from '../backup/restore';
import { pruneBackups, readRules, readUndo, saveRules } from '../backup/store';
import { BackupJob, DailyBackup } from '../jobs/daily-backup';
import { ObligationRefresher } from '../jobs/refresher';
import { migrationCount } from '../migrate';
import type { Ledger } from '../open';
import { defaultMigrationsFolder } from '../paths';
import { fileErrorMessage } from '../safe-file';
import type { JobHandle } from './jobs';
import type { Clock } from '../../shared/dates';
import type { IntegrityCheck } from '../jobs/integrity';
import type { OpenOptions } from '../open';

/** What of the host (db/router.ts) backups use: the open ledger, which a restore replaces in place, and its jobs. */
export interface Host {
  ledger: Ledger;
  clock: Clock;
  log: (line: string) => void;
  /** The cached operator, read again after a restore. */
  session?: unknown;
  /** The logged-in account (db/router.ts, HostAuth), read again from the restored file. */
  auth?: { user: (SessionUser & { mustChange: boolean }) | null };
  refresher?: ObligationRefresher;
  integrity?: IntegrityCheck;
  dailyBackup?: DailyBackup;
  /** 立即备份 running in its worker. */
  manualBackup?: BackupJob;
  /** A report package being made or received in its worker (settles, never rejects). */
  packageJob?: Promise<unknown>;
  openOptions?: Omit<OpenOptions, 'lock' | 'clock'>;
}

const migrationsOf = (host: Host) => host.openOptions?.migrationsFolder ?? defaultMigrationsFolder();

export function listBackups(host: Host): BackupList {
  const folder = backupFolder(host.ledger.path);
  return { folder, backups: listBackupFiles(folder), rules: readRules(folder), undo: readUndo(folder) };
}

/**
 * 立即备份, in a worker thread (the window answers meanwhile). Into the ledger's own folder the rules then
 * prune; a folder the user names is never pruned.
 */
export function backupNow(host: Host, folder: string | undefined, handle?: JobHandle): Promise<BackupEntry> {
  if (host.manualBackup) throw new LedgerError('CONFLICT', '上一次备份还没有完成，请稍候再试。');
  const job = new BackupJob(
    { path: host.ledger.path, today: host.clock.today(), now: host.clock.now(), reason: 'manual', folder },
    (step) => handle?.report(step),
  );
  host.manualBackup = job;
  cancelWith(handle, () => job.cancel(folder ?? backupFolder(host.ledger.path)));
  return job.done.finally(() => {
    if (host.manualBackup === job) host.manualBackup = undefined;
  });
}

/** A backup on this thread, into the ledger's own folder, then pruned (closing: nothing else runs then). */
function backupHere(host: Host, reason: BackupReason): BackupEntry {
  const written = writeBackup(host.ledger.db, { dbPath: host.ledger.path, reason, clock: host.clock });
  pruneBackups(backupFolder(host.ledger.path), host.clock.today());
  return written;
}

/** A backup re-verified in the worker thread (SHA-256 and integrity_check read the whole file). */
export function verifyBackup(host: Host, path: string, handle?: JobHandle): Promise<BackupEntry> {
  if (!existsSync(path)) throw new LedgerError('NOT_FOUND', `找不到备份文件：${path}`);
  const job = new BackupJob(
    {
      path: host.ledger.path,
      today: host.clock.today(),
      now: host.clock.now(),
      reason: 'manual',
      verify: { file: path, knownMigrations: migrationCount(migrationsOf(host)) },
    },
    (step) => handle?.report(step),
  );
  cancelWith(handle, () => job.cancel(backupFolder(host.ledger.path)));
  return job.done;
}

/** 取消 of a job in a worker: the worker stopped and its temporary files removed. */
function cancelWith(handle: JobHandle | undefined, cancel: () => Promise<void>): void {
  handle?.signal.addEventListener('abort', () => void cancel(), { once: true });
}

export function preview(host: Host, path: string): BackupPreview {
  const { sha256: _sha, ...shown } = previewBackup(path, migrationsOf(host));
  return shown;
}

/**
 * Runs a swap of the open ledger: background jobs stopped first (their finished work is whole), the host
 * given the ledger open afterwards (whether the swap succeeded or not), and the jobs started again.
 */
async function swapLedger(host: Host, swap: (adopt: (ledger: Ledger) => void) => BackupPreview): Promise<BackupPreview> {
  await host.refresher?.stop();
  await host.integrity?.stop();
  await host.dailyBackup?.stop();
  await host.manualBackup?.stop(backupFolder(host.ledger.path));
  // A package being made or received finishes first (it writes audit rows, or a received package, into this file).
  await host.packageJob;
  host.integrity = undefined;
  host.dailyBackup = undefined;
  host.manualBackup = undefined;
  try {
    return swap((ledger) => {
      host.ledger = ledger;
      host.session = undefined;
      // The logged-in account as the restored file knows it; logged out when that file has no such account.
      const user = host.auth?.user;
      if (host.auth && user) {
        const now = reloadUser({ db: ledger.db, clock: host.clock, user: { id: user.staffId, name: user.name } }, user.accountId);
        host.auth.user = now && { ...now, mustChange: user.mustChange && now.mustChange };
      }
    });
  } finally {
    if (host.refresher) host.refresher = new ObligationRefresher(host.ledger.path, host.log);
  }
}

export function restore(host: Host, path: string): Promise<BackupPreview> {
  return swapLedger(host, (adopt) => restoreLedger(host.ledger, path, { clock: host.clock, open: host.openOptions, adopt }));
}

export function undo(host: Host): Promise<BackupPreview> {
  // Nothing to undo is said at once (before any job is stopped).
  if (!readUndo(backupFolder(host.ledger.path))) throw new LedgerError('NOT_FOUND', '没有可以撤销的恢复。');
  return swapLedger(host, (adopt) => undoRestore(host.ledger, { clock: host.clock, open: host.openOptions, adopt }));
}

export function setRules(host: Host, rules: RetentionRules): RetentionRules {
  const folder = backupFolder(host.ledger.path);
  try {
    saveRules(folder, rules);
  } catch (e) {
    throw new LedgerError('WRITE_FAILED', `保留规则未保存：${fileErrorMessage(e, folder)}`);
  }
  pruneBackups(folder, host.clock.today(), rules);
  return rules;
}

/** The day's first backup, in the background (the app and browser mode start it; scripts and tests do not). */
export function startDailyBackup(host: Host): void {
  host.dailyBackup = new DailyBackup(host.ledger.path, host.clock, host.log);
}

/**
 * The backup on closing, when this session changed anything (a session that only read leaves the last
 * backup standing). Never stops the close: a failure is logged.
 */
export function backupOnExit(host: Host): void {
  try {
    const changes = (host.ledger.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    if (changes === 0) return;
    backupHere(host, 'exit');
  } catch (e) {
    host.log(`[${new Date().toISOString()}] 退出时的备份未完成：${(e as Error).message}`);
  }
}
