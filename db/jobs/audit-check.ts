/**
 * The background check of the audit chain (audit-verify.ts): run after the ledger opens and on
 * 立即校验. It walks the chain a chunk at a time on the host's own connection, yielding between
 * chunks (setImmediate), so the window is answered while it runs and shows how far it got; the
 * verdict is kept in the ledger (recordCheck) and, if the chain is broken, the window warns.
 *
 * Why not a worker thread like the file check (integrity.ts): each chunk takes a few milliseconds,
 * the walk needs no second connection, bundle entry or message protocol, and it can report progress
 * by being read. When the services move off the main thread (RELIABILITY G7) this goes with them.
 */
import type { AuditHead, AuditStatus, AuditVerdict } from '../../shared/schemas/audit';
import type { ServiceContext } from '../context';
import { auditHead, ChainWalk, chainChunk, lastCheck, localAnchor, recordCheck } from '../services/audit-verify';

/** Rows per step: some 5–10 ms of hashing, then the host answers whatever is waiting. */
const CHUNK = 2000;

export class AuditCheck {
  private progress: { done: number; total: number } | null = null;
  /** The last verdict, kept here too: a ledger that cannot be written (a damaged file) still shows it. */
  private latest: AuditVerdict | null = null;
  /** The head when the running check started: the window asks every second meanwhile, and counting a large chain each time would slow the check. */
  private startHead: AuditHead | null = null;
  private running: Promise<AuditVerdict | null> | null = null;
  private stopped = false;

  constructor(
    private readonly context: () => ServiceContext,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts a check unless one is running; resolves with its verdict (null if stopped or failed). */
  start(): Promise<AuditVerdict | null> {
    this.running ??= this.walk().finally(() => {
      this.running = null;
      this.progress = null;
    });
    return this.running;
  }

  private async walk(): Promise<AuditVerdict | null> {
    try {
      const ctx = this.context();
      const walk = new ChainWalk(localAnchor(ctx));
      this.startHead = auditHead(ctx);
      this.progress = { done: 0, total: this.startHead.rows };
      let after = '';
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.stopped || !ctx.db.open) return null;
        const rows = chainChunk(ctx, after, CHUNK);
        for (const r of rows) walk.feed(r);
        this.progress = { done: walk.done, total: Math.max(this.progress.total, walk.done) };
        if (rows.length < CHUNK) break;
        after = rows[rows.length - 1]![1];
      }
      const verdict = walk.verdict(ctx.clock.now());
      this.latest = verdict;
      if (!verdict.ok) this.log(`[${new Date().toISOString()}] 审计记录校验未通过：${JSON.stringify(verdict.firstBreak)}`);
      recordCheck(ctx, verdict);
      return verdict;
    } catch (e) {
      this.log(`[${new Date().toISOString()}] 审计记录校验未能完成：${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  }

  status(ctx: ServiceContext): AuditStatus {
    const stored = lastCheck(ctx);
    const last = this.latest && (!stored || stored.checkedAt < this.latest.checkedAt) ? this.latest : stored;
    const running = this.progress;
    return { running, last, head: running && this.startHead ? this.startHead : auditHead(ctx) };
  }

  /** Resolves when the running check (if any) has ended (tests, closing). */
  async whenDone(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
