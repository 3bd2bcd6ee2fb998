/**
 * The audit trail proves itself (RELIABILITY G10, T16): walk the hash chain in id order and report the
 * first broken link; give the chain's head (row count and hash of the last row) for backups and report
 * packages to embed; check the chain against such a head; and keep the last verified head in the
 * ledger as a local anchor, so that rows removed from the end after a check are noticed.
 *
 * What the plain chain cannot see: anyone with the file can edit rows and recompute every hash after
 * them (SHA-256 needs no key). Such a rewrite is caught only against a head taken before it — the local
 * anchor (which sits in the same file, so a careful forger can update it too) or, better, one held
 * elsewhere (a backup's manifest, a package handed to the county). Keying the chain with an HMAC whose
 * key is held like the data key belongs with the ledger's encryption and is not done here.
 */
import type Database from 'better-sqlite3';
import type { AuditAnchor, AuditBreak, AuditBreakKind, AuditHead, AuditVerdict } from '../../shared/schemas/audit';
import type { ServiceContext } from '../context';
import { hashOfRaw } from './audit';
import { getSetting, putSetting } from './reference';
import { stmt, write } from './sql';

const ANCHOR_KEY = 'audit.anchor';
const LAST_CHECK_KEY = 'audit.lastCheck';

/** The columns in the order the hash covers them (audit.ts), then the stored hash. */
export const CHAIN_COLUMNS = 'prev_hash, id, at, actor_id, actor_name, action, entity, entity_id, before, after, hash';
type RawRow = [string, string, string, string | null, string, string, string, string, string | null, string | null, string];

/** What one walk over a stretch of the chain found (a stretch walked by a worker thread, or the whole chain). */
export interface ChainSegment {
  /** The position of its last row (rows before it plus its own). */
  end: number;
  /** The stored hash of its last row ('' when it had none and started the chain). */
  lastHash: string;
  broken: number;
  first: AuditBreak | null;
  /** The hash it found at the anchor's position, when that position fell within it. */
  anchorHash: string | null;
}

/**
 * One pass over the chain, or over a stretch of it, fed rows in id order (all at once, a chunk at a time
 * by the background job, or a stretch per worker thread). Rows are read as arrays and hashed as they
 * come: nothing is parsed. A stretch starts after `start.position` rows, whose last stored hash is
 * `start.prev`.
 */
export class ChainWalk {
  private rows: number;
  private prev: string;
  private broken = 0;
  private first: AuditBreak | null = null;
  private anchorHash: string | null = null;
  private readonly started = Date.now();

  constructor(
    private readonly anchor: AuditAnchor | null,
    start: { position: number; prev: string } = { position: 0, prev: '' },
  ) {
    this.rows = start.position;
    this.prev = start.prev;
  }

  get done(): number {
    return this.rows;
  }

  feed(r: RawRow): void {
    this.rows++;
    const hash = r[10];
    let kind: AuditBreakKind | null = null;
    if (hashOfRaw(r) !== hash) kind = 'edited';
    else if (r[0] !== this.prev) kind = 'unlinked';
    if (kind) {
      this.broken++;
      this.first ??= { kind, position: this.rows, row: { id: r[1], at: r[2], actorName: r[4], action: r[5], entity: r[6] } };
    }
    if (this.anchor && this.rows === this.anchor.rows) {
      this.anchorHash = hash;
      if (hash !== this.anchor.hash && !this.first)
        this.first = { kind: 'rewritten', position: this.rows, row: { id: r[1], at: r[2], actorName: r[4], action: r[5], entity: r[6] } };
    }
    this.prev = hash;
  }

  segment(): ChainSegment {
    return { end: this.rows, lastHash: this.prev, broken: this.broken, first: this.first, anchorHash: this.anchorHash };
  }

  verdict(checkedAt: string): AuditVerdict {
    return combineSegments(this.anchor, [this.segment()], checkedAt, Date.now() - this.started);
  }
}

