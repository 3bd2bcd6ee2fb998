/**
 * 社区矫正 (community correction): the inputs of the 司法所工作档案 with their Chinese messages, what the
 * window is sent back, and the words of its codes (CONTRIBUTING.md, REVIEW §5.1, REVIEW §5.2).
 */
import { z } from 'zod';
import { CORRECTION_DOCS, WHOLE_ARCHIVE } from '../documents/correction';
import {
  CORRECTION_CATEGORIES,
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_LEVELS,
  CORRECTION_STATUSES,
  CORRECTION_STATUS_LABELS,
  EVENT_KINDS,
  type HOURS_KINDS,
  OUTSIDE_GROUNDS,
  OUTSIDE_GROUND_LABELS,
  REPORT_METHODS,
  VISIT_METHODS,
  type CorrectionCategory,
  type CorrectionEventKind,
  type CorrectionLevel,
  type CorrectionStatus,
  type MonthHours,
  type OutsideGround,
  PRIOR_RECORDS,
  PRIOR_RECORD_LABELS,
  type PriorRecord,
} from '../domain/correction-rules';
import type { CorrectionStatsFigures } from '../domain/correction-stats';
import type { DueItem, Interval } from '../domain/obligations';
import { asOf, columnChoice, DateStr, Id, OptDate, OptId, optText, Page, PageSize, PhoneField, reqText } from './common';
import type { ItemAction, LevelChange } from './obligations';

export { CORRECTION_CATEGORY_LABELS, CORRECTION_STATUS_LABELS, OUTSIDE_GROUND_LABELS };

export { PRIOR_RECORDS, PRIOR_RECORD_LABELS };
export type { PriorRecord };

export const DOCUMENT_TYPES = ['判决书', '裁定书', '决定书'] as const;
export const EDUCATION_LEVELS = ['文盲或半文盲', '小学', '初中', '高中', '中专', '大专', '本科', '研究生'] as const;
export const MARITAL_STATUSES = ['未婚', '已婚', '离婚', '丧偶'] as const;

const optEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.literal(''), z.enum(values, { error: message })])
    .nullish()
    .transform((v) => (v ? v : null));

const FileFields = {
  personId: Id,
  category: z.enum(CORRECTION_CATEGORIES, { error: '请选择矫正类别' }),
  /** 暂予监外执行 only: 保外就医 / 怀孕或哺乳 / 生活不能自理. */
  ground: optEnum(OUTSIDE_GROUNDS, '请选择暂予监外执行的情形'),
  crime: reqText('罪名', 100),
  penaltyType: reqText('刑种', 20),
  penaltyTerm: optText('刑期', 50),
  additionalPenalty: optText('附加刑', 100),
  prohibition: optText('禁止令内容', 500),
  prohibitionStart: OptDate,
  prohibitionEnd: OptDate,
  decisionOrgan: reqText('决定机关', 100),
  documentType: z.enum(DOCUMENT_TYPES, { error: '请选择文书种类' }),
  documentNumber: reqText('文书文号', 60),
  effectiveDate: DateStr,
  noticeDate: OptDate,
  receivedDate: OptDate,
  termStart: DateStr,
  termEnd: DateStr,
  villageId: OptId,
  priorRecord: z.enum(PRIOR_RECORDS, { error: '请选择前科/累犯情况' }).default('none'),
  formerName: optText('曾用名', 30),
  education: optEnum(EDUCATION_LEVELS, '请选择文化程度'),
  marital: optEnum(MARITAL_STATUSES, '请选择婚姻状况'),
  employment: optText('就业情况', 100),
  phone: PhoneField,
  minor: z.boolean().default(false),
  responsibleStaffId: Id,
  level: z.enum(CORRECTION_LEVELS, { error: '请选择管理等级' }).default('normal'),
  notes: optText('备注', 1000),
};

