import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { dispute } from './disputes';
import { person } from './persons';
import { staff } from './reference';

const live = sql`deleted_at IS NULL`;

/** 人民调解案件: one case file (卷宗), opened from a registered dispute or directly. */
export const mediationCase = sqliteTable(
  'mediation_case',
  {
    id: idCol(),
    caseNo: text('case_no').notNull(),
    caseYear: integer('case_year').notNull(),
    caseSeq: integer('case_seq').notNull(),
    disputeId: text('dispute_id').references(() => dispute.id, { onDelete: 'restrict' }),
    /** 案件来源 (shared/domain/mediation.ts CASE_ORIGINS); the link to the dispute register is `dispute_id`. */
    origin: text('origin').notNull(),
    /** 移送/委托单位 of an entrusted case. */
    senderUnit: text('sender_unit'),
    mediatingBody: text('mediating_body').notNull(),
    committeeName: text('committee_name').notNull(),
    acceptedDate: text('accepted_date').notNull(),
    category: text('category').notNull(),
    /** 土地承包经营纠纷 (category 07): only a written agreement may settle it. */
    landContract: integer('land_contract', { mode: 'boolean' }).notNull().default(false),
    summary: text('summary').notNull(),
    amountFen: integer('amount_fen'),
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    /** 终止调解 only: why (一方明确拒绝调解, 自行和解 …). */
    terminationReason: text('termination_reason'),
    /** JSON array of guidance routes told when mediation failed or was ended (诉讼/仲裁/行政途径). */
    guidance: text('guidance'),
    closedDate: text('closed_date'),
    /** A labour dispute: the day the parties were told they may apply for arbitration. */
    arbitrationToldDate: text('arbitration_told_date'),
    partiesText: text('parties_text').notNull(),
    mediatorsText: text('mediators_text').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('mediation_case_no').on(t.caseNo),
    uniqueIndex('mediation_case_dispute').on(t.disputeId).where(sql`dispute_id IS NOT NULL AND deleted_at IS NULL`),
    index('mediation_live_accepted').on(t.acceptedDate).where(live),
    index('mediation_live_closed').on(t.closedDate).where(live),
  ],
);

export const mediationParty = sqliteTable(
  'mediation_party',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('mediation_party_case').on(t.caseId), index('mediation_party_person').on(t.personId)],
);

/**
 * 委托代理人 of a party (REVIEW row 10): at most two for each, with the authority the 授权委托书 gives.
 * Kept apart from the party rows, which a correction of the case rewrites.
 */
export const mediationAgent = sqliteTable(
  'mediation_agent',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** 'general' 一般授权 | 'special' 特别授权. */
    authority: text('authority').notNull(),
    phone: text('phone'),
    ...stamps(),
  },
  (t) => [index('mediation_agent_case').on(t.caseId)],
);

export const mediationMediator = sqliteTable(
  'mediation_mediator',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    ord: integer('ord').notNull(),
  },
  (t) => [index('mediation_mediator_case').on(t.caseId), index('mediation_mediator_staff').on(t.staffId)],
);

/** 调查记录 (kind 'investigation') and 调解记录 (kind 'session'). */
export const mediationRecord = sqliteTable(
  'mediation_record',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    place: text('place'),
    participants: text('participants').notNull(),
    content: text('content').notNull(),
    nextStep: text('next_step'),
    ...stamps(),
  },
  (t) => [index('mediation_record_case').on(t.caseId)],
);

/** 延长调解期限: each extension of a case's handling deadline, agreed by both parties. */
export const mediationExtension = sqliteTable(
  'mediation_extension',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    /** The day the parties agreed. */
    date: text('date').notNull(),
    /** The due date it replaced, and the new one. */
    previousDate: text('previous_date').notNull(),
    newDate: text('new_date').notNull(),
    reason: text('reason').notNull(),
    /** Both parties consented (an extension is not recorded without it). */
    consent: integer('consent', { mode: 'boolean' }).notNull(),
    ...stamps(),
  },
  (t) => [index('mediation_extension_case').on(t.caseId)],
);

