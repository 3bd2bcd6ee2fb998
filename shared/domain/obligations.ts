/**
 * The due-date engine (待办/到期事项): a file's facts and recorded events, read through rules, give the
 * items that fall due (CONTRIBUTING.md: ARCHITECTURE rules 4 and 6, DOMAIN §8).
 *
 * Rules are data (each carries the article, standard or local practice it comes from, shown in the UI);
 * this file only interprets them. Pure: the clock is passed in as `today`, the holiday table as data.
 *
 * Decisions, each also noted where it is applied:
 * - Events count from their own date, whatever order they were recorded in (a back-dated visit moves
 *   the cadence back); events dated after `today` are ignored (they have not happened yet).
 * - 'every' rules chain from the last event: a long gap gives ONE overdue item ("next visit, due since
 *   X"), not one per missed interval. 'periodic' rules are calendar duties: each month/quarter/year is
 *   its own item, because that is what the county counts (漏访月数).
 * - 漏访 (state 'missed'): a period of a calendar duty that was not done (nor excused) and that a
 *   later visit has passed by: some done event of the rule is dated after the period's due date (after
 *   an extension, the extended date). It can no longer be done — a visit counts for the period its date
 *   falls in — so it is not owed any more: no longer open, never overdue, but counted as due and not
 *   done in the completion rates and listed on the file. Until a later visit exists, every unvisited
 *   period since the last visit stays overdue: nobody has seen the person since, and that is what the
 *   dashboard must say. Recording a visit made in the period (back-dated) still makes it done; 免除
 *   still excuses it. Excused (waived) events are not visits: they never make an earlier period missed.
 * - The opening period (`openingGraceDays`): a file opened in the last N days of a period owes nothing
 *   for that period unless a visit is recorded in it (the opening visit then counts for it).
 * - An extension may only move a due date later. One to the same or an earlier date is rejected by
 *   `extensionError` (the service calls it before saving) and ignored here if one slips through: a term
 *   is never silently shortened. The first due date is kept as `originalDueDate`.
 * - After the subject leaves management (`endDate`) nothing more falls due: open items due after that day
 *   are dropped; work already done is kept as history.
 */
import { addDays, daysBetween, isValidDate } from '../dates';
import { addMonths, earlierOf, laterOf, nextPeriod, periodOf, type PeriodKind } from '../date-math';
import { addWorkingDays, nextWorkingDayOnOrAfter, type HolidayTable } from './holidays';

// ── rules ────────────────────────────────────────────────────────────────────────────────────

export interface Interval {
  days?: number;
  months?: number;
}

interface RuleBase {
  /** Stable id; events name it in `ruleId`. Keep it when a cadence changes so history still counts. */
  id: string;
  label: string;
  /** The article, standard or practice the rule comes from (shown in the UI, in a tooltip where `plain` is given). */
  source: string;
  /**
   * What the rule asks, in the office's plain words (每月走访1次，可在设置中调整), shown where the
   * rule is, with `source` behind it; absent, the cadence in words (cadenceText) is shown.
   */
  plain?: string;
  /** Other event kinds that also satisfy the rule, e.g. ['visit'] so one recorded visit counts for the
   *  level-dependent cadence and for "at least 4 a year" at once. An event satisfies a rule when its
   *  ruleId is the rule's id or one of these. */
  eventKinds?: string[];
}

/** Every N days/months since the last satisfying event (or since the start when there is none). */
export interface EveryRule extends RuleBase, Interval {
  kind: 'every';
  /** 'start': with no event yet, the first is due one interval after the start date.
   *  'event': nothing to count from yet, so the first is owed at once (due on the start date). */
  firstFrom: 'start' | 'event';
  /** Intervals that change with time (e.g. drug tests: monthly in year 1, every 2 months in year 2).
   *  The interval used for an occurrence is the one in force on the date counting starts from. */
  phases?: (Interval & { from: string })[];
  /** The date this cadence came into force (a reassessed risk level, an office override). When it is
   *  later than the last event, counting restarts from it rather than from the older event. */
  since?: string;
  /** Nothing falls due after this day (e.g. the end of a term). */
  until?: string;
}

