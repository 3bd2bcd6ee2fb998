/**
 * Statistics of the special-group module (重点人员管理 统计): the figures of its statistics page for a period.
 * Pure: the service runs the due-date engine per file and hands the items here; the formulas and the
 * definitions shown under the figures live in this one place. Rates use `rate`/`formatRate` of
 * shared/domain/rates.ts (a zero denominator is “—”, never 0 %).
 *
 * Decisions:
 * - A period is read as at its last day, or today when that is later (`statsAsOf`): items falling due
 *   after that are not yet owed and are left out; visits dated after it do not count for the period
 *   (a back-dated record dated inside the period does).
 * - Duties counted for the rates: the visit cadence of each group (mental health: 随访 'mh.followup', or
 *   under the 司法所 scheme 走访（关爱帮扶）; the other groups: the 走访 of their level in the office's
 *   table, 'visit', and 'visit.prev', 'visit.prev2' … before a change of cadence) and the drug tests
 *   ('drug.test'). A person merely 在册 owes no visits (REVIEW row 11), so the rate counts only the
 *   duties that exist. The yearly "at least 4" check, reporting, the agreement, reports to
 *   the police and term ends are not visits: they count only among the overdue items.
 * - Done late (迟访) counts as done and is also counted as late; an excused (已免除) occurrence is left
 *   out of both sides of the rate.
 * - A missed period (漏访: unvisited, and a later visit has passed it by; shared/domain/obligations.ts)
 *   counts as due and not done, and is also counted as missed. It is no longer owed, so it is not among
 *   the overdue items.
 */
import { earlierOf } from '../date-math';
import { SERIOUS_BREACH_SOURCE } from './followup-rules';
import { rate } from './rates';
import { isOpen, type DueItem } from './obligations';

export const FOLLOWUP_STAT_DEFINITIONS = {
  inManagement: '在管人数 = 建档日期不晚于统计截止日、且到截止日时未解除、迁出或死亡的档案数；等级为截止日时的风险（关注）等级',
  newFiles: '新增建档 = 建档日期在统计期间内的档案数',
  ended:
    '解除管理 = 解除（迁出、死亡、终止）日期在统计期间内的档案数，按解除、迁出、死亡、终止分列（终止：社区戒毒/康复人员被收监执行刑罚、采取强制性教育措施或强制隔离戒毒）',
  visitRate:
    '走访完成率 = 到期日在统计期间内、且已完成的走访次数 ÷ 到期日在统计期间内的走访次数（逾期后补访的计入已完成，另计迟访；漏访的计入应访、不计入已访；已免除的不计入；仅在册、未列为管控对象的人员没有走访任务，不计入）',
  followupRate:
    '随访率 = 严重精神障碍患者到期日在统计期间内、且已完成的随访次数 ÷ 到期日在统计期间内的随访次数（口径同走访完成率；本所按公共卫生随访规范录入医生随访时统计）',
  control:
    '在册、需管控 = 截止日在管的档案中，仅在册与列为管控对象（需管控，邪教人员含待转化）的人数；仅在册的不安排走访（本所另设频次的除外）',
  rewardRate:
    '有奖监护率 = 当年以奖代补考核合格的严重精神障碍患者数 ÷ 当年在管的患者数（当年任一日在管即计入；统计截止日在当年之内的，算至截止日）。官方口径未见（待核实）',
  freeCare: '免费服药率、免费救治率 = 当年享受免费服药（免费救治）的患者数 ÷ 当年在管的患者数（口径同有奖监护率）',
  testRate: '检测完成率 = 社区戒毒/社区康复人员到期日在统计期间内、且已检测（阴性或阳性）的次数 ÷ 到期日在统计期间内的检测次数',
  late: '迟访 = 已完成、但走访（检测）日期晚于到期日的次数',
  missed:
    '漏访 = 到期日在统计期间内、该月（季度、年度）未走访，且到截止日其后已有走访记录的次数：该期已不能补访，计入应访、不计入已访，也不再计入逾期',
  overdue:
    '逾期件数 = 截止日在管的档案中，到期日早于截止日、到截止日仍未完成的事项数（走访、检测、报到、签订协议、报告公安机关、全年随访次数等；某期未走访、其后已有走访的记为漏访，不计入）',
  seriousBreach: `严重违反协议 = 统计期间内在管的社区戒毒/社区康复人员中，到截止日累计逃避或拒绝检测（含无正当理由未到）3次以上，或擅自离开执行地所在县（市、区）3次以上或累计超过30日的人数。依据：${SERIOUS_BREACH_SOURCE}`,
  tests: '检测记录 = 检测日期在统计期间内的检测次数，按检测结果分列',
  asOf: '各项按走访、检测的日期计算：日期在截止日之后的记录不计入本期；截止日晚于今天的，按今天计算，尚未到期的不计入',
} as const;