function refineFile(
  v: {
    category: CorrectionCategory;
    ground: OutsideGround | null;
    termStart: string;
    termEnd: string;
    prohibition: string | null;
    prohibitionStart: string | null;
    prohibitionEnd: string | null;
    effectiveDate: string;
    receivedDate: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (v.category === 'outside' && !v.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: '暂予监外执行须选择情形' });
  if (v.category !== 'outside' && v.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: '只有暂予监外执行填写情形' });
  if (v.termEnd < v.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '矫正期限的止日不能早于起日' });
  if (v.prohibitionStart && v.prohibitionEnd && v.prohibitionEnd < v.prohibitionStart)
    ctx.addIssue({ code: 'custom', path: ['prohibitionEnd'], message: '禁止令的止日不能早于起日' });
  if (!v.prohibition && (v.prohibitionStart || v.prohibitionEnd))
    ctx.addIssue({ code: 'custom', path: ['prohibition'], message: '填写了禁止令期限，请填写禁止令内容' });
  if (v.receivedDate && v.receivedDate < v.effectiveDate && v.category !== 'outside')
    ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: '法律文书收到日期不能早于生效日期' });
}

// Date checks need only the dates: run them even while other fields are wrong, so the form shows every error.
const ALWAYS = { when: () => true };
const safeRefine = (v: unknown, ctx: z.RefinementCtx) => {
  const x = v as Parameters<typeof refineFile>[0];
  if (typeof x?.termStart !== 'string' || typeof x?.termEnd !== 'string') return;
  refineFile(
    {
      ...x,
      ground: x.ground || null,
      prohibition: x.prohibition || null,
      prohibitionStart: x.prohibitionStart || null,
      prohibitionEnd: x.prohibitionEnd || null,
      receivedDate: x.receivedDate || null,
    },
    ctx,
  );
};

export const CorrectionCreateInput = z.strictObject(FileFields).superRefine(safeRefine, ALWAYS);
export type CorrectionCreateInput = z.input<typeof CorrectionCreateInput>;
export const CorrectionUpdateInput = z.strictObject({ id: Id, ...FileFields }).superRefine(safeRefine, ALWAYS);
const FILE_DATES = [
  { path: 'effectiveDate', label: '生效日期' },
  { path: 'noticeDate', label: '执行通知书日期' },
  { path: 'receivedDate', label: '法律文书收到日期' },
];
export const CorrectionCreateInputAsOf = asOf(CorrectionCreateInput, FILE_DATES);
export const CorrectionUpdateInputAsOf = asOf(CorrectionUpdateInput, FILE_DATES);

/** 报到 and 入矫宣告 (REVIEW §5.1). */
export const ReceptionInput = z.strictObject({
  id: Id,
  reportDate: OptDate,
  reportNote: optText('报到情况', 500),
  declarationDate: OptDate,
  declarationHost: optText('宣告主持人', 50),
  declarationAttendees: optText('参加人员', 300),
});
export type ReceptionInput = z.input<typeof ReceptionInput>;
export const ReceptionInputAsOf = asOf(ReceptionInput, [
  { path: 'reportDate', label: '报到日期' },
  { path: 'declarationDate', label: '宣告日期' },
]);

export const CorrectionEventInput = z
  .strictObject({
    id: OptId,
    fileId: Id,
    kind: z.enum(EVENT_KINDS, { error: '请选择记录种类' }),
    date: DateStr,
    method: optText('方式', 20),
    hours: z
      .number({ error: '时数应为数字' })
      .min(0.5, '时数至少0.5小时')
      .max(24, '一次不超过24小时')
      .multipleOf(0.5, '时数以0.5小时为单位')
      .nullish(),
    content: reqText('内容', 2000),
    staff: optText('经办人', 50),
  })
  .refine((v) => !(v.kind === 'education' || v.kind === 'public') || (v.hours ?? 0) > 0, { path: ['hours'], message: '请填写时数' })
  .refine((v) => v.kind === 'education' || v.kind === 'public' || v.hours == null, {
    path: ['hours'],
    message: '只有教育学习和公益活动记录时数',
  })
  .refine((v) => v.kind !== 'visit' || (VISIT_METHODS as readonly string[]).includes(v.method ?? ''), {
    path: ['method'],
    message: '请选择走访核查方式',
  });
