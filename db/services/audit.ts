/**
 * The audit trail: one row per write, in the same transaction as the change. Rows are chained by
 * SHA-256 (each hash covers the row and the previous hash), so an edited or removed row breaks the
 * chain (audit-verify.ts walks it and reports the first broken link).
 *
 * The view log lives in the same chain, as rows with action 'view' (and the existing 'export' rows):
 * one chain means one check, one head for backups and packages to anchor (a view row deleted is as
 * visible as a change deleted), and one table to list; a separate table would need a second chain
 * and a second head everywhere. Views are many more than changes, so they are written cheaply — one
 * insert, folded when the same person opens the same record again within VIEW_FOLD_MINUTES — and a
 * record's own history (auditForEntity) leaves them out.
 */
import { createHash, hash } from 'node:crypto';
import { MODULE_INFO, moduleOfEntity, type AuditEntity } from '../../shared/modules';
import { VIEW_LOG_PAGE_SIZE, type ViewLogPage } from '../../shared/schemas/audit';
import type { AuditEntry } from '../../shared/schemas/reference';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { all, one, run, write } from './sql';

/**
 * `export`: personal data left the ledger as a document or file (PIPL: who took what, when).
 * `view`: a person's file was opened (the view log). `operator`: the acting user was switched.
 * The login's own (db/services/accounts.ts): `login`, `login-failed`, `lockout` (the failure that locked
 * the account), `logout`, `lock` (idle or by hand), `password` (changed or reset) and `account` (created,
 * its role, name or state changed).
 */
export type AccountAction = 'login' | 'login-failed' | 'lockout' | 'logout' | 'lock' | 'password' | 'account';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'status' | 'setup' | 'export' | 'view' | 'operator' | AccountAction;

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

/** The same hash from a row read as an array in that column order (audit-verify.ts, CHAIN_COLUMNS); a trailing stored hash is ignored. */
export function hashOfRaw(r: readonly unknown[]): string {
  // The one-shot hash: half the cost of createHash per row, which counts over a million rows.
  return hash('sha256', JSON.stringify(r.length > 10 ? r.slice(0, 10) : r), 'hex');
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

/** Who did what to which record, when: the part of a row every listing shows. */
function who(r: Pick<AuditRow, 'id' | 'at' | 'actor_name' | 'action' | 'entity' | 'entity_id'>) {
  return { id: r.id, at: r.at, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id };
}

export function auditForEntity(ctx: ServiceContext, entity: string, entityId: string): AuditEntry[] {
  const rows = all<AuditRow>(
    ctx,
    `SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? AND action <> 'view'
     UNION ALL
     SELECT * FROM audit_log WHERE entity = 'attachment' AND action <> 'view' AND entity_id IN (SELECT id FROM attachment WHERE owner_type = ? AND owner_id = ?)
     ORDER BY id DESC`,
    entity,
    entityId,
    attachmentOwnerOf(entity),
    entityId,
  );
  return rows.map((r) => ({
    ...who(r),
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

// ── the view log ───────────────────────────────────────────────────────────────────────────────

/**
 * The same person opening the same record again within this many minutes adds no row: a page is read
 * again and again while someone works on it (after each save, on returning to the window), and one
 * row per sitting says who looked at whose file as well as twenty.
 */
export const VIEW_FOLD_MINUTES = 10;

/** One opened file: the record, and the person it is about (stored with the row, for the listing by person). */
export interface Viewed {
  entity: AuditEntity;
  entityId: string;
  person: { id: string; name: string } | null;
  /** A file taken out by reading it (an attachment downloaded): its name. */
  file?: string;
}

/**
 * Writes the view row, unless the same operator opened the same record within VIEW_FOLD_MINUTES (read
 * through the audit_entity index, so it stays cheap on a large trail). Returns whether a row was written.
 */
export function logView(ctx: ServiceContext, viewed: Viewed): boolean {
  const since = new Date(Date.parse(ctx.clock.now()) - VIEW_FOLD_MINUTES * 60_000).toISOString();
  return write(ctx, () => {
    const recent = one<{ at: string }>(
      ctx,
      `SELECT at FROM audit_log WHERE entity = ? AND entity_id = ? AND action = 'view' AND actor_id IS ? AND at >= ?
       ORDER BY id DESC LIMIT 1`,
      viewed.entity,
      viewed.entityId,
      ctx.user.id,
      since,
    );
    if (recent) return false;
    audit(ctx, {
      action: 'view',
      entity: viewed.entity,
      entityId: viewed.entityId,
      after: {
        ...(viewed.person && { personId: viewed.person.id, 姓名: viewed.person.name }),
        ...(viewed.file !== undefined && { 文件: viewed.file }),
      },
    });
    return true;
  });
}

interface AccessRow {
  id: string;
  at: string;
  actor_name: string;
  action: 'view' | 'export';
  entity: string;
  entity_id: string;
  after: string | null;
}

/**
 * The view log, newest first: files opened and files exported or downloaded, by one staff member and/or
 * about one person, a page at a time. Not counted (it only grows; a count would read all of it).
 */
export function viewLog(ctx: ServiceContext, input: { staffId?: string | null; personId?: string | null; page: number }): ViewLogPage {
  const where = ["action IN ('view', 'export')"];
  const params: unknown[] = [];
  if (input.staffId) {
    where.push('actor_id = ?');
    params.push(input.staffId);
  }
  if (input.personId) {
    // Every view row names whose file it was (its personId); the expression is the index's (audit_access_person).
    where.push(`"after" ->> '$.personId' = ?`);
    params.push(input.personId);
  }
  const rows = all<AccessRow>(
    ctx,
    `SELECT id, at, actor_name, action, entity, entity_id, after FROM audit_log WHERE ${where.join(' AND ')}
     ORDER BY id DESC LIMIT ? OFFSET ?`,
    ...params,
    VIEW_LOG_PAGE_SIZE + 1,
    input.page * VIEW_LOG_PAGE_SIZE,
  );
  return {
    hasMore: rows.length > VIEW_LOG_PAGE_SIZE,
    rows: rows.slice(0, VIEW_LOG_PAGE_SIZE).map((r) => {
      const after = r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown> | null);
      const str = (v: unknown) => (typeof v === 'string' ? v : null);
      return {
        ...who(r),
        action: r.action,
        personName: str(after?.姓名),
        what: str(after?.文书) ?? str(after?.文件) ?? (r.entity === 'ledger' ? r.entity_id : null),
      };
    }),
  };
}
