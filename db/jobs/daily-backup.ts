/**
 * The day's first backup (RELIABILITY G4): when the app opens a ledger and its backup folder holds no
 * backup of today, one is written in a worker thread, so that the first screen never waits for it. A
 * failure is logged (the settings page shows the list, and the next open tries again).
 */
import { readdirSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Clock } from '../../shared/dates';
import { backupFolder, listBackupFiles, removeStaleTemps } from '../backup/backup';
import { spawnWorker } from './spawn';

export interface BackupJobData {
  path: string;
  today: string;
  now: string;
}

export type BackupJobMessage = { type: 'done'; path: string } | { type: 'error'; message: string };

/** Whether the ledger's folder already has a backup taken today. */
export function backedUpToday(dbPath: string, today: string): boolean {
  return listBackupFiles(backupFolder(dbPath)).some((b) => b.manifest?.day === today);
}

export class DailyBackup {
  private worker: Worker | null = null;
  private readonly done: Promise<void>;
  /** The backup written, or why not (tests; the log). */
  result: BackupJobMessage | null = null;

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
    const worker = spawnWorker('backup-worker', { path: dbPath, today: clock.today(), now: clock.now() } satisfies BackupJobData);
    this.worker = worker;
    this.done = new Promise<void>((resolve) => {
      worker.on('message', (m: BackupJobMessage) => {
        this.result = m;
        if (m.type === 'error') log(`[${new Date().toISOString()}] 每日备份未完成：${m.message}`);
      });
      worker.on('error', (e) => {
        this.result = { type: 'error', message: e.message };
        log(`[${new Date().toISOString()}] 每日备份未能运行：${e.stack ?? String(e)}`);
      });
      worker.on('exit', () => {
        this.worker = null;
        resolve();
      });
    });
  }

  whenDone(): Promise<void> {
    return this.done;
  }

  /** Stops a backup still running (closing, restoring): its temporary files are removed; the next open tries again. */
  async stop(): Promise<void> {
    if (this.worker) {
      await this.worker.terminate();
      const dir = backupFolder(this.dbPath);
      if (existsSync(dir)) for (const name of readdirSync(dir)) if (name.includes(`.tmp-${process.pid}`)) unlinkSync(join(dir, name));
    }
    await this.done;
  }
}
