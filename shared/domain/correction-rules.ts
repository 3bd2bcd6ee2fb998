/**
 * 社区矫正 (community correction): what a file owes by date, as rules of the due-date engine
 * (shared/domain/obligations.ts), and the level × duty table the office keeps (CONTRIBUTING.md,
 * REVIEW §5.1, REVIEW §5.2, ARCHITECTURE rule 6). Pure: the day and the office's settings are passed in.
 *
 * Decisions:
 * - The 矫正期限 is copied from the documents, never computed here; the term end is the date on the file.
 * - 报到 (管制/缓刑/假释) is owed within 10 days of the judgment's effective date; a 暂予监外执行 subject is
 *   handed over within 10 days of the decision being received. Both are plain calendar days.
 * - The level names and duties are the office's settings (the law sets none): each default is shown with
 *   its source and its tag (LOCAL, UNCONFIRMED).
 * - Monthly hours: one month's 教育学习 (or 公益活动) is done on the day its total first reaches the level's
 *   target; a first month entered part-way owes its share of the target (rounded up to a whole hour).
 */
import { addDays, daysBetween, daysInMonth } from '../dates';
import { periodOf } from '../date-math';
import {
  computeDueItems,
  levelAt,
  type DueItem,
  type Interval,
  type ObligationEvent,
  type RecordedAction,
  type Rule,
  actionEvents,
  actionExtensions,
} from './obligations';
import type { HolidayTable } from './holidays';

// ── codes ────────────────────────────────────────────────────────────────────────────────────

export const CORRECTION_CATEGORIES = ['control', 'probation', 'parole', 'outside'] as const;
export type CorrectionCategory = (typeof CORRECTION_CATEGORIES)[number];
export const CORRECTION_CATEGORY_LABELS: Record<CorrectionCategory, string> = {
  control: '管制',
  probation: '缓刑',
  parole: '假释',
  outside: '暂予监外执行',
};

/** The ground of a 暂予监外执行 (刑诉法 art. 265). */
export const OUTSIDE_GROUNDS = ['medical', 'pregnancy', 'self_care'] as const;
export type OutsideGround = (typeof OUTSIDE_GROUNDS)[number];
export const OUTSIDE_GROUND_LABELS: Record<OutsideGround, string> = {
  medical: '保外就医',
  pregnancy: '怀孕或哺乳',
  self_care: '生活不能自理',
};

