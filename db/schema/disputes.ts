import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { person } from './persons';
import { grid, staff, village } from './reference';

const live = sql`deleted_at IS NULL`;

/** 矛盾纠纷排查登记: the intake register. */
export const dispute = sqliteTable(
  'dispute',
  {
    id: idCol(),
    caseNo: text('case_no').notNull(),
    /** Year and sequence behind the case number, for sorting and the yearly counter. */
    caseYear: integer('case_year').notNull(),
    caseSeq: integer('case_seq').notNull(),
    intakeDate: text('intake_date').notNull(),
    source: text('source').notNull(),
    category: text('category').notNull(),
    villageId: text('village_id').references(() => village.id, { onDelete: 'restrict' }),
    gridId: text('grid_id').references(() => grid.id, { onDelete: 'restrict' }),
    summary: text('summary').notNull(),
    peopleCount: integer('people_count'),
    /** Amount involved in fen (分), so sums are exact. */
    amountFen: integer('amount_fen'),
    riskLevel: text('risk_level'),
    responsibleStaffId: text('responsible_staff_id').references(() => staff.id, { onDelete: 'restrict' }),
    deadline: text('deadline'),
    status: text('status').notNull(),
    transferUnit: text('transfer_unit'),
    /** The parties' names, kept with the row for the list ('张三、李四'). */
    partiesText: text('parties_text').notNull(),
    /**
     * The steps the statistics count, kept on the row as the workflow passes them (the status
     * history has them too): the day it was first 受理, first taken into 调处, and its outcome
     * (化解/未化解, the latest one) with its day, kept after the dispute is 办结.
     */
    acceptedDate: text('accepted_date'),
    mediatingDate: text('mediating_date'),
    outcome: text('outcome'),
    outcomeDate: text('outcome_date'),
    /** 调处主体: the township centre ('township') or a village/community committee ('village'). */
    handlingLevel: text('handling_level'),
    /** A 12345 or 信访 work order: its number, the unit that sent it, its time limit, the day it was answered, and the rating. */
    ticketNo: text('ticket_no'),
    ticketUnit: text('ticket_unit'),
    ticketDeadline: text('ticket_deadline'),
    feedbackDate: text('feedback_date'),
    satisfaction: text('satisfaction'),
    /** 防止民转刑 / 防止群体性事件: the persons it concerned; null when the dispute is not counted as one. */
    preventedCriminalPersons: integer('prevented_criminal_persons'),
    preventedMassPersons: integer('prevented_mass_persons'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('dispute_case_no').on(t.caseNo),
    // Every live index opens with deleted_at. It costs one byte (always NULL here); the queries name
    // it, so it is an equality and the order by the next columns and rowid still comes from the index; and a
    // filtered total is counted from the index alone, with no separate count indexes that every
    // registration would also have to write.
    index('dispute_live_case').on(t.deletedAt, t.caseYear, t.caseSeq).where(live),
    index('dispute_live_intake').on(t.deletedAt, t.intakeDate).where(live),
    index('dispute_live_status_intake').on(t.deletedAt, t.status, t.intakeDate).where(live),
    index('dispute_live_category_intake').on(t.deletedAt, t.category, t.intakeDate).where(live),
    index('dispute_live_village_intake').on(t.deletedAt, t.villageId, t.intakeDate).where(live),
    index('dispute_live_staff_intake').on(t.deletedAt, t.responsibleStaffId, t.intakeDate).where(live),
    index('dispute_live_deadline').on(t.deletedAt, t.deadline).where(live),
    // Open cases by deadline (the "办理中, 按期限" view).
    index('dispute_live_status_deadline').on(t.deletedAt, t.status, t.deadline).where(live),
    index('dispute_deleted').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
    // Statistics over the disputes whose outcome fell in a period; a registration writes nothing here.
    index('dispute_live_outcome').on(t.deletedAt, t.outcomeDate).where(sql`deleted_at IS NULL AND outcome_date IS NOT NULL`),
  ],
);

export const disputeParty = sqliteTable(
  'dispute_party',
  {
    id: idCol(),
    disputeId: text('dispute_id')
      .notNull()
      .references(() => dispute.id, { onDelete: 'restrict' }),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('dispute_party_dispute').on(t.disputeId), index('dispute_party_person').on(t.personId)],
);

export const disputeStatusChange = sqliteTable(
  'dispute_status_change',
  {
    id: idCol(),
    disputeId: text('dispute_id')
      .notNull()
      .references(() => dispute.id, { onDelete: 'restrict' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    date: text('date').notNull(),
    note: text('note'),
    transferUnit: text('transfer_unit'),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('dispute_status_change_dispute').on(t.disputeId)],
);

/**
 * The register's statistics kept as they change: for each day and each breakdown (the total, a
 * category, a source, a village, a responsible person), what the disputes registered that day
 * (basis 'intake') or given an outcome that day (basis 'outcome') add to each figure. Every write of
 * a dispute takes its old contribution out and puts its new one in, in the same transaction, so a
 * year's statistics read a few thousand rows instead of every dispute (db/services/disputes-stats.ts).
 * Keys are '' where the dispute has no village, person or 调处主体.
 */
export const disputeStat = sqliteTable(
  'dispute_stat',
  {
    basis: text('basis').notNull(),
    dim: text('dim').notNull(),
    day: text('day').notNull(),
    key: text('key').notNull(),
    registered: integer('registered').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    mediated: integer('mediated').notNull(),
    resolved: integer('resolved').notNull(),
    unresolved: integer('unresolved').notNull(),
    transferred: integer('transferred').notNull(),
    open: integer('open').notNull(),
    amountFen: integer('amount_fen').notNull(),
    people: integer('people').notNull(),
    /** Work orders (工单) answered, answered within their time limit, rated, and rated 满意 or 基本满意. */
    fedBack: integer('fed_back').notNull().default(0),
    fedBackOnTime: integer('fed_back_on_time').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    preventedCriminal: integer('prevented_criminal').notNull().default(0),
    preventedCriminalPersons: integer('prevented_criminal_persons').notNull().default(0),
    preventedMass: integer('prevented_mass').notNull().default(0),
    preventedMassPersons: integer('prevented_mass_persons').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.basis, t.dim, t.day, t.key] })],
);

/**
 * 排查活动: one village's screening on one day — who went, how many households or persons they
 * reached, how many disputes they found. A visit that found nothing is recorded too (零报告): the
 * month's list shows which villages have not reported, and 排查次数 counts these records.
 */
export const screening = sqliteTable(
  'screening',
  {
    id: idCol(),
    date: text('date').notNull(),
    villageId: text('village_id')
      .notNull()
      .references(() => village.id, { onDelete: 'restrict' }),
    participants: text('participants').notNull(),
    households: integer('households'),
    persons: integer('persons'),
    disputesFound: integer('disputes_found').notNull(),
    note: text('note'),
    ...stamps(),
  },
  (t) => [index('screening_live_date').on(t.deletedAt, t.date).where(live), index('screening_village_date').on(t.villageId, t.date)],
);