export type CorrectionEventInput = z.input<typeof CorrectionEventInput>;
export const CorrectionEventInputAsOf = asOf(CorrectionEventInput, [{ path: 'date', label: '日期' }]);

export const LevelInput = z.strictObject({
  id: Id,
  level: z.enum(CORRECTION_LEVELS, { error: '请选择管理等级' }),
  date: DateStr,
});
export type LevelInput = z.input<typeof LevelInput>;
export const LevelInputAsOf = asOf(LevelInput, [{ path: 'date', label: '调整日期' }]);

const IntervalField = z
  .strictObject({
    days: z.number().int().min(1, '间隔至少1天').max(366).optional(),
    months: z.number().int().min(1, '间隔至少1个月').max(12).optional(),
  })
  .refine((v) => !!v.days !== !!v.months, { message: '请填写天数或月数之一' });

const LevelDutyInput = z.strictObject({
  name: reqText('等级名称', 10),
  report: IntervalField,
  visit: IntervalField,
  educationHours: z.number({ error: '请填写时数' }).min(0, '时数不能为负').max(100, '每月不超过100小时'),
  publicHours: z.number({ error: '请填写时数' }).min(0, '时数不能为负').max(100, '每月不超过100小时'),
});

export const CorrectionSettingsInput = z.strictObject({
  levels: z.strictObject({ strict: LevelDutyInput, normal: LevelDutyInput, lenient: LevelDutyInput }),
  termRemindDays: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '至少1天').max(180, '不超过180天'),
});
export type CorrectionSettingsInput = z.input<typeof CorrectionSettingsInput>;

