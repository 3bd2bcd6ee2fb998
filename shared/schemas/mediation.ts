import { z } from 'zod';
import { PARTY_ROLES, SATISFACTION, type PartyRole } from '../dictionaries';
import {
  AGENT_AUTHORITIES,
  AGREEMENT_PERFORMANCES,
  CASE_ORIGINS,
  CASE_OUTCOMES,
  CONFIRMATION_RESULTS,
  COURT_BASES,
  COURT_CASE_NO_RE,
  ENTRUSTED_ORIGINS,
  GUIDANCE_ROUTES,
  landContractAllowed,
  MEDIATING_BODIES,
  MEDIATION_STAT_BASES,
  PERFORMANCE_STATES,
  REPORT_UNIT_KINDS,
  routesRequired,
  TERMINATION_REASONS,
  type AgentAuthority,
  type AgreementPerformance,
  type CaseOrigin,
  type CaseOutcome,
  type ConfirmationResult,
  type ConfirmationState,
  type ConfirmationWindow,
  type CourtBasis,
  type GuidanceRoute,
  type MediatingBody,
  type MediationStatBasis,
  type PerformanceState,
  type ReportUnitKind,
  type TerminationReason,
  type VisitPurpose,
} from '../domain/mediation';
import type { DueItem } from '../domain/obligations';
import { DOSSIER, MEDIATION_DOCS } from '../documents/mediation';
import {
  asOf,
  columnChoice,
  DateStr,
  Id,
  OptDate,
  OptId,
  optText,
  Page,
  PageSize,
  reqText,
  PhoneField,
  type NotAfterToday,
} from './common';

const Amount = z
  .number({ error: '金额应为数字' })
  .min(0, '金额不能为负数')
  .max(100_000_000_000, '金额过大')
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100));

const Party = z.strictObject({ personId: Id, role: z.enum(PARTY_ROLES, { error: '当事人身份不正确' }) });
const Parties = z.array(Party, { error: '请添加当事人' }).min(1, '至少一名当事人').max(50, '当事人不能超过50人');
const MediatorIds = z.array(Id, { error: '请选择调解员' }).min(1, '至少指定一名调解员').max(9, '调解员不能超过9人');
const Body = z.enum(MEDIATING_BODIES, { error: '请选择调解组织' });

/** A choice that may be left blank ('' or null → null), with its own message for anything else. */
function optEnum<const T extends readonly [string, ...string[]]>(values: T, error: string) {
  return z
    .enum(['', ...values] as unknown as readonly ['', ...T], { error })
    .nullish()
    .transform((v): T[number] | null => (v ? (v as T[number]) : null));
}

function noDuplicates(ids: string[], ctx: z.RefinementCtx, path: string, message: string) {
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [path], message });
}

/** 案件来源 as the 受理登记表 asks it (REVIEW row 9). */
const Origin = z.enum(CASE_ORIGINS, { error: '请选择案件来源' });
/** The 移送/委托单位 of an entrusted case. */
const SenderUnit = optText('移送/委托单位', 100);
export const SENDER_REQUIRED = '委托移送的案件须填写移送/委托单位';
export const LAND_CONTRACT_CATEGORY_ONLY = '只有山林土地纠纷才能标为土地承包经营纠纷';

function refineOrigin(v: { origin: CaseOrigin; senderUnit: string | null }, ctx: z.RefinementCtx) {
  if (ENTRUSTED_ORIGINS.includes(v.origin) && !v.senderUnit)
    ctx.addIssue({ code: 'custom', path: ['senderUnit'], message: SENDER_REQUIRED });
}

/**
 * 受理 of a registered dispute: the parties, category and summary come from it; the source is asked
 * (its default proposed from the dispute's 纠纷来源, REVIEW row 9); the link is the dispute itself.
 */
export const MediationFromDisputeInput = z
  .strictObject({
    disputeId: Id,
    acceptedDate: DateStr,
    origin: Origin,
    senderUnit: SenderUnit,
    mediatingBody: Body,
    committeeName: optText('调解组织名称', 50),
    mediatorIds: MediatorIds,
    /** 土地承包经营纠纷 (only for category 07: the host checks the dispute's category, REVIEW row 17). */
    landContract: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    noDuplicates(v.mediatorIds, ctx, 'mediatorIds', '同一调解员不能重复');
    refineOrigin(v, ctx);
  });
