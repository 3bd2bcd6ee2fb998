/**
 * 回收站: deleted records of every module and deleted attachments, each restored through its own
 * module (which may refuse, e.g. a person whose ID number another person took meanwhile). Every
 * module registers its section in db/modules.ts; this file knows none of their tables.
 */
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import {
  RECYCLE_LIMIT,
  RECYCLE_SECTIONS,
  type RecycleBinSection,
  type RecycleRestoreInput,
  type RecycleRow,
  type RecycleSection,
} from '../../shared/schemas/recycle';
import type { AuditEntity } from '../../shared/modules';
import type { ServiceContext } from '../context';
import { audit } from './audit';
import { run } from './sql';

export interface RecycleSource {
  /** Deleted records, newest first, at most `limit` of them, and how many there are in all (cells: shared/schemas/recycle.ts). */
  deleted(ctx: ServiceContext, limit: number): { rows: RecycleRow[]; total: number };
  /** Restores one, audited, or throws the module's reason why not. */
  restore(ctx: ServiceContext, id: string): void;
}

export type RecycleSources = { [S in RecycleSection]: RecycleSource };

/** A module's section from its own ledger list of deleted records: each row's name and cells, and its restore. */
export function listedRecycle<R extends { id: string; deletedAt: string | null }>(
  deletedPage: (ctx: ServiceContext, limit: number) => { rows: R[]; total: number },
  row: (r: R) => { name: string; cells: string[] },
  restore: (ctx: ServiceContext, id: string) => unknown,
): RecycleSource {
  return {
    deleted(ctx, limit) {
      const page = deletedPage(ctx, limit);
      return { rows: page.rows.map((r) => ({ id: r.id, ...row(r), deletedAt: r.deletedAt! })), total: page.total };
    },
    restore: (ctx, id) => void restore(ctx, id),
  };
}

export function recycleBin(ctx: ServiceContext, sources: RecycleSources): RecycleBinSection[] {
  return RECYCLE_SECTIONS.map((section) => ({ section, ...sources[section].deleted(ctx, RECYCLE_LIMIT) }));
}

export function restoreFromBin(ctx: ServiceContext, input: z.output<typeof RecycleRestoreInput>, sources: RecycleSources): { ok: true } {
  const source = sources[input.section];
  if (!source) throw new LedgerError('NOT_FOUND', '回收站中没有这类记录。');
  source.restore(ctx, input.id);
  return { ok: true };
}

/**
 * A file's soft delete and its restore, each in the caller's transaction: the row marked, its due items
 * recomputed (`sync`), and the audit row with the file as its history shows it. Table and entity come from
 * the module's code, never from input.
 */
export function binRecord(
  ctx: ServiceContext,
  r: { table: string; entity: AuditEntity; id: string; sync: (ctx: ServiceContext, id: string) => unknown },
  action: 'delete' | 'restore',
  shown: () => unknown,
): { ok: true } {
  const now = ctx.clock.now();
  const before = action === 'delete' ? shown() : undefined;
  run(ctx, `UPDATE ${r.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`, action === 'delete' ? now : null, now, r.id);
  r.sync(ctx, r.id);
  audit(
    ctx,
    action === 'delete'
      ? { action, entity: r.entity, entityId: r.id, before }
      : { action, entity: r.entity, entityId: r.id, after: shown() },
  );
  return { ok: true as const };
}
