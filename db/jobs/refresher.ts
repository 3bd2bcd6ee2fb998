/**
 * Runs the daily rebuild of the to-do table (services/obligations.ts) in a worker thread: at 100,000
 * files it takes tens of seconds, which on the main thread would freeze the window. The dashboard
 * asks `ensure` on every visit; it starts the job when the table is stale and reports its progress,
 * which the dashboard shows as a bar while it keeps listing the previous day's items.
 */
import type { Worker } from 'node:worker_threads';
import type { ServiceContext } from '../context';
import { obligationsStale, obligationsStamp, type RefreshProgress } from '../services/obligations';
import { spawnWorker } from './spawn';

export interface RefreshJobData {
  path: string;
  today: string;
  now: string;
  /** The table's stamp when the job was asked for (see refreshObligations). */
  builtFor: string;
}

export type RefreshJobMessage =
  | ({ type: 'progress' } & RefreshProgress)
  | { type: 'done'; changed: number }
  | { type: 'error'; message: string };

/** What the dashboard shows about the rebuild. */
export interface RefreshState {
  running: RefreshProgress | null;
  /** Set when today's rebuild failed: the items shown are from the last successful one. */
  error: string | null;
}

export class ObligationRefresher {
  private worker: Worker | null = null;
  private progress: RefreshProgress | null = null;
  /** The day a rebuild failed: not retried on every visit, only the next day or after a change of rules. */
  private failed: { day: string; message: string } | null = null;
  private idle: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly path: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts the rebuild when the table is stale and none is running; says how far it is. */
  ensure(ctx: ServiceContext): RefreshState {
    const today = ctx.clock.today();
    if (!this.worker && obligationsStale(ctx) && this.failed?.day !== today)
      this.start({ path: this.path, today, now: ctx.clock.now(), builtFor: obligationsStamp(ctx) });
    const error = this.failed?.day === today ? this.failed.message : null;
    return { running: this.worker ? (this.progress ?? { done: 0, total: 0 }) : null, error };
  }

  /** Resolves when no rebuild is running (tests; closing the ledger). */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  /** Stops a running rebuild; the batches written so far are whole, the rest is done next time. */
  async stop(): Promise<void> {
    if (this.worker) {
      this.stopping = true;
      await this.worker.terminate();
    }
    await this.idle;
  }

  private start(data: RefreshJobData): void {
    const worker = spawnWorker('obligations-worker', data);
    this.worker = worker;
    this.progress = null;
    let settled = false;
    const fail = (message: string) => {
      this.failed = {
        day: data.today,
        message: '待办事项未能按今天的日期更新，首页显示的是上次更新的结果。请重新打开程序；如仍如此，请联系技术支持。',
      };
      this.log(`[${new Date().toISOString()}] 待办表后台重建失败：${message}`);
    };
    this.idle = new Promise<void>((resolve) => {
      worker.on('message', (m: RefreshJobMessage) => {
        if (m.type === 'progress') this.progress = { done: m.done, total: m.total };
        else if (m.type === 'done') {
          settled = true;
          this.failed = null;
        } else {
          settled = true;
          fail(m.message);
        }
      });
      worker.on('error', (e) => {
        settled = true;
        fail(e.stack ?? String(e));
      });
      worker.on('exit', (code) => {
        // Terminated by stop(): nothing failed, the job simply did not finish.
        if (!settled && !this.stopping) fail(`工作线程退出（${code}）`);
        this.stopping = false;
        this.worker = null;
        this.progress = null;
        resolve();
      });
    });
  }
}