export type MediationFromDisputeInput = z.input<typeof MediationFromDisputeInput>;
/** A case is accepted on a day that has come. */
const ACCEPTED: NotAfterToday[] = [{ path: 'acceptedDate', label: '受理日期' }];
export const MediationFromDisputeInputAsOf = asOf(MediationFromDisputeInput, ACCEPTED);

const CaseFields = {
  acceptedDate: DateStr,
  origin: Origin,
  senderUnit: SenderUnit,
  mediatingBody: Body,
  committeeName: optText('调解组织名称', 50),
  category: z.string({ error: '请选择纠纷类型' }).trim().min(1, '请选择纠纷类型').max(20),
  /** 土地承包经营纠纷, a kind of 山林土地纠纷 that must end in a written agreement (REVIEW row 17). */
  landContract: z.boolean().default(false),
  summary: reqText('纠纷简要情况', 2000),
  amountYuan: Amount,
  parties: Parties,
  mediatorIds: MediatorIds,
};

function refineCase(
  v: {
    parties: { personId: string }[];
    mediatorIds: string[];
    origin: CaseOrigin;
    senderUnit: string | null;
    category: string;
    landContract: boolean;
  },
  ctx: z.RefinementCtx,
) {
  noDuplicates(
    v.parties.map((p) => p.personId),
    ctx,
    'parties',
    '同一人不能重复列为当事人',
  );
  noDuplicates(v.mediatorIds, ctx, 'mediatorIds', '同一调解员不能重复');
  refineOrigin(v, ctx);
  if (v.landContract && !landContractAllowed(v.category))
    ctx.addIssue({ code: 'custom', path: ['landContract'], message: LAND_CONTRACT_CATEGORY_ONLY });
}

export const MediationCreateInput = z.strictObject(CaseFields).superRefine(refineCase);
export type MediationCreateInput = z.input<typeof MediationCreateInput>;

/** A case's fields, and the parts written to it, by their 中文 name where a change to them is shown (the audit history). */
export const MEDIATION_FIELD_LABELS = {
  item: '待办事项',
  acceptedDate: '受理日期',
  origin: '案件来源',
  senderUnit: '移送/委托单位',
  landContract: '土地承包经营纠纷',
  terminationReason: '终止原因',
  guidance: '告知途径',
  extension: '延长调解期限',
  arbitrationNotice: '告知可申请劳动仲裁',
  committeeName: '调解组织',
  mediators: '调解员',
  category: '纠纷类型',
  summary: '简要情况',
  amountYuan: '涉及金额',
  parties: '当事人',
  outcome: '结果',
  closedDate: '结案日期',
  reason: '原因',
  record: '记录',
  agreement: '调解协议',
  agent: '委托代理人',
  authority: '代理权限',
  performance: '履行情况',
  agreementPerformance: '协议履行情况',
  agreedAmountYuan: '协议金额',
  performedDate: '履行完毕日期',
  confirmation: '司法确认',
  visit: '回访',
  report: '纠纷激化报告',
} as const;

export const MediationUpdateInput = z.strictObject({ id: Id, ...CaseFields }).superRefine(refineCase);
export const MediationCreateInputAsOf = asOf(MediationCreateInput, ACCEPTED);
export const MediationUpdateInputAsOf = asOf(MediationUpdateInput, ACCEPTED);

export const AgentInput = z.strictObject({
  caseId: Id,
  personId: Id,
  name: reqText('委托代理人姓名', 50),
  authority: z.enum(AGENT_AUTHORITIES, { error: '请选择代理权限' }),
  phone: PhoneField,
});

