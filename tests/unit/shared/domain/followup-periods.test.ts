/**
 * The calendar duties of a special-group file at its opening and after: nothing is overdue on the day a
 * file is opened, a file opened in the last days of a month owes that month only if visited (the
 * office's 建档当期宽限, default 5 days), and a month a later visit has passed by is 漏访.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates';
import { periodOf } from '../../../../shared/date-math';
import {
  DEFAULT_OPENING_GRACE_DAYS,
  FOLLOWUP_GROUPS,
  openingGraceDays,
  rulesFor,
  VISIT_EVENT,
  type FollowupGroup,
  type FollowupOverrides,
} from '../../../../shared/domain/followup-rules';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { computeDueItems, missedPeriods, type DueItem, type FactValue, type ObligationEvent } from '../../../../shared/domain/obligations';

/** The facts a file of the group is opened with on `start` (a drug file reporting that day). */
function factsFor(group: FollowupGroup, start: string): Record<string, FactValue> {
  if (group === 'mental_health') return { riskLevel: 3, riskLevelDate: start };
  if (group === 'drug') return { drugType: 'detox', decisionDate: start, reportDate: start };
  return {};
}

function due(
  group: FollowupGroup,
  start: string,
  today: string,
  overrides: FollowupOverrides = {},
  events: ObligationEvent[] = [],
): DueItem[] {
  const facts = factsFor(group, start);
  return computeDueItems({
    rules: rulesFor(group, facts, overrides),
    subject: { id: 's', startDate: start, endDate: null, facts },
    events,
    extensions: [],
    today,
    holidays: DEFAULT_HOLIDAYS,
  });
}
const visit = (date: string): ObligationEvent => ({ id: `v${date}`, date, ruleId: VISIT_EVENT });
const overdue = (items: DueItem[]) => items.filter((i) => i.state === 'overdue').map((i) => i.key);

describe('opening a file never makes anything overdue on the same day', () => {
  const days = [
    '2026-01-01',
    '2026-01-15',
    '2026-01-31',
    '2024-02-29',
    '2026-02-28',
    '2026-03-31',
    '2026-06-30',
    '2026-11-26',
    '2026-12-31',
  ];
  const cases = FOLLOWUP_GROUPS.flatMap((g) => days.flatMap((d) => [0, 5, 15].map((n) => [g, d, n] as const)));
  it.each(cases)('%s opened on %s (grace %i days)', (group, start, n) => {
    expect(overdue(due(group, start, start, { openingGraceDays: n }))).toEqual([]);
  });
});

describe('建档当期宽限: a file opened in the last N days of a month owes no visit for it unless visited', () => {
  // A monthly file (邪教人员), read on the 1st of the next month, when the month would be overdue.
  it.each([
    ['default (5): opened on the 26th', undefined, '2026-11-26', [], []],
    ['default (5): opened on the 30th', undefined, '2026-11-30', [], []],
    ['default (5): opened on the 25th owes November', undefined, '2026-11-25', [], ['visit:2026-11']],
    ['default (5): the opening visit counts for November', undefined, '2026-11-27', ['2026-11-27'], []],
    ['3 days: the 27th owes November', 3, '2026-11-27', [], ['visit:2026-11']],
    ['3 days: the 28th does not', 3, '2026-11-28', [], []],
    ['0 (off): the 30th owes November, as 当月建档当月走访', 0, '2026-11-30', [], ['visit:2026-11']],
    ['15 days: the 16th of November', 15, '2026-11-16', [], []],
    ['default (5): a February of 28 days, the 24th', undefined, '2026-02-24', [], []],
  ] as [string, number | undefined, string, string[], string[]][])('%s', (_name, n, start, visits, expected) => {
    const o: FollowupOverrides = n === undefined ? {} : { openingGraceDays: n };
    const items = due('cult', start, addDays(periodOf(start, 'month').end, 1), o, visits.map(visit));
    expect(overdue(items)).toEqual(expected);
    // The month not owed is not counted anywhere (no item at all); a visited one is done.
    const nov = items.find((i) => i.key === `visit:${start.slice(0, 7)}`);
    if (visits.length) expect(nov).toMatchObject({ state: 'done' });
    else if (!expected.length) expect(nov).toBeUndefined();
  });

  it('nothing is overdue from the opening day to the end of the next month (opened on the 28th, never visited)', () => {
    for (let day = '2026-11-28'; day <= '2026-12-31'; day = addDays(day, 1))
      expect(overdue(due('petition', '2026-11-28', day)), day).toEqual([]);
    expect(overdue(due('petition', '2026-11-28', '2027-01-01'))).toEqual(['visit:2026-12']);
  });

  it('a mental-health file opened on 12-29 owes no yearly count for that year', () => {
    const items = due('mental_health', '2026-12-29', '2027-01-05');
    expect(items.find((i) => i.key === 'mh.yearly:2026')).toBeUndefined();
    expect(due('mental_health', '2026-12-29', '2027-01-05', { openingGraceDays: 0 }).find((i) => i.key === 'mh.yearly:2026')).toMatchObject(
      {
        state: 'overdue',
      },
    );
  });

  it('the default is 5 days and the office may change it', () => {
    expect(DEFAULT_OPENING_GRACE_DAYS).toBe(5);
    expect(openingGraceDays({})).toBe(5);
    expect(openingGraceDays({ openingGraceDays: 0 })).toBe(0);
    expect(rulesFor('youth', {}, { openingGraceDays: 3 })[0]).toMatchObject({ kind: 'periodic', openingGraceDays: 3 });
    expect(rulesFor('youth', {}, { openingGraceDays: 0 })[0]).not.toHaveProperty('openingGraceDays');
    // interval cadences have no period to be graced
    expect(rulesFor('mental_health', { riskLevel: 3 }).map((r) => [r.id, 'openingGraceDays' in r])).toEqual([
      ['mh.followup', false],
      ['mh.yearly', true],
    ]);
  });
});

describe('漏访 of a monthly file', () => {
  it('visited every month but April 2024, on 2026-11-29: April is 漏访, nothing is overdue', () => {
    const visits: ObligationEvent[] = [];
    for (let d = '2024-01-15'; d < '2026-11-01'; d = addDays(periodOf(d, 'month').end, 15))
      if (!d.startsWith('2024-04')) visits.push(visit(d));
    const items = due('cult', '2024-01-10', '2026-11-29', {}, visits);
    expect(overdue(items)).toEqual([]);
    expect(missedPeriods(items)).toEqual([{ duty: '每月走访', periods: ['2024年4月'] }]);
    expect(items.find((i) => i.key === 'visit:2026-11')).toMatchObject({ state: 'due_soon', dueDate: '2026-11-30' });
  });

  it('an office change of cadence: months before it that a later visit passed by are 漏访 too', () => {
    const overrides: FollowupOverrides = {
      cadences: [{ key: 'petition.visit', period: 'quarter', since: '2025-04-01', reason: '稳控良好' }],
    };
    const items = due('petition', '2025-01-01', '2025-05-01', overrides, [visit('2025-02-10'), visit('2025-04-20')]);
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ['visit.prev:2025-01', 'missed'],
      ['visit.prev:2025-02', 'done'],
      ['visit.prev:2025-03', 'missed'],
      ['visit:2025-Q2', 'done'],
    ]);
    expect(missedPeriods(items)).toEqual([{ duty: '每月走访', periods: ['2025年1月', '2025年3月'] }]);
  });
});