/** A duty per calendar month/quarter/year, due by the period's last day; `minCount` per period. */
export interface PeriodicRule extends RuleBase {
  kind: 'periodic';
  period: PeriodKind;
  minCount?: number;
  /** First period is the one containing this day (when later than the start). Earlier periods stay as
   *  they were: an office that switches from monthly to quarterly ends the old rule (`until`) and starts
   *  the new one (`since`), so months already missed are still counted. */
  since?: string;
  until?: string;
  /**
   * A subject whose start date falls in the last N days of its first period (N = this; 0 or absent:
   * never) owes nothing for that period unless a done event is recorded in it, which then counts.
   * Only the file's own start counts, not a later `since` (an office change of cadence).
   */
  openingGraceDays?: number;
}

/** The end of a term (期满) with reminders `remindDays` before it. */
export interface TermEndRule extends RuleBase {
  kind: 'termEnd';
  remindDays: number[];
  /** The end date, given directly (computed by the group's rules) or read from a fact. */
  date?: string | null;
  fact?: string;
}

/** A one-off deadline. */
export interface DeadlineRule extends RuleBase {
  kind: 'deadline';
  date?: string | null;
  fact?: string;
  /** A deadline that falls on a rest day moves to the next working day (民诉法 art. 85 style). */
  rollForward?: boolean;
  /** A fact whose date means "done" (e.g. the recorded reporting date), as an alternative to an event. */
  doneFact?: string;
}

/** Within `days` (calendar or working) of the date in fact `from`, e.g. report within 15 days. */
export interface WindowRule extends RuleBase {
  kind: 'window';
  days: number;
  workingDays?: boolean;
  from: string;
  rollForward?: boolean;
  doneFact?: string;
}

export type Rule = EveryRule | PeriodicRule | TermEndRule | DeadlineRule | WindowRule;
export type RuleKind = Rule['kind'];

// ── input and output ─────────────────────────────────────────────────────────────────────────

export type FactValue = string | number | null;

export interface ObligationSubject {
  id: string;
  startDate: string;
  /** Left management (解除/迁出/死亡): nothing falls due after this day. */
  endDate: string | null;
  facts: Record<string, FactValue>;
}

export interface ObligationEvent {
  id: string;
  date: string;
  /** The rule (or event kind, see RuleBase.eventKinds) it satisfies. */
  ruleId: string;
  /** The occurrence was excused, not done (住院、外出务工、羁押…); the cadence still counts from it. */
  waived?: { reason: string };
}

export interface Extension {
  ruleId: string;
  /** The item's key; without it, the rule's earliest open item. */
  dueId?: string;
  newDate: string;
  reason: string;
  /** When the extension was recorded; several apply in this order. */
  date: string;
}

export interface ObligationInput {
  rules: Rule[];
  subject: ObligationSubject;
  events: ObligationEvent[];
  extensions: Extension[];
  today: string;
  holidays: HolidayTable;
  /** 'due_soon' = due within this many days (inclusive). */
  dueSoonDays?: number;
}

export const DUE_SOON_DAYS = 7;

export const DUE_STATES = ['upcoming', 'due_soon', 'overdue', 'done', 'waived', 'missed'] as const;
export type DueState = (typeof DUE_STATES)[number];
export const DUE_STATE_LABELS: Record<DueState, string> = {
  upcoming: '未到期',
  due_soon: '即将到期',
  overdue: '已逾期',
  done: '已完成',
  waived: '已免除',
  missed: '漏访',
};