export const RECORD_KINDS = ['investigation', 'session'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = { investigation: '调查记录', session: '调解记录' };

export const RecordInput = z.strictObject({
  id: OptId,
  caseId: Id,
  kind: z.enum(RECORD_KINDS, { error: '记录类别不正确' }),
  date: DateStr,
  place: optText('地点', 100),
  participants: reqText('参加人员', 300),
  content: reqText('记录内容', 10_000),
  nextStep: optText('下一步', 500),
});
export const RecordInputAsOf = asOf(RecordInput, [{ path: 'date', label: '日期' }]);

export const CloseInput = z
  .strictObject({
    id: Id,
    outcome: z.enum(CASE_OUTCOMES, { error: '请选择调解结果' }),
    closedDate: DateStr,
    /** Why a mediation was ended (终止调解 only, REVIEW row 15). */
    terminationReason: optEnum(TERMINATION_REASONS, '终止原因不正确'),
    reason: optText('原因', 1000),
    guidance: z.array(z.enum(GUIDANCE_ROUTES)).max(3).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'success' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写调解不成或终止的原因' });
    if (v.outcome === 'terminated' && !v.terminationReason)
      ctx.addIssue({ code: 'custom', path: ['terminationReason'], message: '请选择终止调解的原因' });
    if (routesRequired(v.outcome, v.terminationReason) && v.guidance.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['guidance'],
        message:
          v.outcome === 'failure'
            ? '调解不成时须告知当事人可选择的途径（人民调解法第二十六条）'
            : '终止调解时须告知当事人可依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）；当事人自行和解或撤回申请的除外',
      });
    }
  });
export const CloseInputAsOf = asOf(CloseInput, [{ path: 'closedDate', label: '结案日期' }]);

export const AGREEMENT_FORMS = ['written', 'oral'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

const ItemInput = z.strictObject({
  id: OptId,
  description: reqText('履行事项', 500),
  deadline: OptDate,
  state: z.enum(PERFORMANCE_STATES, { error: '履行情况不正确' }).default('unperformed'),
  performedDate: OptDate,
  note: optText('备注', 500),
});

export const AgreementInput = z
  .strictObject({
    caseId: Id,
    form: z.enum(AGREEMENT_FORMS, { error: '请选择协议形式' }),
    facts: optText('纠纷主要事实', 5000),
    matters: optText('争议事项', 2000),
    responsibility: optText('各方责任', 2000),
    content: reqText('协议内容', 10_000),
    performanceMethod: optText('履行方式', 500),
    performanceDeadline: OptDate,
    performancePlace: optText('履行地点', 200),
    partySignatures: z.array(z.strictObject({ personId: Id, date: OptDate })).max(50),
    mediatorSignedDate: OptDate,
    sealDate: OptDate,
    /** Oral agreements: the day the parties agreed (art. 30). */
    oralDate: OptDate,
    items: z.array(ItemInput).max(50, '履行事项不能超过50项'),
    /** 协议金额: what the agreement settles, summed by the statistics (the intake's 涉及金额 is the amount in dispute). */
    agreedAmountYuan: Amount,
    /** The agreement's own 履行情况 and 履行完毕日期: used only when it has no items (REVIEW row 1). */
    performance: z.enum(AGREEMENT_PERFORMANCES, { error: '履行情况不正确' }).default('unperformed'),
    performedDate: OptDate,
  })
  .superRefine((v, ctx) => {
    if (v.items.length === 0 && v.performance === 'performed' && !v.performedDate) {
      ctx.addIssue({ code: 'custom', path: ['performedDate'], message: '已履行的，请填写履行完毕日期' });
    }
    if (v.form === 'oral' && !v.oralDate) ctx.addIssue({ code: 'custom', path: ['oralDate'], message: '口头协议须填写达成日期' });
    if (v.form === 'written') {
      if (!v.facts)
        ctx.addIssue({ code: 'custom', path: ['facts'], message: '书面协议应当载明纠纷简要事实（人民调解工作若干规定第三十五条）' });
      if (!v.matters)
        ctx.addIssue({ code: 'custom', path: ['matters'], message: '书面协议应当载明争议事项（人民调解工作若干规定第三十五条）' });
    }
  });
export type AgreementInput = z.input<typeof AgreementInput>;
/** What was signed, agreed or performed happened on a day that has come (a deadline may lie ahead). */
export const AgreementInputAsOf = asOf(AgreementInput, [
  { path: 'partySignatures.*.date', label: '签署日期' },
  { path: 'mediatorSignedDate', label: '调解员签名日期' },
  { path: 'sealDate', label: '盖章日期' },
  { path: 'oralDate', label: '达成日期' },
  { path: 'performedDate', label: '履行完毕日期' },
  { path: 'items.*.performedDate', label: '履行日期' },
]);

export const PerformanceInput = z.strictObject({
  itemId: Id,
  state: z.enum(PERFORMANCE_STATES, { error: '履行情况不正确' }),
  /** The day the item was performed; today when it is marked 已履行 without one. */
  date: OptDate,
  note: optText('备注', 500),
});
export const PerformanceInputAsOf = asOf(PerformanceInput, [{ path: 'date', label: '履行日期' }]);

/** The 履行情况 of an agreement without items, as the worker finds it (REVIEW row 1). */
export const AgreementPerformanceInput = z
  .strictObject({
    caseId: Id,
    state: z.enum(AGREEMENT_PERFORMANCES, { error: '请选择履行情况' }),
    date: OptDate,
  })
  .superRefine((v, ctx) => {
    if (v.state === 'performed' && !v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: '请填写履行完毕日期' });
  });