export const CORRECTION_STATUSES = ['active', 'released', 'terminated'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = { active: '在矫', released: '解除', terminated: '终止' };

/** 前科 or 累犯 before this sentence. */
export const PRIOR_RECORDS = ['none', 'prior', 'recidivist'] as const;
export type PriorRecord = (typeof PRIOR_RECORDS)[number];
export const PRIOR_RECORD_LABELS: Record<PriorRecord, string> = { none: '无', prior: '有前科', recidivist: '累犯' };

export const CORRECTION_LEVELS = ['strict', 'normal', 'lenient'] as const;
export type CorrectionLevel = (typeof CORRECTION_LEVELS)[number];

/** What is recorded on a file, by date. */
export const EVENT_KINDS = ['report', 'health', 'recheck', 'visit', 'education', 'public'] as const;
export type CorrectionEventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<CorrectionEventKind, string> = {
  report: '定期报告',
  health: '病情（健康）报告',
  recheck: '病情复查',
  visit: '走访/核查',
  education: '教育学习',
  public: '公益活动',
};

/** How a visit or check was made (社区矫正法 art. 26). */
export const VISIT_METHODS = ['走访', '通信联络', '信息化核查', '实地查访'] as const;
/** How a report was made. */
export const REPORT_METHODS = ['当面报告', '电话报告', '书面报告', '视频报告'] as const;

export const HOURS_KINDS = ['education', 'public'] as const;
export type HoursKind = (typeof HOURS_KINDS)[number];

// ── the level × duty table ───────────────────────────────────────────────────────────────────

export interface LevelDuty {
  /** The level's name as the office uses it (严管, 普管, 宽管 by default). */
  name: string;
  report: Interval;
  visit: Interval;
  educationHours: number;
  publicHours: number;
}

export type LevelTable = Record<CorrectionLevel, LevelDuty>;

export const LEVEL_TABLE_SOURCE =
  '社区矫正法第二十四条只规定“分类管理、个别化矫正”，未规定等级名称与频次。默认值取自地方做法〔LOCAL〕：严管每周报告、每月教育学习和公益活动各不少于12小时；普管、宽管的频次与时数未找到出处〔UNCONFIRMED〕，2012年《社区矫正实施办法》的“每月不少于8小时”已废止。本所可在设置中调整。';

export const DEFAULT_LEVEL_TABLE: LevelTable = {
  strict: { name: '严管', report: { days: 7 }, visit: { months: 1 }, educationHours: 12, publicHours: 12 },
  normal: { name: '普管', report: { months: 1 }, visit: { months: 2 }, educationHours: 8, publicHours: 8 },
  lenient: { name: '宽管', report: { months: 2 }, visit: { months: 3 }, educationHours: 4, publicHours: 4 },
};

/** Days before the term end that it is listed (期满). */
export const DEFAULT_TERM_REMIND_DAYS = 30;
export const TERM_REMIND_SOURCE =
  '社区矫正法第四十四条：矫正期满应当解除社区矫正；期满前的个人总结与期满鉴定由司法所准备。提前30日提醒是地方做法〔LOCAL，UNCONFIRMED〕，本所可在设置中调整。';

/** What the office may change, as stored (null/absent: the default). */
export interface CorrectionSettings {
  levels?: Partial<Record<CorrectionLevel, LevelDuty>>;
  termRemindDays?: number;
}

export function levelTable(s: CorrectionSettings): LevelTable {
  return {
    strict: s.levels?.strict ?? DEFAULT_LEVEL_TABLE.strict,
    normal: s.levels?.normal ?? DEFAULT_LEVEL_TABLE.normal,
    lenient: s.levels?.lenient ?? DEFAULT_LEVEL_TABLE.lenient,
  };
}

export function termRemindDays(s: CorrectionSettings): number {
  return s.termRemindDays ?? DEFAULT_TERM_REMIND_DAYS;
}

// ── rule sources ─────────────────────────────────────────────────────────────────────────────

export const REPORT_IN_SOURCE =
  '社区矫正法第二十一条第一款：社区矫正对象应当自人民法院判决、裁定生效之日起十日内到执行地社区矫正机构报到。';
export const HAND_OVER_SOURCE =
  '社区矫正法第二十一条第二款、第三款：暂予监外执行的社区矫正对象，由看守所、监狱或公安机关自收到决定之日起十日内将其移送执行地社区矫正机构。';
const PERIODIC_REPORT_SOURCE =
  '《社区矫正法实施办法》第二十四条：社区矫正对象应当按照有关规定和社区矫正机构的要求，定期报告遵纪守法、接受监督管理、参加教育学习、公益活动和社会活动等情况。频次依本所分类管理等级设置。';
const VISIT_SOURCE =
  '社区矫正法第二十六条：社区矫正机构应当了解掌握社区矫正对象的活动情况和行为表现，可以通过通信联络、信息化核查、实地查访等方式核实有关情况。频次依本所分类管理等级设置。';
const HEALTH_SOURCE = '《社区矫正法实施办法》第二十四条：暂予监外执行的社区矫正对象应当每个月报告本人身体情况。';
const RECHECK_SOURCE = '《社区矫正法实施办法》第二十四条：保外就医的社区矫正对象应当每三个月向执行地社区矫正机构提交病情复查情况。';
const EDUCATION_SOURCE = '社区矫正法第三十六条（教育学习）；法律未规定时数，每月时数依本所分类管理等级设置。';
const PUBLIC_SOURCE = '社区矫正法第四十二条（公益活动）；法律未规定时数，每月时数依本所分类管理等级设置。';

export const RULE_IDS = {
  reportIn: 'correction.report_in',
  report: 'correction.report',
  visit: 'correction.visit',
  health: 'correction.health',
  recheck: 'correction.recheck',
  education: 'correction.education',
  public: 'correction.public',
  termEnd: 'correction.term_end',
  appraisal: 'correction.appraisal',
} as const;

const APPRAISAL_DUE_SOURCE =
  '期满前由社区矫正对象作个人总结，司法所作期满鉴定（REVIEW §5.5）；期满前30日完成为地方做法〔LOCAL，UNCONFIRMED〕，与期满提醒天数为同一设置，本所可在设置中调整。';

/** The rule an event of each kind answers. */
export const EVENT_RULE: Record<CorrectionEventKind, string> = {
  report: RULE_IDS.report,
  health: RULE_IDS.health,
  recheck: RULE_IDS.recheck,
  visit: RULE_IDS.visit,
  education: RULE_IDS.education,
  public: RULE_IDS.public,
};

// ── the reporting window ─────────────────────────────────────────────────────────────────────

export interface ReceptionFacts {
  category: CorrectionCategory;
  /** 判决书/裁定书/决定书 生效日期. */
  effectiveDate: string | null;
  /** 法律文书收到日期. */
  receivedDate: string | null;
  /** 报到日期 (for 暂予监外执行: the day the subject was handed over). */
  reportDate: string | null;
}

/** The last day to report (or to be handed over), and what it counts from; null when that date is not yet known. */
export function reportingDeadline(f: ReceptionFacts): { date: string; from: string; source: string } | null {
  const outside = f.category === 'outside';
  const from = outside ? f.receivedDate : f.effectiveDate;
  if (!from) return null;
  return { date: addDays(from, 10), from, source: outside ? HAND_OVER_SOURCE : REPORT_IN_SOURCE };
}

/** 按时 or 逾期N日, once the report is recorded (null before). */
export function reportingState(f: ReceptionFacts): { late: number; text: string } | null {
  const d = reportingDeadline(f);
  if (!d || !f.reportDate) return null;
  const late = Math.max(0, daysBetween(d.date, f.reportDate));
  return { late, text: late === 0 ? '按时报到' : `逾期${late}日` };
}

// ── monthly hours ────────────────────────────────────────────────────────────────────────────

export interface HoursEntry {
  id: string;
  date: string;
  hours: number;
}

/**
 * The target of one month for a file that began on `start`: the full target, or for the month it began in
 * part-way, its share of the days left (rounded up to a whole hour).
 */
export function monthTarget(target: number, month: string, start: string): number {
  const p = periodOf(`${month}-01`, 'month');
  if (start <= p.start || start > p.end) return target;
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return Math.ceil((target * (daysBetween(start, p.end) + 1)) / days);
}

export interface MonthHours {
  month: string;
  hours: number;
  target: number;
  /** The day the total first reached the target (null: not yet). */
  reachedOn: string | null;
}

/** Each month's total against its target, from the first month with a target or an entry, oldest first. */
export function monthlyHours(entries: readonly HoursEntry[], targetOf: (month: string) => number): MonthHours[] {
  const byMonth = new Map<string, HoursEntry[]>();
  for (const e of [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))) {
    const m = e.date.slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), e]);
  }
  return [...byMonth.keys()].sort().map((month) => {
    const target = targetOf(month);
    let sum = 0;
    let reachedOn: string | null = null;
    for (const e of byMonth.get(month)!) {
      sum += e.hours;
      if (reachedOn === null && target > 0 && sum >= target) reachedOn = e.date;
    }
    return { month, hours: Math.round(sum * 10) / 10, target, reachedOn };
  });
}

