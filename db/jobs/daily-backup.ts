/**
 * Backups written in a worker thread (backup-worker.ts), on a connection of their own: the day's first
 * backup — when the app opens a ledger and its backup folder holds no backup of today, so that the first
 * screen never waits for it (a failure is logged; the next open tries again) — and 立即备份, so that the
 * window answers while a large ledger is copied and checked.
 */
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Clock } from '../../shared/dates';
import type { BackupReason } from '../../shared/domain/backup-retention';
import { type ErrorCode, LedgerError } from '../../shared/errors';
import type { BackupEntry, BackupPreview } from '../../shared/schemas/backups';
import { backupFolder, listBackupFiles, removeStaleTemps } from '../backup/backup';
import { spawnWorker } from './spawn';

export interface BackupJobData {
  path: string;
  today: string;
  now: string;
  reason: BackupReason;
  /** A folder the user chose; the ledger's own folder (then pruned) when absent. */
  folder?: string;
  /** Instead of a backup: this backup file re-verified (against the app's number of migrations). */
  verify?: { file: string; knownMigrations: number };
  /** Instead of a backup: what this backup file holds, verified before a restore (db/backup/restore.ts previewBackup). */
  preview?: { file: string; migrationsFolder: string };
  /** A backup into the ledger's own folder that its rules do not prune now (the safety copy before a restore). */
  keep?: boolean;
}

/** What a preview job answers: what the backup holds, with the SHA-256 the restore copies it under. */
export type VerifiedBackup = BackupPreview & { sha256: string };

export type BackupJobMessage =
  | { type: 'done'; entry: BackupEntry | VerifiedBackup }
  | { type: 'error'; code: ErrorCode; message: string }
  /** A step begins (the window's progress bar). */
  | { type: 'step'; step: string };

/** Whether the ledger's folder already has a backup taken today. */
export function backedUpToday(dbPath: string, today: string): boolean {
  return listBackupFiles(backupFolder(dbPath)).some((b) => b.manifest?.day === today);
}

/** Leftovers of a job of this process stopped mid-way (`*.tmp-<pid>`). */
function removeOwnTemps(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (name.includes(`.tmp-${process.pid}`)) unlinkSync(join(folder, name));
}

/**
 * One backup (or one re-verification, or one preview) in a worker: its entry, or the LedgerError it failed
 * with. `stop` ends it early (its temporary files removed).
 */
export class BackupJob<T extends BackupEntry | VerifiedBackup = BackupEntry> {
  private worker: Worker | null;
  readonly done: Promise<T>;

  private cancelled = false;

  constructor(data: BackupJobData, onStep?: (step: string) => void) {
    const worker = spawnWorker('backup-worker', data);
    this.worker = worker;
    this.done = new Promise<T>((resolve, reject) => {
      let settled = false;
      worker.on('message', (m: BackupJobMessage) => {
        if (m.type === 'step') return onStep?.(m.step);
        settled = true;
        if (m.type === 'done') resolve(m.entry as T);
        else reject(new LedgerError(m.code, m.message));
      });
      worker.on('error', (e) => {
        settled = true;
        reject(e);
      });
      worker.on('exit', () => {
        this.worker = null;
        if (!settled)
          reject(
            this.cancelled
              ? new LedgerError('CANCELLED', '已取消，没有留下不完整的备份文件，账本未作任何改动。')
              : new LedgerError('WRITE_FAILED', '备份已中止，账本未作任何改动。'),
          );
      });
    });
    this.done.catch(() => undefined);
  }

  /** 取消: stopped as `stop`, and `done` says it was cancelled. */
  cancel(folder: string): Promise<void> {
    this.cancelled = true;
    return this.stop(folder);
  }

  async stop(folder: string): Promise<void> {
    if (this.worker) {
      await this.worker.terminate();
      removeOwnTemps(folder);
    }
    await this.done.catch(() => undefined);
  }
}

export class DailyBackup {
  private job: BackupJob | null = null;
  private readonly done: Promise<void>;
  /** The backup written, or why not (tests; the log); null when none was needed. */
  result: { type: 'done'; path: string } | { type: 'error'; message: string } | null = null;

  constructor(
    private readonly dbPath: string,
    clock: Clock,
    log: (line: string) => void,
  ) {
    removeStaleTemps(backupFolder(dbPath));
    if (backedUpToday(dbPath, clock.today())) {
      this.done = Promise.resolve();
      return;
    }
    const job = new BackupJob({ path: dbPath, today: clock.today(), now: clock.now(), reason: 'daily' });
    this.job = job;
    this.done = job.done.then(
      (entry) => {
        this.result = { type: 'done', path: entry.path };
      },
      (e: Error) => {
        this.result = { type: 'error', message: e.message };
        log(`[${new Date().toISOString()}] 每日备份未完成：${e.message}`);
      },
    );
  }

  whenDone(): Promise<void> {
    return this.done;
  }

  /** Stops a backup still running (closing, restoring): its temporary files are removed; the next open tries again. */
  async stop(): Promise<void> {
    await this.job?.stop(backupFolder(this.dbPath));
    await this.done;
  }
}
