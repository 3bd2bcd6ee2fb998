/** Special-group files (重点人员管理), their visits, cadences, plans and figures: inputs and outputs. */
import { z } from 'zod';
import type { DueItem, MissedDuty } from '../domain/obligations';
import type { ItemAction, LevelChange } from './obligations';
import {
  ATTENTION_LEVEL_LABELS,
  ATTENTION_LEVELS,
  attentionLevelText,
  CONTROL_STATUSES,
  controlStatusesFor,
  controlText,
  FOLLOWUP_GROUP_LABELS,
  FOLLOWUP_GROUPS,
  latestTermEnd,
  MAX_OPENING_GRACE_DAYS,
  STABILITY_CLASSES,
  SUSPENSION_REASONS,
  type CadenceView,
  type ControlStatus,
  type FollowupGroup,
  type PoliceReason,
  type StabilityClass,
  type SuspensionReason,
} from '../domain/followup-rules';
import {
  asOf,
  columnChoice,
  DateStr,
  Id,
  MonthStr,
  OptDate,
  OptId,
  optText,
  Page,
  PageSize,
  PeriodInput,
  reqText,
  PhoneField,
  type NotAfterToday,
} from './common';

// ── dictionaries of the module ───────────────────────────────────────────────────────────────

/** The six severe mental disorders under management (CONTRIBUTING.md, DOMAIN §4.1). */
export const MH_DIAGNOSES = [
  '精神分裂症',
  '分裂情感性障碍',
  '偏执性精神病',
  '双相（情感）障碍',
  '癫痫所致精神障碍',
  '精神发育迟滞伴发精神障碍',
] as const;
export const MH_LEVELS = ['0', '1', '2', '3', '4', '5'] as const;
/** Groups without a statutory scale use an attention colour (留守儿童: a 关爱 level, REVIEW row 11). */
export const COLOR_LEVELS = ATTENTION_LEVELS;
export const COLOR_LEVEL_LABELS = ATTENTION_LEVEL_LABELS;
/** A table's column heads, for every visit group (the colour and the 关爱 level alike). */
export const COLOR_LEVEL_SHORT_LABELS: Record<(typeof COLOR_LEVELS)[number], string> = { red: '重点', yellow: '一般', green: '日常' };
/**
 * 危险性评估 0–5级 as the public-health standard words them (国家基本公共卫生服务规范（第三版）,
 * CONTRIBUTING.md, DOMAIN §4.1): shown where a level is chosen, so that the level is assessed, not guessed.
 */
export const MH_LEVEL_MEANINGS: Record<string, string> = {
  '0': '无符合以下1–5级中的任何行为',
  '1': '口头威胁，喊叫，但没有打砸行为',
  '2': '打砸行为，局限在家里，针对财物，能被劝说制止',
  '3': '明显打砸行为，不分场合，针对财物，不能接受劝说而停止',
  '4': '持续的打砸行为，不分场合，针对财物或人，不能接受劝说而停止（包括自伤、自杀）',
  '5': '持械针对人的任何暴力行为，或者纵火、爆炸等行为，无论在家里还是公共场合',
};
export const LEVELS = [...MH_LEVELS, ...COLOR_LEVELS] as const;
export type FollowupLevel = (typeof LEVELS)[number];

/** A level in words: 0–5级, an attention colour, or — given the group — a left-behind child's 关爱 level. */
export function levelLabel(level: string, group?: FollowupGroup): string {
  if ((MH_LEVELS as readonly string[]).includes(level)) return `${level}级`;
  return group ? attentionLevelText(group, level) : (COLOR_LEVEL_LABELS[level as (typeof COLOR_LEVELS)[number]] ?? level);
}

/** What the level is called on a group's file: 危险性评估等级, 关爱等级 (留守儿童), 关注等级. */
export function levelName(group: FollowupGroup | '' | null): string {
  return group === 'mental_health' ? '危险性评估等级' : group === 'left_behind_child' ? '关爱等级' : '关注等级';
}
export function levelsFor(group: FollowupGroup): readonly FollowupLevel[] {
  return group === 'mental_health' ? MH_LEVELS : COLOR_LEVELS;
}

