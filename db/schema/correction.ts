import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { person } from './persons';
import { staff, village } from './reference';

const live = sql`deleted_at IS NULL`;

/**
 * 社区矫正档案 (the 司法所工作档案, REVIEW §5.1): one subject's correction, linked to the person registry. The
 * 矫正期限 is copied from the documents; the level's history is the engine's (level_change).
 */
export const correctionFile = sqliteTable(
  'correction_file',
  {
    id: idCol(),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    /** 'control' 管制 | 'probation' 缓刑 | 'parole' 假释 | 'outside' 暂予监外执行. */
    category: text('category').notNull(),
    /** 暂予监外执行: 'medical' | 'pregnancy' | 'self_care'. */
    ground: text('ground'),
    crime: text('crime').notNull(),
    penaltyType: text('penalty_type').notNull(),
    penaltyTerm: text('penalty_term'),
    additionalPenalty: text('additional_penalty'),
    prohibition: text('prohibition'),
    prohibitionStart: text('prohibition_start'),
    prohibitionEnd: text('prohibition_end'),
    decisionOrgan: text('decision_organ').notNull(),
    documentType: text('document_type').notNull(),
    documentNumber: text('document_number').notNull(),
    effectiveDate: text('effective_date').notNull(),
    noticeDate: text('notice_date'),
    receivedDate: text('received_date'),
    termStart: text('term_start').notNull(),
    termEnd: text('term_end').notNull(),
    /** 执行地 (the village of residence). */
    villageId: text('village_id').references(() => village.id, { onDelete: 'restrict' }),
    /** 'none' | 'prior' (前科) | 'recidivist' (累犯). */
    priorRecord: text('prior_record').notNull(),
    formerName: text('former_name'),
    education: text('education'),
    marital: text('marital'),
    employment: text('employment'),
    phone: text('phone'),
    /** A minor's file is closed (社区矫正法 art. 54): shown only to its responsible staff member. */
    minor: integer('minor').notNull().default(0),
    responsibleStaffId: text('responsible_staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    /** The level in force today and since when (kept from the level history for the list). */
    level: text('level').notNull(),
    levelSince: text('level_since').notNull(),
    reportDate: text('report_date'),
    reportNote: text('report_note'),
    declarationDate: text('declaration_date'),
    declarationHost: text('declaration_host'),
    declarationAttendees: text('declaration_attendees'),
    /** 'active' 在矫 | 'released' 解除 | 'terminated' 终止. */
    status: text('status').notNull().default('active'),
    notes: text('notes'),
    /** Earliest open due item, kept on every write so the list can sort and filter by it. */
    nextDueDate: text('next_due_date'),
    ...stamps(),
  },
  (t) => [
    index('correction_person').on(t.personId),
    index('correction_live_due').on(t.nextDueDate).where(live),
    index('correction_live_term').on(t.termEnd).where(live),
    index('correction_live_staff').on(t.responsibleStaffId, t.nextDueDate).where(live),
  ],
);

/** What is recorded on a file by date: reports, health reports, re-examinations, visits and checks, study and public-benefit hours. */
export const correctionEvent = sqliteTable(
  'correction_event',
  {
    id: idCol(),
    fileId: text('file_id')
      .notNull()
      .references(() => correctionFile.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    method: text('method'),
    /** 教育学习 / 公益活动 only, in hours (half hours allowed). */
    hours: real('hours'),
    content: text('content').notNull(),
    staff: text('staff'),
    ...stamps(),
  },
  (t) => [index('correction_event_file').on(t.fileId, t.date)],
);
