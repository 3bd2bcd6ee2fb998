/**
 * The background quick_check of a large ledger (db/open.ts, DEFER_CHECK_ABOVE_BYTES): the window opens at
 * once and the check runs in a worker thread. If it finds damage, the connection is switched to
 * query_only, so that nothing more is written into a damaged file (every save is then refused with a
 * Chinese message), and the app says so on every screen until it is closed; a check that could not run
 * at all is logged and reported as not done, never as passed.
 */
import type Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import type { LedgerIntegrity } from '../../shared/schemas/reference';
import { spawnWorker } from './spawn';

export type IntegrityJobMessage = { type: 'done'; problems: string[] } | { type: 'error'; message: string };

export const DAMAGED_MESSAGE =
  '后台检查发现账本文件已损坏，为免损坏扩大，已停止保存（可以继续查阅和导出）。请关闭程序，用最近的备份恢复，或联系技术支持。';

export class IntegrityCheck {
  private state: LedgerIntegrity = { state: 'checking', message: null };
  private worker: Worker | null = null;
  private readonly done: Promise<void>;

  constructor(path: string, db: Database.Database, log: (line: string) => void) {
    const worker = spawnWorker('integrity-worker', { path });
    this.worker = worker;
    this.done = new Promise<void>((resolve) => {
      const finish = (next: LedgerIntegrity) => {
        if (this.state.state === 'checking') this.state = next;
      };
      worker.on('message', (m: IntegrityJobMessage) => {
        if (m.type === 'error') {
          log(`[${new Date().toISOString()}] 账本文件后台检查未能运行：${m.message}`);
          finish({ state: 'not_checked', message: '账本文件的后台检查未能完成；下次打开时会再检查。' });
        } else if (m.problems.length > 0) {
          log(`[${new Date().toISOString()}] 账本文件后台检查发现损坏：${m.problems.join('；')}`);
          if (db.open) db.pragma('query_only = ON');
          finish({ state: 'damaged', message: DAMAGED_MESSAGE });
        } else finish({ state: 'ok', message: null });
      });
      worker.on('error', (e) => {
        log(`[${new Date().toISOString()}] 账本文件后台检查未能运行：${e.stack ?? String(e)}`);
        finish({ state: 'not_checked', message: '账本文件的后台检查未能完成；下次打开时会再检查。' });
      });
      worker.on('exit', () => {
        this.worker = null;
        finish({ state: 'not_checked', message: null });
        resolve();
      });
    });
  }

  get current(): LedgerIntegrity {
    return this.state;
  }

  /** Resolves when the check has ended (tests). */
  whenDone(): Promise<void> {
    return this.done;
  }

  /** Stops a running check (closing the ledger); the next open checks again. */
  async stop(): Promise<void> {
    await this.worker?.terminate();
    await this.done;
  }
}