export const FOLLOWUP_STATUSES = ['active', 'released', 'moved', 'deceased', 'terminated'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
export const FOLLOWUP_STATUS_LABELS: Record<FollowupStatus, string> = {
  active: '在管',
  released: '解除',
  moved: '迁出',
  deceased: '死亡',
  terminated: '终止',
};
/** How a file leaves management; 终止 is for drug files only (戒毒条例第二十四条). */
export const END_STATUSES = ['released', 'moved', 'deceased', 'terminated'] as const;
export type EndStatus = (typeof END_STATUSES)[number];
/**
 * 终止 of community detox or rehabilitation (REVIEW row 13): imprisonment or a compulsory education
 * measure (戒毒条例第二十四条), or compulsory isolated detox decided on a refusal, a relapse or a serious
 * breach (禁毒法第三十八条).
 */
export const TERMINATION_REASONS = ['被依法收监执行刑罚', '被依法采取强制性教育措施', '被决定强制隔离戒毒'] as const;

/**
 * 以奖代补 考核结果 of a year (REVIEW row 12): 合格 (the guardian is rewarded: 有奖监护), 不合格, 待考核,
 * 不符合条件, 未申请. Before 0020 a file had one status (未申请 / 已申请 / 已发放 / 不符合条件).
 */
export const REWARD_RESULTS = ['合格', '不合格', '待考核', '不符合条件', '未申请'] as const;
export type RewardResult = (typeof REWARD_RESULTS)[number];
/** 中综办〔2016〕1号 (cited by title and number; text not read); amounts and the yearly review are local. */
export const REWARD_SOURCE =
  '以奖代补：中综办〔2016〕1号《关于实施以奖代补政策落实严重精神障碍患者监护责任的意见》（据地方政府网站转引，原文未核）；奖励标准和年度考核由各地规定（如北京每月200元，甘肃每年不低于1800元）';
/** The first year a 以奖代补 record can be for (the policy dates from 2016). */
export const FIRST_REWARD_YEAR = 2016;
export const TREATMENTS = ['居家服药', '住院治疗', '未服药', '其他'] as const;
export const CULT_STATUSES = ['未转化', '转化中', '已转化', '巩固期'] as const;
export const VISIT_METHODS = ['上门', '电话', '视频', '到所'] as const;
export const VISIT_KINDS = ['visit', 'test'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { visit: '走访', test: '检测' };
export const TEST_RESULTS = ['阴性', '阳性', '拒绝检测', '未到'] as const;
/** Examples of a proper reason for not turning up to a test (戒毒条例第二十条 counts only 逃避或者拒绝). */
export const EXCUSE_EXAMPLES = '因病就医、经批准请假外出等';

/** The "四个一" team of a mental-health file; other groups list who helps as they see fit. */
export const MH_TEAM_ROLES = ['村（社区）干部', '医生', '民警', '监护人'] as const;

// ── inputs ───────────────────────────────────────────────────────────────────────────────────

const TeamMember = z.strictObject({ role: reqText('角色', 20), name: reqText('姓名', 20), phone: PhoneField });

const MentalFacts = z.strictObject({
  diagnosis: z.enum(MH_DIAGNOSES, { error: '请选择诊断' }),
  guardianName: reqText('监护人姓名', 20),
  guardianRelation: reqText('与患者关系', 10),
  guardianPhone: PhoneField,
  treatment: z.enum(TREATMENTS).default('居家服药'),
  medication: optText('用药情况', 200),
  incidentHistory: optText('肇事肇祸史', 500),
});
const DrugFacts = z
  .strictObject({
    drugType: z.enum(['detox', 'rehab'], { error: '请选择社区戒毒或社区康复' }),
    decisionDate: DateStr,
    reportDate: OptDate,
    /** The end date the decision states (REVIEW row 13); blank: 3 years from the report date. */
    termEnd: OptDate,
    /** 社区戒毒/康复协议签订日期 (戒毒条例第十六条、第三十八条). */
    agreementDate: OptDate,
    /** Unauthorised absences from the county: times and total days (戒毒条例第二十条). */
    leaveTimes: z.number().int().min(0).max(999).default(0),
    leaveDays: z.number().int().min(0).max(9999).default(0),
    /** The day the leave counts reached the serious-breach threshold: kept by the host, never typed in. */
    leaveBreachDate: OptDate,
  })
  .superRefine((f, ctx) => {
    if (f.reportDate && f.reportDate < f.decisionDate)
      ctx.addIssue({ code: 'custom', path: ['reportDate'], message: '报到日期不能早于决定日期' });
    if (f.agreementDate && !f.reportDate) ctx.addIssue({ code: 'custom', path: ['agreementDate'], message: '请先填写报到日期' });
    else if (f.agreementDate && f.reportDate && f.agreementDate < f.reportDate)
      ctx.addIssue({ code: 'custom', path: ['agreementDate'], message: '协议签订日期不能早于报到日期' });
    if (f.termEnd) {
      const start = f.reportDate ?? f.decisionDate;
      const latest = latestTermEnd(f.reportDate, f.decisionDate);
      if (f.termEnd <= start)
        ctx.addIssue({ code: 'custom', path: ['termEnd'], message: `期满日期应晚于${f.reportDate ? '报到' : '决定'}日期` });
      else if (f.termEnd > latest)
        ctx.addIssue({
          code: 'custom',
          path: ['termEnd'],
          message: `期限不超过3年（禁毒法第三十三条、第四十八条），期满日期不能晚于${latest}`,
        });
    }
  });
const CultFacts = z.strictObject({ transformStatus: z.enum(CULT_STATUSES).default('未转化') });
const NoFacts = z.strictObject({});

export const FACT_SCHEMAS: Record<FollowupGroup, z.ZodType> = {
  mental_health: MentalFacts,
  drug: DrugFacts,
  cult: CultFacts,
  petition: NoFacts,
  youth: NoFacts,
  left_behind_child: NoFacts,
  cross_border: NoFacts,
  other: NoFacts,
};
export type MentalFacts = z.input<typeof MentalFacts>;
export type DrugFacts = z.input<typeof DrugFacts>;

const SubjectFields = {
  personId: Id,
  group: z.enum(FOLLOWUP_GROUPS, { error: '请选择人员类别' }),
  groupName: optText('类别名称', 20),
  level: z.enum(LEVELS, { error: '请选择风险等级' }),
  /**
   * 管控对象 (REVIEW row 11): 需管控, 仅在册, or for 邪教人员 待转化; always 需管控 for mental health and drugs.
   * Left out: 需管控 for a new file, unchanged for an edited one.
   */
  control: z.enum(CONTROL_STATUSES, { error: '请选择管控状态' }).optional(),
  responsibleStaffId: Id,
  villageId: OptId,
  team: z.array(TeamMember).max(12, '帮扶人员不能超过12人').default([]),
  facts: z.record(z.string(), z.unknown()).default({}),
  startDate: DateStr,
  notes: optText('备注', 1000),
};

/** The 管控 statuses in words without their group (the audit history; a child's 需管控 is 需关爱帮扶 on its file). */
export const CONTROL_LABELS: Record<ControlStatus, string> = { controlled: '需管控', registered: '仅在册', to_transform: '待转化' };

/** Why a 管控 status does not fit the group, or null (REVIEW row 11). */
export function controlError(group: FollowupGroup, control: ControlStatus): string | null {
  if ((controlStatusesFor(group) as readonly string[]).includes(control)) return null;
  if (group === 'mental_health' || group === 'drug')
    return `${FOLLOWUP_GROUP_LABELS[group]}均按规定管理，不能设为“${controlText(group, control)}”`;
  return '“待转化”只用于邪教人员';
}

function refineSubject(
  v: { group: FollowupGroup; groupName: string | null; level: string; control?: ControlStatus; facts: Record<string, unknown> },
  ctx: z.RefinementCtx,
) {
  if (!(levelsFor(v.group) as readonly string[]).includes(v.level)) {
    ctx.addIssue({
      code: 'custom',
      path: ['level'],
      message:
        v.group === 'mental_health'
          ? '精神障碍患者的风险等级为0至5级'
          : v.group === 'left_behind_child'
            ? '请选择关爱等级'
            : '请选择红、黄、绿关注等级',
    });
  }
  const control = v.control && controlError(v.group, v.control);
  if (control) ctx.addIssue({ code: 'custom', path: ['control'], message: control });
  if (v.group === 'other' && !v.groupName) ctx.addIssue({ code: 'custom', path: ['groupName'], message: '“其他”类别须填写类别名称' });
  const facts = FACT_SCHEMAS[v.group].safeParse(v.facts);
  if (!facts.success) {
    for (const issue of facts.error.issues)
      ctx.addIssue({ code: 'custom', path: ['facts', ...issue.path.map(String)], message: issue.message });
  }
}

/**
 * The group's own checks run even while other fields are wrong, so the form shows every error at
 * once (zod skips refinements after failed fields unless told when to run them); they only need a
 * known group.
 */
const GROUP_KNOWN = {
  when: (p: z.core.ParsePayload) => Object.hasOwn(FACT_SCHEMAS, String((p.value as { group?: unknown } | null)?.group)),
};

/** A file's fields, and the parts written to it, by their 中文 name where a change to them is shown (the audit history). */
export const FOLLOWUP_FIELD_LABELS = {
  name: '姓名',
  groupName: '类别名称',
  level: '风险等级',
  control: '管控状态',
  responsibleName: '包保责任人',
  villageName: '村（社区）',
  team: '帮扶人员',
  facts: '类别信息',
  report: '报告公安机关',
  suspension: '中止',
  startDate: '建档日期',
  status: '状态',
  date: '日期',
  note: '说明',
  endReason: '原因',
  notes: '备注',
  visit: '走访',
  year: '年度记录（以奖代补）',
  item: '待办事项',
} as const;

export const FollowupCreateInput = z.strictObject(SubjectFields).superRefine(refineSubject, GROUP_KNOWN);
export type FollowupCreateInput = z.input<typeof FollowupCreateInput>;
export const FollowupUpdateInput = z.strictObject({ id: Id, ...SubjectFields }).superRefine(refineSubject, GROUP_KNOWN);
/** A file's dates that cannot lie after today: the day it was opened, and a drug file's report and agreement. */
const SUBJECT_DATES: NotAfterToday[] = [
  { path: 'startDate', label: '建档日期' },
  { path: 'facts.reportDate', label: '报到日期' },
  { path: 'facts.agreementDate', label: '协议签订日期' },
];
export const FollowupCreateInputAsOf = asOf(FollowupCreateInput, SUBJECT_DATES);
export const FollowupUpdateInputAsOf = asOf(FollowupUpdateInput, SUBJECT_DATES);

export const FollowupEndInput = z.strictObject({
  id: Id,
  status: z.enum(END_STATUSES, { error: '请选择解除、迁出、死亡或终止' }),
  endDate: DateStr,
  endReason: reqText('原因', 500),
});
export const FollowupEndInputAsOf = asOf(FollowupEndInput, [{ path: 'endDate', label: '解除日期' }]);

export const FollowupVisitInput = z
  .strictObject({
    id: OptId,
    subjectId: Id,
    kind: z.enum(VISIT_KINDS).default('visit'),
    date: DateStr,
    method: z.enum(VISIT_METHODS, { error: '请选择走访方式' }),
    visitors: reqText('走访人员', 100),
    findings: reqText('走访情况', 2000),
    levelAfter: z
      .union([z.literal(''), z.enum(LEVELS)])
      .nullish()
      .transform((v) => (v ? v : null)),
    testResult: z
      .union([z.literal(''), z.enum(TEST_RESULTS)])
      .nullish()
      .transform((v) => (v ? v : null)),
    /** A 未到 with a proper reason: the reason (REVIEW row 14); kept only with 未到. */
    excuse: optText('正当理由', 200),
    /** Mental health: the stability class found on this visit (REVIEW row 5). */
    stability: z
      .union([z.literal(''), z.enum(STABILITY_CLASSES)])
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.kind !== 'test' || v.testResult, { path: ['testResult'], message: '请填写检测结果' })
  .refine((v) => !v.excuse || (v.kind === 'test' && v.testResult === '未到'), { path: ['excuse'], message: '正当理由只用于“未到”的检测' });
export type FollowupVisitInput = z.input<typeof FollowupVisitInput>;
export const FollowupVisitInputAsOf = asOf(FollowupVisitInput, [{ path: 'date', label: '走访日期' }]);

/** 报告公安机关 (REVIEW row 2): the day, the police unit and who received it; `matters` the duties it answers. */
export const PoliceReportInput = z.strictObject({
  id: OptId,
  subjectId: Id,
  date: DateStr,
  policeUnit: reqText('公安机关（派出所）', 50),
  receiver: reqText('接收人', 20),
  note: optText('报告内容', 500),
  matters: z.array(z.string().trim().min(1).max(60)).max(20, '报告事由过多').default([]),
});
export type PoliceReportInput = z.input<typeof PoliceReportInput>;
export const PoliceReportInputAsOf = asOf(PoliceReportInput, [{ path: 'date', label: '报告日期' }]);

/** 中止 (REVIEW row 13): detained or arrested from `startDate`, released on `endDate` (blank while it lasts). */
export const SuspensionInput = z
  .strictObject({
    id: OptId,
    subjectId: Id,
    reason: z.enum(SUSPENSION_REASONS, { error: '请选择拘留或逮捕' }),
    startDate: DateStr,
    endDate: OptDate,
    note: optText('说明', 200),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { path: ['endDate'], message: '释放日期不能早于中止日期' });
export type SuspensionInput = z.input<typeof SuspensionInput>;
export const SuspensionInputAsOf = asOf(SuspensionInput, [
  { path: 'startDate', label: '中止日期' },
  { path: 'endDate', label: '释放日期' },
]);

const AmountYuan = z
  .number({ error: '金额应为数字' })
  .min(0, '金额不能为负数')
  .max(1_000_000, '金额过大')
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100));

/**
 * A severe-mental-disorder file's year (REVIEW row 12): the 以奖代补 考核结果, whether and when it was paid,
 * how much, to which guardian, and 免费服药 / 免费救治. Paid only when 合格; the day of payment not
 * before the year began.
 */
export const YearRecordInput = z
  .strictObject({
    id: OptId,
    subjectId: Id,
    year: z
      .number({ error: '请填写年度' })
      .int('年度应为整数')
      .min(FIRST_REWARD_YEAR, `以奖代补自${FIRST_REWARD_YEAR}年起实施，年度不能早于${FIRST_REWARD_YEAR}年`)
      .max(2100, '年度不正确'),
    rewardResult: z.enum(REWARD_RESULTS, { error: '请选择以奖代补考核结果' }),
    paid: z.boolean().default(false),
    amountYuan: AmountYuan,
    paidDate: OptDate,
    guardianName: optText('监护人', 20),
    freeMedication: z.boolean().default(false),
    freeTreatment: z.boolean().default(false),
    note: optText('说明', 200),
  })
  .superRefine((v, ctx) => {
    const rewarded = v.rewardResult === '合格';
    if (v.paid && !rewarded) ctx.addIssue({ code: 'custom', path: ['paid'], message: '考核合格的才发放奖励' });
    if (v.amountYuan !== null && !rewarded) ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '考核合格的才填写奖励金额' });
    if (v.paidDate && !v.paid) ctx.addIssue({ code: 'custom', path: ['paidDate'], message: '已发放的才填写发放日期' });
    if (v.paidDate && v.paidDate < `${v.year}-01-01`)
      ctx.addIssue({ code: 'custom', path: ['paidDate'], message: `发放日期不能早于${v.year}年` });
    if (rewarded && !v.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], message: '请填写领取奖励的监护人' });
  });