export interface DueItem {
  ruleId: string;
  kind: RuleKind;
  /** Stable id of the occurrence within the subject: 'rule:2025-03-14', 'rule:2025-03', 'rule'. */
  key: string;
  label: string;
  dueDate: string;
  /** The due date before any extension; null when not extended. */
  originalDueDate: string | null;
  extensionReason?: string;
  state: DueState;
  /** The event (or 'fact:<name>' / 'subject:end') that satisfied or excused it. */
  satisfiedBy: string | null;
  satisfiedOn: string | null;
  /** Done, but after the due date (迟报、迟访). */
  late: boolean;
  waivedReason?: string;
  /** Periodic rules: how many were done and are required in the period. */
  progress?: { done: number; required: number };
  /**
   * Calendar duties not done: the date of the first visit after the due date, which made the period 漏访.
   * Read as at an earlier day, the period is 漏访 from this day on and open before it (the statistics
   * keep it to read a period at its end, db/services/followup-duties.ts).
   */
  passedOn?: string;
  /** Due after the subject left or the rule ended: listed only because it was done (while open it is dropped). */
  pastEnd?: true;
  /** Periodic rules: the period (2024年4月) and the duty it belongs to (每月走访), for the list of 漏访. */
  period?: { label: string; duty: string };
  /** Term ends: the reminder dates, earliest first; the item is 'due_soon' from the first. */
  reminders?: string[];
  source: string;
}

// ── the engine ───────────────────────────────────────────────────────────────────────────────

interface Draft {
  rule: Rule;
  key: string;
  label: string;
  due: string;
  by: { id: string; date: string } | null;
  waivedReason?: string;
  progress?: { done: number; required: number };
  period?: { label: string; duty: string };
  /** Periodic rules: the dates of the rule's done events, in order (a later one makes a period 漏访). */
  doneDates?: readonly string[];
  reminders?: string[];
}

const byDateThenId = (a: ObligationEvent, b: ObligationEvent): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function eventsFor(rule: Rule, events: ObligationEvent[], today: string): ObligationEvent[] {
  return events
    .filter((e) => (e.ruleId === rule.id || (rule.eventKinds ?? []).includes(e.ruleId)) && isValidDate(e.date) && e.date <= today)
    .sort(byDateThenId);
}

function factDate(facts: Record<string, FactValue>, name: string | undefined): string | null {
  const v = name === undefined ? null : facts[name];
  return typeof v === 'string' && isValidDate(v) ? v : null;
}

export function addInterval(date: string, iv: Interval): string {
  return addDays(addMonths(date, iv.months ?? 0), iv.days ?? 0);
}

function hasInterval(iv: Interval): boolean {
  return (iv.days ?? 0) > 0 || (iv.months ?? 0) > 0;
}

