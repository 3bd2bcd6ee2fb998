/**
 * 社区矫正: the inputs of the supervision records with their Chinese messages, and what the window is sent
 * back (CONTRIBUTING.md, REVIEW §5.1, REVIEW §5.2). The limits of the 审批 are the office's settings, so the
 * schemas check what needs no setting; the form and the host both run `approvalErrors` with the settings.
 */
import { z } from 'zod';
import { isValidDate } from '../dates';
import type { DueItem } from '../domain/obligations';
import {
  APPROVAL_KINDS,
  ASSESS_RESULTS,
  INCIDENT_KINDS,
  MEMBER_ROLES,
  MONITOR_GROUNDS,
  approvalErrors,
  extensionErrors,
  latestMonitorEnd,
  type ApprovalKind,
  type ApproverLevel,
  type AssessResult,
  type IncidentKind,
  type MonitorFacts,
  type MonitorGround,
  type SupervisionLimits,
  type TeamCheck,
} from '../domain/correction-supervision';
import { asOf, DateStr, Id, OptDate, OptId, optText, PhoneField, reqText } from './common';

export const TeamInput = z.strictObject({
  fileId: Id,
  pledgeDate: OptDate,
  members: z
    .array(
      z.strictObject({
        name: reqText('成员姓名', 30),
        role: z.enum(MEMBER_ROLES, { error: '请选择成员身份' }),
        sex: z
          .union([z.literal(''), z.enum(['M', 'F'], { error: '请选择性别' })])
          .nullish()
          .transform((v) => (v ? v : null)),
        phone: PhoneField,
        knowsMinors: z.boolean().default(false),
      }),
    )
    .max(20, '矫正小组最多20人'),
});
export type TeamInput = z.input<typeof TeamInput>;
export const TeamInputAsOf = asOf(TeamInput, [{ path: 'pledgeDate', label: '矫正责任书日期' }]);

export const PlanInput = z.strictObject({
  id: OptId,
  fileId: Id,
  date: DateStr,
  content: reqText('方案内容', 4000),
  reason: optText('调整原因', 500),
});
export type PlanInput = z.input<typeof PlanInput>;
export const PlanInputAsOf = asOf(PlanInput, [{ path: 'date', label: '方案日期' }]);

export const ApprovalInput = z
  .strictObject({
    id: OptId,
    fileId: Id,
    kind: z.enum(APPROVAL_KINDS, { error: '请选择审批事项' }),
    applyDate: OptDate,
    startDate: OptDate,
    endDate: OptDate,
    destination: optText('地点（对象）', 200),
    reason: optText('事由', 500),
    papers: optText('证明材料', 300),
    approver: optText('批准人', 50),
    approvalDate: OptDate,
    returnDate: OptDate,
    result: optText('协商结果', 50),
    reportedDate: OptDate,
    note: optText('备注', 500),
  })
  .refine((v) => v.kind !== 'leave' || !!v.destination, { path: ['destination'], message: '请填写外出目的地' })
  .refine((v) => v.kind !== 'relocate' || !!v.destination, { path: ['destination'], message: '请填写新执行地' });
export type ApprovalInput = z.input<typeof ApprovalInput>;
export const ApprovalInputAsOf = asOf(ApprovalInput, [
  { path: 'applyDate', label: '申请日期' },
  { path: 'approvalDate', label: '批准日期' },
  { path: 'returnDate', label: '销假日期' },
  { path: 'reportedDate', label: '报告日期' },
]);

/** Issues from a check that returns messages by field, added to a schema (run even while other fields are wrong). */
function withChecks<S extends z.ZodType>(schema: S, check: (v: Record<string, unknown>) => Record<string, string>): S {
  return schema.superRefine(
    (v, ctx) => {
      if (!v || typeof v !== 'object') return;
      for (const [path, message] of Object.entries(check(v as Record<string, unknown>)))
        ctx.addIssue({ code: 'custom', path: [path], message });
    },
    { when: () => true },
  ) as unknown as S;
}

