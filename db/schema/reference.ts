import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';

export const setting = sqliteTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const village = sqliteTable('village', {
  id: idCol(),
  name: text('name').notNull(),
  /** The office's own order (设置 → 村（社区）与网格); lists follow it unless the office chose 按拼音. */
  sort: integer('sort'),
  ...stamps(),
});

export const grid = sqliteTable(
  'grid',
  {
    id: idCol(),
    villageId: text('village_id')
      .notNull()
      .references(() => village.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** The office's order of a village's grids, as of its villages. */
    sort: integer('sort'),
    workerName: text('worker_name'),
    workerPhone: text('worker_phone'),
    ...stamps(),
  },
  (t) => [index('grid_village').on(t.villageId)],
);

export const staff = sqliteTable('staff', {
  id: idCol(),
  name: text('name').notNull(),
  post: text('post'),
  phone: text('phone'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** 'staff' (工作人员 of the office) or 'mediator' (人民调解员 of a committee, on the mediator register). */
  kind: text('kind').notNull().default('staff'),
  /** The committee a people's mediator belongs to (所属调解组织). */
  committee: text('committee'),
  ...stamps(),
});

export const dictEntry = sqliteTable(
  'dict_entry',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    builtin: integer('builtin', { mode: 'boolean' }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sort: integer('sort').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** Yearly sequences behind human case numbers. */
export const caseCounter = sqliteTable(
  'case_counter',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/**
 * Append-only, hash-chained: each row's hash covers its content and the previous row's hash,
 * so an edited or deleted row breaks the chain. Written in the same transaction as the change.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: idCol(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity').on(t.entity, t.entityId),
    // The view log (services/audit.ts, viewLog): its rows are few among the changes, so each of its
    // listings — all of it, by staff member, by person — reads its own partial index, newest first.
    index('audit_access').on(t.id).where(sql`action IN ('view', 'export')`),
    index('audit_access_actor').on(t.actorId, t.id).where(sql`action IN ('view', 'export')`),
    index('audit_access_person').on(sql`"after" ->> '$.personId'`, t.id).where(sql`action IN ('view', 'export')`),
  ],
);
