/**
 * Statistics of 社区矫正 for a period (REVIEW §5.7): the figures of its statistics page and the definition shown
 * under each. Pure: the service reads the files, runs the due-date engine per file as at the period's end
 * and hands both here. Rates use `rate` of shared/domain/rates.ts (a zero denominator is “—”).
 *
 * Decisions:
 * - A period is read as at its last day, or today when that is later (the as-of day): a report, an end or a
 *   step dated after it does not count yet.
 * - 在矫 = the term begun by the as-of day and no 解除/终止 dated by it; the level is the one in force that day.
 * - 按时报到率 counts the files whose reporting (or hand-over) window closed in the period; 入矫宣告率 the files
 *   received in the period that had reported by the as-of day.
 * - Duties (定期报告, 走访核查, 病情报告, 病情复查, 教育学习 and 公益活动 hours) are the engine's items due in the period:
 *   done late counts as done; a period passed by a later record (漏报) counts as due and not done; an excused
 *   (免除) one is left out of both sides. By the level in force on the item's due date.
 * - 脱管 (target 0) = 在矫 with a 定期报告 overdue at the as-of day, or a 失联 not resolved by it; 漏管 (target 0) = the reporting
 *   window closed and no report recorded by the as-of day. Both are listed by name.
 */
import { daysBetween } from '../dates';
import {
  CORRECTION_CATEGORIES,
  CORRECTION_LEVELS,
  correctionLevelAt,
  RULE_IDS,
  type CorrectionCategory,
  type CorrectionLevel,
} from './correction-rules';
import { RELEASE_REASONS, TERMINATION_REASONS, type ReleaseReason, type TerminationReason } from './correction-end';
import { SANCTION_KINDS, type SanctionKind } from './correction-sanctions';
import { APPROVAL_KINDS, type ApprovalKind } from './correction-supervision';
import type { DueItem } from './obligations';
import { ratio, zeros, type Ratio } from './rates';

export type { Ratio };

export const CORRECTION_STAT_DEFINITIONS = {
  registered: '在矫人数 = 矫正期限起日不晚于统计截止日、且到截止日时未解除或终止的人数；管理等级按截止日时的等级计',
  cumulative: '累计接收 = 矫正期限起日不晚于统计截止日的全部档案数（含已解除、终止的）',
  received: '新接收 = 矫正期限起日在统计期间内的人数',
  ended: '解除、终止 = 解除（终止）日期在统计期间内的人数，按原因分列',
  onTime: '按时报到率 = 报到（交付接收）期限在统计期间内的人员中，在期限内报到的人数 ÷ 期限在统计期间内的人数',
  declaration: '入矫宣告率 = 统计期间内新接收、到截止日已报到的人员中，已登记入矫宣告的人数 ÷ 该人数',
  duties:
    '报告、走访、教育、公益完成率 = 到期日在统计期间内、且已完成的次数（月份）÷ 到期日在统计期间内的次数（月份）；逾期后补做的计入已完成；该期未做、其后已有记录的（漏报、漏访）计入应完成；已免除的不计入；按到期日时的管理等级分列',
  sanctions: '考核奖惩 = 县级决定日期（未填的按调查核实日期）在统计期间内的次数，按种类分列',
  team: '矫正小组落实率 = 截止日在矫人员中，矫正小组已落实（有成员、有司法所工作人员，女性对象有女性成员，未成年对象有熟悉未成年人工作的成员）的人数 ÷ 在矫人数',
  approvals:
    '审批事项 = 批准日期（未填的按申请或开始日期）在统计期间内的外出、经常性跨市县活动、会客、进入特定区域（场所）和变更执行地审批次数；外出另计到截止日已销假和逾期未销假的次数',
  reoffence:
    '重新犯罪率 = 统计期间内因犯新罪（或发现漏罪）被撤销缓刑、假释或收监执行的人数 ÷ 统计期间内曾在矫的人数（截止日在矫人数加上期间内解除、终止的人数）',
  monitors: '电子定位使用中 = 截止日时在电子定位期限内（含延长）、未解除的人数；期间新增 = 开始日期在统计期间内的次数',
  absent: '脱管 = 截止日在矫、且有逾期未完成的定期报告或尚未找到的失联的人员，逐人列出（目标为0）',
  unreported: '漏管 = 报到（交付接收）期限已过、到截止日仍未登记报到、且未解除或终止的人员，逐人列出（目标为0）',
  asOf: '各项按记录的日期计算：日期在截止日之后的记录不计入本期；截止日晚于今天的，按今天计算，尚未到期的不计入',
} as const;

