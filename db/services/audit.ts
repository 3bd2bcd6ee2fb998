/**
 * The audit trail: one row per write, in the same transaction as the change. Rows are chained by
 * SHA-256 (each hash covers the row and the previous hash), so `verifyAuditChain` notices an
 * edited or removed row.
 */
import { createHash } from 'node:crypto';
import { MODULE_INFO, moduleOfEntity, type AuditEntity } from '../../shared/modules';
import type { AuditEntry } from '../../shared/schemas/reference';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { all, one, run } from './sql';

/** `export`: personal data left the ledger as a document or file (PIPL: who took what, when). */
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'status' | 'setup' | 'export';

interface AuditRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

function rowHash(r: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([r.prev_hash, r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.before, r.after]))
    .digest('hex');
}

export function audit(
  ctx: ServiceContext,
  entry: { action: AuditAction; entity: AuditEntity; entityId: string; before?: unknown; after?: unknown },
): void {
  const prev = one<{ hash: string }>(ctx, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const row: Omit<AuditRow, 'hash'> = {
    id: newId(),
    at: ctx.clock.now(),
    actor_id: ctx.user.id,
    actor_name: ctx.user.name,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: prev?.hash ?? '',
  };
  run(
    ctx,
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, before, after, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
    row.prev_hash,
    rowHash(row),
  );
}

/** The owner type a record's attachments carry, when its module takes attachments: its history shows their uploads and deletions. */
function attachmentOwnerOf(entity: string): string {
  const module = moduleOfEntity(entity);
  return (module && MODULE_INFO[module].attachmentOwner) ?? '';
}

export function auditForEntity(ctx: ServiceContext, entity: string, entityId: string): AuditEntry[] {
  const rows = all<AuditRow>(
    ctx,
    `SELECT * FROM audit_log WHERE entity = ? AND entity_id = ?
     UNION ALL
     SELECT * FROM audit_log WHERE entity = 'attachment' AND entity_id IN (SELECT id FROM attachment WHERE owner_type = ? AND owner_id = ?)
     ORDER BY id DESC`,
    entity,
    entityId,
    attachmentOwnerOf(entity),
    entityId,
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

/** Walks the chain; returns the id of the first row that does not match, or null when intact. */
export function verifyAuditChain(ctx: ServiceContext): string | null {
  let prev = '';
  for (const r of ctx.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (r.prev_hash !== prev || rowHash(r) !== r.hash) return r.id;
    prev = r.hash;
  }
  return null;
}
