/**
 * 安置帮教 (assistance to released persons): the inputs of one file with their Chinese messages, what the
 * window is sent back, and the words of its codes (CONTRIBUTING.md, REVIEW §6.2, REVIEW §6.3).
 */
import { z } from 'zod';
import {
  AID_TYPES,
  ASSISTANCE_LEVELS,
  ASSISTANCE_LEVEL_LABELS,
  ASSISTANCE_VISIT_METHODS,
  END_REASONS,
  END_REASON_LABELS,
  HANDOVER_METHODS,
  HANDOVER_METHOD_LABELS,
  HANDOVER_STATE_LABELS,
  isKeyLevel,
  PLACEMENTS,
  PLACEMENT_LABELS,
  RECORD_KINDS,
  REOFFENCE_TYPES,
  RELEASE_TYPES,
  RELEASE_TYPE_LABELS,
  TEAM_ROLES,
  type AssistanceLevel,
  type AssistanceRecordKind,
  type EndReason,
  type HandoverMethod,
  type HandoverState,
  type Placement,
  type ReleaseType,
  type TeamCheck,
} from '../domain/assistance-rules';
import { ASSISTANCE_DOCS, WHOLE_FILE } from '../documents/assistance';
import { REOFFENCE_BASES, type AssistanceStatsFigures, type ReoffenceBase } from '../domain/assistance-stats';
import type { DueItem, Interval } from '../domain/obligations';
import { RELEASE_DATES, ReleaseFields, refineRelease } from './correction-end';
import { asOf, columnChoice, DateStr, Id, MonthStr, OptDate, OptId, optText, Page, PageSize, PhoneField, reqText } from './common';
import type { ItemAction, LevelChange } from './obligations';

export { ASSISTANCE_LEVEL_LABELS, END_REASON_LABELS, HANDOVER_METHOD_LABELS, HANDOVER_STATE_LABELS, PLACEMENT_LABELS, RELEASE_TYPE_LABELS };

/** 必接必送 is required for a 重点帮教对象 (REVIEW §6.2); said at the form and by the host. */
export const ESCORT_REQUIRED = '重点帮教对象须必接必送';

const FileFields = {
  personId: Id,
  crime: reqText('罪名', 100),
  sentence: reqText('原判刑罚', 50),
  prison: optText('服刑场所', 100),
  sentenceStart: OptDate,
  sentenceEnd: OptDate,
  releaseType: z.enum(RELEASE_TYPES, { error: '请选择释放类型' }),
  /** 释放日期 (for a 预释放 file the expected date; for a correction leaver the day the correction ended). */
  releaseDate: DateStr,
  certificateNumber: optText('刑满释放证明书编号', 60),
  noticeDate: OptDate,
  villageId: OptId,
  phone: PhoneField,
  responsibleStaffId: Id,
  level: z.enum(ASSISTANCE_LEVELS, { error: '请选择帮教对象类别' }).default('normal'),
  notes: optText('备注', 1000),
};

function refineFile(
  v: { sentenceStart?: string | null; sentenceEnd?: string | null; releaseDate?: string; noticeDate?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.sentenceStart && v.sentenceEnd && v.sentenceEnd < v.sentenceStart)
    ctx.addIssue({ code: 'custom', path: ['sentenceEnd'], message: '刑期止日不能早于起日' });
  if (v.noticeDate && typeof v.releaseDate === 'string' && v.noticeDate > v.releaseDate)
    ctx.addIssue({ code: 'custom', path: ['noticeDate'], message: '通知书收到日期不能晚于释放日期' });
}
// Date checks need only the dates: run them even while other fields are wrong, so the form shows every error.
const ALWAYS = { when: () => true };
const safeRefine = (v: unknown, ctx: z.RefinementCtx) => refineFile((v ?? {}) as Parameters<typeof refineFile>[0], ctx);

