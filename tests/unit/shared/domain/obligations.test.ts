import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates';
import { addMonths, addYears, periodOf } from '../../../../shared/date-math';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import {
  cadenceText,
  computeDueItems,
  currentItems,
  extensionError,
  levelAt,
  missedPeriods,
  nextDue,
  openItems,
  type DueItem,
  type EveryRule,
  type ObligationInput,
  type PeriodicRule,
  type Rule,
  type TermEndRule,
  type WindowRule,
} from '../../../../shared/domain/obligations';

const monthly: EveryRule = { kind: 'every', id: 'v', label: '走访', months: 1, firstFrom: 'start', source: '测试' };
const fortnight: EveryRule = { kind: 'every', id: 'v', label: '随访', days: 14, firstFrom: 'start', source: '测试' };
const perMonth: PeriodicRule = { kind: 'periodic', id: 'm', label: '每月走访', period: 'month', source: '测试' };
const report: WindowRule = { kind: 'window', id: 'r', label: '报到', days: 15, from: 'decided', source: '测试' };

function run(
  rules: Rule[],
  input: Partial<Omit<ObligationInput, 'subject'>> & {
    today: string;
    start?: string;
    end?: string | null;
    facts?: ObligationInput['subject']['facts'];
  },
): DueItem[] {
  const { start = '2025-01-01', end = null, facts = {}, ...rest } = input;
  return computeDueItems({
    rules,
    subject: { id: 's', startDate: start, endDate: end, facts },
    events: [],
    extensions: [],
    holidays: DEFAULT_HOLIDAYS,
    ...rest,
  });
}
const ev = (id: string, date: string, ruleId = 'v', waived?: string) => ({
  id,
  date,
  ruleId,
  ...(waived ? { waived: { reason: waived } } : {}),
});
const brief = (items: DueItem[]) => items.map((i) => [i.key, i.dueDate, i.state, i.satisfiedBy]);

describe('calendar arithmetic: month ends clamp, leap days', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-31', -2, '2024-11-30'],
    ['2025-05-31', 0, '2025-05-31'],
  ])('%s + %i months → %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-03-10', 3, '2028-03-10'],
  ])('%s + %i years → %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it.each([
    ['2024-02-10', 'month', { key: '2024-02', start: '2024-02-01', end: '2024-02-29', label: '2024年2月' }],
    ['2025-05-10', 'quarter', { key: '2025-Q2', start: '2025-04-01', end: '2025-06-30', label: '2025年第2季度' }],
    ['2025-12-31', 'year', { key: '2025', start: '2025-01-01', end: '2025-12-31', label: '2025年' }],
  ] as const)('period of %s (%s)', (date, kind, expected) => {
    expect(periodOf(date, kind)).toEqual(expected);
  });

  it('a monthly cadence from Jan 31 is due Feb 28, and from a leap-year Jan 31 on Feb 29', () => {
    expect(run([monthly], { start: '2025-01-31', today: '2025-02-01' })[0]!.dueDate).toBe('2025-02-28');
    expect(run([monthly], { start: '2024-01-31', today: '2024-02-01' })[0]!.dueDate).toBe('2024-02-29');
    expect(nextDue(monthly, '2024-01-31', '2024-01-01')).toBe('2024-02-29');
  });
});

