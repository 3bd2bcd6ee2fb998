/**
 * The due-date engine's tables: the to-do table every module's items are written to, the office's
 * 延期/免除 decisions on single items, and the level over time of records whose duties follow a
 * level. Each row names its record by module (the module's stored word, shared/modules.ts) and id;
 * there is no foreign key to the module's table, so that any registered module can use them.
 */
import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';

/**
 * Open due items of every module (the to-do dashboard reads only this table). Each write of a file
 * recomputes that file's items with the engine in shared/domain/obligations.ts and replaces its rows,
 * in the same transaction (db/services/obligations.ts).
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
    /**
     * A closed record's items (a minor's correction file): the one staff member who sees them. Null: everyone.
     * The dashboard leaves them out of every other operator's lists and counts.
     */
    closedTo: text('closed_to'),
  },
  (t) => [
    primaryKey({ columns: [t.module, t.ownerId, t.itemKey] }),
    index('obligation_due').on(t.dueDate),
    // The dashboard's counts are plain range counts per person responsible and module over this
    // narrow index: each item is stepped over once, no table lookups, no sorting. The owner closes
    // it so that the records behind a range (files, disputes, cases: what the counts count and the
    // ledgers they open list) are counted from the index alone too.
    index('obligation_staff_module_due').on(t.responsibleStaffId, t.module, t.dueDate, t.ownerId),
    // One person's lists in due-date order (the dashboard filtered by 包保/承办人).
    index('obligation_staff_due').on(t.responsibleStaffId, t.dueDate),
    index('obligation_village_due').on(t.villageId, t.dueDate),
    // Term ends are few among many visits: looked up by kind first (and taken out of the 7-day counts).
    // Module and owner close it so that one module's overdue deadlines (the dispute list's 超期
    // filter) are read from the index alone.
    index('obligation_kind_due').on(t.kind, t.dueDate, t.module, t.ownerId),
    // Closed items are few: the dashboard finds the cells that hold any from this index alone.
    index('obligation_closed').on(t.responsibleStaffId, t.module, t.closedTo).where(sql`closed_to IS NOT NULL`),
  ],
);

/**
 * What the office decided about one due item of a record: 延期 (a later due date, with the reason;
 * the original date stays on the item) or 免除 (excused, e.g. 住院、羁押、外出务工; a cadence counts on
 * from it). The engine reads them as extensions and waived events.
 */
export const obligationAction = sqliteTable(
  'obligation_action',
  {
    id: idCol(),
    module: text('module').notNull(),
    ownerId: text('owner_id').notNull(),
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
  (t) => [index('obligation_action_owner').on(t.module, t.ownerId)],
);

/**
 * A record's level over time (a special-group file's risk level, a correction subject's management
 * level): the level it was opened with ('start'), each change recorded with an event of the module
 * ('visit': removed with that event) and each change on the form ('edit'). The level in force on a
 * day is the latest change on or before it; the cadences in force follow it.
 */
export const levelChange = sqliteTable(
  'level_change',
  {
    id: idCol(),
    module: text('module').notNull(),
    ownerId: text('owner_id').notNull(),
    date: text('date').notNull(),
    level: text('level').notNull(),
    source: text('source').notNull(),
    /** The module's event the change was recorded with (a visit), if any. */
    eventId: text('event_id'),
    ...stamps(),
  },
  (t) => [
    index('level_change_owner').on(t.module, t.ownerId, t.date),
    index('level_change_event').on(t.module, t.eventId),
    // The changes after a day (the statistics read those files through the engine).
    index('level_change_date').on(t.module, t.date).where(sql`deleted_at IS NULL`),
  ],
);