const dateOrNull = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The form's schema of an 审批 under the office's limits: the same refusals the host gives (approvalErrors). */
export const approvalInputWith = (limits: SupervisionLimits) => (today: string) =>
  withChecks(ApprovalInputAsOf(today), (v) =>
    approvalErrors(
      {
        kind: v.kind as ApprovalKind,
        startDate: dateOrNull(v.startDate),
        endDate: dateOrNull(v.endDate),
        returnDate: dateOrNull(v.returnDate),
        applyDate: dateOrNull(v.applyDate),
        reportedDate: dateOrNull(v.reportedDate),
        approvalDate: dateOrNull(v.approvalDate),
      },
      limits,
    ),
  );

export const MonitorInput = z
  .strictObject({
    id: OptId,
    fileId: Id,
    ground: z.enum(MONITOR_GROUNDS, { error: '请选择使用电子定位装置的情形' }),
    approver: reqText('批准人（县级司法行政部门负责人）', 50),
    approvalDate: DateStr,
    documentNumber: optText('批准文号', 60),
    startDate: DateStr,
    endDate: DateStr,
    removalDate: OptDate,
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: '截止日期不能早于起始日期' })
  .refine((v) => v.endDate < v.startDate || v.endDate <= latestMonitorEnd(v.startDate), {
    path: ['endDate'],
    message: '电子定位使用期限不得超过三个月，期满仍需使用的，评估后延长',
  })
  .refine((v) => !v.removalDate || v.removalDate >= v.startDate, { path: ['removalDate'], message: '解除日期不能早于起始日期' })
  .refine((v) => v.approvalDate <= v.startDate, { path: ['approvalDate'], message: '批准日期不能晚于起始日期' });
export type MonitorInput = z.input<typeof MonitorInput>;
export const MonitorInputAsOf = asOf(MonitorInput, [
  { path: 'approvalDate', label: '批准日期' },
  { path: 'removalDate', label: '解除日期' },
]);

export const AssessmentInput = z.strictObject({
  monitorId: Id,
  date: DateStr,
  result: z.enum(ASSESS_RESULTS, { error: '请选择评估结论' }),
  newEnd: OptDate,
  approver: optText('批准人', 50),
  documentNumber: optText('批准文号', 60),
});
export type AssessmentInput = z.input<typeof AssessmentInput>;
export const AssessmentInputAsOf = asOf(AssessmentInput, [{ path: 'date', label: '评估日期' }]);

/** The form's schema of an assessment of one 电子定位: the same refusals the host gives (extensionErrors). */
export const assessmentInputFor = (m: Pick<MonitorFacts, 'startDate' | 'endDate' | 'assessments' | 'removalDate'>) => (today: string) =>
  withChecks(AssessmentInputAsOf(today), (v) =>
    typeof v.date === 'string' && v.date
      ? extensionErrors(m, { date: v.date, result: v.result === 'stop' ? 'stop' : 'extend', newEnd: dateOrNull(v.newEnd) })
      : {},
  );

/** A date, or a date and time (YYYY-MM-DD HH:mm). */
const DateTime = z
  .string({ error: '请填写时间' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}( ([01]\d|2[0-3]):[0-5]\d)?$/, '时间应为“年-月-日”或“年-月-日 时:分”，如 2024-05-01 08:30')
  .refine((v) => isValidDate(v.slice(0, 10)), '日期应为有效的“年-月-日”，如 2024-05-01');
const OptDateTime = z
  .union([z.literal(''), DateTime])
  .nullish()
  .transform((v) => (v ? v : null));

export const IncidentInput = z
  .strictObject({
    id: OptId,
    fileId: Id,
    kind: z.enum(INCIDENT_KINDS, { error: '请选择情形' }),
    at: DateTime,
    content: reqText('情况', 2000),
    actions: optText('查找措施', 2000),
    resolvedAt: OptDateTime,
  })
  .refine((v) => !v.resolvedAt || v.resolvedAt >= v.at, { path: ['resolvedAt'], message: '找到（恢复联系）的时间不能早于失联时间' })
  .refine((v) => v.kind === 'missing' || !v.resolvedAt, { path: ['resolvedAt'], message: '只有失联填写找到（恢复联系）的时间' });
export type IncidentInput = z.input<typeof IncidentInput>;

