/**
 * 备份与恢复 on the host (RELIABILITY G3, G4, T19): the list of the ledger's backups, 立即备份 to its own
 * folder or one the user names, re-verification on demand, the preview and the restore (which swaps the
 * open ledger in place: background jobs stopped, file closed and replaced, reopened, the jobs started
 * again), 撤销恢复, and the retention rules. The engine is db/backup/.
 */
import type { SessionUser } from '../../shared/schemas/accounts';
import { reloadUser } from './accounts';
import { existsSync, rmSync } from 'node:fs';
import type { BackupReason, RetentionRules } from '../../shared/domain/backup-retention';
import { LedgerError } from '../../shared/errors';
import type { BackupEntry, BackupList, BackupPreview } from '../../shared/schemas/backups';
import { backupFolder, listBackupFiles, manifestPath, writeBackup } from '../backup/backup';
import { previewBackup, restoreLedger } from '../backup/restore';
import { pruneBackups, readRules, readUndo, saveRules } from '../backup/store';
import { BackupJob, DailyBackup, type BackupJobData, type VerifiedBackup } from '../jobs/daily-backup';
import { ObligationRefresher } from '../jobs/refresher';
import { migrationCount } from '../migrate';
import type { Ledger } from '../open';
import { defaultMigrationsFolder } from '../paths';
import { fileErrorMessage } from '../safe-file';
import { checkCancelled, type JobHandle } from './jobs';
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
 * Runs a swap of the open ledger (a restore; an encryption, db/crypto/host.ts): background jobs stopped first
 * (their finished work is whole), the host given the ledger open afterwards (whether the swap succeeded or
 * not), and the jobs started again.
 */
export async function swapLedger<T>(host: Host, swap: (adopt: (ledger: Ledger) => void) => T | Promise<T>): Promise<T> {
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
    return await swap((ledger) => {
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

/** How a restore's steps are counted for its progress bar. */
const RESTORE_STEPS = 3;

/**
 * One step of a restore run in a worker thread (the window answers and shows the step meanwhile): 取消 stops
 * it, and its temporary files are removed.
 */
async function workerStep<T extends BackupEntry | VerifiedBackup>(
  host: Host,
  data: Pick<BackupJobData, 'reason' | 'preview' | 'keep'>,
  n: number,
  handle?: JobHandle,
): Promise<T> {
  checkCancelled({ job: handle });
  const job = new BackupJob<T>({ path: host.ledger.path, today: host.clock.today(), now: host.clock.now(), ...data }, (step) =>
    handle?.report(step, n, RESTORE_STEPS),
  );
  const stop = () => void job.cancel(backupFolder(host.ledger.path));
  handle?.signal.addEventListener('abort', stop, { once: true });
  try {
    return await job.done;
  } finally {
    handle?.signal.removeEventListener('abort', stop);
  }
}

/** What has been saved into the file: this connection's changes and any other connection's commits. */
function savedState(host: Host): string {
  const { n } = host.ledger.db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${n}/${host.ledger.db.pragma('data_version', { simple: true })}`;
}

function removeBackup(entry: BackupEntry): void {
  for (const file of [entry.path, manifestPath(entry.path)]) rmSync(file, { force: true });
}

/**
 * A restore as a long job: the backup verified and the safety copy of the current ledger written in a
 * worker (a large ledger takes minutes; the window shows each step and may cancel, which leaves the ledger
 * and the backup folder as they were), then the swap. Something saved while the safety copy was written
 * is not lost: the copy is taken again at the swap.
 */
async function restoreFrom(host: Host, source: string, handle: JobHandle | undefined, undoing: boolean): Promise<BackupPreview> {
  const verified = await workerStep<VerifiedBackup>(
    host,
    { reason: 'manual', preview: { file: source, migrationsFolder: migrationsOf(host) } },
    0,
    handle,
  );
  const before = savedState(host);
  const safety = await workerStep<BackupEntry>(host, { reason: 'before-restore', keep: true }, 1, handle);
  const current = savedState(host) === before;
  if (handle?.signal.aborted || !current) removeBackup(safety);
  checkCancelled({ job: handle });
  handle?.report('正在替换账本文件并重新打开', 2, RESTORE_STEPS);
  return swapLedger(host, (adopt) =>
    restoreLedger(host.ledger, source, {
      clock: host.clock,
      open: host.openOptions,
      adopt,
      undoing,
      verified,
      safety: current ? safety : undefined,
    }),
  );
}

export function restore(host: Host, path: string, handle?: JobHandle): Promise<BackupPreview> {
  if (!existsSync(path)) throw new LedgerError('NOT_FOUND', `找不到备份文件：${path}`);
  return restoreFrom(host, path, handle, false);
}

/** 撤销恢复: the safety backup of the last restore put back, as a restore is. */
export function undo(host: Host, handle?: JobHandle): Promise<BackupPreview> {
  // Nothing to undo is said at once (before any job is started).
  const last = readUndo(backupFolder(host.ledger.path));
  if (!last) throw new LedgerError('NOT_FOUND', '没有可以撤销的恢复。');
  if (!existsSync(last.safetyBackup)) throw new LedgerError('NOT_FOUND', `恢复前的安全备份已不存在：${last.safetyBackup}`);
  return restoreFrom(host, last.safetyBackup, handle, true);
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
