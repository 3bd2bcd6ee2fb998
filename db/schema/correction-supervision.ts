import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { correctionFile } from './correction';

const live = sql`deleted_at IS NULL`;
const fileRef = () =>
  text('file_id')
    .notNull()
    .references(() => correctionFile.id, { onDelete: 'restrict' });

/** One row per file: the 矫正责任书 and the 出境报备 (REVIEW §5.1, REVIEW §5.2). */
export const correctionSupervision = sqliteTable('correction_supervision', {
  fileId: text('file_id')
    .primaryKey()
    .references(() => correctionFile.id, { onDelete: 'restrict' }),
  /** 矫正责任书 signed. */
  pledgeDate: text('pledge_date'),
  /** 出境报备 (法定不准出境人员) and its 撤销. */
  exitReportDate: text('exit_report_date'),
  exitRevokeDate: text('exit_revoke_date'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 矫正小组 members (社区矫正法 art. 25). */
export const correctionMember = sqliteTable(
  'correction_member',
  {
    id: idCol(),
    fileId: fileRef(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** 'M' | 'F'. */
    sex: text('sex'),
    phone: text('phone'),
    /** Knows the work with minors (art. 52): 1 | 0. */
    knowsMinors: integer('knows_minors').notNull().default(0),
    ...stamps(),
  },
  (t) => [index('correction_member_file').on(t.fileId).where(live)],
);

/** 矫正方案 versions (art. 24): each dated, with its content and the reason it was adjusted. */
export const correctionPlan = sqliteTable(
  'correction_plan',
  {
    id: idCol(),
    fileId: fileRef(),
    date: text('date').notNull(),
    content: text('content').notNull(),
    reason: text('reason'),
    ...stamps(),
  },
  (t) => [index('correction_plan_file').on(t.fileId, t.date).where(live)],
);

/** 审批 records: 外出, 经常性跨市县活动, 会客, 进入特定区域/场所, 变更执行地 (REVIEW §5.2). */
export const correctionApproval = sqliteTable(
  'correction_approval',
  {
    id: idCol(),
    fileId: fileRef(),
    /** 'leave' | 'frequent' | 'visitor' | 'place' | 'relocate'. */
    kind: text('kind').notNull(),
    applyDate: text('apply_date'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    /** 外出's destination, the visitor, the place, or the new 执行地. */
    destination: text('destination'),
    reason: text('reason'),
    papers: text('papers'),
    /** 'station' 司法所 | 'county' 县级 (外出, from its length). */
    approverLevel: text('approver_level'),
    approver: text('approver'),
    approvalDate: text('approval_date'),
    /** 外出: 销假. */
    returnDate: text('return_date'),
    /** 变更执行地: the counties' result and the day it was reported to the new county. */
    result: text('result'),
    reportedDate: text('reported_date'),
    note: text('note'),
    ...stamps(),
  },
  (t) => [index('correction_approval_file').on(t.fileId, t.startDate).where(live)],
);

/** 电子定位 (art. 29): ground, approval by the county head, the period and its removal. */
export const correctionMonitor = sqliteTable(
  'correction_monitor',
  {
    id: idCol(),
    fileId: fileRef(),
    ground: text('ground').notNull(),
    approver: text('approver').notNull(),
    approvalDate: text('approval_date').notNull(),
    documentNumber: text('document_number'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    removalDate: text('removal_date'),
    ...stamps(),
  },
  (t) => [index('correction_monitor_file').on(t.fileId).where(live)],
);

/** An assessment before a period of 电子定位 ends: extended (with its new end) or not. */
export const correctionMonitorAssessment = sqliteTable(
  'correction_monitor_assessment',
  {
    id: idCol(),
    monitorId: text('monitor_id')
      .notNull()
      .references(() => correctionMonitor.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    /** 'extend' | 'stop'. */
    result: text('result').notNull(),
    newEnd: text('new_end'),
    approver: text('approver'),
    documentNumber: text('document_number'),
    ...stamps(),
  },
  (t) => [index('correction_monitor_assessment_monitor').on(t.monitorId).where(live)],
);

/** Incidents (arts. 30–32): 失联, 正在违法, 被拘留/强制隔离戒毒/刑事强制措施. */
export const correctionIncident = sqliteTable(
  'correction_incident',
  {
    id: idCol(),
    fileId: fileRef(),
    /** 'missing' | 'offending' | 'detained'. */
    kind: text('kind').notNull(),
    /** When it happened (失联: found missing), ISO date-time or date. */
    at: text('at').notNull(),
    content: text('content').notNull(),
    /** 失联: the search made. */
    actions: text('actions'),
    /** 失联: found or contact restored. */
    resolvedAt: text('resolved_at'),
    ...stamps(),
  },
  (t) => [index('correction_incident_file').on(t.fileId, t.at).where(live)],
);