/** The day a period is read at: its last day, or today when the period runs past today. */
export function statsAsOf(dateTo: string, today: string): string {
  return earlierOf(dateTo, today);
}

/** What a rule's items count towards in the statistics (see the decisions above). */
export type StatDuty = 'visit' | 'test';
export const STAT_DUTY_RULES: Readonly<Record<string, StatDuty>> = {
  'mh.followup': 'visit',
  visit: 'visit',
  'visit.prev': 'visit',
  'drug.test': 'test',
};

export function dutyOf(ruleId: string): StatDuty | null {
  // A visit group's earlier stretches of cadence (visit.prev, visit.prev2 …) are visits too.
  return STAT_DUTY_RULES[ruleId] ?? (/^visit\.prev\d*$/.test(ruleId) ? 'visit' : null);
}

export interface DutyTally {
  /** Occurrences owed in the period (excused ones left out). */
  due: number;
  /** Of those, done (on time or late). */
  done: number;
  /** Of the done ones, done after the due date (迟访). */
  late: number;
  /** Of the owed ones not done, periods a later visit has passed by (漏访); counted in `due`, not in `done`. */
  missed: number;
  /** Excused occurrences (已免除), shown for reference, not in the rate. */
  waived: number;
}

export const emptyTally = (): DutyTally => ({ due: 0, done: 0, late: 0, missed: 0, waived: 0 });

export function addTally(into: DutyTally, t: DutyTally): DutyTally {
  into.due += t.due;
  into.done += t.done;
  into.late += t.late;
  into.missed += t.missed;
  into.waived += t.waived;
  return into;
}

/**
 * Counts one file's visit and test duties falling due in [from, to] (the engine run with today = `to`).
 * A calendar duty needing several visits (progress.required > 1) counts as that many, done ones as far
 * as they go.
 */
export function tallyDuties(items: readonly DueItem[], from: string, to: string): Record<StatDuty, DutyTally> {
  const out: Record<StatDuty, DutyTally> = { visit: emptyTally(), test: emptyTally() };
  for (const i of items) {
    const duty = dutyOf(i.ruleId);
    if (!duty || i.dueDate < from || i.dueDate > to) continue;
    const t = out[duty];
    const weight = Math.max(1, i.progress?.required ?? 1);
    if (i.state === 'waived') {
      t.waived += weight;
      continue;
    }
    t.due += weight;
    if (i.state === 'done') {
      t.done += weight;
      if (i.late) t.late += weight;
    } else {
      const done = Math.min(i.progress?.done ?? 0, weight);
      t.done += done;
      if (i.state === 'missed') t.missed += weight - done;
    }
  }
  return out;
}

/** Items still owed on `asOf` whose due date is before it (of any rule: visits, tests, reporting …; not 漏访). */
export function overdueCount(items: readonly DueItem[], asOf: string): number {
  return items.filter((i) => isOpen(i) && i.dueDate < asOf).length;
}

/** 走访完成率 / 随访率 / 检测完成率 of a tally: done ÷ due, null when nothing was due. */
export function dutyRate(t: DutyTally): number | null {
  return rate(t.done, t.due);
}

export interface FileSpan {
  startDate: string;
  /** The day management ended (解除/迁出/死亡/终止), null while in management. */
  endDate: string | null;
}

/** In management on some day of [from, to]: counted for visits due, overdue and breaches. */
export function activeInPeriod(f: FileSpan, from: string, to: string): boolean {
  return f.startDate <= to && (f.endDate === null || f.endDate >= from);
}

/** Still in management at the end of `date` (a file ended that day has left). */
export function inManagementOn(f: FileSpan, date: string): boolean {
  return f.startDate <= date && (f.endDate === null || f.endDate > date);
}

// ── the year of a severe-mental-disorder file: 以奖代补, 免费服药, 免费救治 (REVIEW row 12) ─────────

/** One file's record of a year, as the figures read it. */
export interface YearRecordFacts {
  year: number;
  rewardResult: string;
  paid: boolean;
  amountFen: number | null;
  freeMedication: boolean;
  freeTreatment: boolean;
}

