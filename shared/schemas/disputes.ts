import { z } from 'zod';
import type { DisputeCounts, DisputeRates } from '../domain/disputes-stats';
import { PARTY_ROLES, RISK_LEVELS, type PartyRole, type RiskLevel } from '../dictionaries';
import { DISPUTE_STATUSES, type DisputeStatus } from '../domain/disputes';
import type { DueItem } from '../domain/obligations';
import { DateStr, Id, OptDate, OptId, optText, Page, PageSize, reqText } from './common';

const Code = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .max(20, `${label}代码过长`);

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
};

function refineDispute(d: { intakeDate: string; deadline: string | null; parties: { personId: string }[] }, ctx: z.RefinementCtx) {
  if (d.deadline && d.deadline < d.intakeDate) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: '办理期限不能早于登记日期' });
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
} as const;

export const DisputeInput = z.strictObject(DisputeFields).superRefine(refineDispute);
export type DisputeInput = z.input<typeof DisputeInput>;
export const DisputeUpdateInput = z.strictObject({ id: Id, ...DisputeFields }).superRefine(refineDispute);

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
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  deleted: z.boolean().optional(),
  sort: z.enum(DISPUTE_SORTS).default('intakeDate'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: Page,
  pageSize: PageSize,
});
export type DisputeListInput = z.input<typeof DisputeListInput>;

/** The list's filter and order without paging: every matching row goes into the export. */
export const DisputeExportInput = DisputeListInput.omit({ page: true, pageSize: true });

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
  summary: string;
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
  /** 'YYYY-MM', in order, every month of the period. */
  byMonth: DisputeStatRow[];
}