export interface CorrectionStatFile {
  id: string;
  personName: string;
  villageName: string | null;
  responsibleName: string;
  category: CorrectionCategory;
  termStart: string;
  levels: readonly { date: string; level: CorrectionLevel }[];
  /** The last day to report (or be handed over); null while the documents' date is not known. */
  reportDeadline: string | null;
  reportDate: string | null;
  declarationDate: string | null;
  end:
    | { kind: 'release'; reason: ReleaseReason; date: string }
    | { kind: 'termination'; reason: TerminationReason; date: string; newCrime: boolean }
    | null;
  sanctions: readonly { kind: SanctionKind; date: string }[];
  /** 矫正小组 in place at the as-of day (members recorded by then and the checks of shared/domain/correction-supervision.ts). */
  teamInPlace: boolean;
  approvals: readonly { kind: ApprovalKind; date: string; endDate: string | null; returnDate: string | null }[];
  monitors: readonly { startDate: string; end: string; removalDate: string | null }[];
  /** 失联 since (the earliest not resolved by the as-of day), or null. */
  missingSince: string | null;
  /** The file's due items as at the as-of day (the engine run with only what was recorded by then). */
  items: readonly DueItem[];
}

/** The duties counted, by the rule they are the engine's items of. */
export const STAT_DUTIES = {
  [RULE_IDS.report]: '定期报告',
  [RULE_IDS.visit]: '走访核查',
  [RULE_IDS.health]: '病情（健康）报告',
  [RULE_IDS.recheck]: '病情复查',
  [RULE_IDS.education]: '教育学习时数',
  [RULE_IDS.public]: '公益活动时数',
} as const;
export type StatDuty = keyof typeof STAT_DUTIES;

export interface DutyRow extends Ratio {
  duty: StatDuty;
  label: string;
  byLevel: Record<CorrectionLevel, Ratio>;
}

export interface ListedPerson {
  id: string;
  personName: string;
  villageName: string | null;
  responsibleName: string;
  /** Since when (the first overdue report's due date, or the reporting deadline). */
  since: string;
  days: number;
}

export interface CorrectionStatsFigures {
  registered: number;
  byCategory: Record<CorrectionCategory, number>;
  byLevel: Record<CorrectionLevel, number>;
  /** 在矫 by category × level. */
  table: Record<CorrectionCategory, Record<CorrectionLevel, number>>;
  cumulative: number;
  received: number;
  released: number;
  releasedBy: Record<ReleaseReason, number>;
  terminated: number;
  terminatedBy: Record<TerminationReason, number>;
  onTime: Ratio;
  declaration: Ratio;
  duties: DutyRow[];
  sanctions: Record<SanctionKind, number>;
  team: Ratio;
  /** 重新犯罪: terminated in the period for a new crime, of those 在矫 at some time in it. */
  reoffence: Ratio;
  approvals: Record<ApprovalKind, number>;
  /** 外出 whose end fell by the as-of day: returned (销假) and not. */
  leaves: { returned: number; overdue: number };
  monitors: { inUse: number; started: number };
  absent: ListedPerson[];
  unreported: ListedPerson[];
}

const within = (d: string | null | undefined, from: string, to: string): d is string => !!d && d >= from && d <= to;

function tally() {
  const byLevel = Object.fromEntries(CORRECTION_LEVELS.map((l) => [l, { done: 0, due: 0 }])) as Record<
    CorrectionLevel,
    { done: number; due: number }
  >;
  return { done: 0, due: 0, byLevel };
}