/** The verdict of the stretches of one chain, walked in id order, together. */
export function combineSegments(anchor: AuditAnchor | null, parts: ChainSegment[], checkedAt: string, ms: number): AuditVerdict {
  const rows = parts.at(-1)?.end ?? 0;
  let first = parts.find((p) => p.first)?.first ?? null;
  const broken = parts.reduce((n, p) => n + p.broken, 0);
  let extendsAnchor: boolean | null = null;
  if (anchor) {
    if (anchor.rows === 0) extendsAnchor = true;
    else if (rows < anchor.rows) {
      extendsAnchor = false;
      first ??= { kind: 'truncated', position: anchor.rows, row: null };
    } else extendsAnchor = parts.find((p) => p.anchorHash !== null)?.anchorHash === anchor.hash;
  }
  return {
    ok: broken === 0 && extendsAnchor !== false,
    rows,
    head: { rows, hash: parts.at(-1)?.lastHash ?? '' },
    firstBreak: first,
    brokenRows: broken,
    anchor,
    extendsAnchor,
    checkedAt,
    ms,
  };
}

/** The chain's head now: { rows, hash } (0 rows and '' for an empty chain). */
export function auditHead(ctx: ServiceContext): AuditHead {
  return auditHeadOf(ctx.db);
}

/**
 * The head of the chain in a file opened by itself (a backup's copy): what its manifest records, so that a
 * history rewritten after the backup was taken no longer extends it.
 */
export function auditHeadOf(db: Database.Database): AuditHead {
  const r = db
    .prepare('SELECT (SELECT count(*) FROM audit_log) AS rows, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash')
    .get() as { rows: number; hash: string | null } | undefined;
  return { rows: r?.rows ?? 0, hash: r?.hash ?? '' };
}

/** The last head a check found whole (the local anchor), or null before the first check. */
export function localAnchor(ctx: ServiceContext): AuditAnchor | null {
  return getSetting<AuditAnchor>(ctx, ANCHOR_KEY);
}

export function lastCheck(ctx: ServiceContext): AuditVerdict | null {
  return getSetting<AuditVerdict>(ctx, LAST_CHECK_KEY);
}

/**
 * Walks the whole chain in one go. `anchor`: a head to check against (by default the local anchor;
 * null for none). Reads one row at a time (`iterate`), so a million rows need no memory to speak of.
 */
export function verifyAudit(
  ctx: ServiceContext,
  options: { anchor?: AuditAnchor | null; onProgress?: (done: number) => void } = {},
): AuditVerdict {
  const walk = new ChainWalk(options.anchor === undefined ? localAnchor(ctx) : options.anchor);
  const rows = stmt(ctx.db, `SELECT ${CHAIN_COLUMNS} FROM audit_log ORDER BY id`).raw(true).iterate() as IterableIterator<RawRow>;
  for (const r of rows) {
    walk.feed(r);
    if (options.onProgress && walk.done % 50_000 === 0) options.onProgress(walk.done);
  }
  return walk.verdict(ctx.clock.now());
}

/** Reads the next chunk of the chain after `afterId` (the background job's step). */
export function chainChunk(ctx: ServiceContext, afterId: string, size: number): RawRow[] {
  return stmt(ctx.db, `SELECT ${CHAIN_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`).raw(true).all(afterId, size) as RawRow[];
}

/**
 * Whether the chain still extends `head` (a head embedded in a backup manifest or a report package):
 * the chain is whole and its row number `head.rows` has `head.hash`. A chain rewritten or shortened
 * after the head was taken does not.
 */
export function verifyAgainstHead(ctx: ServiceContext, head: AuditHead): AuditVerdict {
  return verifyAudit(ctx, { anchor: { ...head, at: '' } });
}

/**
 * Keeps a finished check: its verdict for the settings page, and, when the chain was whole, its head
 * as the new local anchor. Bookkeeping, not a change to the records: it writes no audit row (one would
 * move the head it records).
 */
export function recordCheck(ctx: ServiceContext, verdict: AuditVerdict): void {
  write(ctx, () => {
    putSetting(ctx, LAST_CHECK_KEY, verdict);
    if (verdict.ok) putSetting(ctx, ANCHOR_KEY, { ...verdict.head, at: verdict.checkedAt } satisfies AuditAnchor);
  });
}