/** 调解协议: written (书面, art. 29) or oral (口头, art. 30); at most one per case. */
export const agreement = sqliteTable(
  'agreement',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    form: text('form').notNull(),
    facts: text('facts'),
    matters: text('matters'),
    responsibility: text('responsibility'),
    content: text('content').notNull(),
    performanceMethod: text('performance_method'),
    performanceDeadline: text('performance_deadline'),
    performancePlace: text('performance_place'),
    /** JSON: { [personId]: 'YYYY-MM-DD' } — each party's signing date. */
    partySignatures: text('party_signatures').notNull(),
    mediatorSignedDate: text('mediator_signed_date'),
    sealDate: text('seal_date'),
    /** Written: the last signature; oral: the day the parties agreed. */
    effectiveDate: text('effective_date'),
    /** 协议金额 in fen. */
    amountFen: integer('amount_fen'),
    /**
     * 履行情况 of the agreement as a whole: derived from the items and kept here whenever they change,
     * or set by the worker when there are none (shared/domain/mediation.ts agreementPerformance).
     */
    performance: text('performance').notNull().default('unperformed'),
    /** 履行完毕日期. */
    performedDate: text('performed_date'),
    confirmationIntent: integer('confirmation_intent', { mode: 'boolean' }),
    confirmationAppliedDate: text('confirmation_applied_date'),
    /**
     * Whether both parties applied jointly (民诉法 art. 205, 人民调解法 art. 33: 双方当事人共同申请);
     * null when not recorded (no application yet, or one kept before the question was asked).
     */
    confirmationJoint: integer('confirmation_joint', { mode: 'boolean' }),
    /** Which court under 民诉法 art. 205 (shared/domain/mediation.ts COURT_BASES), and its name. */
    confirmationCourtBasis: text('confirmation_court_basis'),
    confirmationCourt: text('confirmation_court'),
    /** The court's 受理日期. */
    confirmationAcceptedDate: text('confirmation_accepted_date'),
    /** The court's 案号. */
    confirmationRulingNo: text('confirmation_ruling_no'),
    confirmationResult: text('confirmation_result'),
    confirmationResultDate: text('confirmation_result_date'),
    ...stamps(),
  },
  (t) => [uniqueIndex('agreement_case').on(t.caseId)],
);

export const performanceItem = sqliteTable(
  'performance_item',
  {
    id: idCol(),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    deadline: text('deadline'),
    state: text('state').notNull(),
    performedDate: text('performed_date'),
    note: text('note'),
    ord: integer('ord').notNull(),
  },
  (t) => [index('performance_item_agreement').on(t.agreementId), index('performance_item_deadline').on(t.deadline)],
);

/** 回访: proposed (planned_date, no visit yet) or done (visit_date set). */
export const returnVisit = sqliteTable(
  'return_visit',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    /**
     * Why it is made (shared/domain/mediation.ts VISIT_PURPOSES): 'performance', the agreement's
     * performance (every visit kept before the purpose existed); 'escalation', after 调解不成 or 终止调解,
     * whether the dispute is escalating.
     */
    purpose: text('purpose').notNull().default('performance'),
    plannedDate: text('planned_date'),
    visitDate: text('visit_date'),
    visitorStaffId: text('visitor_staff_id').references(() => staff.id, { onDelete: 'restrict' }),
    method: text('method'),
    performanceFound: text('performance_found'),
    satisfaction: text('satisfaction'),
    notes: text('notes'),
    ...stamps(),
  },
  (t) => [index('return_visit_case').on(t.caseId), index('return_visit_planned').on(t.plannedDate)],
);

/**
 * 纠纷激化报告: a dispute that may escalate, or turn into a public-order or criminal case, reported to
 * the police or another department, with the preventive steps taken (人民调解法 art. 25).
 */
export const mediationReport = sqliteTable(
  'mediation_report',
  {
    id: idCol(),
    caseId: text('case_id')
      .notNull()
      .references(() => mediationCase.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    /** 'police' 公安派出所 | 'other' 其他部门 (shared/domain/mediation.ts REPORT_UNIT_KINDS). */
    unitKind: text('unit_kind').notNull(),
    /** The unit's name (某某派出所, 乡综治中心 …). */
    unit: text('unit').notNull(),
    receiver: text('receiver').notNull(),
    /** What was reported. */
    content: text('content').notNull(),
    /** The preventive steps taken. */
    measures: text('measures').notNull(),
    ...stamps(),
  },
  (t) => [index('mediation_report_case').on(t.caseId), index('mediation_report_date').on(t.date).where(live)],
);