/** The interval in force on `date` (the base interval, or the last phase that started by then). */
export function intervalAt(rule: EveryRule, date: string): Interval {
  const phases = [...(rule.phases ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  let iv: Interval | undefined = hasInterval(rule) ? rule : phases[0];
  for (const p of phases) if (p.from <= date) iv = p;
  if (!iv || !hasInterval(iv)) throw new Error(`规则 ${rule.id} 没有有效的间隔（days/months）`);
  return iv;
}

function everyDrafts(rule: EveryRule, input: ObligationInput): Draft[] {
  const start = input.subject.startDate;
  // One occurrence per day: two records of the same day's visit are one visit (a done one wins).
  const evs: ObligationEvent[] = [];
  for (const e of eventsFor(rule, input.events, input.today)) {
    if (e.date < start) continue; // before management began: not part of this file's cadence
    const prev = evs[evs.length - 1];
    if (prev?.date === e.date) {
      if (prev.waived && !e.waived) evs[evs.length - 1] = e;
    } else evs.push(e);
  }
  const since = rule.since && rule.since > start ? rule.since : null;
  const owedAtOnce = rule.firstFrom === 'event';
  let due = owedAtOnce ? start : addInterval(start, intervalAt(rule, start));
  let anchor: string | null = null;
  // A cadence that came into force after the last event counts from its own date (a level raised by a
  // reassessment on day X: the next visit is X + the new interval, not "already overdue").
  const restart = (upTo: string | null): void => {
    if (since && (anchor ?? start) < since && (upTo === null || upTo > since) && !(anchor === null && owedAtOnce)) {
      due = addInterval(since, intervalAt(rule, since));
    }
  };
  const drafts: Draft[] = [];
  for (const e of evs) {
    restart(e.date);
    drafts.push({ rule, key: `${rule.id}:${due}`, label: rule.label, due, by: e, ...(e.waived ? { waivedReason: e.waived.reason } : {}) });
    anchor = e.date;
    due = addInterval(e.date, intervalAt(rule, e.date));
  }
  restart(null);
  drafts.push({ rule, key: `${rule.id}:${due}`, label: rule.label, due, by: null });
  return drafts;
}

function periodicDrafts(rule: PeriodicRule, input: ObligationInput): Draft[] {
  const from = laterOf(input.subject.startDate, rule.since ?? input.subject.startDate);
  // Periods up to the one containing today, and none that begins after the subject left or the rule ended.
  const stop = [input.subject.endDate, rule.until].filter((x): x is string => !!x).sort()[0] ?? null;
  const limit = stop ? earlierOf(input.today, stop) : input.today;
  let graced = false;
  const evs = eventsFor(rule, input.events, input.today);
  const doneDates = evs.filter((e) => !e.waived).map((e) => e.date);
  const min = rule.minCount ?? 1;
  const grace = rule.openingGraceDays ?? 0;
  const drafts: Draft[] = [];
  for (let p = periodOf(from, rule.period); ; p = nextPeriod(p, rule.period)) {
    // After an opening period not owed, the next one is listed before it begins: the file's first duty.
    const firstOwed = graced && drafts.length === 0 && (!stop || p.start <= stop);
    if (p.start > limit && !firstOwed) break;
    const lo = laterOf(p.start, from);
    const hi = rule.until ? earlierOf(p.end, rule.until) : p.end;
    const inPeriod = evs.filter((e) => e.date >= lo && e.date <= hi);
    const done = inPeriod.filter((e) => !e.waived);
    const waived = inPeriod.filter((e) => e.waived);
    // Opened in the period's last days: not owed, unless the opening visit was made in it (it counts).
    if (lo === input.subject.startDate && lo > p.start && daysBetween(lo, p.end) < grace && done.length === 0) {
      graced = true;
      continue;
    }
    // A first period entered part-way needs proportionally fewer (at least 4 a year, registered in
    // October → 1 that year); with minCount 1 it is always 1: the month of intake is owed (当月建档当月走访).
    const required = lo > p.start ? Math.max(1, Math.round((min * (daysBetween(lo, p.end) + 1)) / (daysBetween(p.start, p.end) + 1))) : min;
    const d: Draft = {
      rule,
      key: `${rule.id}:${p.key}`,
      label: `${rule.label}（${p.label}）`,
      due: p.end,
      by: null,
      progress: { done: done.length, required },
      period: { label: p.label, duty: rule.label },
      doneDates,
    };
    if (done.length >= required) d.by = done[required - 1]!;
    else if (done.length + waived.length >= required) {
      // Waivers excuse the missing ones (e.g. 2 visits + 2 excused while in hospital = the year's 4).
      d.by = waived[waived.length - 1]!;
      d.waivedReason = waived.map((e) => e.waived!.reason).join('；');
    }
    drafts.push(d);
  }
  return drafts;
}

/** One-off items: satisfied by the first matching event (a done one before an excused one). */
function oneOff(rule: Rule, due: string, input: ObligationInput, doneFact?: string): Draft {
  const evs = eventsFor(rule, input.events, input.today);
  const e = evs.find((x) => !x.waived) ?? evs[0];
  const d: Draft = { rule, key: rule.id, label: rule.label, due, by: e ?? null };
  if (e?.waived) d.waivedReason = e.waived.reason;
  const fd = factDate(input.subject.facts, doneFact);
  if (!e && fd && fd <= input.today) d.by = { id: `fact:${doneFact}`, date: fd };
  return d;
}

function draftsFor(rule: Rule, input: ObligationInput): Draft[] {
  const { facts } = input.subject;
  switch (rule.kind) {
    case 'every':
      return everyDrafts(rule, input);
    case 'periodic':
      return periodicDrafts(rule, input);
    case 'termEnd': {
      const end = rule.date ?? factDate(facts, rule.fact);
      if (!end) return [];
      const d = oneOff(rule, end, input);
      d.reminders = [...new Set(rule.remindDays)].sort((a, b) => b - a).map((n) => addDays(end, -n));
      // Ending management on or after the term end is the act that closes the term.
      const left = input.subject.endDate;
      if (!d.by && left && left >= end && left <= input.today) d.by = { id: 'subject:end', date: left };
      return [d];
    }
    case 'deadline': {
      const date = rule.date ?? factDate(facts, rule.fact);
      if (!date) return [];
      return [oneOff(rule, rule.rollForward ? nextWorkingDayOnOrAfter(date, input.holidays) : date, input, rule.doneFact)];
    }
    case 'window': {
      const from = factDate(facts, rule.from);
      if (!from) return [];
      let due = rule.workingDays ? addWorkingDays(from, rule.days, input.holidays) : addDays(from, rule.days);
      if (rule.rollForward) due = nextWorkingDayOnOrAfter(due, input.holidays);
      return [oneOff(rule, due, input, rule.doneFact)];
    }
  }
}

/** The first done event of a calendar duty dated after `due`: from that day on the period is 漏访 (if still open). */
function passedOn(d: Draft, due: string): string | null {
  return d.doneDates?.find((x) => x > due) ?? null;
}

function stateOf(d: Draft, due: string, today: string, soonDays: number): DueState {
  if (d.by) return d.waivedReason !== undefined ? 'waived' : 'done';
  // A later visit has passed the period by: it can no longer be done (漏访, see the decisions above).
  if (passedOn(d, due) !== null) return 'missed';
  if (due < today) return 'overdue';
  const soonFrom = d.reminders?.[0] ?? addDays(due, -soonDays);
  return today >= soonFrom ? 'due_soon' : 'upcoming';
}

/** Every due item of one subject under `rules`, sorted by due date. */
export function computeDueItems(input: ObligationInput): DueItem[] {
  const soonDays = input.dueSoonDays ?? DUE_SOON_DAYS;
  const out: DueItem[] = [];
  for (const rule of input.rules) {
    const drafts = draftsFor(rule, input);
    // Keys must be unique (month clamping can put two occurrences on one day: Jan 30 and Jan 31 + 1 month).
    const seen = new Map<string, number>();
    for (const d of drafts) {
      const n = (seen.get(d.key) ?? 0) + 1;
      seen.set(d.key, n);
      if (n > 1) d.key = `${d.key}#${n}`;
    }
    const firstOpen = drafts.filter((d) => !d.by).sort((a, b) => (a.due < b.due ? -1 : 1))[0];
    const stop = [input.subject.endDate, 'until' in rule ? rule.until : undefined].filter((x): x is string => !!x).sort()[0];
    for (const d of drafts) {
      // Left management: nothing new falls due after the end (judged on the original due date).
      if (!d.by && stop && d.due > stop) continue;
      let due = d.due;
      let extensionReason: string | undefined;
      const exts = input.extensions
        .filter((x) => x.ruleId === rule.id && (x.dueId ? x.dueId === d.key : d === firstOpen))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const x of exts) {
        // Never shorten: only a later, valid date is applied (see extensionError).
        if (isValidDate(x.newDate) && x.newDate > due) {
          due = x.newDate;
          extensionReason = x.reason;
        }
      }
      const state = stateOf(d, due, input.today, soonDays);
      const passed = d.by ? null : passedOn(d, due);
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        key: d.key,
        label: d.label,
        dueDate: due,
        originalDueDate: due !== d.due ? d.due : null,
        ...(extensionReason !== undefined ? { extensionReason } : {}),
        state,
        satisfiedBy: d.by?.id ?? null,
        satisfiedOn: d.by?.date ?? null,
        late: state === 'done' && d.by!.date > due,
        ...(d.waivedReason !== undefined && d.by ? { waivedReason: d.waivedReason } : {}),
        ...(d.progress ? { progress: d.progress } : {}),
        ...(passed !== null ? { passedOn: passed } : {}),
        ...(stop && d.due > stop ? { pastEnd: true } : {}),
        ...(d.period ? { period: d.period } : {}),
        ...(d.reminders ? { reminders: d.reminders } : {}),
        source: rule.source,
      });
    }
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Still owed (upcoming, due soon, overdue); not done, excused or missed (漏访). */
export function isOpen(item: Pick<DueItem, 'state'>): boolean {
  return item.state !== 'done' && item.state !== 'waived' && item.state !== 'missed';
}

/** Whether the office may still excuse the item (免除): one still owed, or a missed period (漏访) with its reason. */
export function mayWaive(item: Pick<DueItem, 'state'>): boolean {
  return isOpen(item) || item.state === 'missed';
}

/** The day a 免除 counts from (a cadence counts on from it): the item's due date, or today when that is earlier. */
export function waiveDate(item: Pick<DueItem, 'dueDate'>, today: string): string {
  return item.dueDate < today ? item.dueDate : today;
}

/** Items still owed (upcoming, due soon, overdue). */
export function openItems(items: DueItem[]): DueItem[] {
  return items.filter(isOpen);
}

/**
 * The duty an item belongs to: its rule, or for a calendar duty its name, so that a cadence the office
 * changed (the old rule until the change, the new one from it, both 每月走访) is one duty.
 */
function dutyOf(i: DueItem): string {
  return i.period ? `period:${i.period.duty}` : i.ruleId;
}

/**
 * What the to-do table, and so the dashboard, lists: each duty's current item — its earliest open
 * occurrence — never a pile of old months. A calendar duty nobody has visited for several periods is
 * one row, the oldest of them (overdue since then), its label saying how many periods are overdue by
 * `today`: 每月走访（2026年9月）等2期. Other rules have one open item each anyway.
 */
export function currentItems(items: DueItem[], today: string): DueItem[] {
  const first = new Map<string, DueItem>();
  const overdue = new Map<string, number>();
  for (const i of openItems(items)) {
    const duty = dutyOf(i);
    const f = first.get(duty);
    if (!f || i.dueDate < f.dueDate || (i.dueDate === f.dueDate && i.key < f.key)) first.set(duty, i);
    if (i.dueDate < today) overdue.set(duty, (overdue.get(duty) ?? 0) + 1);
  }
  return [...first.entries()].map(([duty, i]) => {
    const n = overdue.get(duty) ?? 0;
    return n > 1 ? { ...i, label: `${i.label}等${n}期` } : i;
  });
}

/** One duty's 漏访: the periods (2024年4月 …) missed, oldest first. */
export interface MissedDuty {
  /** The duty (每月走访, 全年随访不少于4次). */
  duty: string;
  periods: string[];
}

/** The 漏访 of a file, per duty, for the file page: 漏访：2024年4月、2024年7月. */
export function missedPeriods(items: readonly DueItem[]): MissedDuty[] {
  const out = new Map<string, MissedDuty>();
  for (const i of [...items].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))) {
    if (i.state !== 'missed' || !i.period) continue;
    const m = out.get(i.period.duty) ?? { duty: i.period.duty, periods: [] };
    m.periods.push(i.period.label);
    out.set(i.period.duty, m);
  }
  return [...out.values()];
}