export const CORRECTION_SORTS = ['nextDueDate', 'termEnd', 'name'] as const;
export const CorrectionListInput = z.strictObject({
  category: z.enum(CORRECTION_CATEGORIES).optional(),
  level: z.enum(CORRECTION_LEVELS).optional(),
  status: z.enum(CORRECTION_STATUSES).optional(),
  villageId: Id.optional(),
  responsibleStaffId: Id.optional(),
  overdue: z.boolean().optional(),
  due7: z.boolean().optional(),
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  deleted: z.boolean().optional(),
  sort: z.enum(CORRECTION_SORTS).default('nextDueDate'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: Page,
  pageSize: PageSize,
});
export type CorrectionListInput = z.input<typeof CorrectionListInput>;

/**
 * The ledger's columns (列设置): when adding one, its cell in CorrectionListPage.tsx and its value in CorrectionRow.
 */
export const CORRECTION_COLUMN_KEYS = [
  'name',
  'category',
  'crime',
  'term',
  'daysLeft',
  'level',
  'staff',
  'village',
  'status',
  'nextDueDate',
] as const;
export type CorrectionColumn = (typeof CORRECTION_COLUMN_KEYS)[number];

/** The ledger's filter and order without paging, in the columns chosen on screen (or every column). */
export const CorrectionExportInput = CorrectionListInput.omit({ page: true, pageSize: true }).extend({
  columns: columnChoice(CORRECTION_COLUMN_KEYS).optional(),
});
export type CorrectionExportInput = z.input<typeof CorrectionExportInput>;

// ── outputs ──────────────────────────────────────────────────────────────────────────────────

export interface CorrectionRow {
  id: string;
  personId: string;
  personName: string;
  category: CorrectionCategory;
  crime: string;
  termStart: string;
  termEnd: string;
  level: CorrectionLevel;
  levelName: string;
  responsibleName: string;
  villageName: string | null;
  minor: boolean;
  status: CorrectionStatus;
  nextDueDate: string | null;
  overdue: boolean;
  deletedAt: string | null;
}

export interface CorrectionEvent {
  id: string;
  kind: CorrectionEventKind;
  date: string;
  method: string | null;
  hours: number | null;
  content: string;
  staff: string | null;
}

export interface LevelDutyView {
  level: CorrectionLevel;
  name: string;
  report: Interval;
  visit: Interval;
  reportText: string;
  visitText: string;
  educationHours: number;
  publicHours: number;
  /** Changed by the office (else the default). */
  changed: boolean;
}

export interface CorrectionSchedule {
  levels: LevelDutyView[];
  defaults: LevelDutyView[];
  levelSource: string;
  termRemindDays: number;
  termRemindDefault: number;
  termRemindSource: string;
}

export interface CorrectionFileView {
  id: string;
  person: { id: string; name: string; sex: 'M' | 'F' | null; idNumber: string | null; address: string | null };
  category: CorrectionCategory;
  ground: OutsideGround | null;
  crime: string;
  penaltyType: string;
  penaltyTerm: string | null;
  additionalPenalty: string | null;
  prohibition: string | null;
  prohibitionStart: string | null;
  prohibitionEnd: string | null;
  decisionOrgan: string;
  documentType: (typeof DOCUMENT_TYPES)[number];
  documentNumber: string;
  effectiveDate: string;
  noticeDate: string | null;
  receivedDate: string | null;
  termStart: string;
  termEnd: string;
  villageId: string | null;
  villageName: string | null;
  priorRecord: PriorRecord;
  formerName: string | null;
  education: string | null;
  marital: string | null;
  employment: string | null;
  phone: string | null;
  minor: boolean;
  responsibleStaffId: string;
  responsibleName: string;
  level: CorrectionLevel;
  levelName: string;
  levelSince: string;
  levels: LevelChange<CorrectionLevel>[];
  status: CorrectionStatus;
  notes: string | null;
  reception: {
    deadline: string | null;
    deadlineFrom: string | null;
    deadlineSource: string | null;
    reportDate: string | null;
    reportNote: string | null;
    /** 按时报到 / 逾期N日 (null until the report is recorded). */
    reportState: string | null;
    declarationDate: string | null;
    declarationHost: string | null;
    declarationAttendees: string | null;
  };
  events: CorrectionEvent[];
  hours: { kind: (typeof HOURS_KINDS)[number]; months: MonthHours[] }[];
  /** The duties of the level in force today. */
  duty: LevelDutyView;
  dueItems: DueItem[];
  itemActions: ItemAction[];
  nextDueDate: string | null;
  createdAt: string;
  deletedAt: string | null;
}

/** A file's fields, and the parts written to it, by their 中文 name (the audit history). */
export const CORRECTION_FIELD_LABELS = {
  name: '姓名',
  category: '矫正类别',
  ground: '暂予监外执行情形',
  crime: '罪名',
  penaltyType: '刑种',
  penaltyTerm: '刑期',
  additionalPenalty: '附加刑',
  prohibition: '禁止令',
  prohibitionStart: '禁止令起',
  prohibitionEnd: '禁止令止',
  decisionOrgan: '决定机关',
  documentType: '文书种类',
  documentNumber: '文书文号',
  effectiveDate: '生效日期',
  noticeDate: '执行通知书日期',
  receivedDate: '法律文书收到日期',
  termStart: '矫正期限起',
  termEnd: '矫正期限止',
  villageName: '执行地',
  priorRecord: '前科/累犯',
  formerName: '曾用名',
  education: '文化程度',
  marital: '婚姻状况',
  employment: '就业情况',
  phone: '联系电话',
  minor: '未成年人',
  responsibleName: '责任人',
  level: '管理等级',
  status: '状态',
  notes: '备注',
  reportDate: '报到日期',
  reportNote: '报到情况',
  declarationDate: '入矫宣告日期',
  declarationHost: '宣告主持人',
  declarationAttendees: '参加人员',
  event: '记录',
  item: '待办事项',
} as const;

export { REPORT_METHODS, VISIT_METHODS };

/** One form of the 工作档案 (REVIEW §5.6), or the whole archive. */
export const CorrectionDocInput = z.strictObject({
  id: Id,
  doc: z.enum([...CORRECTION_DOCS, WHOLE_ARCHIVE], { error: '请选择文书' }),
});
export type CorrectionDocInput = z.input<typeof CorrectionDocInput>;

/** The statistics of a period (shared/domain/correction-stats.ts), read as at `asOf`. */
export interface CorrectionStats extends CorrectionStatsFigures {
  dateFrom: string;
  dateTo: string;
  asOf: string;
}