/** The figures of the period from `from`, read as at `asOf` (the period's last day, or today when earlier). */
export function correctionStats(files: readonly CorrectionStatFile[], from: string, asOf: string): CorrectionStatsFigures {
  const byCategory = zeros(CORRECTION_CATEGORIES);
  const byLevel = zeros(CORRECTION_LEVELS);
  const table = Object.fromEntries(CORRECTION_CATEGORIES.map((c) => [c, zeros(CORRECTION_LEVELS)])) as CorrectionStatsFigures['table'];
  const releasedBy = zeros(RELEASE_REASONS);
  const terminatedBy = zeros(TERMINATION_REASONS);
  const sanctions = zeros(SANCTION_KINDS);
  const approvals = zeros(APPROVAL_KINDS);
  const leaves = { returned: 0, overdue: 0 };
  const monitors = { inUse: 0, started: 0 };
  let teams = 0;
  let reoffended = 0;
  let during = 0;
  const duties = new Map<StatDuty, ReturnType<typeof tally>>(Object.keys(STAT_DUTIES).map((d) => [d as StatDuty, tally()]));
  const absent: ListedPerson[] = [];
  const unreported: ListedPerson[] = [];
  let registered = 0;
  let cumulative = 0;
  let received = 0;
  let onTimeDue = 0;
  let onTimeDone = 0;
  let declDue = 0;
  let declDone = 0;
  for (const f of files) {
    if (f.termStart > asOf) continue;
    cumulative++;
    const ended = f.end !== null && f.end.date <= asOf;
    if (!(f.end && f.end.date < from)) during++;
    if (f.end && within(f.end.date, from, asOf)) {
      if (f.end.kind === 'release') releasedBy[f.end.reason]++;
      else {
        terminatedBy[f.end.reason]++;
        if (f.end.newCrime) reoffended++;
      }
    }
    for (const s of f.sanctions) if (within(s.date, from, asOf)) sanctions[s.kind]++;
    for (const a of f.approvals) {
      if (!within(a.date, from, asOf)) continue;
      approvals[a.kind]++;
      if (a.kind === 'leave' && a.endDate && a.endDate < asOf) {
        if (a.returnDate && a.returnDate <= asOf) leaves.returned++;
        else leaves.overdue++;
      }
    }
    for (const m of f.monitors) if (within(m.startDate, from, asOf)) monitors.started++;
    const reported = f.reportDate !== null && f.reportDate <= asOf;
    if (within(f.reportDeadline, from, asOf)) {
      onTimeDue++;
      if (reported && f.reportDate! <= f.reportDeadline) onTimeDone++;
    }
    if (within(f.termStart, from, asOf)) {
      received++;
      if (reported) {
        declDue++;
        if (f.declarationDate && f.declarationDate <= asOf) declDone++;
      }
    }
    for (const i of f.items) {
      const t = duties.get(i.ruleId as StatDuty);
      if (!t || !within(i.dueDate, from, asOf) || i.state === 'waived') continue;
      // An item due today is still owed on the day: it counts once it is done or past.
      if (i.dueDate === asOf && i.state !== 'done') continue;
      const level = correctionLevelAt(f, i.dueDate).level;
      const done = i.state === 'done' ? 1 : 0;
      t.due++;
      t.done += done;
      t.byLevel[level].due++;
      t.byLevel[level].done += done;
    }
    const who = { id: f.id, personName: f.personName, villageName: f.villageName, responsibleName: f.responsibleName };
    if (ended) continue;
    if (f.reportDeadline && f.reportDeadline < asOf && !reported) {
      unreported.push({ ...who, since: f.reportDeadline, days: daysBetween(f.reportDeadline, asOf) });
    }
    registered++;
    if (f.teamInPlace) teams++;
    if (f.monitors.some((m) => m.startDate <= asOf && m.end >= asOf && !(m.removalDate && m.removalDate <= asOf))) monitors.inUse++;
    const level = correctionLevelAt(f, asOf).level;
    byCategory[f.category]++;
    byLevel[level]++;
    table[f.category][level]++;
    const overdue = f.items
      .filter((i) => i.ruleId === RULE_IDS.report && i.dueDate < asOf && i.state !== 'done' && i.state !== 'waived' && i.state !== 'missed')
      .map((i) => i.dueDate)
      .sort()[0];
    const since = [overdue, f.missingSince].filter((d): d is string => !!d).sort()[0];
    if (since) absent.push({ ...who, since, days: daysBetween(since, asOf) });
  }
  const byName = (a: ListedPerson, b: ListedPerson) => a.since.localeCompare(b.since) || a.personName.localeCompare(b.personName, 'zh-CN');
  return {
    registered,
    byCategory,
    byLevel,
    table,
    cumulative,
    received,
    released: RELEASE_REASONS.reduce((n, r) => n + releasedBy[r], 0),
    releasedBy,
    terminated: TERMINATION_REASONS.reduce((n, r) => n + terminatedBy[r], 0),
    terminatedBy,
    onTime: ratio(onTimeDone, onTimeDue),
    declaration: ratio(declDone, declDue),
    duties: [...duties].map(([duty, t]) => ({
      duty,
      label: STAT_DUTIES[duty],
      ...ratio(t.done, t.due),
      byLevel: Object.fromEntries(CORRECTION_LEVELS.map((l) => [l, ratio(t.byLevel[l].done, t.byLevel[l].due)])) as Record<
        CorrectionLevel,
        Ratio
      >,
    })),
    sanctions,
    team: ratio(teams, registered),
    reoffence: ratio(reoffended, during),
    approvals,
    leaves,
    monitors,
    absent: absent.sort(byName),
    unreported: unreported.sort(byName),
  };
}
