import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    /**
     * 管控对象 (REVIEW row 11): 'controlled' (需管控), 'registered' (仅在册: no visit duty unless the office
     * sets one) or, for 邪教 files, 'to_transform' (待转化, a 需管控 person the office works to transform).
     * Files kept before it are all 'controlled', so each keeps the duty it had.
     */
    controlStatus: text('control_status').notNull().default('controlled'),
    /** JSON: [{ date, status }] from the opening on, when the status changed; null: the current one since the start. */
    controlHistory: text('control_history'),
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
    // The statistics' counts of files by group, level and status read this index alone, in its order (followup-stats.ts).
    index('followup_stat').on(t.group, t.level, t.controlStatus, t.status, t.startDate, t.endDate, t.id).where(live),
    // The few files whose 管控 status changed: the statistics read them through the engine (followup-duties.ts).
    index('followup_control_changes').on(t.id).where(sql`control_history IS NOT NULL`),
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
    /** A 未到 with a proper reason (illness, approved leave): the reason; such an absence is no refusal. */
    excuse: text('excuse'),
    /** Mental health: the stability class found on the visit (unstable / basic / stable), when recorded. */
    stability: text('stability'),
    ...stamps(),
  },
  (t) => [
    index('followup_visit_subject').on(t.subjectId, t.date),
    // Drug tests by file and day with their result, read from the index alone by the statistics.
    index('followup_visit_tests').on(t.subjectId, t.date, t.testResult).where(sql`deleted_at IS NULL AND kind = 'test'`),
    // The tests that may count as refused (countsAsRefusal decides): few, read for the serious-breach count.
    index('followup_visit_refusals')
      .on(t.subjectId, t.date, t.testResult, t.excuse)
      .where(sql`deleted_at IS NULL AND kind = 'test' AND test_result IN ('拒绝检测', '未到')`),
  ],
);

/** 报告公安机关 (drug files): when, to which police unit, who received it, and which duties it answered. */
export const followupReport = sqliteTable(
  'followup_report',
  {
    id: idCol(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    policeUnit: text('police_unit').notNull(),
    receiver: text('receiver').notNull(),
    note: text('note'),
    /** JSON: the keys of the 报告公安 duties this report answered (e.g. ["drug.police.positive.2024-06-10"]). */
    matters: text('matters').notNull(),
    ...stamps(),
  },
  (t) => [index('followup_report_subject').on(t.subjectId, t.date)],
);

/** 中止 of community detox or rehabilitation while the subject is detained or arrested; no end date while it lasts. */
export const followupSuspension = sqliteTable(
  'followup_suspension',
  {
    id: idCol(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'restrict' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** 'detention' (拘留) | 'arrest' (逮捕). */
    reason: text('reason').notNull(),
    note: text('note'),
    ...stamps(),
  },
  (t) => [index('followup_suspension_subject').on(t.subjectId, t.startDate)],
);

/**
 * A severe-mental-disorder file's year (REVIEW row 12): the guardian's 以奖代补 — the year's 考核结果, the
 * amount and the day it was paid, the guardian it went to — and whether the patient had 免费服药 and
 * 免费救治 that year. One per file and year.
 */
export const followupYear = sqliteTable(
  'followup_year',
  {
    id: idCol(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    /** 以奖代补 考核结果: 合格 | 不合格 | 待考核 | 不符合条件 | 未申请. */
    rewardResult: text('reward_result').notNull(),
    amountFen: integer('amount_fen'),
    /** Paid (已发放, 0/1), and the day when recorded (the status carried from before 0020 has none). */
    paid: integer('paid').notNull().default(0),
    paidDate: text('paid_date'),
    guardianName: text('guardian_name'),
    /** 免费服药, 免费救治 that year (0/1). */
    freeMedication: integer('free_medication').notNull().default(0),
    freeTreatment: integer('free_treatment').notNull().default(0),
    note: text('note'),
    ...stamps(),
  },
  (t) => [uniqueIndex('followup_year_subject').on(t.subjectId, t.year).where(live)],
);

/**
 * Each file's due items as the statistics keep them (shared/domain/followup-stats.ts StoredDuty),
 * written with the to-do table on every write of the file and by the daily rebuild
 * (db/services/followup-duties.ts), so that a year's 走访完成率 at 100,000 files is a sum, not a run of
 * the engine over every file. Rows carry the file's group and span, so the sums need no join.
 */
export const followupDuty = sqliteTable(
  'followup_duty',
  {
    subjectId: text('subject_id')
      .notNull()
      .references(() => followupSubject.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    group: text('group_code').notNull(),
    /** 'visit' | 'test' (counted in the rates) or null (counted only when overdue). */
    duty: text('duty'),
    dueDate: text('due_date').notNull(),
    weight: integer('weight').notNull(),
    progressDone: integer('progress_done').notNull(),
    closedOn: text('closed_on'),
    waived: integer('waived').notNull(),
    passedOn: text('passed_on'),
    pastEnd: integer('past_end').notNull(),
    fileStart: text('file_start').notNull(),
    fileEnd: text('file_end'),
    /** Done or excused by its due date, inside the file's span: summed per day in followup_duty_day. */
    settled: integer('settled').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectId, t.itemKey] }),
    // The rows read one by one (not settled by their due date: open, late, 漏访): few beside the rest.
    // Covering: the statistics read these rows from the index alone.
    index('followup_duty_unsettled')
      .on(
        t.dueDate,
        t.group,
        t.duty,
        t.weight,
        t.progressDone,
        t.closedOn,
        t.waived,
        t.passedOn,
        t.pastEnd,
        t.fileStart,
        t.fileEnd,
        t.subjectId,
        t.itemKey,
      )
      .where(sql`settled = 0`),
  ],
);

/**
 * The settled rows of followup_duty summed per group, duty and due date, kept by triggers on that
 * table (migration 0024): a settled duty reads the same on every day, so a period's settled duties
 * are a sum over at most a few thousand rows.
 */
export const followupDutyDay = sqliteTable(
  'followup_duty_day',
  {
    group: text('group_code').notNull(),
    duty: text('duty').notNull(),
    dueDate: text('due_date').notNull(),
    /** Done on time (owed and done). */
    doneWeight: integer('done_weight').notNull(),
    waivedWeight: integer('waived_weight').notNull(),
  },
  (t) => [primaryKey({ columns: [t.group, t.duty, t.dueDate] })],
);

/** Which rules and which day a file's kept duties were computed under, and a digest to skip unchanged rewrites. */
export const followupDutyFile = sqliteTable(
  'followup_duty_file',
  {
    subjectId: text('subject_id')
      .primaryKey()
      .references(() => followupSubject.id, { onDelete: 'cascade' }),
    builtOn: text('built_on').notNull(),
    basis: text('basis').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [index('followup_duty_file_basis').on(t.basis)],
);
