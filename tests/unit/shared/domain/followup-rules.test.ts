import { describe, expect, it } from 'vitest';
import {
  cadenceFor,
  CADENCES,
  drugTermEnd,
  effectiveCadence,
  FOLLOWUP_GROUPS,
  rulesFor,
  seriousBreach,
  stabilityClass,
  VISIT_EVENT,
  type FollowupGroup,
  type FollowupOverrides,
} from '../../../../shared/domain/followup-rules';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { computeDueItems, openItems, type DueItem, type FactValue, type ObligationEvent } from '../../../../shared/domain/obligations';

function due(
  group: FollowupGroup,
  o: {
    facts: Record<string, FactValue>;
    start: string;
    today: string;
    events?: ObligationEvent[];
    end?: string | null;
    overrides?: FollowupOverrides;
  },
): DueItem[] {
  return computeDueItems({
    rules: rulesFor(group, o.facts, o.overrides),
    subject: { id: 's', startDate: o.start, endDate: o.end ?? null, facts: o.facts },
    events: o.events ?? [],
    extensions: [],
    today: o.today,
    holidays: DEFAULT_HOLIDAYS,
  });
}
const visit = (id: string, date: string, waived?: string): ObligationEvent => ({
  id,
  date,
  ruleId: VISIT_EVENT,
  ...(waived ? { waived: { reason: waived } } : {}),
});
/** The open item of the level-dependent cadence: "next visit". */
const nextVisit = (items: DueItem[]) => openItems(items).find((i) => i.ruleId === 'mh.followup');

describe('mental health: stability class from the risk level (3rd-edition standard)', () => {
  it.each([
    [0, null, 'stable'],
    [1, null, 'basic'],
    [2, null, 'basic'],
    [3, null, 'unstable'],
    [5, null, 'unstable'],
    [null, null, 'unstable'],
    [0, 'basic', 'basic'],
    [0, 'unstable', 'unstable'],
    [4, 'stable', 'unstable'],
  ] as const)('risk %s, clinical %s → %s', (level, clinical, cls) => {
    expect(stabilityClass(level, clinical)).toBe(cls);
  });
});