export const AssistanceCreateInput = z.strictObject(FileFields).superRefine(safeRefine, ALWAYS);
export type AssistanceCreateInput = z.input<typeof AssistanceCreateInput>;
export const AssistanceUpdateInput = z.strictObject({ id: Id, ...FileFields }).superRefine(safeRefine, ALWAYS);
// The release date may lie ahead (预释放); the notice cannot.
const FILE_DATES = [{ path: 'noticeDate', label: '通知书收到日期' }];
export const AssistanceCreateInputAsOf = asOf(AssistanceCreateInput, FILE_DATES);
export const AssistanceUpdateInputAsOf = asOf(AssistanceUpdateInput, FILE_DATES);

/** 衔接 (REVIEW §6.2): how and when the person came back, or that they cannot be found. */
export const HandoverInput = z
  .strictObject({
    id: Id,
    familyContactDate: OptDate,
    state: z.enum(['pending', 'done', 'missing'], { error: '请选择衔接状态' }),
    method: z
      .union([z.literal(''), z.enum(HANDOVER_METHODS, { error: '请选择衔接方式' })])
      .nullish()
      .transform((v) => (v ? v : null)),
    returnDate: OptDate,
    receiver: optText('接回人', 50),
    policeReportDate: OptDate,
    registerDate: OptDate,
    missingSince: OptDate,
    note: optText('衔接情况', 500),
    /** The file's level, sent by the form so that 必接必送 can be checked there too. */
    key: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.state === 'done') {
      if (!v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: '请选择衔接方式' });
      if (!v.returnDate) ctx.addIssue({ code: 'custom', path: ['returnDate'], message: '请填写接回（返回）日期' });
    }
    if (v.state === 'done' && v.key && v.method && v.method !== 'escort')
      ctx.addIssue({ code: 'custom', path: ['method'], message: ESCORT_REQUIRED });
    if (v.state === 'missing' && !v.missingSince) ctx.addIssue({ code: 'custom', path: ['missingSince'], message: '请填写查找登记日期' });
  });
export type HandoverInput = z.input<typeof HandoverInput>;
export const HandoverInputAsOf = asOf(HandoverInput, [
  { path: 'familyContactDate', label: '联系家属日期' },
  { path: 'returnDate', label: '接回日期' },
  { path: 'policeReportDate', label: '派出所报到日期' },
  { path: 'registerDate', label: '司法所登记日期' },
  { path: 'missingSince', label: '查找登记日期' },
]);

/** The 1+n 帮教小组 and its 帮教协议. */
export const TeamInput = z.strictObject({
  id: Id,
  agreementDate: OptDate,
  members: z
    .array(
      z.strictObject({
        name: reqText('成员姓名', 30),
        role: z.enum(TEAM_ROLES, { error: '请选择成员身份' }),
        phone: PhoneField,
      }),
    )
    .max(20, '帮教小组最多20人'),
});
export type TeamInput = z.input<typeof TeamInput>;
export const TeamInputAsOf = asOf(TeamInput, [{ path: 'agreementDate', label: '帮教协议日期' }]);

export const PlacementInput = z
  .strictObject({
    id: Id,
    placement: z.enum(PLACEMENTS, { error: '请选择安置情况' }),
    placementDate: OptDate,
    placementNote: optText('安置情况说明', 300),
  })
  .refine((v) => v.placement !== 'none' || !!v.placementNote, { path: ['placementNote'], message: '未安置的，请写明原因' });
export type PlacementInput = z.input<typeof PlacementInput>;
export const PlacementInputAsOf = asOf(PlacementInput, [{ path: 'placementDate', label: '安置日期' }]);