export const AgreementPerformanceInputAsOf = asOf(AgreementPerformanceInput, [{ path: 'date', label: '履行完毕日期' }]);

export const COURT_CASE_NO_HINT = '案号应如（2024）豫0102民特12号：括号内为年份，以“号”结尾';
export const JOINT_REQUIRED = '已申请司法确认的，请确认是否由双方当事人共同申请（民事诉讼法第二百零五条）';

/**
 * 司法确认 (REVIEW row 6): the application (whether both parties made it together; the court chosen under
 * 民诉法 art. 205 — its basis and its name), the court's 受理日期 and 案号, and how it ended. A late
 * application, or one not made jointly, is recorded and warned of, not refused.
 */
export const ConfirmationInput = z
  .strictObject({
    caseId: Id,
    intent: z.boolean().nullable(),
    appliedDate: OptDate,
    /** 双方当事人共同申请 (民诉法 art. 205): asked once there is an application; false is warned of, not refused. */
    joint: z.boolean({ error: '请确认是否由双方当事人共同申请' }).nullish(),
    courtBasis: optEnum(COURT_BASES, '申请法院的依据不正确'),
    court: optText('法院名称', 100),
    /** The court's 受理日期 (立案). */
    acceptedDate: OptDate,
    /** The court's 案号 (the ruling carries the same number). */
    rulingNo: optText('案号', 60).refine((v) => !v || COURT_CASE_NO_RE.test(v), COURT_CASE_NO_HINT),
    result: optEnum(CONFIRMATION_RESULTS, '司法确认结果不正确'),
    resultDate: OptDate,
  })
  .superRefine((v, ctx) => {
    if (v.appliedDate && typeof v.joint !== 'boolean') ctx.addIssue({ code: 'custom', path: ['joint'], message: JOINT_REQUIRED });
    if (v.appliedDate && !v.courtBasis)
      ctx.addIssue({ code: 'custom', path: ['courtBasis'], message: '请选择向哪一法院申请（民事诉讼法第二百零五条）' });
    if (v.appliedDate && !v.court) ctx.addIssue({ code: 'custom', path: ['court'], message: '已申请司法确认的，请填写法院名称' });
    if ((v.result || v.acceptedDate) && !v.appliedDate)
      ctx.addIssue({ code: 'custom', path: ['appliedDate'], message: '请先填写申请日期' });
    if (v.result && !v.resultDate)
      ctx.addIssue({ code: 'custom', path: ['resultDate'], message: v.result === 'withdrawn' ? '请填写撤回日期' : '请填写裁定日期' });
    if (v.acceptedDate && v.appliedDate && v.acceptedDate < v.appliedDate)
      ctx.addIssue({ code: 'custom', path: ['acceptedDate'], message: '受理日期不能早于申请日期' });
    if (v.result === 'not_accepted' && v.acceptedDate)
      ctx.addIssue({ code: 'custom', path: ['acceptedDate'], message: '不予受理的，没有受理日期' });
    if (v.acceptedDate && v.resultDate && v.resultDate < v.acceptedDate)
      ctx.addIssue({ code: 'custom', path: ['resultDate'], message: '结果日期不能早于受理日期' });
  });
export const ConfirmationInputAsOf = asOf(ConfirmationInput, [
  { path: 'appliedDate', label: '申请日期' },
  { path: 'acceptedDate', label: '受理日期' },
  { path: 'resultDate', label: '结果日期' },
]);

/**
 * 延长调解期限 (REVIEW row 8): beyond the month, only with both parties' consent, the reason and the
 * new date recorded.
 */
