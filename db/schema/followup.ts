import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { person } from './persons';
import { staff, village } from './reference';

const live = sql`deleted_at IS NULL`;

/** 重点人员档案: one person in one special group, 一人一档, with the person responsible (包保责任人). */
export const followupSubject = sqliteTable(
  'followup_subject',
  {
    id: idCol(),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    group: text('group_code').notNull(),
    /** For 其他: the office's own name for the group. */
    groupName: text('group_name'),
    /** Risk/attention level: '0'…'5' for severe mental disorders, otherwise 'red' | 'yellow' | 'green'. */
    level: text('level').notNull(),
    levelSince: text('level_since').notNull(),
    responsibleStaffId: text('responsible_staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    villageId: text('village_id').references(() => village.id, { onDelete: 'restrict' }),
    /** JSON: the rest of the team [{ role, name, phone }]. */
    team: text('team').notNull(),
    /** JSON: the group's own facts (diagnosis, guardian, decision and reporting dates, 转化 status …). */
    facts: text('facts').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    status: text('status').notNull(),
    endReason: text('end_reason'),
    notes: text('notes'),
    /** Earliest open due item, kept on every write so the lists can sort and filter by it. */
    nextDueDate: text('next_due_date'),
    ...stamps(),
  },
  (t) => [
    index('followup_person').on(t.personId),
    index('followup_live_group').on(t.group, t.status).where(live),
    index('followup_live_due').on(t.nextDueDate).where(live),
    index('followup_live_staff').on(t.responsibleStaffId, t.nextDueDate).where(live),
  ],
);

/** 走访/随访 and, for drug cases, tests (检测): what was found and, when reassessed, the new level. */
export const followupVisit = sqliteTable(
  'followup_visit',
  {
    id: idCol(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    method: text('method').notNull(),
    visitors: text('visitors').notNull(),
    findings: text('findings').notNull(),
    /** The level after reassessment on this visit; null when unchanged. */
    levelAfter: text('level_after'),
    /** Tests: 阴性 / 阳性 / 拒绝 / 未到. */
    testResult: text('test_result'),
    ...stamps(),
  },
  (t) => [index('followup_visit_subject').on(t.subjectId, t.date)],
);

/**
 * The file's risk level over time: the level it was opened with ('start'), each reassessment on a
 * visit ('visit', removed with the visit) and each change on the file form ('edit'). The level in
 * force on a day is the latest change on or before it; followup_subject.level keeps today's.
 */
export const followupLevel = sqliteTable(
  'followup_level',
  {
    id: idCol(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    level: text('level').notNull(),
    source: text('source').notNull(),
    visitId: text('visit_id').references(() => followupVisit.id, { onDelete: 'restrict' }),
    ...stamps(),
  },
  (t) => [index('followup_level_subject').on(t.subjectId, t.date)],
);

/**
 * What the office decided about one due item of a file: 延期 (a later due date, with the reason; the
 * original date stays on the item) or 免除 (excused, e.g. 住院、羁押、外出务工; the cadence counts on
 * from it). The engine reads them as extensions and waived events.
 */
export const followupItemAction = sqliteTable(
  'followup_item_action',
  {
    id: idCol(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    ruleId: text('rule_id').notNull(),
    /** The occurrence it is about (DueItem.key). */
    itemKey: text('item_key').notNull(),
    /** The item's label when decided, for the record. */
    label: text('label').notNull(),
    /** 免除: the day it counts as excused; 延期: the day it was decided. */
    date: text('date').notNull(),
    /** 延期: the new due date. */
    newDate: text('new_date'),
    reason: text('reason').notNull(),
    ...stamps(),
  },
  (t) => [index('followup_item_action_subject').on(t.subjectId)],
);

/**
 * Open due items of every module (the to-do dashboard reads only this table). Each write of a file
 * recomputes that file's items with the engine in shared/domain/obligations.ts and replaces its rows,
 * in the same transaction.
 */
export const obligation = sqliteTable(
  'obligation',
  {
    module: text('module').notNull(),
    ownerId: text('owner_id').notNull(),
    /** Stable key of the occurrence within its file (rule + period). */
    itemKey: text('item_key').notNull(),
    ruleId: text('rule_id').notNull(),
    /** 'visit' | 'report' | 'term_end' | 'deadline' — term ends are shown 30 days ahead. */
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    dueDate: text('due_date').notNull(),
    originalDueDate: text('original_due_date'),
    personName: text('person_name').notNull(),
    responsibleStaffId: text('responsible_staff_id'),
    villageId: text('village_id'),
    /** Where the item is satisfied, e.g. '/followup/01J…'. */
    link: text('link').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.module, t.ownerId, t.itemKey] }),
    index('obligation_due').on(t.dueDate),
    // The dashboard's counts are plain range counts per person responsible and module over this
    // narrow index: each item is stepped over once, no table lookups, no sorting.
    index('obligation_staff_module_due').on(t.responsibleStaffId, t.module, t.dueDate),
    // One person's lists in due-date order (the dashboard filtered by 包保/承办人).
    index('obligation_staff_due').on(t.responsibleStaffId, t.dueDate),
    index('obligation_village_due').on(t.villageId, t.dueDate),
    // Term ends are few among many visits: looked up by kind first (and taken out of the 7-day counts).
    // Module and owner close it so that one module's overdue deadlines (the dispute list's 超期
    // filter) are read from the index alone.
    index('obligation_kind_due').on(t.kind, t.dueDate, t.module, t.ownerId),
  ],
);