/** 走访/谈话, 帮扶 and 重新违法犯罪, each dated. */
export const AssistanceRecordInput = z
  .strictObject({
    id: OptId,
    fileId: Id,
    kind: z.enum(RECORD_KINDS, { error: '请选择记录种类' }),
    date: DateStr,
    method: optText('方式', 20),
    aidType: z
      .union([z.literal(''), z.enum(AID_TYPES, { error: '请选择帮扶种类' })])
      .nullish()
      .transform((v) => (v ? v : null)),
    amount: z.number({ error: '金额应为数字' }).min(0.01, '金额应大于0').max(1_000_000, '金额过大').nullish(),
    offenceType: optText('类型', 10),
    crime: optText('罪名', 100),
    content: reqText('内容', 2000),
    staff: optText('经办人', 50),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'visit' && !(ASSISTANCE_VISIT_METHODS as readonly string[]).includes(v.method ?? ''))
      ctx.addIssue({ code: 'custom', path: ['method'], message: '请选择走访方式' });
    if (v.kind === 'aid' && !v.aidType) ctx.addIssue({ code: 'custom', path: ['aidType'], message: '请选择帮扶种类' });
    if (v.kind === 'aid' && v.aidType === '临时救助' && !v.amount)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: '临时救助请填写金额（元）' });
    if (v.amount != null && !(v.kind === 'aid' && v.aidType === '临时救助'))
      ctx.addIssue({ code: 'custom', path: ['amount'], message: '只有临时救助填写金额' });
    if (v.kind === 'reoffence' && !(REOFFENCE_TYPES as readonly string[]).includes(v.offenceType ?? ''))
      ctx.addIssue({ code: 'custom', path: ['offenceType'], message: '请选择违法或犯罪' });
  });
export type AssistanceRecordInput = z.input<typeof AssistanceRecordInput>;
export const AssistanceRecordInputAsOf = asOf(AssistanceRecordInput, [{ path: 'date', label: '日期' }]);

export const EndInput = z.strictObject({
  id: Id,
  endReason: z.enum(END_REASONS, { error: '请选择结束原因' }),
  endDate: DateStr,
  endNote: optText('说明', 300),
});
export type EndInput = z.input<typeof EndInput>;
export const EndInputAsOf = asOf(EndInput, [{ path: 'endDate', label: '结束日期' }]);

export const AssistanceLevelInput = z.strictObject({
  id: Id,
  level: z.enum(ASSISTANCE_LEVELS, { error: '请选择帮教对象类别' }),
  date: DateStr,
});
export const AssistanceLevelInputAsOf = asOf(AssistanceLevelInput, [{ path: 'date', label: '调整日期' }]);

const Months = z.number({ error: '请填写月数' }).int('月数应为整数').min(1, '至少1个月').max(12, '不超过12个月');
export const AssistanceSettingsInput = z.strictObject({
  years: z.number({ error: '请填写年数' }).int('年数应为整数').min(1, '至少1年').max(10, '不超过10年'),
  correctionYears: z.number({ error: '请填写年数' }).int('年数应为整数').min(1, '至少1年').max(10, '不超过10年'),
  familyDays: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '至少1天').max(60, '不超过60天'),
  firstVisitDays: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '至少1天').max(60, '不超过60天'),
  remindDays: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '至少1天').max(180, '不超过180天'),
  visitMonths: z.strictObject({ normal: Months, high: Months, medium: Months, low: Months }),
});
export type AssistanceSettingsInput = z.input<typeof AssistanceSettingsInput>;

