import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
  (t) => [index('followup_visit_subject').on(t.subjectId, t.date)],
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