export type YearRecordInput = z.input<typeof YearRecordInput>;
/** A year is recorded once it has begun, and paid on a day that has come. */
export const YearRecordInputAsOf = asOf(YearRecordInput, [{ path: 'paidDate', label: '发放日期' }], (value, today) => {
  const year = (value as { year?: unknown } | null)?.year;
  const thisYear = Number(today.slice(0, 4));
  return typeof year === 'number' && year > thisYear ? [{ path: ['year'], message: `年度不能晚于今年（${thisYear}年）` }] : [];
});

/** The office's settings for drug files: "及时" in working days, and whether a 中止 pushes the term end back. */
export const DrugSettingsInput = z.strictObject({
  promptDays: z.number({ error: '请填写工作日数' }).int('请填写整数').min(0, '不能少于0个工作日').max(10, '不能超过10个工作日'),
  suspensionExtendsTerm: z.boolean(),
});
export type DrugSettingsInput = z.input<typeof DrugSettingsInput>;

export const FOLLOWUP_SORTS = ['nextDueDate', 'startDate', 'name'] as const;
export const FollowupListInput = z.strictObject({
  group: z.enum(FOLLOWUP_GROUPS).optional(),
  level: z.enum(LEVELS).optional(),
  /** 管控状态: 'controlled' also lists 待转化 (a 待转化 person is controlled). */
  control: z.enum(CONTROL_STATUSES).optional(),
  status: z.enum(FOLLOWUP_STATUSES).optional(),
  villageId: Id.optional(),
  responsibleStaffId: Id.optional(),
  overdue: z.boolean().optional(),
  /** Files with anything but a term end due within 7 days (the dashboard's 7日内到期 counts open it). */
  due7: z.boolean().optional(),
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  deleted: z.boolean().optional(),
  sort: z.enum(FOLLOWUP_SORTS).default('nextDueDate'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: Page,
  pageSize: PageSize,
});
export type FollowupListInput = z.input<typeof FollowupListInput>;

// ── outputs ──────────────────────────────────────────────────────────────────────────────────

export interface FollowupRow {
  id: string;
  personId: string;
  personName: string;
  idNumberMasked: string | null;
  group: FollowupGroup;
  groupName: string | null;
  level: FollowupLevel;
  control: ControlStatus;
  responsibleName: string;
  villageName: string | null;
  startDate: string;
  status: FollowupStatus;
  nextDueDate: string | null;
  overdue: boolean;
  deletedAt: string | null;
}

export interface FollowupVisit {
  id: string;
  kind: VisitKind;
  date: string;
  method: string;
  visitors: string;
  findings: string;
  levelAfter: FollowupLevel | null;
  testResult: string | null;
  /** A 未到 with a proper reason: the reason. */
  excuse: string | null;
  stability: StabilityClass | null;
}

export interface FollowupReport {
  id: string;
  date: string;
  policeUnit: string;
  receiver: string;
  note: string | null;
  /** The duties it answered, by their labels as the file shows them. */
  matters: { id: string; label: string }[];
}

export interface FollowupSuspension {
  id: string;
  reason: SuspensionReason;
  startDate: string;
  endDate: string | null;
  note: string | null;
}

/** A severe-mental-disorder file's year (REVIEW row 12): 以奖代补 and 免费服药/免费救治. */
export interface FollowupYear {
  id: string;
  year: number;
  rewardResult: RewardResult;
  amountYuan: number | null;
  paid: boolean;
  paidDate: string | null;
  guardianName: string | null;
  freeMedication: boolean;
  freeTreatment: boolean;
  note: string | null;
}

/** A drug file's duties and dates beyond its facts (REVIEW rows 2, 13). */
export interface DrugState {
  /** Every 报告公安 duty that has arisen, with its state. */
  police: (DueItem & { reason: PoliceReason })[];
  term: { end: string; base: string; stated: boolean; extendedBy: number; source: string } | null;
  /** A 中止 lasts: no test falls due. */
  suspended: boolean;
}

export interface FollowupSubject {
  id: string;
  person: { id: string; name: string; sex: 'M' | 'F' | null; idNumber: string | null; phone: string | null; address: string | null };
  group: FollowupGroup;
  groupName: string | null;
  level: FollowupLevel;
  levelSince: string;
  /** 管控对象 (REVIEW row 11), and since when. */
  control: ControlStatus;
  controlSince: string;
  /** What its visits are called: 随访 or 走访（关爱帮扶） for mental health by the office's scheme (REVIEW row 23), else 走访. */
  visitWord: string;
  /** The level over time: opened with, reassessed on visits, changed on the form (in order). */
  levels: LevelChange<FollowupLevel>[];
  responsibleStaffId: string;
  responsibleName: string;
  villageId: string | null;
  villageName: string | null;
  team: { role: string; name: string; phone: string | null }[];
  /** Roles the group expects in its team that are missing (e.g. 四个一: 医生). */
  teamMissing: string[];
  facts: Record<string, unknown>;
  startDate: string;
  endDate: string | null;
  status: FollowupStatus;
  endReason: string | null;
  notes: string | null;
  visits: FollowupVisit[];
  /** Every due item of the file, from the engine, open ones first. */
  dueItems: DueItem[];
  /** The office's 延期 and 免除 decisions on its items, newest first. */
  itemActions: ItemAction[];
  /** 漏访: per calendar duty, the periods not visited that a later visit has passed by (oldest first). */
  missed: MissedDuty[];
  cadence: CadenceView[];
  /** Drug files: the serious-breach check (戒毒条例第二十条); `excused`: 未到 with a proper reason, not counted. */
  breach: { serious: boolean; reasons: string[]; refusals: number; excused: number } | null;
  /** Drug files: police reports, newest first. */
  reports: FollowupReport[];
  /** Drug files: 中止 periods, newest first. */
  suspensions: FollowupSuspension[];
  /** Mental-health files: the years' 以奖代补 and 免费服药/救治, newest first (REVIEW row 12). */
  years: FollowupYear[];
  drug: DrugState | null;
  nextDueDate: string | null;
  createdAt: string;
  deletedAt: string | null;
}

// ── the office's visit cadences (the working-day calendar is the engine's: shared/schemas/schedule.ts) ──

export const CadenceInput = z
  .strictObject({
    key: z.string().trim().min(1).max(40),
    days: z.number().int().min(1, '间隔至少1天').max(366).nullish(),
    months: z.number().int().min(1, '间隔至少1个月').max(12).nullish(),
    /** Calendar duties: per month, quarter or year, at least `minCount` times. */
    period: z.enum(['month', 'quarter', 'year']).nullish(),
    minCount: z.number().int().min(1, '次数至少1次').max(31, '次数过多').nullish(),
    /** No visit duty (仅在册 persons only, REVIEW row 11). */
    off: z.boolean().nullish(),
    since: DateStr,
    reason: reqText('调整理由', 200),
  })
  .refine((v) => [v.days, v.months, v.period, v.off].filter(Boolean).length === 1, {
    path: ['days'],
    message: '请填写间隔天数、间隔月数，或按月/季度/年的次数（三选一）',
  });
export type CadenceInput = z.input<typeof CadenceInput>;

/** How the office visits severe mental-disorder patients: by the public-health standard or the grid practice. */
export const MH_SCHEMES = ['health', 'grid'] as const;
export type MhScheme = (typeof MH_SCHEMES)[number];
/** REVIEW row 23: the health service's 随访 (entered by the office), or the 司法所/综治 走访 with the 关爱帮扶小组. */
export const MH_SCHEME_LABELS: Record<MhScheme, string> = { health: '卫健随访（公共卫生服务规范）', grid: '司法所走访（关爱帮扶）' };
export const SchemeInput = z.strictObject({ scheme: z.enum(MH_SCHEMES) });

export interface CadenceSetting {
  key: string;
  label: string;
  /** 每2周, 每月1次 …, with the office's change applied. */
  text: string;
  /** Why, in the office's words (每月走访1次，可在设置中调整); `basis` and `source` are what it rests on, for a tooltip. */
  plain: string;
  basis: string;
  source: string;
  adjustable: boolean;
  /** Whether the cadence counts in days/months (editable here) or per calendar period. */
  interval: boolean;
  /** No visit duty (仅在册 by default). */
  off: boolean;
  /** Whether the office may set "no visit duty" here (仅在册 only). */
  mayBeOff: boolean;
  override: { since: string; reason: string } | null;
}

/** One visit group's row of the office's table (REVIEW row 11): a cadence per level for its controlled files, and one for 仅在册. */
export interface VisitCadenceRow {
  group: FollowupGroup;
  groupLabel: string;
  /** What the levels are called in this group (关注等级, 留守儿童 关爱等级). */
  levelName: string;
  levels: { level: (typeof COLOR_LEVELS)[number]; label: string; cadence: CadenceSetting }[];
  registered: CadenceSetting;
}

/** 建档当期宽限: a file opened in the last N days of a month (quarter, year) owes no visit for it unless visited. */
export const OpeningGraceInput = z.strictObject({
  days: z
    .number({ error: '请填写天数' })
    .int('天数须为整数')
    .min(0, '天数不能为负数')
    .max(MAX_OPENING_GRACE_DAYS, `天数不能超过${MAX_OPENING_GRACE_DAYS}天`),
});
export type OpeningGraceInput = z.input<typeof OpeningGraceInput>;

/** The cadences as the office uses them, and which mental-health scheme (卫健 or 综治网格) it follows. */
export interface FollowupSchedule {
  scheme: 'health' | 'grid';
  /** Mental health and drugs: their schemes' cadences. */
  cadences: CadenceSetting[];
  /** The other groups: group × level (REVIEW row 11). */
  table: VisitCadenceRow[];
  /** The opening grace in force (days; 0 = off), its default and where it comes from. */
  openingGrace: { days: number; defaultDays: number; source: string };
  /** Drug files: "及时" in working days and whether a 中止 pushes the term end back, each with its source. */
  drug: { promptDays: number; promptSource: string; suspensionExtendsTerm: boolean; suspensionSource: string };
}

// ── the ledger export and the monthly visit plan (走访计划表) ─────────────────────────────────

/**
 * The ledger's columns, by the key the window, the print and the export share: what 列设置 offers, in
 * the order it offers those not chosen. When adding one: its cell in FollowupListPage.tsx and its
 * column in db/services/followup-export.ts (both typed from this list), and its value in FollowupRow.
 */
export const FOLLOWUP_COLUMN_KEYS = [
  'name',
  'idNumber',
  'group',
  'level',
  'control',
  'village',
  'staff',
  'startDate',
  'status',
  'nextDueDate',
  'overdue',
] as const;
export type FollowupColumn = (typeof FOLLOWUP_COLUMN_KEYS)[number];

/**
 * The ledger's filter and order without paging: every matching file goes into the export, in the
 * columns chosen on screen (列设置) or, without a choice, every column.
 */
export const FollowupExportInput = FollowupListInput.omit({ page: true, pageSize: true }).extend({
  columns: columnChoice(FOLLOWUP_COLUMN_KEYS).optional(),
});

export const VisitPlanInput = z.strictObject({ month: MonthStr, responsibleStaffId: Id.optional(), villageId: Id.optional() });
export type VisitPlanInput = z.input<typeof VisitPlanInput>;

/** One planned visit (or other item) of a file: its due date, what it is, and whether it is already overdue (逾期). */
export interface VisitPlanDue {
  date: string;
  label: string;
  ruleId: string;
  overdue: boolean;
}

export interface VisitPlanRow {
  subjectId: string;
  personName: string;
  idNumberMasked: string | null;
  group: FollowupGroup;
  /** The group's label (其他: the office's own name for it). */
  groupLabel: string;
  level: FollowupLevel;
  levelLabel: string;
  villageName: string | null;
  responsibleStaffId: string;
  responsibleName: string;
  /** The latest recorded visit or test. */
  lastVisit: string | null;
  /** Earliest first; overdue items carried over from before the month come first. */
  due: VisitPlanDue[];
}

export interface VisitPlan {
  month: string;
  /** The host's today: what "overdue" was judged against. */
  today: string;
  rows: VisitPlanRow[];
  /** Per responsible person, in the order of the rows: files and planned items. */
  byStaff: { staffId: string; name: string; subjects: number; count: number }[];
}

// ── statistics for a period (重点人员统计) ─────────────────────────────────────────────────────

export const FollowupStatsInput = PeriodInput;
export type FollowupStatsInput = z.input<typeof FollowupStatsInput>;

/** Visits (or tests) owed in the period and how many were done; see shared/domain/followup-stats.ts. */
export interface FollowupDutyStats {
  due: number;
  done: number;
  late: number;
  /** 漏访: owed, not done, and passed by a later visit (counted in `due`). */
  missed: number;
  waived: number;
  rate: number | null;
}

export interface FollowupGroupStats {
  group: FollowupGroup;
  /** In management at the end of the period (在册), and by the level in force then. */
  inManagement: number;
  /** Of them, 管控对象 (需管控, with 待转化) and 待转化 (邪教人员) at the end of the period (REVIEW row 11). */
  controlled: number;
  toTransform: number;
  levels: Partial<Record<FollowupLevel, number>>;
  newFiles: number;
  released: number;
  moved: number;
  deceased: number;
  terminated: number;
  /** 走访 (mental health: 随访) owed in the period. */
  visits: FollowupDutyStats;
  /** Open items due before the period's end, in files still in management then. */
  overdue: number;
}

export interface FollowupStats {
  dateFrom: string;
  dateTo: string;
  /** The day the figures are read at: dateTo, or today when dateTo is later. */
  asOf: string;
  inManagement: number;
  newFiles: number;
  ended: number;
  released: number;
  moved: number;
  deceased: number;
  terminated: number;
  /** All groups' visits: 走访完成率. */
  visits: FollowupDutyStats;
  /** Severe mental disorders only: 随访率 (shown only under the health scheme, REVIEW row 23). */
  followups: FollowupDutyStats;
  /** The office's mental-health scheme: 'health' (the office enters doctors' 随访) or 'grid' (its own 走访). */
  mhScheme: MhScheme;
  /** Mental health, per year of the period: 有奖监护率, 免费服药率, 免费救治率 (REVIEW row 12). */
  years: FollowupYearStats[];
  /** Drug files: tests owed (定期检测). */
  tests: FollowupDutyStats;
  overdue: number;
  /** Drug files in management in the period that meet the serious-breach thresholds (戒毒条例第二十条). */
  seriousBreach: number;
  breaches: { id: string; name: string; reasons: string[] }[];
  /** Tests dated in the period, by result. */
  testsRecorded: number;
  testResults: Record<(typeof TEST_RESULTS)[number], number>;
  byGroup: FollowupGroupStats[];
}

/** A year's 以奖代补 and free-care figures (shared/domain/followup-stats.ts tallyYear). */
export interface FollowupYearStats {
  year: number;
  patients: number;
  rewarded: number;
  rewardRate: number | null;
  paid: number;
  amountYuan: number;
  freeMedication: number;
  freeMedicationRate: number | null;
  freeTreatment: number;
  freeTreatmentRate: number | null;
  unrecorded: number;
}
