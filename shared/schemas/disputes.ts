import { z } from 'zod';
import type { DisputeCounts, DisputeRates } from '../domain/disputes-stats';
import { PARTY_ROLES, RISK_LEVELS, SATISFACTION, type PartyRole, type RiskLevel, type Satisfaction } from '../dictionaries';
import { DISPUTE_STATUSES, HANDLING_LEVELS, type DisputeStatus, type HandlingLevel } from '../domain/disputes';
import type { DueItem } from '../domain/obligations';
import { asOf, columnChoice, DateStr, Id, OptDate, OptId, optText, Page, PageSize, reqText, type NotAfterToday } from './common';

const Code = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .max(20, `${label}代码过长`);

const Persons = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}至少为1`)
    .max(100_000, `${label}过大`)
    .nullish()
    .transform((v) => v ?? null);

const Party = z.strictObject({
  personId: Id,
  role: z.enum(PARTY_ROLES, { error: '当事人身份只能是申请人、被申请人或第三人' }),
});

const DisputeFields = {
  intakeDate: DateStr,
  source: Code('纠纷来源'),
  category: Code('纠纷类型'),
  villageId: OptId,
  gridId: OptId,
  parties: z.array(Party, { error: '请添加当事人' }).min(1, '至少登记一名当事人').max(50, '当事人不能超过50人'),
  summary: reqText('纠纷简要情况', 2000),
  peopleCount: z
    .number({ error: '涉及人数应为数字' })
    .int('涉及人数应为整数')
    .min(1, '涉及人数至少为1')
    .max(100_000, '涉及人数过大')
    .nullish()
    .transform((v) => v ?? null),
  amountYuan: z
    .number({ error: '涉及金额应为数字' })
    .min(0, '涉及金额不能为负数')
    .max(100_000_000_000, '涉及金额过大')
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100)),
  riskLevel: z
    .union([z.literal(''), z.enum(RISK_LEVELS, { error: '风险等级不正确' })])
    .nullish()
    .transform((v) => (v ? v : null)),
  responsibleStaffId: OptId,
  deadline: OptDate,
  handlingLevel: z
    .union([z.literal(''), z.enum(HANDLING_LEVELS, { error: '调处主体不正确' })])
    .nullish()
    .transform((v) => (v ? v : null)),
  /** A 12345 or 信访 work order (the form shows these for those sources). */
  ticketNo: optText('工单号', 50),
  ticketUnit: optText('转办单位', 100),
  ticketDeadline: OptDate,
  feedbackDate: OptDate,
  satisfaction: z
    .union([z.literal(''), z.enum(SATISFACTION, { error: '满意度不正确' })])
    .nullish()
    .transform((v) => (v ? v : null)),
  /** 防止民转刑 / 防止群体性事件: how many persons, when the dispute counts as one. */
  preventedCriminalPersons: Persons('防止民转刑涉及人数'),
  preventedMassPersons: Persons('防止群体性事件涉及人数'),
};

function refineDispute(
  d: {
    intakeDate: string;
    deadline: string | null;
    ticketDeadline: string | null;
    feedbackDate: string | null;
    parties: { personId: string }[];
  },
  ctx: z.RefinementCtx,
) {
  if (d.deadline && d.deadline < d.intakeDate) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: '办理期限不能早于登记日期' });
  }
  if (d.ticketDeadline && d.ticketDeadline < d.intakeDate) {
    ctx.addIssue({ code: 'custom', path: ['ticketDeadline'], message: '工单办理时限不能早于登记日期' });
  }
  if (d.feedbackDate && d.feedbackDate < d.intakeDate) {
    ctx.addIssue({ code: 'custom', path: ['feedbackDate'], message: '反馈日期不能早于登记日期' });
  }
  const ids = d.parties.map((p) => p.personId);
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', path: ['parties'], message: '同一人不能重复列为当事人' });
  }
}

/** A registration's fields (and a status change's) by their 中文 name, where a change to them is shown (the audit history). */
export const DISPUTE_FIELD_LABELS = {
  item: '待办事项',
  intakeDate: '登记日期',
  source: '纠纷来源',
  category: '纠纷类型',
  villageName: '村（社区）',
  gridName: '网格',
  parties: '当事人',
  summary: '简要情况',
  peopleCount: '涉及人数',
  amountYuan: '涉及金额',
  riskLevel: '风险等级',
  staffName: '承办人',
  deadline: '办理期限',
  status: '状态',
  date: '日期',
  note: '说明',
  transferUnit: '接收单位',
  handlingLevel: '调处主体',
  ticketNo: '工单号',
  ticketUnit: '转办单位',
  ticketDeadline: '工单办理时限',
  feedbackDate: '反馈日期',
  satisfaction: '满意度',
  preventedCriminalPersons: '防止民转刑（人）',
  preventedMassPersons: '防止群体性事件（人）',
} as const;

export const DisputeInput = z.strictObject(DisputeFields).superRefine(refineDispute);
export type DisputeInput = z.input<typeof DisputeInput>;
export const DisputeUpdateInput = z.strictObject({ id: Id, ...DisputeFields }).superRefine(refineDispute);
/** A registration's dates that cannot lie after today: it was registered, and answered, on a day that has come. */
const DISPUTE_DATES: NotAfterToday[] = [
  { path: 'intakeDate', label: '登记日期' },
  { path: 'feedbackDate', label: '反馈日期' },
];
export const DisputeInputAsOf = asOf(DisputeInput, DISPUTE_DATES);
export const DisputeUpdateInputAsOf = asOf(DisputeUpdateInput, DISPUTE_DATES);

export const DisputeStatusInput = z
  .strictObject({
    id: Id,
    to: z.enum(DISPUTE_STATUSES, { error: '目标状态不正确' }),
    date: DateStr,
    note: optText('说明', 1000),
    transferUnit: optText('接收单位', 100),
  })
  .superRefine((d, ctx) => {
    if (d.to === 'transferred' && !d.transferUnit) {
      ctx.addIssue({ code: 'custom', path: ['transferUnit'], message: '转办须填写接收单位' });
    }
  });
export const DisputeStatusInputAsOf = asOf(DisputeStatusInput, [{ path: 'date', label: '日期' }]);

export const DISPUTE_SORTS = ['intakeDate', 'caseNo', 'deadline', 'status', 'category', 'updatedAt'] as const;

export const DisputeListInput = z.strictObject({
  status: z.array(z.enum(DISPUTE_STATUSES)).max(8).optional(),
  category: z.string().max(20).optional(),
  source: z.string().max(20).optional(),
  villageId: Id.optional(),
  staffId: Id.optional(),
  dateFrom: DateStr.optional(),
  dateTo: DateStr.optional(),
  overdue: z.boolean().optional(),
  /** Deadlines falling due within 7 days (the dashboard's 7日内到期 counts open it). */
  due7: z.boolean().optional(),
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  deleted: z.boolean().optional(),
  sort: z.enum(DISPUTE_SORTS).default('intakeDate'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: Page,
  pageSize: PageSize,
});
export type DisputeListInput = z.input<typeof DisputeListInput>;

/**
 * The register's columns, by the key the window, the print and the export share: what 列设置 offers,
 * in the order it offers those not chosen. When adding one: its cell in DisputeListPage.tsx and its
 * column in db/services/disputes-export.ts (both typed from this list), and its value in DisputeRow.
 */
export const DISPUTE_COLUMN_KEYS = [
  'caseNo',
  'intakeDate',
  'source',
  'category',
  'parties',
  'applicants',
  'respondents',
  'phones',
  'summary',
  'village',
  'grid',
  'people',
  'amount',
  'risk',
  'staff',
  'deadline',
  'status',
  'overdue',
  'outcome',
  'closedDate',
] as const;
export type DisputeColumn = (typeof DISPUTE_COLUMN_KEYS)[number];

/**
 * The list's filter and order without paging: every matching row goes into the export, in the
 * columns chosen on screen (列设置) or, without a choice, the register's usual ones.
 */
export const DisputeExportInput = DisputeListInput.omit({ page: true, pageSize: true }).extend({
  columns: columnChoice(DISPUTE_COLUMN_KEYS).optional(),
});

export interface DisputeRow {
  id: string;
  caseNo: string;
  intakeDate: string;
  source: string;
  category: string;
  villageName: string | null;
  status: DisputeStatus;
  riskLevel: RiskLevel | null;
  deadline: string | null;
  overdue: boolean;
  staffName: string | null;
  parties: string;
  /** The 申请人 and the 被申请人 by name, in the parties' order (a re-imported export keeps who was which); null when none. */
  applicants: string | null;
  respondents: string | null;
  /** The parties' phone numbers, in the parties' order ('138…、0871-…'); null when none has one. */
  phones: string | null;
  /** The first 60 characters on a page of the list; all of it in the export. */
  summary: string;
  gridName: string | null;
  peopleCount: number | null;
  amountYuan: number | null;
  /** 化解 or 未化解: the latest outcome, kept after the dispute is 办结. */
  outcome: Extract<DisputeStatus, 'resolved' | 'unresolved'> | null;
  /** The day it was 办结 (null while it is not). */
  closedDate: string | null;
  deletedAt: string | null;
}

export interface DisputeParty {
  personId: string;
  role: PartyRole;
  name: string;
  idNumber: string | null;
  phone: string | null;
}

export interface DisputeStatusChange {
  id: string;
  from: DisputeStatus | null;
  to: DisputeStatus;
  date: string;
  note: string | null;
  transferUnit: string | null;
  actorName: string;
  at: string;
}

export interface Dispute {
  id: string;
  caseNo: string;
  intakeDate: string;
  source: string;
  category: string;
  villageId: string | null;
  villageName: string | null;
  gridId: string | null;
  gridName: string | null;
  summary: string;
  peopleCount: number | null;
  amountYuan: number | null;
  riskLevel: RiskLevel | null;
  responsibleStaffId: string | null;
  staffName: string | null;
  deadline: string | null;
  status: DisputeStatus;
  transferUnit: string | null;
  handlingLevel: HandlingLevel | null;
  ticketNo: string | null;
  ticketUnit: string | null;
  ticketDeadline: string | null;
  feedbackDate: string | null;
  satisfaction: Satisfaction | null;
  preventedCriminalPersons: number | null;
  preventedMassPersons: number | null;
  /** The handling deadline as the due-date engine sees it (null without a deadline). */
  deadlineItem: DueItem | null;
  overdue: boolean;
  parties: DisputeParty[];
  history: DisputeStatusChange[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

// ── 排查调处统计 ─────────────────────────────────────────────────────────────────────────────────

/** Which disputes a period counts: those registered in it (whenever they closed), or those whose outcome fell in it. */
export const DISPUTE_STAT_BASES = ['intake', 'outcome'] as const;
export type DisputeStatBasis = (typeof DISPUTE_STAT_BASES)[number];
export const DISPUTE_STAT_BASIS_LABELS: Record<DisputeStatBasis, string> = { intake: '按登记日期', outcome: '按化解结果日期' };

export const DisputeStatsInput = z
  .strictObject({ dateFrom: DateStr, dateTo: DateStr, basis: z.enum(DISPUTE_STAT_BASES).default('intake') })
  .refine((v) => v.dateFrom <= v.dateTo, { path: ['dateTo'], message: '结束日期不能早于开始日期' });
export type DisputeStatsInput = z.input<typeof DisputeStatsInput>;

/** One row of a breakdown: the counts and rates for one category, source, village, person or month. */
export interface DisputeStatRow extends DisputeCounts, DisputeRates {
  key: string | null;
  label: string;
}

export interface DisputeStats {
  dateFrom: string;
  dateTo: string;
  basis: DisputeStatBasis;
  total: DisputeStatRow;
  byCategory: DisputeStatRow[];
  bySource: DisputeStatRow[];
  byVillage: DisputeStatRow[];
  byStaff: DisputeStatRow[];
  /** By 调处主体: the township centre's own disputes apart from the village committees'. */
  byLevel: DisputeStatRow[];
  /** 'YYYY-MM', in order, every month of the period. */
  byMonth: DisputeStatRow[];
  /** 排查次数 in the period (by the screening's date, whatever the basis). */
  screening: ScreeningTotals;
}

// ── 排查活动 ─────────────────────────────────────────────────────────────────────────────────────

const Count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(100_000, `${label}过大`);

/** One village's screening on one day; a visit that found nothing (零报告) is recorded with 0. */
export const ScreeningInput = z.strictObject({
  id: OptId,
  date: DateStr,
  villageId: Id,
  participants: reqText('参加人员', 200),
  households: Count('走访户数')
    .nullish()
    .transform((v) => v ?? null),
  persons: Count('走访人数')
    .nullish()
    .transform((v) => v ?? null),
  disputesFound: Count('发现纠纷件数'),
  note: optText('备注', 1000),
});
export type ScreeningInput = z.input<typeof ScreeningInput>;
export const ScreeningInputAsOf = asOf(ScreeningInput, [{ path: 'date', label: '排查日期' }]);

/** A month's screening, 'YYYY-MM'. */
export const ScreeningMonthInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
});

export const SCREENING_FIELD_LABELS = {
  screening: '排查活动',
  villageName: '村（社区）',
  participants: '参加人员',
  households: '走访户数',
  persons: '走访人数',
  disputesFound: '发现纠纷',
} as const;

export interface Screening {
  id: string;
  date: string;
  villageId: string;
  villageName: string;
  participants: string;
  households: number | null;
  persons: number | null;
  disputesFound: number;
  note: string | null;
}

export interface ScreeningMonth {
  month: string;
  rows: Screening[];
  /** Every village of the township with how often it reported this month; 0 = not yet reported. */
  villages: { id: string; name: string; reports: number; disputesFound: number }[];
}

/** 排查次数 and what they reached, for the statistics' period. */
export interface ScreeningTotals {
  count: number;
  /** Villages with at least one record in the period, of how many the township has. */
  villagesReported: number;
  villages: number;
  households: number;
  persons: number;
  disputesFound: number;
}