/** The months whose total reached the target, as one done event each (on the day it was reached). */
export function hoursEvents(ruleId: string, months: readonly MonthHours[]): ObligationEvent[] {
  return months.filter((m) => m.reachedOn !== null).map((m) => ({ id: `${ruleId}:${m.month}`, date: m.reachedOn!, ruleId }));
}

// ── the rules of one file ────────────────────────────────────────────────────────────────────

export interface CorrectionFile extends ReceptionFacts {
  id: string;
  ground: OutsideGround | null;
  termStart: string;
  termEnd: string;
  /** The level over time (the engine's level history). */
  levels: readonly { date: string; level: CorrectionLevel }[];
  /** 期满鉴定 recorded on (null: not yet). */
  appraisalDate?: string | null;
}

export interface CorrectionEventRecord {
  id: string;
  kind: CorrectionEventKind;
  date: string;
  hours: number | null;
}

/** The level in force on `date` (the first one before the history begins; 普管 with no history). */
export function correctionLevelAt(file: Pick<CorrectionFile, 'levels'>, date: string): { level: CorrectionLevel; since: string | null } {
  const at = levelAt(file.levels, date);
  return at ?? { level: 'normal', since: null };
}

/** The hours target of a month under the level in force at its end. */
export function hoursTarget(file: CorrectionFile, table: LevelTable, kind: HoursKind, month: string): number {
  const level = correctionLevelAt(file, periodOf(`${month}-01`, 'month').end).level;
  const duty = table[level];
  return monthTarget(kind === 'education' ? duty.educationHours : duty.publicHours, month, file.termStart);
}