/**
 * Why an extension cannot be recorded, in Chinese, or null when it can. The service calls this before
 * saving; the engine ignores the same cases, so a shortened term can never appear.
 */
export function extensionError(item: Pick<DueItem, 'dueDate' | 'state'>, newDate: string, reason: string): string | null {
  if (!isValidDate(newDate)) return '延期后的日期无效';
  if (item.state === 'done' || item.state === 'waived') return '该事项已完成或已免除，无需延期';
  if (item.state === 'missed') return '该期已漏访（其后已有走访），不能延期；确有正当理由的，可免除并写明理由';
  if (newDate <= item.dueDate) return `延期后的日期必须晚于当前到期日（${item.dueDate}），不能缩短期限`;
  if (!reason.trim()) return '请填写延期理由';
  return null;
}

/**
 * The next due date of a rule from the last event, for the file page ("下次走访"). Exact for 'every';
 * for 'periodic' it is the end of the next period that is owed (with minCount > 1, the current one —
 * use computeDueItems for the count); term ends and deadlines give their date until satisfied; windows
 * need facts and give null.
 */
export function nextDue(rule: Rule, lastEventDate: string | null, startDate: string): string | null {
  switch (rule.kind) {
    case 'every': {
      const since = rule.since && rule.since > startDate ? rule.since : null;
      if (lastEventDate === null && rule.firstFrom === 'event') return startDate;
      const anchor = laterOf(lastEventDate ?? startDate, since ?? startDate);
      return addInterval(anchor, intervalAt(rule, anchor));
    }
    case 'periodic': {
      const from = laterOf(startDate, rule.since ?? startDate);
      if (lastEventDate === null || lastEventDate < from) return periodOf(from, rule.period).end;
      const p = periodOf(lastEventDate, rule.period);
      return (rule.minCount ?? 1) > 1 ? p.end : nextPeriod(p, rule.period).end;
    }
    case 'termEnd':
    case 'deadline':
      return lastEventDate ? null : (rule.date ?? null);
    case 'window':
      return null;
  }
}