export const ExtensionInput = z.strictObject({
  caseId: Id,
  /** The day the parties agreed. */
  date: DateStr,
  newDate: DateStr,
  reason: reqText('延长理由', 500),
  consent: z.literal(true, { error: '延长调解期限须经双方当事人同意，请确认后勾选' }),
});
export type ExtensionInput = z.input<typeof ExtensionInput>;
export const ExtensionInputAsOf = asOf(ExtensionInput, [{ path: 'date', label: '当事人同意日期' }]);

/** A labour dispute's parties told they may apply for arbitration (劳动争议调解仲裁法 art. 14, REVIEW row 7). */
export const ArbitrationNoticeInput = z.strictObject({ caseId: Id, date: DateStr });
export const ArbitrationNoticeInputAsOf = asOf(ArbitrationNoticeInput, [{ path: 'date', label: '告知日期' }]);

export const VISIT_METHODS = ['上门回访', '电话回访', '约谈回访', '其他'] as const;

export const VisitInput = z.strictObject({
  id: OptId,
  caseId: Id,
  visitDate: DateStr,
  visitorStaffId: Id,
  method: z.enum(VISIT_METHODS, { error: '请选择回访方式' }),
  performanceFound: z.enum(PERFORMANCE_STATES, { error: '请选择履行情况' }),
  satisfaction: z.enum(SATISFACTION, { error: '请选择满意度' }),
  notes: optText('回访情况', 2000),
});
export const VisitInputAsOf = asOf(VisitInput, [{ path: 'visitDate', label: '回访日期' }]);

/**
 * 纠纷激化报告 (人民调解法 art. 25, REVIEW §2.1): the day, the police station or other department and its
 * name, who received it, what was reported and the preventive steps taken.
 */
export const EscalationReportInput = z.strictObject({
  caseId: Id,
  date: DateStr,
  unitKind: z.enum(REPORT_UNIT_KINDS, { error: '请选择报告对象（公安派出所或其他部门）' }),
  unit: reqText('接收单位名称', 50),
  receiver: reqText('接收人', 20),
  content: reqText('报告内容', 1000),
  measures: reqText('采取的预防措施', 1000),
});
export type EscalationReportInput = z.input<typeof EscalationReportInput>;