describe('mental health: next follow-up from the level', () => {
  it('level 3 → the first visit within 14 days of the start', () => {
    const items = due('mental_health', { facts: { riskLevel: 3, riskLevelDate: '2025-03-03' }, start: '2025-03-03', today: '2025-03-03' });
    expect(nextVisit(items)).toMatchObject({ dueDate: '2025-03-17', state: 'upcoming', label: '随访（不稳定）' });
  });

  it.each([
    // [start level, visit date raising the level to 4, next due without the change, next due after it]
    [3, '2025-01-10', '2025-01-15', '2025-01-17'], // every 2 weeks → weekly for level 4, from that visit: closer
    [1, '2025-01-20', '2025-02-01', '2025-01-27'], // monthly → weekly
    [0, '2025-02-15', '2025-04-01', '2025-02-22'],
  ])('level %i, visit on %s raises it to 4: %s → %s', (level, on, before, after) => {
    const start = '2025-01-01';
    expect(nextVisit(due('mental_health', { facts: { riskLevel: level, riskLevelDate: start }, start, today: start }))!.dueDate).toBe(
      before,
    );
    const raised = due('mental_health', { facts: { riskLevel: 4, riskLevelDate: on }, start, today: on, events: [visit('v1', on)] });
    expect(nextVisit(raised)!.dueDate).toBe(after);
  });

  it('a level raised without a visit (e.g. a police report) counts from its own date, not from the old visit', () => {
    const items = due('mental_health', {
      facts: { riskLevel: 3, riskLevelDate: '2025-02-10' },
      start: '2025-01-01',
      today: '2025-02-10',
      events: [visit('v1', '2025-01-01')],
    });
    expect(nextVisit(items)).toMatchObject({ dueDate: '2025-02-24', state: 'upcoming' });
  });

  it('level 0 → every 3 months (month ends clamp)', () => {
    const facts = { riskLevel: 0, riskLevelDate: '2025-01-31' };
    expect(nextVisit(due('mental_health', { facts, start: '2025-01-31', today: '2025-02-01' }))!.dueDate).toBe('2025-04-30');
    expect(
      nextVisit(due('mental_health', { facts, start: '2025-01-31', today: '2025-04-28', events: [visit('v', '2025-04-28')] }))!.dueDate,
    ).toBe('2025-07-28');
  });

  it('level 1–2 → every month (simplified from "2 weeks, then 1 or 3 months")', () => {
    expect(nextVisit(due('mental_health', { facts: { riskLevel: 2 }, start: '2025-05-10', today: '2025-05-10' }))!.dueDate).toBe(
      '2025-06-10',
    );
  });

  it('at least 4 a year, counted from the same recorded visits', () => {
    const facts = { riskLevel: 0, riskLevelDate: '2025-01-01' };
    const three = [visit('a', '2025-01-15'), visit('b', '2025-04-10'), visit('c', '2025-07-05')];
    const year = (events: ObligationEvent[], today: string) =>
      due('mental_health', { facts, start: '2025-01-01', today, events }).find((i) => i.key === 'mh.yearly:2025');
    expect(year(three, '2025-12-31')).toMatchObject({ state: 'due_soon', progress: { done: 3, required: 4 } });
    expect(year(three, '2026-01-02')).toMatchObject({ state: 'overdue' });
    expect(year([...three, visit('d', '2025-10-01')], '2026-01-02')).toMatchObject({ state: 'done', satisfiedBy: 'd' });
    // On-time visits every 3 months from Jan 1 give only 3 in the calendar year (Apr, Jul, Oct): the
    // yearly count is what catches it.
  });

  it('the grid scheme (综治 LOCAL) is an alternative: 3–5 weekly, 0–2 monthly', () => {
    const o: FollowupOverrides = { mentalHealthScheme: 'grid' };
    expect(
      nextVisit(due('mental_health', { facts: { riskLevel: 4 }, start: '2025-03-03', today: '2025-03-03', overrides: o })),
    ).toMatchObject({
      dueDate: '2025-03-10',
      label: '网格走访（危险性3–5级）',
    });
    expect(
      nextVisit(due('mental_health', { facts: { riskLevel: 1 }, start: '2025-03-03', today: '2025-03-03', overrides: o }))!.dueDate,
    ).toBe('2025-04-03');
  });

  it('an office override applies from its date and is shown with its reason', () => {
    const o: FollowupOverrides = { cadences: [{ key: 'mh.stable', months: 2, since: '2025-06-01', reason: '县局要求' }] };
    const facts = { riskLevel: 0, riskLevelDate: '2025-01-01' };
    const items = due('mental_health', {
      facts,
      start: '2025-01-01',
      today: '2025-06-01',
      events: [visit('v', '2025-05-20')],
      overrides: o,
    });
    expect(nextVisit(items)!.dueDate).toBe('2025-08-01');
    expect(cadenceFor('mental_health', facts, o)[0]).toMatchObject({ text: '每2个月' });
    expect(cadenceFor('mental_health', facts, o)[0]!.source).toContain('本所调整（2025-06-01起）：县局要求');
  });

  it('the yearly minimum is not adjustable', () => {
    expect(
      effectiveCadence('mh.yearly', { cadences: [{ key: 'mh.yearly', minCount: 1, since: '2025-01-01', reason: 'x' }] }),
    ).toMatchObject({ minCount: 4, override: null });
  });

  it('shows the cadences in force', () => {
    expect(cadenceFor('mental_health', { riskLevel: 3 }).map((c) => [c.ruleId, c.text])).toEqual([
      ['mh.followup', '每2周'],
      ['mh.yearly', '每年至少4次'],
    ]);
  });
});