/** The rules a file is under today, with their sources. */
export function correctionRules(file: CorrectionFile, settings: CorrectionSettings, today: string): Rule[] {
  const table = levelTable(settings);
  const now = correctionLevelAt(file, today);
  const duty = table[now.level];
  const since = now.since ?? undefined;
  const until = file.termEnd;
  const rules: Rule[] = [];
  const deadline = reportingDeadline(file);
  if (deadline) {
    const outside = file.category === 'outside';
    rules.push({
      id: RULE_IDS.reportIn,
      kind: 'window',
      label: outside ? '交付接收（收到决定之日起10日内）' : '报到（判决、裁定生效之日起10日内）',
      from: outside ? 'receivedDate' : 'effectiveDate',
      days: 10,
      doneFact: 'reportDate',
      source: deadline.source,
    });
  }
  rules.push(
    {
      id: RULE_IDS.report,
      kind: 'every',
      label: `定期报告（${duty.name}）`,
      firstFrom: 'start',
      ...duty.report,
      ...(since ? { since } : {}),
      until,
      source: PERIODIC_REPORT_SOURCE,
    },
    {
      id: RULE_IDS.visit,
      kind: 'every',
      label: `走访核查（${duty.name}）`,
      firstFrom: 'start',
      ...duty.visit,
      ...(since ? { since } : {}),
      until,
      source: VISIT_SOURCE,
    },
  );
  if (file.category === 'outside') {
    rules.push({ id: RULE_IDS.health, kind: 'periodic', label: '病情（健康）报告', period: 'month', until, source: HEALTH_SOURCE });
    if (file.ground === 'medical') {
      rules.push({
        id: RULE_IDS.recheck,
        kind: 'every',
        label: '保外就医病情复查',
        firstFrom: 'start',
        months: 3,
        until,
        source: RECHECK_SOURCE,
      });
    }
  }
  if (duty.educationHours > 0) {
    rules.push({ id: RULE_IDS.education, kind: 'periodic', label: '教育学习时数', period: 'month', until, source: EDUCATION_SOURCE });
  }
  if (duty.publicHours > 0) {
    rules.push({ id: RULE_IDS.public, kind: 'periodic', label: '公益活动时数', period: 'month', until, source: PUBLIC_SOURCE });
  }
  rules.push({
    id: RULE_IDS.termEnd,
    kind: 'termEnd',
    label: '矫正期满',
    date: file.termEnd,
    remindDays: [termRemindDays(settings)],
    source: TERM_REMIND_SOURCE,
  });
  // The 个人总结 and 期满鉴定 are owed before the term ends, as many days ahead as its reminder.
  rules.push({
    id: RULE_IDS.appraisal,
    kind: 'deadline',
    label: '期满鉴定（个人总结、期满鉴定表）',
    date: addDays(file.termEnd, -termRemindDays(settings)),
    doneFact: 'appraisalDate',
    source: APPRAISAL_DUE_SOURCE,
  });
  return rules;
}

export interface CorrectionDueInput {
  file: CorrectionFile;
  events: readonly CorrectionEventRecord[];
  settings: CorrectionSettings;
  actions: readonly RecordedAction[];
  /** Left 在矫 (解除/终止): nothing falls due after it. */
  endDate: string | null;
  today: string;
  holidays: HolidayTable;
  /** Further rules and their done events (the supervision records: shared/domain/correction-supervision.ts). */
  extra?: { rules: Rule[]; events: ObligationEvent[] };
}

/** A file's monthly totals of one kind against the level's targets. */
export function fileHours(
  file: CorrectionFile,
  events: readonly CorrectionEventRecord[],
  table: LevelTable,
  kind: HoursKind,
): MonthHours[] {
  const entries = events.filter((e) => e.kind === kind).map((e) => ({ id: e.id, date: e.date, hours: e.hours ?? 0 }));
  return monthlyHours(entries, (m) => hoursTarget(file, table, kind, m));
}

/** Every due item of a file as of `today`, its 延期/免除 applied. */
export function correctionDueItems(input: CorrectionDueInput): DueItem[] {
  const { file, events, settings, today } = input;
  const table = levelTable(settings);
  const plain: ObligationEvent[] = events
    .filter((e) => e.kind !== 'education' && e.kind !== 'public')
    .map((e) => ({ id: e.id, date: e.date, ruleId: EVENT_RULE[e.kind] }));
  const hours = HOURS_KINDS.flatMap((k) => hoursEvents(RULE_IDS[k], fileHours(file, events, table, k)));
  return computeDueItems({
    rules: [...correctionRules(file, settings, today), ...(input.extra?.rules ?? [])],
    subject: {
      id: file.id,
      startDate: file.termStart,
      endDate: input.endDate,
      facts: {
        effectiveDate: file.effectiveDate,
        receivedDate: file.receivedDate,
        reportDate: file.reportDate,
        appraisalDate: file.appraisalDate ?? null,
      },
    },
    events: [...plain, ...hours, ...(input.extra?.events ?? []), ...actionEvents(input.actions)],
    extensions: actionExtensions(input.actions),
    today,
    holidays: input.holidays,
  });
}
