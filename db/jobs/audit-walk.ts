/**
 * The whole audit chain walked on every core (`ledger verify-audit`): cut into stretches by id, each
 * walked by a worker thread on its own connection from the stored hash of the row before it, and the
 * stretches' findings put together (audit-verify.ts, combineSegments) — the same verdict as one walk.
 * On two cores a million rows take about half the time. A short chain is walked in one go.
 */
import type Database from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import type { AuditAnchor, AuditVerdict } from '../../shared/schemas/audit';
import type { ServiceContext } from '../context';
import { CHAIN_COLUMNS, ChainWalk, combineSegments, localAnchor, verifyAudit, type ChainSegment } from '../services/audit-verify';
import { spawnWorker } from './spawn';

/** Below this many rows starting threads costs more than it saves. */
const PARALLEL_FROM_ROWS = 200_000;

export interface StretchJob {
  path: string;
  /** Its first row's id, and the id after its last (null: to the end). */
  from: string;
  to: string | null;
  /** Rows before it, and the stored hash of the last of them. */
  position: number;
  prev: string;
  anchor: AuditAnchor | null;
}

export type StretchMessage = { type: 'done'; segment: ChainSegment } | { type: 'error'; message: string };

export function walkStretch(db: Database.Database, job: Omit<StretchJob, 'path'>): ChainSegment {
  const walk = new ChainWalk(job.anchor, { position: job.position, prev: job.prev });
  const rows = db
    .prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_log WHERE id >= ? AND (? IS NULL OR id < ?) ORDER BY id`)
    .raw(true)
    .iterate(job.from, job.to, job.to) as IterableIterator<Parameters<ChainWalk['feed']>[0]>;
  for (const r of rows) walk.feed(r);
  return walk.segment();
}

function inWorker(job: StretchJob): Promise<ChainSegment> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker('audit-worker', job);
    worker.once('message', (m: StretchMessage) => (m.type === 'done' ? resolve(m.segment) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`审计记录校验线程意外退出（${code}）`)));
  });
}

/** verifyAudit on every core: the same verdict, in about 1/cores of the time on a long chain. */
export async function verifyAuditParallel(
  ctx: ServiceContext,
  path: string,
  options: { anchor?: AuditAnchor | null; parts?: number; minRows?: number } = {},
): Promise<AuditVerdict> {
  const anchor = options.anchor === undefined ? localAnchor(ctx) : options.anchor;
  const started = Date.now();
  const total = (ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const parts = Math.max(1, Math.min(options.parts ?? availableParallelism(), 8));
  if (parts < 2 || total < (options.minRows ?? PARALLEL_FROM_ROWS)) return verifyAudit(ctx, { anchor });
  const at = (offset: number) => (ctx.db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET ?').get(offset) as { id: string }).id;
  const prevOf = (id: string) =>
    (ctx.db.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').get(id) as { hash: string } | undefined)?.hash ??
    '';
  const starts = Array.from({ length: parts }, (_, k) => Math.floor((total * k) / parts));
  const jobs: StretchJob[] = starts.map((position, k) => {
    const from = at(position);
    return { path, from, to: k + 1 < parts ? at(starts[k + 1]!) : null, position, prev: prevOf(from), anchor };
  });
  // The first stretch here, the others in worker threads meanwhile.
  const others = Promise.all(jobs.slice(1).map(inWorker));
  const first = walkStretch(ctx.db, jobs[0]!);
  const segments = [first, ...(await others)];
  return combineSegments(anchor, segments, ctx.clock.now(), Date.now() - started);
}