describe("'every' rules", () => {
  it('a long gap gives ONE overdue item (the next visit, due since the interval after the last)', () => {
    const items = run([monthly], { events: [ev('e1', '2025-01-20')], today: '2025-06-30' });
    expect(brief(items)).toEqual([
      ['v:2025-02-01', '2025-02-01', 'done', 'e1'],
      ['v:2025-02-20', '2025-02-20', 'overdue', null],
    ]);
    expect(openItems(items)).toHaveLength(1);
  });

  it('with no event yet, counts from the start (firstFrom start) or is owed at once (firstFrom event)', () => {
    expect(brief(run([fortnight], { start: '2025-03-01', today: '2025-03-01' }))).toEqual([
      ['v:2025-03-15', '2025-03-15', 'upcoming', null],
    ]);
    expect(brief(run([{ ...fortnight, firstFrom: 'event' }], { start: '2025-03-01', today: '2025-03-01' }))).toEqual([
      ['v:2025-03-01', '2025-03-01', 'due_soon', null],
    ]);
  });

  it('back-dated events count from their own date, whatever order they were recorded in', () => {
    const recordedLate = [ev('b', '2025-03-01'), ev('a', '2025-02-01')];
    expect(run([monthly], { events: recordedLate, today: '2025-03-10' }).at(-1)!.dueDate).toBe('2025-04-01');
    // A late record of an old visit can leave the subject overdue at once.
    const items = run([monthly], { events: [ev('a', '2025-01-05'), ev('late', '2025-02-01')], today: '2025-03-10' });
    expect(items.at(-1)).toMatchObject({ dueDate: '2025-03-01', state: 'overdue' });
  });

  it('ignores events dated after today (not happened yet) and before the start', () => {
    expect(brief(run([monthly], { events: [ev('future', '2025-02-20'), ev('old', '2024-12-20')], today: '2025-01-10' }))).toEqual([
      ['v:2025-02-01', '2025-02-01', 'upcoming', null],
    ]);
  });

  it('keeps an occurrence key stable from open to done', () => {
    const open = run([monthly], { today: '2025-01-25' })[0]!;
    const done = run([monthly], { events: [ev('e', '2025-01-28')], today: '2025-01-29' })[0]!;
    expect([open.key, done.key, done.state]).toEqual(['v:2025-02-01', 'v:2025-02-01', 'done']);
  });

  it('flags a visit done after its due date as late', () => {
    const [first] = run([monthly], { events: [ev('e', '2025-02-10')], today: '2025-02-10' });
    expect(first).toMatchObject({ state: 'done', late: true, satisfiedOn: '2025-02-10' });
  });

  it('counts two records of one day once, the done one winning over an excused one', () => {
    const items = run([monthly], { events: [ev('a', '2025-01-20', 'v', '外出'), ev('b', '2025-01-20')], today: '2025-01-21' });
    expect(brief(items)).toEqual([
      ['v:2025-02-01', '2025-02-01', 'done', 'b'],
      ['v:2025-02-20', '2025-02-20', 'upcoming', null],
    ]);
  });

  it('restarts from `since` when a cadence came into force after the last event', () => {
    const rule = { ...fortnight, since: '2025-02-10' };
    expect(run([rule], { events: [ev('e', '2025-01-01')], today: '2025-02-11' }).at(-1)!.dueDate).toBe('2025-02-24');
    // A visit on the day of the change counts normally: next = visit + new interval.
    expect(run([rule], { events: [ev('e', '2025-02-10')], today: '2025-02-11' }).at(-1)!.dueDate).toBe('2025-02-24');
    expect(nextDue(rule, '2025-01-01', '2025-01-01')).toBe('2025-02-24');
  });

  it('uses the interval in force on the date counting starts from (phases)', () => {
    const rule: EveryRule = {
      ...monthly,
      months: undefined,
      phases: [
        { from: '2025-01-01', months: 1 },
        { from: '2026-01-01', months: 2 },
      ],
    };
    expect(run([rule], { events: [ev('e', '2025-12-20')], today: '2025-12-21' }).at(-1)!.dueDate).toBe('2026-01-20');
    expect(run([rule], { events: [ev('e', '2026-01-05')], today: '2026-01-06' }).at(-1)!.dueDate).toBe('2026-03-05');
  });

  it('gives each occurrence a unique key even when month clamping puts two on one day', () => {
    const items = run([monthly], { events: [ev('a', '2025-01-30'), ev('b', '2025-01-31')], today: '2025-02-01' });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});

describe("'periodic' rules", () => {
  it('each month is its own item from the start month on: before the last visit 漏访, since it overdue', () => {
    const items = run([perMonth], { start: '2025-01-15', events: [ev('f', '2025-02-10', 'm')], today: '2025-05-10' });
    expect(brief(items)).toEqual([
      ['m:2025-01', '2025-01-31', 'missed', null],
      ['m:2025-02', '2025-02-28', 'done', 'f'],
      ['m:2025-03', '2025-03-31', 'overdue', null],
      ['m:2025-04', '2025-04-30', 'overdue', null],
      ['m:2025-05', '2025-05-31', 'upcoming', null],
    ]);
    expect(items[0]!.label).toBe('每月走访（2025年1月）');
  });

  it('minCount: at least 4 a year, with progress; the 4th visit completes it', () => {
    const year: PeriodicRule = { ...perMonth, id: 'y', label: '全年随访', period: 'year', minCount: 4 };
    const three = ['2025-01-15', '2025-04-10', '2025-07-05'].map((d, i) => ev(`e${i}`, d, 'y'));
    expect(run([year], { events: three, today: '2025-12-31' })[0]).toMatchObject({ state: 'due_soon', progress: { done: 3, required: 4 } });
    expect(run([year], { events: three, today: '2026-01-05' })[0]).toMatchObject({ key: 'y:2025', state: 'overdue' });
    const four = [...three, ev('e3', '2025-10-01', 'y')];
    expect(run([year], { events: four, today: '2025-12-31' })[0]).toMatchObject({
      state: 'done',
      satisfiedBy: 'e3',
      progress: { done: 4, required: 4 },
    });
  });

  it('prorates minCount in a first period entered part-way (registered in October → 1 that year)', () => {
    const year: PeriodicRule = { ...perMonth, id: 'y', period: 'year', minCount: 4 };
    expect(run([year], { start: '2025-10-01', today: '2025-10-02' })[0]!.progress).toEqual({ done: 0, required: 1 });
    expect(run([year], { start: '2025-07-01', today: '2025-10-02' })[0]!.progress).toEqual({ done: 0, required: 2 });
  });

  it('quarters', () => {
    const q: PeriodicRule = { ...perMonth, period: 'quarter' };
    expect(brief(run([q], { start: '2025-02-01', events: [ev('a', '2025-05-01', 'm')], today: '2025-07-01' }))).toEqual([
      ['m:2025-Q1', '2025-03-31', 'missed', null],
      ['m:2025-Q2', '2025-06-30', 'done', 'a'],
      ['m:2025-Q3', '2025-09-30', 'upcoming', null],
    ]);
  });

  it('a rule ended by `until` and its successor from `since` keep the months already missed', () => {
    const before: PeriodicRule = { ...perMonth, id: 'm.prev', until: '2025-03-31' };
    const after: PeriodicRule = { ...perMonth, period: 'quarter', since: '2025-04-01' };
    expect(brief(run([before, after], { today: '2025-05-01' }))).toEqual([
      ['m.prev:2025-01', '2025-01-31', 'overdue', null],
      ['m.prev:2025-02', '2025-02-28', 'overdue', null],
      ['m.prev:2025-03', '2025-03-31', 'overdue', null],
      ['m:2025-Q2', '2025-06-30', 'upcoming', null],
    ]);
  });
});

describe('a subject who leaves management', () => {
  it("'every': nothing falls due after the end date; work done is kept", () => {
    expect(brief(run([monthly], { end: '2025-02-10', events: [ev('e', '2025-01-25')], today: '2025-06-01' }))).toEqual([
      ['v:2025-02-01', '2025-02-01', 'done', 'e'],
    ]);
  });

  it("'every': a visit missed while still in management stays missed", () => {
    expect(brief(run([monthly], { end: '2025-02-10', today: '2025-06-01' }))).toEqual([['v:2025-02-01', '2025-02-01', 'overdue', null]]);
  });

  it("'periodic': no month after the end; the month of leaving is not owed unless done", () => {
    expect(brief(run([perMonth], { end: '2025-03-15', today: '2025-06-01' })).map((x) => x[0])).toEqual(['m:2025-01', 'm:2025-02']);
    expect(
      brief(run([perMonth], { end: '2025-03-15', events: [ev('a', '2025-03-02', 'm')], today: '2025-06-01' })).map((x) => x[0]),
    ).toEqual(['m:2025-01', 'm:2025-02', 'm:2025-03']);
  });

  it('term end: dropped when the subject left early; done when management ended on or after it', () => {
    const term: TermEndRule = { kind: 'termEnd', id: 't', label: '期满', remindDays: [30], date: '2025-06-30', source: '测试' };
    expect(run([term], { end: '2025-03-01', today: '2025-08-01' })).toEqual([]);
    expect(run([term], { end: '2025-06-30', today: '2025-08-01' })[0]).toMatchObject({ state: 'done', satisfiedBy: 'subject:end' });
  });
});

describe('waived items keep their reason', () => {
  it("'every': the excused occurrence is waived and the cadence counts on from it", () => {
    const items = run([monthly], { events: [ev('w', '2025-02-01', 'v', '住院治疗')], today: '2025-02-02' });
    expect(items[0]).toMatchObject({ state: 'waived', waivedReason: '住院治疗', satisfiedBy: 'w' });
    expect(items[1]).toMatchObject({ dueDate: '2025-03-01', state: 'upcoming' });
  });

  it("'periodic': a waived month; and excused visits make up a year's count", () => {
    expect(run([perMonth], { events: [ev('w', '2025-01-10', 'm', '外出务工')], today: '2025-01-20' })[0]).toMatchObject({
      state: 'waived',
      waivedReason: '外出务工',
    });
    const year: PeriodicRule = { ...perMonth, id: 'y', period: 'year', minCount: 4 };
    const events = [
      ev('a', '2025-02-01', 'y'),
      ev('b', '2025-05-01', 'y'),
      ev('c', '2025-08-01', 'y', '住院'),
      ev('d', '2025-11-01', 'y', '羁押'),
    ];
    expect(run([year], { events, today: '2026-01-02' })[0]).toMatchObject({ state: 'waived', waivedReason: '住院；羁押' });
  });

  it('one-off: a done event wins over an excused one', () => {
    const items = run([report], {
      facts: { decided: '2025-03-03' },
      events: [ev('w', '2025-03-04', 'r', '病'), ev('d', '2025-03-10', 'r')],
      today: '2025-03-20',
    });
    expect(items[0]).toMatchObject({ state: 'done', satisfiedBy: 'd' });
  });
});

describe('due_soon boundary (default 7 days, inclusive)', () => {
  // Due 2025-03-15.
  it.each([
    ['2025-03-07', 'upcoming'],
    ['2025-03-08', 'due_soon'],
    ['2025-03-15', 'due_soon'],
    ['2025-03-16', 'overdue'],
  ] as const)('today %s → %s', (today, state) => {
    expect(run([fortnight], { start: '2025-03-01', today })[0]!.state).toBe(state);
  });

  it('takes the window as a parameter', () => {
    expect(run([fortnight], { start: '2025-03-01', today: '2025-03-08', dueSoonDays: 3 })[0]!.state).toBe('upcoming');
    expect(run([fortnight], { start: '2025-03-01', today: '2025-03-12', dueSoonDays: 3 })[0]!.state).toBe('due_soon');
  });
});

describe('term ends with reminders', () => {
  const term: TermEndRule = { kind: 'termEnd', id: 't', label: '期满', remindDays: [7, 30], date: '2025-12-31', source: '测试' };
  it.each([
    ['2025-11-30', 'upcoming'],
    ['2025-12-01', 'due_soon'],
    ['2025-12-31', 'due_soon'],
    ['2026-01-01', 'overdue'],
  ] as const)('today %s → %s', (today, state) => {
    const [item] = run([term], { today });
    expect(item).toMatchObject({ state, reminders: ['2025-12-01', '2025-12-24'] });
  });

  it('reads the date from a fact, and is done by its event', () => {
    const byFact: TermEndRule = { ...term, date: undefined, fact: 'termEnd' };
    expect(run([byFact], { facts: { termEnd: '2026-03-01' }, events: [ev('x', '2026-03-01', 't')], today: '2026-03-02' })[0]).toMatchObject(
      {
        dueDate: '2026-03-01',
        state: 'done',
      },
    );
    expect(run([byFact], { facts: { termEnd: null }, today: '2026-03-02' })).toEqual([]);
  });
});

describe('windows and holidays', () => {
  it('15 working days across 国庆 2025 (Oct 1–8 off, Sep 28 and Oct 11 worked)', () => {
    const rule: WindowRule = { ...report, workingDays: true };
    expect(run([rule], { facts: { decided: '2025-09-26' }, today: '2025-09-26' })[0]!.dueDate).toBe('2025-10-23');
  });

  it('15 calendar days, and rolled past a holiday to the next working day when asked', () => {
    expect(run([report], { facts: { decided: '2025-09-20' }, today: '2025-09-20' })[0]!.dueDate).toBe('2025-10-05');
    expect(run([{ ...report, rollForward: true }], { facts: { decided: '2025-09-20' }, today: '2025-09-20' })[0]!.dueDate).toBe(
      '2025-10-09',
    );
  });

  it('is done by a fact date, late when after the due date; nothing without the start fact', () => {
    const rule: WindowRule = { ...report, doneFact: 'reported' };
    expect(run([rule], { facts: { decided: '2025-03-03', reported: '2025-03-20' }, today: '2025-03-21' })[0]).toMatchObject({
      state: 'done',
      satisfiedBy: 'fact:reported',
      late: true,
    });
    expect(run([rule], { facts: { decided: null }, today: '2025-03-21' })).toEqual([]);
  });
});

describe('extensions (recorded, original kept, never shortened)', () => {
  const facts = { decided: '2025-03-03' }; // due 2025-03-18
  const x = (newDate: string, date: string, dueId?: string) => ({
    ruleId: 'r',
    newDate,
    reason: '当事人住院',
    date,
    ...(dueId ? { dueId } : {}),
  });

  it('moves the due date later and keeps the original', () => {
    expect(run([report], { facts, extensions: [x('2025-03-31', '2025-03-10')], today: '2025-03-20' })[0]).toMatchObject({
      dueDate: '2025-03-31',
      originalDueDate: '2025-03-18',
      extensionReason: '当事人住院',
      state: 'upcoming',
    });
  });

  it.each([
    ['an earlier date', [x('2025-03-10', '2025-03-05')], '2025-03-18'],
    ['the same date', [x('2025-03-18', '2025-03-05')], '2025-03-18'],
    ['an invalid date', [x('2025-02-30', '2025-03-05')], '2025-03-18'],
    ['a later extension that would shorten the first', [x('2025-04-10', '2025-03-05'), x('2025-03-25', '2025-03-06')], '2025-04-10'],
    ['two extensions in order', [x('2025-03-25', '2025-03-05'), x('2025-04-10', '2025-03-06')], '2025-04-10'],
  ])('ignores or applies %s', (_, extensions, due) => {
    expect(run([report], { facts, extensions, today: '2025-03-04' })[0]!.dueDate).toBe(due);
  });

  it('targets an occurrence by key, or else the earliest open one', () => {
    const byKey = run([perMonth], { extensions: [{ ...x('2025-02-15', '2025-02-01', 'm:2025-01'), ruleId: 'm' }], today: '2025-02-10' });
    expect(brief(byKey)).toEqual([
      ['m:2025-01', '2025-02-15', 'due_soon', null],
      ['m:2025-02', '2025-02-28', 'upcoming', null],
    ]);
    const noKey = run([perMonth], { extensions: [{ ...x('2025-02-05', '2025-02-01'), ruleId: 'm' }], today: '2025-03-01' });
    expect(noKey[0]).toMatchObject({ key: 'm:2025-01', dueDate: '2025-02-05', originalDueDate: '2025-01-31', state: 'overdue' });
  });

  it.each([
    [{ dueDate: '2025-03-18', state: 'upcoming' as const }, '2025-03-31', '理由', null],
    [
      { dueDate: '2025-03-18', state: 'upcoming' as const },
      '2025-03-18',
      '理由',
      '延期后的日期必须晚于当前到期日（2025-03-18），不能缩短期限',
    ],
    [
      { dueDate: '2025-03-18', state: 'overdue' as const },
      '2025-03-01',
      '理由',
      '延期后的日期必须晚于当前到期日（2025-03-18），不能缩短期限',
    ],
    [{ dueDate: '2025-03-18', state: 'done' as const }, '2025-03-31', '理由', '该事项已完成或已免除，无需延期'],
    [
      { dueDate: '2025-03-31', state: 'missed' as const },
      '2025-04-30',
      '理由',
      '该期已漏访（其后已有走访），不能延期；确有正当理由的，可免除并写明理由',
    ],
    [{ dueDate: '2025-03-18', state: 'upcoming' as const }, '2025-13-01', '理由', '延期后的日期无效'],
    [{ dueDate: '2025-03-18', state: 'upcoming' as const }, '2025-03-31', ' ', '请填写延期理由'],
  ])('extensionError(%j, %s)', (item, newDate, reason, expected) => {
    expect(extensionError(item, newDate, reason)).toBe(expected);
  });
});

describe('nextDue and cadenceText (for the file page)', () => {
  it.each([
    [monthly, null, '2025-01-31', '2025-02-28'],
    [monthly, '2025-03-31', '2025-01-01', '2025-04-30'],
    [{ ...fortnight, firstFrom: 'event' as const }, null, '2025-03-01', '2025-03-01'],
    [perMonth, null, '2025-01-15', '2025-01-31'],
    [perMonth, '2025-01-20', '2025-01-15', '2025-02-28'],
    [{ ...perMonth, period: 'year' as const, minCount: 4 }, '2025-03-01', '2025-01-01', '2025-12-31'],
    [{ kind: 'deadline' as const, id: 'd', label: 'd', date: '2025-05-01', source: '' }, null, '2025-01-01', '2025-05-01'],
    [{ kind: 'deadline' as const, id: 'd', label: 'd', date: '2025-05-01', source: '' }, '2025-04-01', '2025-01-01', null],
    [report, null, '2025-01-01', null],
  ] as [Rule, string | null, string, string | null][])('%j after %s → %s', (rule, last, start, expected) => {
    expect(nextDue(rule, last, start)).toBe(expected);
  });

  it.each([
    [fortnight, '每2周'],
    [{ ...fortnight, days: 7 }, '每周'],
    [{ ...fortnight, days: 10 }, '每10天'],
    [monthly, '每月'],
    [{ ...monthly, months: 3 }, '每3个月'],
    [perMonth, '每月1次'],
    [{ ...perMonth, period: 'year', minCount: 4 }, '每年至少4次'],
    [{ ...report, workingDays: true }, '15个工作日内'],
    [report, '15日内'],
    [{ kind: 'termEnd', id: 't', label: 't', remindDays: [7, 30], source: '' }, '期满前30、7天提醒'],
  ] as [Rule, string][])('%j → %s', (rule, text) => {
    expect(cadenceText(rule)).toBe(text);
  });
});

describe('the level in force on a day', () => {
  // opened at 2 on 01-15, reassessed to 4 on a visit 04-10, lowered to 1 on the form 06-01
  const history = [
    { date: '2024-01-15', level: '2' },
    { date: '2024-04-10', level: '4' },
    { date: '2024-06-01', level: '1' },
  ];
  it.each([
    ['after the last change: the last', '2024-06-15', { level: '1', since: '2024-06-01' }],
    ['between changes: the one before the day', '2024-05-31', { level: '4', since: '2024-04-10' }],
    ['a change on the day counts', '2024-04-10', { level: '4', since: '2024-04-10' }],
    ['before the first reassessment: the level the file was opened with', '2024-03-31', { level: '2', since: '2024-01-15' }],
    ['before the file was opened: the first', '2023-12-31', { level: '2', since: '2024-01-15' }],
  ])('%s', (_name, day, expected) => {
    expect(levelAt(history, day)).toEqual(expected);
  });

  it('takes the later of two changes on one day (as recorded), and has nothing for no history', () => {
    expect(levelAt([...history, { date: '2024-06-01', level: '3' }], '2024-06-01')).toEqual({ level: '3', since: '2024-06-01' });
    expect(levelAt([], '2024-06-01')).toBeNull();
  });
});

describe('漏访: a period of a calendar duty that a later visit has passed by', () => {
  /** Monthly from 2024-01-10; visits on the 15th of the months given (2024). */
  const monthsVisited = (...months: number[]) => months.map((m) => ev(`v${m}`, `2024-${String(m).padStart(2, '0')}-15`, 'm'));
  const states = (items: DueItem[]) => Object.fromEntries(items.map((i) => [i.key, i.state]));

  it.each([
    [
      'every month but April: April is 漏访, June still to come',
      monthsVisited(1, 2, 3, 5),
      '2024-06-15',
      {
        'm:2024-01': 'done',
        'm:2024-02': 'done',
        'm:2024-03': 'done',
        'm:2024-04': 'missed',
        'm:2024-05': 'done',
        'm:2024-06': 'upcoming',
      },
    ],
    [
      'not visited since March: April and May stay overdue (nobody has seen the person since)',
      monthsVisited(1, 2, 3),
      '2024-06-15',
      {
        'm:2024-01': 'done',
        'm:2024-02': 'done',
        'm:2024-03': 'done',
        'm:2024-04': 'overdue',
        'm:2024-05': 'overdue',
        'm:2024-06': 'upcoming',
      },
    ],
    [
      'a visit today passes April and May by: both 漏访, June done',
      [...monthsVisited(1, 2, 3), ev('today', '2024-06-15', 'm')],
      '2024-06-15',
      { 'm:2024-01': 'done', 'm:2024-02': 'done', 'm:2024-03': 'done', 'm:2024-04': 'missed', 'm:2024-05': 'missed', 'm:2024-06': 'done' },
    ],
    [
      'a visit on the first day of the next month: the month before is 漏访',
      [ev('a', '2024-02-01', 'm')],
      '2024-02-10',
      { 'm:2024-01': 'missed', 'm:2024-02': 'done' },
    ],
    [
      'a visit on the last day of the month counts for it',
      [ev('a', '2024-01-31', 'm')],
      '2024-02-10',
      { 'm:2024-01': 'done', 'm:2024-02': 'upcoming' },
    ],
    [
      'a back-dated visit made in April (recorded late) makes April done, not 漏访',
      [...monthsVisited(1, 2, 3, 5), ev('late', '2024-04-28', 'm')],
      '2024-06-15',
      { 'm:2024-01': 'done', 'm:2024-02': 'done', 'm:2024-03': 'done', 'm:2024-04': 'done', 'm:2024-05': 'done', 'm:2024-06': 'upcoming' },
    ],
    [
      'an excused later month is not a visit: April stays overdue',
      [...monthsVisited(1, 2, 3), ev('w', '2024-05-31', 'm', '住院')],
      '2024-06-15',
      {
        'm:2024-01': 'done',
        'm:2024-02': 'done',
        'm:2024-03': 'done',
        'm:2024-04': 'overdue',
        'm:2024-05': 'waived',
        'm:2024-06': 'upcoming',
      },
    ],
    [
      'April excused (免除, dated in April) is excused, not 漏访',
      [...monthsVisited(1, 2, 3, 5), ev('w', '2024-04-30', 'm', '羁押')],
      '2024-06-15',
      {
        'm:2024-01': 'done',
        'm:2024-02': 'done',
        'm:2024-03': 'done',
        'm:2024-04': 'waived',
        'm:2024-05': 'done',
        'm:2024-06': 'upcoming',
      },
    ],
  ])('%s', (_name, events, today, expected) => {
    expect(states(run([perMonth], { start: '2024-01-10', events, today }))).toEqual(expected);
  });

  it('an extended period is 漏访 only once a visit comes after the extended date', () => {
    const extensions = [{ ruleId: 'm', dueId: 'm:2024-04', newDate: '2024-05-20', reason: '住院', date: '2024-04-25' }];
    const april = (events: ReturnType<typeof ev>[]) =>
      run([perMonth], { start: '2024-04-01', events, extensions, today: '2024-06-15' }).find((i) => i.key === 'm:2024-04')!;
    expect(april([ev('a', '2024-05-10', 'm')])).toMatchObject({ dueDate: '2024-05-20', state: 'overdue' });
    expect(april([ev('a', '2024-05-10', 'm'), ev('b', '2024-05-25', 'm')])).toMatchObject({ dueDate: '2024-05-20', state: 'missed' });
  });

  it('a year short of its 4 visits is 漏访 once the next year has a visit, with its progress', () => {
    const year: PeriodicRule = { ...perMonth, id: 'y', label: '全年随访', period: 'year', minCount: 4 };
    const three = ['2025-01-15', '2025-04-10', '2025-07-05'].map((d, i) => ev(`e${i}`, d, 'y'));
    expect(run([year], { start: '2025-01-01', events: three, today: '2026-01-05' })[0]).toMatchObject({ key: 'y:2025', state: 'overdue' });
    const passed = run([year], { start: '2025-01-01', events: [...three, ev('n', '2026-01-03', 'y')], today: '2026-01-05' })[0];
    expect(passed).toMatchObject({ key: 'y:2025', state: 'missed', progress: { done: 3, required: 4 } });
  });

  it("'every' rules are never 漏访: a visit after a long gap satisfies the overdue one, late", () => {
    const items = run([monthly], { events: [ev('a', '2025-01-20'), ev('b', '2025-06-01')], today: '2025-06-02' });
    expect(items.map((i) => i.state)).toEqual(['done', 'done', 'upcoming']);
    expect(items[1]).toMatchObject({ late: true, satisfiedBy: 'b' });
  });

  it('is not open: not among the items owed', () => {
    const items = run([perMonth], { start: '2024-01-10', events: monthsVisited(1, 2, 3, 5), today: '2024-06-15' });
    expect(openItems(items).map((i) => i.key)).toEqual(['m:2024-06']);
  });

  it('lists the missed periods per duty, oldest first', () => {
    const year: PeriodicRule = { ...perMonth, id: 'y', label: '全年随访不少于4次', period: 'year', minCount: 4 };
    const items = run([perMonth, year], {
      start: '2024-01-10',
      events: [...monthsVisited(1, 2, 3, 5, 6, 8), ev('n', '2025-01-05', 'm'), ev('n2', '2025-01-05', 'y')],
      today: '2025-01-10',
    });
    expect(missedPeriods(items)).toEqual([
      { duty: '每月走访', periods: ['2024年4月', '2024年7月', '2024年9月', '2024年10月', '2024年11月', '2024年12月'] },
      { duty: '全年随访不少于4次', periods: ['2024年'] },
    ]);
    expect(missedPeriods(run([perMonth], { start: '2024-01-10', events: monthsVisited(1), today: '2024-01-20' }))).toEqual([]);
  });
});

describe("the to-do table's rows: each duty's current item", () => {
  /** As the table is built: the engine read as at today + 62 days, then cut to the current item of each rule. */
  const rows = (rules: Rule[], events: ReturnType<typeof ev>[], today: string, start = '2024-01-10') =>
    currentItems(run(rules, { start, events, today: addMonths(today, 2) }), today).map((i) => [i.label, i.dueDate]);

  it.each([
    [
      'visited every month but April 2024, today 2026-11-29: the current month, not April',
      Array.from({ length: 34 }, (_, n) => addMonths('2024-01-15', n)).filter((d) => !d.startsWith('2024-04')),
      '2026-11-29',
      [['每月走访（2026年11月）', '2026-11-30']],
    ],
    [
      'not visited since August: one row, the oldest overdue month, saying how many',
      Array.from({ length: 32 }, (_, n) => addMonths('2024-01-15', n)),
      '2026-11-29',
      [['每月走访（2026年9月）等2期', '2026-09-30']],
    ],
    [
      'one month overdue: its own label',
      Array.from({ length: 33 }, (_, n) => addMonths('2024-01-15', n)),
      '2026-11-29',
      [['每月走访（2026年10月）', '2026-10-31']],
    ],
    [
      'visited this month: next month',
      Array.from({ length: 35 }, (_, n) => addMonths('2024-01-15', n)),
      '2026-11-29',
      [['每月走访（2026年12月）', '2026-12-31']],
    ],
    [
      'never visited since opening in January 2024: one row from January 2024',
      [],
      '2024-06-15',
      [['每月走访（2024年1月）等5期', '2024-01-31']],
    ],
  ])('%s', (_name, dates, today, expected) => {
    expect(
      rows(
        [perMonth],
        dates.map((d, i) => ev(`e${i}`, d, 'm')),
        today,
      ),
    ).toEqual(expected);
  });

  it('an office change of cadence (the old rule until it, the new one from it) is one duty: one row', () => {
    const before: PeriodicRule = { ...perMonth, id: 'm.prev', until: '2025-03-31' };
    const after: PeriodicRule = { ...perMonth, period: 'quarter', since: '2025-04-01' };
    expect(rows([before, after], [], '2025-05-01', '2025-01-01')).toEqual([['每月走访（2025年1月）等3期', '2025-01-31']]);
    expect(rows([before, after], [ev('a', '2025-04-20', 'm'), ev('b', '2025-04-20', 'm.prev')], '2025-05-01', '2025-01-01')).toEqual([
      ['每月走访（2025年第3季度）', '2025-09-30'],
    ]);
  });

  it('keeps one row per rule, each its own', () => {
    const year: PeriodicRule = { ...perMonth, id: 'y', label: '全年随访', period: 'year', minCount: 4 };
    expect(rows([perMonth, year, monthly], [], '2024-03-15').sort()).toEqual([
      ['全年随访（2024年）', '2024-12-31'],
      ['每月走访（2024年1月）等2期', '2024-01-31'],
      ['走访', '2024-02-10'],
    ]);
  });
});

describe('the opening period (openingGraceDays): opened in its last days, owed only if visited', () => {
  const graced = (days: number, period: PeriodicRule['period'] = 'month', minCount = 1): PeriodicRule => ({
    ...perMonth,
    period,
    minCount,
    openingGraceDays: days,
  });
  const first = (rule: PeriodicRule, start: string, today: string, events: ReturnType<typeof ev>[] = []) =>
    run([rule], { start, today, events }).map((i) => [i.key, i.state]);

  it.each([
    ['the 26th of November, 5 days: the last five (26–30)', graced(5), '2026-11-26', [], [['m:2026-12', 'upcoming']]],
    ['the 30th', graced(5), '2026-11-30', [], [['m:2026-12', 'upcoming']]],
    [
      'the 25th is before the last five: November is owed',
      graced(5),
      '2026-11-25',
      [],
      [
        ['m:2026-11', 'overdue'],
        ['m:2026-12', 'upcoming'],
      ],
    ],
    [
      'the opening visit on the 28th counts for November',
      graced(5),
      '2026-11-28',
      [ev('open', '2026-11-28', 'm')],
      [
        ['m:2026-11', 'done'],
        ['m:2026-12', 'upcoming'],
      ],
    ],
    [
      '3 days: the 27th owes November',
      graced(3),
      '2026-11-27',
      [],
      [
        ['m:2026-11', 'overdue'],
        ['m:2026-12', 'upcoming'],
      ],
    ],
    ['3 days: the 28th does not', graced(3), '2026-11-28', [], [['m:2026-12', 'upcoming']]],
    [
      '0 days: the 30th owes November (当月建档当月走访)',
      graced(0),
      '2026-11-30',
      [],
      [
        ['m:2026-11', 'overdue'],
        ['m:2026-12', 'upcoming'],
      ],
    ],
    ['a leap February: the 25th is in the last five', graced(5), '2024-02-25', [], [['m:2024-03', 'upcoming']]],
    ['a quarter opened on 03-28', graced(5, 'quarter'), '2026-03-28', [], [['m:2026-Q2', 'upcoming']]],
    ['a year of 4 visits opened on 12-29', graced(5, 'year', 4), '2026-12-29', [], [['m:2027', 'upcoming']]],
  ] as [string, PeriodicRule, string, ReturnType<typeof ev>[], string[][]][])('%s', (_name, rule, start, events, expected) => {
    // read on the day after the period ends: what would otherwise be overdue at once
    const today = addDays(periodOf(start, rule.period).end, 1);
    expect(first(rule, start, today, events)).toEqual(expected);
  });

  it('lists the first period owed on the opening day, before it begins (unless the subject left before it)', () => {
    expect(first(graced(5), '2026-11-27', '2026-11-27')).toEqual([['m:2026-12', 'upcoming']]);
    expect(run([graced(5)], { start: '2026-11-27', end: '2026-11-29', today: '2026-11-29' })).toEqual([]);
  });

  it('applies to the opening only, not to a change of cadence that starts late in a period', () => {
    const rule = { ...graced(5), since: '2026-11-28' };
    expect(first(rule, '2026-01-05', '2026-12-01')[0]).toEqual(['m:2026-11', 'overdue']);
  });
});