describe('drugs: community detox / rehabilitation', () => {
  it.each([
    ['2024-02-29', '2027-02-28'],
    ['2025-03-10', '2028-03-10'],
    ['2025-01-31', '2028-01-31'],
  ])('term end: reported %s → %s (3 years)', (report, end) => {
    expect(drugTermEnd(report)).toBe(end);
  });

  it('before reporting: only the 15-day window, rolled past 国庆 2025', () => {
    const items = due('drug', {
      facts: { drugType: 'detox', decisionDate: '2025-09-20', reportDate: null },
      start: '2025-09-20',
      today: '2025-10-09',
    });
    expect(items.map((i) => [i.ruleId, i.dueDate, i.state])).toEqual([['drug.report', '2025-10-09', 'due_soon']]);
    expect(items[0]!.source).toContain('戒毒条例第十四条');
  });

  it('after reporting: window done, term end with reminders, tests monthly in year 1', () => {
    const facts = { drugType: 'detox', decisionDate: '2025-09-20', reportDate: '2025-09-30' };
    const items = due('drug', { facts, start: '2025-09-20', today: '2025-10-01' });
    expect(items.map((i) => [i.ruleId, i.dueDate, i.state, i.satisfiedBy])).toEqual([
      ['drug.report', '2025-10-09', 'done', 'fact:reportDate'],
      ['drug.test', '2025-10-30', 'upcoming', null],
      ['drug.term', '2028-09-30', 'upcoming', null],
    ]);
    expect(items.find((i) => i.ruleId === 'drug.term')!.reminders).toEqual(['2028-08-31', '2028-09-23']);
  });

  it.each([
    ['2025-12-15', '2026-01-15'], // year 1: monthly
    ['2026-10-15', '2026-12-15'], // year 2: every 2 months
    ['2027-10-05', '2028-01-05'], // year 3: every 3 months
  ])('a test on %s → next by %s', (on, next) => {
    const facts = { drugType: 'detox', decisionDate: '2025-09-20', reportDate: '2025-09-30' };
    const test = openItems(
      due('drug', { facts, start: '2025-09-20', today: on, events: [{ id: 't', date: on, ruleId: 'drug.test' }] }),
    ).find((i) => i.ruleId === 'drug.test');
    expect(test!.dueDate).toBe(next);
  });

  it('no test falls due after the term end', () => {
    const facts = { drugType: 'rehab', decisionDate: '2025-09-20', reportDate: '2025-09-30', termEnd: '2026-09-30' };
    const items = due('drug', {
      facts,
      start: '2025-09-20',
      today: '2026-09-01',
      events: [{ id: 't', date: '2026-09-01', ruleId: 'drug.test' }],
    });
    expect(openItems(items).map((i) => i.ruleId)).toEqual(['drug.term']);
    expect(cadenceFor('drug', facts).find((c) => c.ruleId === 'drug.test')!.text).toBe(
      '2025-09-30起每月；2026-09-30起每2个月；2027-09-30起每3个月',
    );
  });

  it.each([
    [{ testRefusals: 2, unauthorizedLeaves: 2, daysAway: 30 }, false, 0],
    [{ testRefusals: 3, unauthorizedLeaves: 0, daysAway: 0 }, true, 1],
    [{ testRefusals: 0, unauthorizedLeaves: 3, daysAway: 5 }, true, 1],
    [{ testRefusals: 0, unauthorizedLeaves: 1, daysAway: 31 }, true, 1],
    [{ testRefusals: 4, unauthorizedLeaves: 3, daysAway: 40 }, true, 3],
  ])('serious breach (戒毒条例 art. 20): %j → %s', (counts, serious, reasons) => {
    const r = seriousBreach(counts);
    expect(r.serious).toBe(serious);
    expect(r.reasons).toHaveLength(reasons);
  });
});

describe('other groups: monthly by default, adjustable', () => {
  it.each(FOLLOWUP_GROUPS.filter((g) => g !== 'mental_health' && g !== 'drug'))('%s: a monthly visit marked as practice', (g) => {
    const [c] = cadenceFor(g, {});
    expect(c).toMatchObject({ ruleId: 'visit', text: '每月1次' });
    expect(c!.source).toContain('可调整');
  });

  it('邪教人员: each missed month is counted (漏访 once a later visit passed it by); none after leaving management', () => {
    const items = due('cult', {
      facts: {},
      start: '2025-01-10',
      end: '2025-04-20',
      today: '2025-06-01',
      events: [visit('a', '2025-02-03')],
    });
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ['visit:2025-01', 'missed'],
      ['visit:2025-02', 'done'],
      ['visit:2025-03', 'overdue'],
    ]);
  });

  it('an office switching to quarterly keeps the months missed before the change', () => {
    const overrides: FollowupOverrides = {
      cadences: [{ key: 'petition.visit', period: 'quarter', since: '2025-04-01', reason: '稳控良好' }],
    };
    const items = due('petition', { facts: {}, start: '2025-01-01', today: '2025-05-01', overrides });
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ['visit.prev:2025-01', 'overdue'],
      ['visit.prev:2025-02', 'overdue'],
      ['visit.prev:2025-03', 'overdue'],
      ['visit:2025-Q2', 'upcoming'],
    ]);
    expect(cadenceFor('petition', {}, overrides).map((c) => c.text)).toEqual(['每季度1次']);
  });

  it('an override to an interval turns the monthly duty into "every N days" from its date', () => {
    const overrides: FollowupOverrides = { cadences: [{ key: 'youth.visit', days: 14, since: '2025-03-01', reason: '重点关注' }] };
    const items = due('youth', {
      facts: {},
      start: '2025-01-01',
      today: '2025-03-05',
      events: [visit('a', '2025-01-20'), visit('b', '2025-02-20')],
      overrides,
    });
    expect(openItems(items).map((i) => [i.key, i.dueDate])).toEqual([['visit:2025-03-15', '2025-03-15']]);
  });

  it('every default names its source and basis', () => {
    for (const c of CADENCES) expect(c.source.length).toBeGreaterThan(10);
  });
});