/** An interval in words: 每月, 每2周, 每3个月, 每10天. */
export function intervalText(iv: Interval): string {
  const { days = 0, months = 0 } = iv;
  if (months && !days) return months === 1 ? '每月' : months % 12 === 0 ? `每${months / 12}年` : `每${months}个月`;
  if (days && !months) return days === 7 ? '每周' : days % 7 === 0 ? `每${days / 7}周` : `每${days}天`;
  return `每${months}个月${days}天`;
}

export const PERIOD_WORDS: Record<PeriodKind, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** The cadence in words, for the file page and the rule list: 每2周, 每3个月, 每年至少4次, 报到后15日内… */
export function cadenceText(rule: Rule): string {
  switch (rule.kind) {
    case 'every': {
      const base = hasInterval(rule) ? intervalText(rule) : '';
      const phases = (rule.phases ?? []).map((p) => `${p.from}起${intervalText(p)}`);
      return [base, ...phases].filter(Boolean).join('；');
    }
    case 'periodic':
      return `${PERIOD_WORDS[rule.period]}${(rule.minCount ?? 1) > 1 ? `至少${rule.minCount}次` : '1次'}`;
    case 'termEnd':
      return rule.remindDays.length ? `期满前${[...rule.remindDays].sort((a, b) => b - a).join('、')}天提醒` : '期满';
    case 'deadline':
      return '一次性期限';
    case 'window':
      return `${rule.days}${rule.workingDays ? '个工作日' : '日'}内`;
  }
}