export const ExitReportInput = z
  .strictObject({ fileId: Id, exitReportDate: OptDate, exitRevokeDate: OptDate })
  .refine((v) => !v.exitRevokeDate || !!v.exitReportDate, { path: ['exitRevokeDate'], message: '尚未报备，不能撤销报备' })
  .refine((v) => !v.exitRevokeDate || !v.exitReportDate || v.exitRevokeDate >= v.exitReportDate, {
    path: ['exitRevokeDate'],
    message: '撤销报备日期不能早于报备日期',
  });
export type ExitReportInput = z.input<typeof ExitReportInput>;
export const ExitReportInputAsOf = asOf(ExitReportInput, [
  { path: 'exitReportDate', label: '报备日期' },
  { path: 'exitRevokeDate', label: '撤销报备日期' },
]);

const Limit = (max: number) => z.number({ error: '请填写数字' }).int('应为整数').min(1, '至少为1').max(max, `不超过${max}`);
export const SupervisionSettingsInput = z.strictObject({
  leaveStationDays: Limit(60),
  leaveMaxMonths: Limit(12),
  frequentMonths: Limit(24),
  monitorAssessDays: Limit(60),
  relocateDecisionDays: Limit(60),
  relocateReportDays: Limit(60),
});
export type SupervisionSettingsInput = z.input<typeof SupervisionSettingsInput>;

// ── what the window is sent ──────────────────────────────────────────────────────────────────

export interface CorrectionMember {
  id: string;
  name: string;
  role: (typeof MEMBER_ROLES)[number];
  sex: 'M' | 'F' | null;
  phone: string | null;
  knowsMinors: boolean;
}

export interface CorrectionPlan {
  id: string;
  date: string;
  content: string;
  reason: string | null;
}

export interface CorrectionApproval {
  id: string;
  kind: ApprovalKind;
  applyDate: string | null;
  startDate: string | null;
  endDate: string | null;
  destination: string | null;
  reason: string | null;
  papers: string | null;
  approverLevel: ApproverLevel | null;
  approver: string | null;
  approvalDate: string | null;
  returnDate: string | null;
  result: string | null;
  reportedDate: string | null;
  note: string | null;
  /** 外出 past its end without 销假. */
  overdue: boolean;
}

export interface CorrectionAssessment {
  id: string;
  date: string;
  result: AssessResult;
  newEnd: string | null;
  approver: string | null;
  documentNumber: string | null;
}

export interface CorrectionMonitor {
  id: string;
  ground: MonitorGround;
  approver: string;
  approvalDate: string;
  documentNumber: string | null;
  startDate: string;
  endDate: string;
  /** The end in force after extensions. */
  currentEnd: string;
  removalDate: string | null;
  assessments: CorrectionAssessment[];
}

export interface CorrectionIncident {
  id: string;
  kind: IncidentKind;
  at: string;
  content: string;
  actions: string | null;
  resolvedAt: string | null;
}

export interface SupervisionSettingView {
  key: keyof SupervisionLimits;
  label: string;
  value: number;
  defaultValue: number;
  source: string;
}

export interface SupervisionView {
  fileId: string;
  active: boolean;
  subject: { sex: 'M' | 'F' | null; minor: boolean };
  team: { members: CorrectionMember[]; pledgeDate: string | null; check: TeamCheck };
  /** Newest first. */
  plans: CorrectionPlan[];
  approvals: CorrectionApproval[];
  monitors: CorrectionMonitor[];
  incidents: CorrectionIncident[];
  /** An open 失联 (not yet found). */
  openMissing: CorrectionIncident | null;
  exitReportDate: string | null;
  exitRevokeDate: string | null;
  limits: SupervisionLimits;
  settings: SupervisionSettingView[];
  /** The file's open items of these records (外出销假, 电子定位). */
  dueItems: DueItem[];
}

/** The audit history's names of what these records write. */
export const SUPERVISION_FIELD_LABELS = {
  team: '矫正小组',
  pledgeDate: '矫正责任书日期',
  plan: '矫正方案',
  approval: '审批',
  monitor: '电子定位',
  incident: '突发情况',
  exitReport: '出境报备',
} as const;