export const MEDIATION_SORTS = ['acceptedDate', 'caseNo', 'closedDate'] as const;
export const MediationListInput = z.strictObject({
  dateFrom: DateStr.optional(),
  dateTo: DateStr.optional(),
  category: z.string().max(20).optional(),
  mediatingBody: Body.optional(),
  mediatorId: Id.optional(),
  /** The first mediator (承办调解员): the person responsible for the case's items on the dashboard. */
  leadMediatorId: Id.optional(),
  /** Cases with anything overdue, or anything due within 7 days (the dashboard's counts open them). */
  overdue: z.boolean().optional(),
  due7: z.boolean().optional(),
  outcome: z.enum(['open', ...CASE_OUTCOMES]).optional(),
  performance: z.enum(AGREEMENT_PERFORMANCES).optional(),
  confirmation: z.enum(['applied', 'granted', 'none']).optional(),
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  deleted: z.boolean().optional(),
  sort: z.enum(MEDIATION_SORTS).default('acceptedDate'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: Page,
  pageSize: PageSize,
});
export type MediationListInput = z.input<typeof MediationListInput>;

/**
 * The ledger's columns, by the key the window, the print and the export share: what 列设置 offers, in
 * the order it offers those not chosen. When adding one: its cell in MediationListPage.tsx and its
 * column in db/services/mediation-export.ts (both typed from this list), and its value in MediationRow.
 */
export const MEDIATION_COLUMN_KEYS = [
  'caseNo',
  'acceptedDate',
  'origin',
  'category',
  'parties',
  'idNumber',
  'body',
  'mediators',
  'outcome',
  'closedDate',
  'agreementForm',
  'performance',
  'performedDate',
  'confirmation',
  'amount',
  'agreed',
  'terminationReason',
  'reason',
  'guidance',
] as const;
export type MediationColumn = (typeof MEDIATION_COLUMN_KEYS)[number];

/**
 * The list's filter and order without paging: every matching case goes into the export, in the
 * columns chosen on screen (列设置) or, without a choice, the ledger's usual ones.
 */
export const MediationExportInput = MediationListInput.omit({ page: true, pageSize: true }).extend({
  columns: columnChoice(MEDIATION_COLUMN_KEYS).optional(),
});

export const StatsInput = z
  .strictObject({ dateFrom: DateStr, dateTo: DateStr, basis: z.enum(MEDIATION_STAT_BASES).default('accepted') })
  .refine((v) => v.dateFrom <= v.dateTo, { path: ['dateTo'], message: '结束日期不能早于开始日期' });

export interface MediationRow {
  id: string;
  caseNo: string;
  acceptedDate: string;
  origin: CaseOrigin;
  category: string;
  mediatingBody: MediatingBody;
  parties: string;
  /** The first party's ID number, masked (CONTRIBUTING.md, DOMAIN §5.2). */
  idNumberMasked: string | null;
  mediators: string;
  outcome: CaseOutcome | null;
  closedDate: string | null;
  /** 告知途径: the routes the parties were told of when mediation failed or was ended. */
  guidance: GuidanceRoute[];
  /** Why mediation failed or was ended (调解不成或终止原因). */
  reason: string | null;
  /** 终止情形, for a case ended (终止调解). */
  terminationReason: TerminationReason | null;
  agreementForm: AgreementForm | null;
  performance: AgreementPerformance | null;
  /** 履行完毕日期. */
  performedDate: string | null;
  performanceOverdue: boolean;
  /** Anything of the case overdue (调解期限, 回访, 履行, 申请司法确认): its items in the to-do table. */
  overdue: boolean;
  confirmation: ConfirmationState;
  /** 涉及金额 of the case (the amount in dispute). */
  amountYuan: number | null;
  /** 协议金额. */
  agreedAmountYuan: number | null;
  deletedAt: string | null;
}

export interface MediationParty {
  personId: string;
  role: PartyRole;
  name: string;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  /** REVIEW row 10: a unit as a party, and a person's 职业或职务 and 工作单位. */
  kind: 'person' | 'organisation';
  occupation: string | null;
  workUnit: string | null;
  creditCode: string | null;
  legalRep: string | null;
  /** 委托代理人. */
  agents: { id: string; name: string; authority: AgentAuthority; phone: string | null }[];
}

export interface MediationRecord {
  id: string;
  kind: RecordKind;
  date: string;
  place: string | null;
  participants: string;
  content: string;
  nextStep: string | null;
}

export interface PerformanceItem {
  id: string;
  description: string;
  deadline: string | null;
  state: PerformanceState;
  performedDate: string | null;
  note: string | null;
  overdue: boolean;
}

export interface Agreement {
  id: string;
  form: AgreementForm;
  facts: string | null;
  matters: string | null;
  responsibility: string | null;
  content: string;
  performanceMethod: string | null;
  performanceDeadline: string | null;
  performancePlace: string | null;
  partySignatures: { personId: string; date: string | null }[];
  mediatorSignedDate: string | null;
  sealDate: string | null;
  effectiveDate: string | null;
  items: PerformanceItem[];
  /** 协议金额 (元). */
  agreedAmountYuan: number | null;
  performance: AgreementPerformance;
  /** 履行完毕日期. */
  performedDate: string | null;
  /** True when the items decide the performance (it cannot be set on the agreement). */
  performanceDerived: boolean;
  confirmation: {
    intent: boolean | null;
    appliedDate: string | null;
    /** Both parties applied together (null: not recorded). */
    joint: boolean | null;
    courtBasis: CourtBasis | null;
    court: string | null;
    /** The court's 受理日期. */
    acceptedDate: string | null;
    /** The court's 案号. */
    rulingNo: string | null;
    result: ConfirmationResult | null;
    resultDate: string | null;
    window: ConfirmationWindow | null;
    /** Applied after the window's last day (REVIEW row 6): warned, not refused. */
    late: boolean;
    /** Applied by one party only (REVIEW row 6): warned, not refused. */
    nonJoint: boolean;
  };
}

export interface ReturnVisit {
  id: string;
  /** After the agreement, or after 调解不成/终止调解 to see whether the dispute escalates (REVIEW row 19). */
  purpose: VisitPurpose;
  plannedDate: string | null;
  visitDate: string | null;
  visitorStaffId: string | null;
  visitorName: string | null;
  method: string | null;
  performanceFound: PerformanceState | null;
  satisfaction: string | null;
  notes: string | null;
  due: boolean;
}

/** A 纠纷激化报告 (REVIEW §2.1). */
export interface EscalationReport {
  id: string;
  date: string;
  unitKind: ReportUnitKind;
  unit: string;
  receiver: string;
  content: string;
  measures: string;
}

/** A recorded extension of the 调解期限 (REVIEW row 8). */
export interface CaseExtension {
  id: string;
  /** The day the parties agreed. */
  date: string;
  /** The due date it replaced. */
  previousDate: string;
  newDate: string;
  reason: string;
  /** Both parties consented (always true: an extension is refused without it). */
  consent: true;
  createdAt: string;
}

export interface MediationCase {
  id: string;
  caseNo: string;
  disputeId: string | null;
  disputeCaseNo: string | null;
  origin: CaseOrigin;
  senderUnit: string | null;
  mediatingBody: MediatingBody;
  committeeName: string;
  acceptedDate: string;
  category: string;
  /** 土地承包经营纠纷 (category 07 only): a written agreement is required (REVIEW row 17). */
  landContract: boolean;
  summary: string;
  amountYuan: number | null;
  outcome: CaseOutcome | null;
  outcomeReason: string | null;
  terminationReason: TerminationReason | null;
  guidance: GuidanceRoute[];
  closedDate: string | null;
  /** The 调解期限 as the engine judges it (REVIEW row 8): extended, done when the case closed, overdue. */
  handling: DueItem | null;
  extensions: CaseExtension[];
  /** A labour dispute's 15-day point (REVIEW row 7); null for other categories. */
  labourNotice: DueItem | null;
  /** The day the parties of a labour dispute were told they may apply for arbitration. */
  arbitrationToldDate: string | null;
  parties: MediationParty[];
  mediators: { staffId: string; name: string }[];
  records: MediationRecord[];
  agreement: Agreement | null;
  visits: ReturnVisit[];
  /** 纠纷激化报告, in date order. */
  reports: EscalationReport[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One row of a breakdown: the counted cases of one category, mediating body or source. */
export interface MediationStatRow {
  key: string;
  /** Accepted in the period, or closed in it (the basis). */
  counted: number;
  mediated: number;
  successful: number;
  successRate: number | null;
}

export interface MediationStats {
  dateFrom: string;
  dateTo: string;
  basis: MediationStatBasis;
  /** Cases accepted in the period (on either basis: the 受理 denominator). */
  accepted: number;
  /** The counted cases: accepted in the period, or closed in it. */
  counted: number;
  mediated: number;
  successful: number;
  failed: number;
  terminated: number;
  /** Counted cases still being mediated (only on the acceptance basis). */
  open: number;
  written: number;
  oral: number;
  performed: number;
  confirmationsApplied: number;
  confirmationsGranted: number;
  /** Cases reported to the police or another department in the period as likely to escalate (REVIEW §2.1). */
  escalationReports: number;
  /** 协议金额: what the successful cases' agreements settle. */
  agreementAmountYuan: number;
  /** 争议金额: what the counted cases were about (the intake's 涉及金额). */
  disputedAmountYuan: number;
  successRate: number | null;
  successRateOfAccepted: number | null;
  performanceRate: number | null;
  confirmationRate: number | null;
  byCategory: MediationStatRow[];
  /** By mediating body: the township committee's own cases apart from the village committees'. */
  byBody: MediationStatRow[];
  /** By 案件来源. */
  byOrigin: MediationStatRow[];
  /** 'YYYY-MM', in order, every month of the period: accepted by acceptance month, successful by the basis's month. */
  byMonth: { month: string; accepted: number; successful: number }[];
  /** Every outcome of the counted cases, in CASE_OUTCOMES order (they add up to `mediated`). */
  byOutcome: { outcome: CaseOutcome; count: number }[];
}

/** One form of a case file, or the whole file (卷宗), to generate as .docx. */
export const MediationDocInput = z.strictObject({
  caseId: Id,
  doc: z.enum([...MEDIATION_DOCS, DOSSIER], { error: '文书种类不正确' }),
});
export type MediationDocInput = z.input<typeof MediationDocInput>;
