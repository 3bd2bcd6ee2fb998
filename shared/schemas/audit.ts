/**
 * The audit trail that proves itself: the verdict of walking its hash chain, the head (row count and
 * hash) other features embed to anchor it, and the view log (who opened whose file, who exported what).
 */
import { z } from 'zod';
import { Id } from './common';

/** The chain's head: how many rows it has and the hash of the last. Embedded in backups and packages. */
export interface AuditHead {
  rows: number;
  hash: string;
}

/** A head kept to check the chain against later (the local anchor: the last verified head, and when). */
export interface AuditAnchor extends AuditHead {
  at: string;
}

/**
 * How the chain breaks first:
 * - `edited`: the row's content no longer gives its hash (the row was changed);
 * - `unlinked`: the row does not follow the one before it (a row before it was deleted or inserted,
 *   or rows were reordered);
 * - `rewritten`: the row the anchor names has another hash (history was rewritten and rehashed);
 * - `truncated`: the chain is shorter than the anchor (rows removed from the end).
 */
export type AuditBreakKind = 'edited' | 'unlinked' | 'rewritten' | 'truncated';

export interface AuditBreak {
  kind: AuditBreakKind;
  /** 1-based position of the row in id order (for `truncated`: the anchor's row count). */
  position: number;
  /** The row found there (null for `truncated`). */
  row: { id: string; at: string; actorName: string; action: string; entity: string } | null;
}

export interface AuditVerdict {
  ok: boolean;
  /** Rows walked. */
  rows: number;
  head: AuditHead;
  /** The first broken link, or null. */
  firstBreak: AuditBreak | null;
  /** How many rows fail (edited or unlinked) in all: the extent of the damage. */
  brokenRows: number;
  /** The anchor checked against (a given head, or the local one), and whether the chain still extends it. */
  anchor: AuditAnchor | null;
  extendsAnchor: boolean | null;
  checkedAt: string;
  ms: number;
}

/** The state of the chain's check as the window reads it. */
export interface AuditStatus {
  /** A check is running (at open, or 立即校验) and how far it got. */
  running: { done: number; total: number } | null;
  /** The last finished check (kept in the ledger, so it survives a restart), or null before the first. */
  last: AuditVerdict | null;
  /** The current head, read now. */
  head: AuditHead;
}

/** One line of the view log: a record opened, or a file exported or downloaded. */
export interface ViewLogRow {
  id: string;
  at: string;
  actorName: string;
  action: 'view' | 'export';
  entity: string;
  entityId: string;
  /** Whose file it was, when the row names a person. */
  personName: string | null;
  /** What was exported (a document's title, a file name, a ledger), when it was an export. */
  what: string | null;
}

export interface ViewLogPage {
  rows: ViewLogRow[];
  /** Whether there is a page after this one (the log is not counted: it only grows). */
  hasMore: boolean;
}

export const VIEW_LOG_PAGE_SIZE = 50;

export const ViewLogInput = z.strictObject({
  staffId: Id.nullish(),
  personId: Id.nullish(),
  page: z.number({ error: '页码不正确' }).int('页码不正确').min(0, '页码不正确').max(100_000, '页码不正确').default(0),
});
export type ViewLogInput = z.input<typeof ViewLogInput>;