// ── the office's decisions and the level over time ───────────────────────────────────────────

/** A recorded 延期 or 免除 of one item (shared/schemas/obligations.ts ItemAction), as the engine reads it. */
export interface RecordedAction {
  id: string;
  kind: 'extend' | 'waive';
  ruleId: string;
  itemKey: string;
  date: string;
  newDate: string | null;
  reason: string;
  createdAt: string;
}

/** 免除 as waived events: the item is excused on its date and a cadence counts on from it. */
export function actionEvents(actions: readonly RecordedAction[]): ObligationEvent[] {
  return actions.filter((a) => a.kind === 'waive').map((a) => ({ id: a.id, date: a.date, ruleId: a.ruleId, waived: { reason: a.reason } }));
}

/** 延期 as extensions of the one item they name, applied in the order they were recorded. */
export function actionExtensions(actions: readonly RecordedAction[]): Extension[] {
  return actions
    .filter((a) => a.kind === 'extend' && a.newDate)
    .map((a) => ({ ruleId: a.ruleId, dueId: a.itemKey, newDate: a.newDate!, reason: a.reason, date: a.createdAt }));
}

/**
 * The level in force on `date` from a record's level history (the level it was opened with,
 * changes recorded with events, changes on the form; sorted by date, then as recorded): the latest
 * change on or before the day, with the day it took effect. Before the first change the first one
 * stands. Null for an empty history.
 */
export function levelAt<L extends string>(
  history: readonly { date: string; level: L }[],
  date: string,
): { level: L; since: string } | null {
  let at: { date: string; level: L } | undefined;
  for (const h of history) {
    if (h.date > date) break;
    at = h;
  }
  at ??= history[0];
  return at ? { level: at.level, since: at.date } : null;
}