export const ASSISTANCE_SORTS = ['nextDueDate', 'releaseDate', 'periodEnd', 'name'] as const;
export const AssistanceListInput = z.strictObject({
  releaseType: z.enum(RELEASE_TYPES).optional(),
  handover: z.enum(['pending', 'done', 'missing']).optional(),
  /** Released but not yet 衔接 (未衔接 after the release date). */
  notHandedOver: z.boolean().optional(),
  /** Not yet released (预释放). */
  preRelease: z.boolean().optional(),
  key: z.boolean().optional(),
  placement: z.enum(PLACEMENTS).optional(),
  status: z.enum(['active', 'ended']).optional(),
  villageId: Id.optional(),
  responsibleStaffId: Id.optional(),
  overdue: z.boolean().optional(),
  due7: z.boolean().optional(),
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  deleted: z.boolean().optional(),
  sort: z.enum(ASSISTANCE_SORTS).default('nextDueDate'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: Page,
  pageSize: PageSize,
});
export type AssistanceListInput = z.input<typeof AssistanceListInput>;

/** The ledger's columns (列设置): when adding one, its cell in AssistanceListPage.tsx and its value in AssistanceRow. */
export const ASSISTANCE_COLUMN_KEYS = [
  'name',
  'releaseDate',
  'releaseType',
  'handover',
  'key',
  'placement',
  'periodEnd',
  'staff',
  'village',
  'crime',
  'nextDueDate',
] as const;
export type AssistanceColumn = (typeof ASSISTANCE_COLUMN_KEYS)[number];

/** The ledger's filter and order without paging, in the columns chosen on screen (or every column). */
export const AssistanceExportInput = AssistanceListInput.omit({ page: true, pageSize: true }).extend({
  columns: columnChoice(ASSISTANCE_COLUMN_KEYS).optional(),
});
export type AssistanceExportInput = z.input<typeof AssistanceExportInput>;

/** The statistics of a period, and what 重新犯罪率 is divided by (REVIEW §6.4). */
export const AssistanceStatsInput = z
  .strictObject({ dateFrom: DateStr, dateTo: DateStr, reoffenceBase: z.enum(REOFFENCE_BASES).default('registered') })
  .refine((v) => v.dateFrom <= v.dateTo, { path: ['dateTo'], message: '结束日期不能早于开始日期' });
export type AssistanceStatsInput = z.input<typeof AssistanceStatsInput>;

/** 未衔接人员月报 (REVIEW §6.3): the month whose last day (or today, when earlier) the list is read at. */
export const UnlinkedListInput = z.strictObject({ month: MonthStr });
export type UnlinkedListInput = z.input<typeof UnlinkedListInput>;

/** One form of a file (REVIEW §6.5), or the whole file. */
export const AssistanceDocInput = z.strictObject({
  id: Id,
  doc: z.enum([...ASSISTANCE_DOCS, WHOLE_FILE], { error: '请选择文书' }),
});
export type AssistanceDocInput = z.input<typeof AssistanceDocInput>;

// ── outputs ──────────────────────────────────────────────────────────────────────────────────

export type AssistanceStatus = 'active' | 'ended';
export const ASSISTANCE_STATUS_LABELS: Record<AssistanceStatus, string> = { active: '在册', ended: '已结束' };

export interface AssistanceRow {
  id: string;
  personId: string;
  personName: string;
  crime: string;
  releaseType: ReleaseType;
  releaseDate: string;
  handoverState: HandoverState;
  level: AssistanceLevel;
  placement: Placement | null;
  periodEnd: string;
  responsibleName: string;
  villageName: string | null;
  status: AssistanceStatus;
  nextDueDate: string | null;
  overdue: boolean;
  deletedAt: string | null;
}

export interface TeamMember {
  id: string;
  name: string;
  role: (typeof TEAM_ROLES)[number];
  phone: string | null;
}

export interface AssistanceRecord {
  id: string;
  kind: AssistanceRecordKind;
  date: string;
  method: string | null;
  aidType: string | null;
  amount: number | null;
  offenceType: string | null;
  crime: string | null;
  content: string;
  staff: string | null;
}

export interface AssistanceSchedule {
  years: number;
  correctionYears: number;
  familyDays: number;
  firstVisitDays: number;
  remindDays: number;
  visits: { level: AssistanceLevel; label: string; interval: Interval; text: string; changed: boolean }[];
  defaults: { years: number; correctionYears: number; familyDays: number; firstVisitDays: number; remindDays: number };
  periodSource: string;
  familySource: string;
  visitSource: string;
  remindSource: string;
}

export interface AssistanceFileView {
  id: string;
  /** The correction file it was handed over from at 解除 (由社区矫正转入), null otherwise. */
  correctionFileId: string | null;
  person: { id: string; name: string; sex: 'M' | 'F' | null; idNumber: string | null; address: string | null };
  crime: string;
  sentence: string;
  prison: string | null;
  sentenceStart: string | null;
  sentenceEnd: string | null;
  releaseType: ReleaseType;
  releaseDate: string;
  preRelease: boolean;
  released: boolean;
  certificateNumber: string | null;
  noticeDate: string | null;
  villageId: string | null;
  villageName: string | null;
  phone: string | null;
  responsibleStaffId: string;
  responsibleName: string;
  level: AssistanceLevel;
  levelSince: string;
  levels: LevelChange<AssistanceLevel>[];
  key: boolean;
  period: { end: string; years: number; source: string };
  handover: {
    state: HandoverState;
    method: HandoverMethod | null;
    familyContactDate: string | null;
    returnDate: string | null;
    receiver: string | null;
    policeReportDate: string | null;
    registerDate: string | null;
    missingSince: string | null;
    note: string | null;
  };
  team: { members: TeamMember[]; agreementDate: string | null; check: TeamCheck };
  placement: Placement | null;
  placementDate: string | null;
  placementNote: string | null;
  records: AssistanceRecord[];
  aidTotal: number;
  status: AssistanceStatus;
  endReason: EndReason | null;
  endDate: string | null;
  endNote: string | null;
  notes: string | null;
  dueItems: DueItem[];
  itemActions: ItemAction[];
  nextDueDate: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export const keyOf = (level: AssistanceLevel) => isKeyLevel(level);

/** A file's fields, and the parts written to it, by their 中文 name (the audit history). */
export const ASSISTANCE_FIELD_LABELS = {
  name: '姓名',
  crime: '罪名',
  sentence: '原判刑罚',
  prison: '服刑场所',
  sentenceStart: '刑期起',
  sentenceEnd: '刑期止',
  releaseType: '释放类型',
  releaseDate: '释放日期',
  certificateNumber: '刑满释放证明书编号',
  noticeDate: '通知书收到日期',
  villageName: '执行地',
  phone: '联系电话',
  responsibleName: '责任人',
  level: '帮教对象类别',
  notes: '备注',
  handoverState: '衔接状态',
  handoverMethod: '衔接方式',
  familyContactDate: '联系家属日期',
  returnDate: '接回日期',
  receiver: '接回人',
  policeReportDate: '派出所报到日期',
  registerDate: '司法所登记日期',
  missingSince: '查找登记日期',
  handoverNote: '衔接情况',
  team: '帮教小组',
  agreementDate: '帮教协议日期',
  placement: '安置情况',
  placementDate: '安置日期',
  placementNote: '安置情况说明',
  record: '记录',
  status: '状态',
  endReason: '结束原因',
  endDate: '结束日期',
  endNote: '结束说明',
  item: '待办事项',
} as const;

export { AID_TYPES, ASSISTANCE_VISIT_METHODS, REOFFENCE_TYPES, TEAM_ROLES };

/** The statistics of a period (shared/domain/assistance-stats.ts), read as at `asOf`. */
export interface AssistanceStats extends AssistanceStatsFigures {
  dateFrom: string;
  dateTo: string;
  asOf: string;
  reoffenceBase: ReoffenceBase;
}

/**
 * 解除 of a correction file and, in the same transaction, its 安置帮教 file (REVIEW §5.5): a new one anchored on the
 * 解除 date, or, when the person already has one in its period, that one linked (`link`).
 */
export const FromCorrectionInput = z
  .strictObject({
    ...ReleaseFields,
    handOver: z.boolean().default(true),
    /** Link the person's live file instead of opening a new one. */
    link: z.boolean().default(false),
  })
  .superRefine(refineRelease);
export type FromCorrectionInput = z.input<typeof FromCorrectionInput>;
export const FromCorrectionInputAsOf = asOf(FromCorrectionInput, RELEASE_DATES);

/** The 安置帮教 side of one correction file: the file handed over to, and the person's live file (to link instead). */
export interface CorrectionHandOver {
  linked: { id: string; status: AssistanceStatus; periodEnd: string } | null;
  live: { id: string; releaseDate: string; correctionFileId: string | null } | null;
}