/** A year's figures: 有奖监护率 (李堡: 有奖监护率达100%), 免费服药率, 免费救治率 over the patients in management that year. */
export interface YearTally {
  year: number;
  /** Patients in management on some day of the year (up to the as-of day). */
  patients: number;
  /** Of them, 以奖代补 考核合格 that year (有奖监护). */
  rewarded: number;
  /** Of the rewarded, paid (已发放), and the amounts recorded. */
  paid: number;
  amountFen: number;
  freeMedication: number;
  freeTreatment: number;
  /** Of them, with no record of the year at all. */
  unrecorded: number;
}

/** The years a period touches, up to its as-of day (at most the last ten). */
export function yearsOf(from: string, asOf: string): number[] {
  const first = Number(from.slice(0, 4));
  const last = Number(asOf.slice(0, 4));
  const out: number[] = [];
  for (let y = Math.max(first, last - 9); y <= last; y++) out.push(y);
  return out;
}

/**
 * Counts one year over the severe-mental-disorder files: a file counts when it was in management on some
 * day of the year up to `asOf`; only its record of that year counts for it.
 */
export function tallyYear(
  year: number,
  asOf: string,
  files: readonly { span: FileSpan; records: readonly YearRecordFacts[] }[],
): YearTally {
  const from = `${year}-01-01`;
  const to = earlierOf(`${year}-12-31`, asOf);
  const t: YearTally = { year, patients: 0, rewarded: 0, paid: 0, amountFen: 0, freeMedication: 0, freeTreatment: 0, unrecorded: 0 };
  if (to < from) return t;
  for (const f of files) {
    if (!activeInPeriod(f.span, from, to)) continue;
    t.patients += 1;
    const r = f.records.find((x) => x.year === year);
    if (!r) {
      t.unrecorded += 1;
      continue;
    }
    if (r.rewardResult === '合格') {
      t.rewarded += 1;
      if (r.paid) {
        t.paid += 1;
        t.amountFen += r.amountFen ?? 0;
      }
    }
    if (r.freeMedication) t.freeMedication += 1;
    if (r.freeTreatment) t.freeTreatment += 1;
  }
  return t;
}

// ── a file's duties kept for the statistics (db/services/followup-duties.ts) ───────────────────

/**
 * One due item as the statistics keep it: enough to read it as at any day up to the day it was
 * computed, without running the engine again. The engine reads a file the same way whatever the day,
 * except that what has not happened by then does not count (shared/domain/obligations.ts): an item is
 * done (or excused) from the day it was (`closedOn`), 漏访 from the day a later visit passed it
 * (`passedOn`), and one due after the file's end exists only once done (`pastEnd`). Read so (the sums
 * of db/services/followup-duties.ts), they give `tallyDuties` and `overdueCount` of the engine run on
 * that day — the statistics' tests hold the two equal.
 * Files whose own rules changed after the day (a level, the 管控 status, a 延期, a 中止) are not read
 * this way; the service runs the engine for them.
 */
export interface StoredDuty {
  key: string;
  ruleId: string;
  duty: StatDuty | null;
  dueDate: string;
  /** How many visits the occurrence counts for (a yearly "at least 4" counts as 4). */
  weight: number;
  /** Of those, done within the period (a calendar duty partly done). */
  progressDone: number;
  closedOn: string | null;
  waived: boolean;
  passedOn: string | null;
  pastEnd: boolean;
}

/**
 * The items worth keeping: every visit and test duty (the rates count them whatever their state), and
 * of the other duties those that were ever overdue (done on time, they never count anywhere).
 */
export function storedDuties(items: readonly DueItem[]): StoredDuty[] {
  const out: StoredDuty[] = [];
  for (const i of items) {
    const duty = dutyOf(i.ruleId);
    const closedOn = i.state === 'done' || i.state === 'waived' ? i.satisfiedOn : null;
    if (!duty && closedOn !== null && closedOn <= i.dueDate) continue;
    const weight = Math.max(1, i.progress?.required ?? 1);
    out.push({
      key: i.key,
      ruleId: i.ruleId,
      duty,
      dueDate: i.dueDate,
      weight,
      progressDone: Math.min(i.progress?.done ?? 0, weight),
      closedOn,
      waived: i.state === 'waived',
      passedOn: i.passedOn ?? null,
      pastEnd: i.pastEnd === true,
    });
  }
  return out;
}

/** Settled by its due date, inside the file's span: the same for every day it can be read at (kept as a sum per day). */
export function settledDuty(d: StoredDuty, span: FileSpan): boolean {
  return (
    d.duty !== null &&
    d.closedOn !== null &&
    d.closedOn <= d.dueDate &&
    !d.pastEnd &&
    d.dueDate >= span.startDate &&
    (span.endDate === null || d.dueDate <= span.endDate)
  );
}
