import { describe, expect, it } from 'vitest';
import {
  attentionLevelText,
  breachSince,
  cadenceFor,
  CADENCES,
  controlStatusesFor,
  controlText,
  effectiveCadence,
  VISIT_GROUPS,
  visitCadenceKey,
  visitWord,
  type ControlStatus,
  countsAsRefusal,
  drugTermEnd,
  drugTermEndFor,
  followupDueItems,
  FOLLOWUP_GROUPS,
  policeDuties,
  policeMatterText,
  refusalCount,
  rulesFor,
  seriousBreach,
  stabilityClass,
  VISIT_EVENT,
  type FileRecord,
  type FollowupGroup,
  type FollowupOverrides,
  type RecordReport,
  type RecordSuspension,
  type RecordVisit,
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
    [1, '2025-01-20', '2025-01-15', '2025-01-27'], // basically stable: 2 weeks at first → weekly
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
      label: '走访（关爱帮扶，危险性3–5级）',
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
    expect(items[0]!.source).toContain('《戒毒条例》第十四条');
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

// ── the review's findings ────────────────────────────────────────────────────────────────────

/** A file's items through the whole pipeline (rules from the record, reports, 中止), as the host computes them. */
function fileDue(
  group: FollowupGroup,
  o: {
    facts: Record<string, FactValue>;
    start: string;
    today: string;
    visits?: RecordVisit[];
    reports?: RecordReport[];
    suspensions?: RecordSuspension[];
    overrides?: FollowupOverrides;
  },
): DueItem[] {
  const record: FileRecord = {
    asOf: o.today,
    holidays: DEFAULT_HOLIDAYS,
    visits: o.visits ?? [],
    reports: o.reports ?? [],
    suspensions: o.suspensions ?? [],
  };
  return followupDueItems({
    group,
    facts: o.facts,
    overrides: o.overrides ?? {},
    record,
    subject: { id: 's', startDate: o.start, endDate: null },
    actions: [],
    today: o.today,
  });
}
const mhVisit = (date: string, stability: string | null = null): RecordVisit => ({
  id: `v${date}`,
  kind: 'visit',
  date,
  testResult: null,
  stability,
});
const test = (date: string, testResult: string, excuse: string | null = null): RecordVisit => ({
  id: `t${date}`,
  kind: 'test',
  date,
  testResult,
  excuse,
});
const open = (items: DueItem[], prefix: string) => openItems(items).filter((i) => i.ruleId.startsWith(prefix));

describe('REVIEW row 5: 基本稳定 (risk 1–2) is seen 2 weeks after the reassessment, then by the stability found at that visit', () => {
  const facts = { riskLevel: 2, riskLevelDate: '2025-03-03' };
  it.each([
    // [visits since the reassessment (date, stability found), next visit due, its label]
    [[], '2025-03-17', '随访（基本稳定，2周时）'],
    [[['2025-03-17', 'stable']], '2025-06-17', '随访（基本稳定，已评估为稳定）'],
    [[['2025-03-17', 'basic']], '2025-04-17', '随访（基本稳定，未稳定）'],
    [[['2025-03-17', null]], '2025-04-17', '随访（基本稳定，未稳定）'], // not recorded: not yet stable
    [[['2025-03-17', 'unstable']], '2025-03-31', '随访（基本稳定，已评估为不稳定）'], // the unstable rule: 2 weeks
    [[['2025-03-20', 'stable']], '2025-06-20', '随访（基本稳定，已评估为稳定）'], // a late 2-week visit counts from its own day
    [
      [
        ['2025-03-17', 'stable'],
        ['2025-06-17', null],
      ],
      '2025-09-17',
      '随访（基本稳定，已评估为稳定）',
    ], // the class found last holds until another is recorded
    [
      [
        ['2025-03-17', 'basic'],
        ['2025-04-17', 'stable'],
      ],
      '2025-07-17',
      '随访（基本稳定，已评估为稳定）',
    ],
  ] as [[string, string | null][], string, string][])('visits %j → next due %s (%s)', (visits, next, label) => {
    const today = visits.length ? visits[visits.length - 1]![0] : '2025-03-03';
    const items = fileDue('mental_health', { facts, start: '2025-03-03', today, visits: visits.map(([d, c]) => mhVisit(d, c)) });
    expect(nextVisit(items)).toMatchObject({ dueDate: next, label });
  });

  it('each visit stays done under the interval it was owed under', () => {
    const items = fileDue('mental_health', {
      facts,
      start: '2025-03-03',
      today: '2025-04-20',
      visits: [mhVisit('2025-03-17', 'basic'), mhVisit('2025-04-17', 'stable')],
    });
    expect(items.filter((i) => i.ruleId === 'mh.followup').map((i) => [i.key, i.state])).toEqual([
      ['mh.followup:2025-03-17', 'done'],
      ['mh.followup:2025-04-17', 'done'],
      ['mh.followup:2025-07-17', 'upcoming'],
    ]);
  });

  it('a reassessment to 1–2 later in the file starts the two steps again from its day', () => {
    const later = { riskLevel: 1, riskLevelDate: '2025-05-10' };
    const visits = [mhVisit('2025-02-01', 'stable'), mhVisit('2025-05-10')];
    expect(nextVisit(fileDue('mental_health', { facts: later, start: '2025-01-01', today: '2025-05-10', visits }))!.dueDate).toBe(
      '2025-05-24',
    );
    const after = [...visits, mhVisit('2025-05-24', 'stable')];
    expect(nextVisit(fileDue('mental_health', { facts: later, start: '2025-01-01', today: '2025-05-24', visits: after }))!.dueDate).toBe(
      '2025-08-24',
    );
  });

  it('names the standard and shows the step on the file page; the other classes and the grid scheme are unchanged', () => {
    const [c] = cadenceFor('mental_health', facts, {}, { ...EMPTY, asOf: '2025-03-03' });
    expect(c).toMatchObject({ ruleId: 'mh.followup', label: '随访（基本稳定，2周时）', text: '2025-03-03起每2周' });
    expect(c!.source).toContain('国家基本公共卫生服务规范（第三版）');
    expect(cadenceFor('mental_health', { riskLevel: 0, riskLevelDate: '2025-03-03' })[0]!.text).toBe('每3个月');
    expect(cadenceFor('mental_health', { riskLevel: 3, riskLevelDate: '2025-03-03' })[0]!.text).toBe('每2周');
    expect(cadenceFor('mental_health', facts, { mentalHealthScheme: 'grid' })[0]!.text).toBe('每月');
  });
});

const EMPTY: FileRecord = { asOf: '2025-06-09', holidays: DEFAULT_HOLIDAYS, visits: [], reports: [], suspensions: [] };

describe('REVIEW row 2: a drug file owes 报告公安机关 after a positive test, a late or missing report, or a serious breach', () => {
  const reported = { drugType: 'detox', decisionDate: '2025-06-03', reportDate: '2025-06-05', agreementDate: '2025-06-05' };
  it.each([
    // [what happened, facts, tests, today, office's working days, the duty, due]
    [
      'a positive test on a Tuesday',
      reported,
      [test('2025-06-10', '阳性')],
      '2025-06-10',
      undefined,
      'drug.police.positive.2025-06-10',
      '2025-06-11',
    ],
    [
      'a positive test on a Friday',
      reported,
      [test('2025-06-13', '阳性')],
      '2025-06-13',
      undefined,
      'drug.police.positive.2025-06-13',
      '2025-06-16',
    ],
    [
      'a positive test, the office says the same day',
      reported,
      [test('2025-06-10', '阳性')],
      '2025-06-10',
      0,
      'drug.police.positive.2025-06-10',
      '2025-06-10',
    ],
    [
      'a positive test on a Saturday, the same day',
      reported,
      [test('2025-06-14', '阳性')],
      '2025-06-14',
      0,
      'drug.police.positive.2025-06-14',
      '2025-06-16',
    ],
    [
      'a positive test before 端午 2025, 2 working days',
      reported,
      [test('2025-05-29', '阳性')],
      '2025-05-29',
      2,
      'drug.police.positive.2025-05-29',
      '2025-06-03', // Fri 05-30, then 05-31–06-02 off: Tue 06-03
    ],
    [
      'no report by the last day of the window (06-24)',
      { drugType: 'detox', decisionDate: '2025-06-09' },
      [],
      '2025-06-25',
      undefined,
      'drug.police.late',
      '2025-06-26',
    ],
    [
      'a report after the window',
      { drugType: 'rehab', decisionDate: '2025-06-09', reportDate: '2025-06-27', agreementDate: '2025-06-27' },
      [],
      '2025-06-27',
      undefined,
      'drug.police.late',
      '2025-06-26',
    ],
    [
      'a third refusal',
      reported,
      [test('2025-06-12', '拒绝检测'), test('2025-06-19', '未到'), test('2025-06-26', '拒绝检测')],
      '2025-06-26',
      undefined,
      'drug.police.breach',
      '2025-06-27',
    ],
    [
      'leave counts reaching the threshold',
      { ...reported, leaveTimes: 3, leaveDays: 5, leaveBreachDate: '2025-06-20' },
      [],
      '2025-06-20',
      undefined,
      'drug.police.breach',
      '2025-06-23',
    ],
  ] as const)('%s', (_what, facts, tests, today, days, id, dueDate) => {
    const items = fileDue('drug', { facts, start: '2025-06-03', today, visits: [...tests], overrides: { promptDays: days } });
    expect(open(items, 'drug.police.')).toMatchObject([{ ruleId: id, key: id, dueDate }]);
    expect(open(items, 'drug.police.')[0]!.source).toContain('《戒毒条例》第二十一条');
  });

  it.each([
    ['a negative test', [test('2025-06-10', '阴性')], { reportDate: '2025-06-05' }, '2025-06-10'],
    ['a report on the last day of the window', [], { decisionDate: '2025-06-09', reportDate: '2025-06-24' }, '2025-06-30'],
    ['the window not yet past', [], { decisionDate: '2025-06-09', reportDate: null }, '2025-06-24'],
    [
      'two refusals and a 未到 with a proper reason',
      [test('2025-06-12', '拒绝检测'), test('2025-06-19', '未到', '住院治疗'), test('2025-06-26', '拒绝检测')],
      {},
      '2025-06-27',
    ],
  ] as const)('%s owes nothing', (_what, tests, more, today) => {
    const facts = { ...reported, ...more };
    expect(open(fileDue('drug', { facts, start: '2025-06-03', today, visits: [...tests] }), 'drug.police.')).toEqual([]);
  });

  it('a dated report closes the duties it names; a later positive is a new duty', () => {
    const tests = [test('2025-06-10', '阳性')];
    const report = { id: 'r1', date: '2025-06-11', matters: ['drug.police.positive.2025-06-10'] };
    const closed = fileDue('drug', { facts: reported, start: '2025-06-03', today: '2025-06-12', visits: tests, reports: [report] });
    expect(closed.find((i) => i.ruleId === 'drug.police.positive.2025-06-10')).toMatchObject({
      state: 'done',
      satisfiedBy: 'r1',
      satisfiedOn: '2025-06-11',
    });
    const again = fileDue('drug', {
      facts: reported,
      start: '2025-06-03',
      today: '2025-06-20',
      visits: [...tests, test('2025-06-20', '阳性')],
      reports: [report],
    });
    expect(open(again, 'drug.police.').map((i) => [i.label, i.dueDate])).toEqual([['报告公安机关（2025-06-20检测阳性）', '2025-06-23']]);
    // a report naming nothing closes nothing
    const unnamed = fileDue('drug', {
      facts: reported,
      start: '2025-06-03',
      today: '2025-06-12',
      visits: tests,
      reports: [{ ...report, matters: [] }],
    });
    expect(open(unnamed, 'drug.police.')).toHaveLength(1);
  });

  it('lists each duty with why and since when, and words a matter as the file shows it', () => {
    const record: FileRecord = { ...EMPTY, asOf: '2025-06-30', visits: [test('2025-06-10', '阳性'), test('2025-06-10', '阳性')] };
    expect(policeDuties({ drugType: 'detox', decisionDate: '2025-06-09' }, record)).toEqual([
      { id: 'drug.police.positive.2025-06-10', label: '报告公安机关（2025-06-10检测阳性）', reason: 'positive', since: '2025-06-10' },
      { id: 'drug.police.late', label: '报告公安机关（逾期未报到）', reason: 'late', since: '2025-06-25' },
    ]);
    expect(['drug.police.positive.2025-06-10', 'drug.police.late', 'drug.police.breach'].map(policeMatterText)).toEqual([
      '2025-06-10检测阳性',
      '逾期不报到',
      '严重违反协议',
    ]);
  });

  it.each([
    // [type, report date, agreement date, today, state of the agreement item]
    ['detox', '2025-06-10', null, '2025-06-10', '签订社区戒毒协议', '2025-06-11', 'due_soon'],
    ['rehab', '2025-06-13', null, '2025-06-17', '签订社区康复协议', '2025-06-16', 'overdue'],
    ['detox', '2025-06-10', '2025-06-11', '2025-06-12', '签订社区戒毒协议', '2025-06-11', 'done'],
  ] as const)(
    '%s reported %s, agreement %s: on %s “%s” due %s is %s',
    (drugType, reportDate, agreementDate, today, label, dueDate, state) => {
      const items = fileDue('drug', {
        facts: { drugType, decisionDate: '2025-06-09', reportDate, agreementDate },
        start: '2025-06-09',
        today,
      });
      expect(items.find((i) => i.ruleId === 'drug.agreement')).toMatchObject({ label, dueDate, state });
    },
  );

  it('no agreement is owed before the report', () => {
    const items = fileDue('drug', { facts: { drugType: 'detox', decisionDate: '2025-06-09' }, start: '2025-06-09', today: '2025-06-10' });
    expect(items.map((i) => i.ruleId)).toEqual(['drug.report']);
  });
});

describe('REVIEW row 13: the term end the decision states, 中止 while detained or arrested', () => {
  const facts = { drugType: 'detox', decisionDate: '2025-01-05', reportDate: '2025-01-10', agreementDate: '2025-01-10' };
  const detained = (startDate: string, endDate: string | null): RecordSuspension => ({ id: 'u1', startDate, endDate, reason: 'detention' });

  it.each([
    // [type, stated end, office extends, suspensions, term end]
    ['rehab', '2026-01-10', false, [], '2026-01-10'],
    ['rehab', null, false, [], '2028-01-10'],
    ['detox', null, false, [detained('2025-03-01', '2025-04-15')], '2028-01-10'], // default: not extended
    ['detox', null, true, [detained('2025-03-01', '2025-04-15')], '2028-02-24'], // 45 days suspended
    ['rehab', '2026-01-10', true, [detained('2025-03-01', null)], '2026-01-10'], // still detained: not yet known
  ] as const)('%s, stated %s, extends %s, %j → ends %s', (drugType, termEnd, extend, suspensions, end) => {
    const f = { ...facts, drugType, termEnd };
    expect(drugTermEndFor(f, { suspensionExtendsTerm: extend }, suspensions)!.end).toBe(end);
    const items = fileDue('drug', {
      facts: f,
      start: '2025-01-05',
      today: '2025-05-01',
      suspensions: [...suspensions],
      overrides: { suspensionExtendsTerm: extend },
    });
    expect(items.find((i) => i.ruleId === 'drug.term')!.dueDate).toBe(end);
  });

  it('no test falls due after a stated end', () => {
    const f = { ...facts, drugType: 'rehab', termEnd: '2025-06-10' };
    const visits = [test('2025-05-12', '阴性')];
    expect(openItems(fileDue('drug', { facts: f, start: '2025-01-05', today: '2025-05-20', visits })).map((i) => i.ruleId)).toEqual([
      'drug.term',
    ]);
  });

  it.each([
    // [tests taken, 中止 (from, to), today, test items (key, state)]
    [
      ['2025-02-10'],
      ['2025-03-01', '2025-04-15'],
      '2025-04-20',
      [
        ['drug.test:2025-02-10', 'done'],
        ['drug.test:2025-03-10', 'waived'], // fell due while detained: excused on release
        ['drug.test:2025-05-15', 'upcoming'], // counted from release
      ],
    ],
    [['2025-02-10'], ['2025-03-01', null], '2025-04-20', [['drug.test:2025-02-10', 'done']]], // still detained: nothing due
    [
      ['2025-02-10'],
      ['2025-03-15', '2025-04-15'],
      '2025-04-20',
      [
        ['drug.test:2025-02-10', 'done'],
        ['drug.test:2025-03-10', 'overdue'], // owed before the detention: still owed
      ],
    ],
    [
      ['2025-02-10'],
      ['2025-02-12', '2025-02-20'],
      '2025-02-25',
      [
        ['drug.test:2025-02-10', 'done'],
        ['drug.test:2025-03-10', 'upcoming'], // a short detention between tests changes nothing
      ],
    ],
  ] as [string[], [string, string | null], string, [string, string][]][])(
    'tests %j, 中止 %j, on %s',
    (taken, [from, to], today, expected) => {
      const items = fileDue('drug', {
        facts,
        start: '2025-01-05',
        today,
        visits: taken.map((d) => test(d, '阴性')),
        suspensions: [detained(from, to)],
      });
      expect(items.filter((i) => i.ruleId === 'drug.test').map((i) => [i.key, i.state])).toEqual(expected);
      const waived = items.find((i) => i.state === 'waived');
      if (waived) expect(waived).toMatchObject({ waivedReason: '中止期间（被依法拘留）', satisfiedOn: to });
    },
  );
});

describe('REVIEW row 14: a 未到 with a proper reason is no refusal', () => {
  it.each([
    ['拒绝检测', null, true],
    ['未到', null, true],
    ['未到', '住院治疗（有病历）', false],
    ['未到', '   ', true],
    ['阴性', null, false],
    ['阳性', null, false],
  ] as const)('%s with reason %j counts as refusal: %s', (result, excuse, counts) => {
    expect(countsAsRefusal({ kind: 'test', testResult: result, excuse })).toBe(counts);
  });

  it('three absences, one excused: two refusals, no serious breach, no breach date', () => {
    const visits = [test('2025-06-12', '未到'), test('2025-06-19', '未到', '经批准请假外出'), test('2025-06-26', '拒绝检测')];
    expect(refusalCount(visits)).toBe(2);
    expect(seriousBreach({ testRefusals: refusalCount(visits), unauthorizedLeaves: 0, daysAway: 0 }).serious).toBe(false);
    expect(breachSince({}, visits)).toBeNull();
    expect(breachSince({}, [...visits, test('2025-07-03', '未到')])).toBe('2025-07-03');
  });
});

// ── REVIEW row 11: the visit groups' table, group × level, and the 管控 status ───────────────

/** A visit-group file through the whole pipeline, with its level and 管控 status over time. */
function visitDue(
  group: FollowupGroup,
  o: {
    start: string;
    today: string;
    level?: string;
    control?: ControlStatus;
    levels?: readonly { date: string; level: string }[];
    controls?: readonly { date: string; status: ControlStatus }[];
    visits?: readonly string[];
    overrides?: FollowupOverrides;
  },
): DueItem[] {
  return followupDueItems({
    group,
    facts: { attentionLevel: o.level ?? 'yellow', control: o.control ?? 'controlled' },
    overrides: o.overrides ?? {},
    record: {
      asOf: o.today,
      holidays: DEFAULT_HOLIDAYS,
      visits: (o.visits ?? []).map((d) => ({ id: `v${d}`, kind: 'visit' as const, date: d, testResult: null })),
      reports: [],
      suspensions: [],
      levels: o.levels ?? [{ date: o.start, level: o.level ?? 'yellow' }],
      control: o.controls ?? [{ date: o.start, status: o.control ?? 'controlled' }],
    },
    subject: { id: 's', startDate: o.start, endDate: null },
    actions: [],
    today: o.today,
  });
}
const keysStates = (items: DueItem[]) => items.map((i) => [i.key, i.state]);
const quarterly = (key: string, since = '2025-01-01'): FollowupOverrides => ({
  cadences: [{ key, period: 'quarter', since, reason: '本所调整' }],
});

describe("REVIEW row 11: each visit group's cadence comes from the office's group × level table", () => {
  it.each(VISIT_GROUPS.flatMap((g) => (['red', 'yellow', 'green'] as const).map((l) => [g, l] as const)))(
    "%s, %s, 需管控: monthly by default, its basis the townships' practice [LOCAL], no national cadence",
    (group, level) => {
      const c = effectiveCadence(visitCadenceKey(group, level, 'controlled'));
      expect(c).toMatchObject({ period: 'month', basis: 'local', adjustable: true });
      expect(c.source).toContain('每月至少一次上门走访和会见');
      expect(c.source).toContain('未见全国统一的走访频次（待核实）');
      expect(cadenceFor(group, { attentionLevel: level, control: 'controlled' })).toMatchObject([{ ruleId: 'visit', text: '每月1次' }]);
    },
  );

  it.each(VISIT_GROUPS)('%s, 仅在册: no visit duty by default, and the file says so with its basis', (group) => {
    const c = effectiveCadence(visitCadenceKey(group, 'red', 'registered'));
    expect(c).toMatchObject({ off: true, basis: 'derived', adjustable: true });
    expect(rulesFor(group, { attentionLevel: 'red', control: 'registered' })).toEqual([]);
    const [view] = cadenceFor(group, { attentionLevel: 'red', control: 'registered' });
    expect(view).toMatchObject({ text: '不安排定期走访', label: '走访（仅在册）' });
    expect(view!.source).toContain('需管控11人');
  });

  it.each([
    // [group, level, status, office's changes, the cadence the file is under (its words)]
    ['cult', 'red', 'controlled', {}, '每月1次'],
    ['cult', 'red', 'to_transform', {}, '每月1次'],
    ['cult', 'green', 'registered', {}, '不安排定期走访'],
    ['cult', 'green', 'registered', quarterly('cult.visit.registered'), '每季度1次'],
    ['petition', 'yellow', 'controlled', quarterly('petition.visit.yellow'), '每季度1次'],
    ['petition', 'red', 'controlled', quarterly('petition.visit.yellow'), '每月1次'],
    // an office's change made before the table (one cadence per group) holds for each level …
    ['youth', 'green', 'controlled', quarterly('youth.visit'), '每季度1次'],
    ['youth', 'green', 'registered', quarterly('youth.visit'), '不安排定期走访'],
    // … until the office changes a cell of the table
    [
      'youth',
      'red',
      'controlled',
      {
        cadences: [
          ...quarterly('youth.visit').cadences!,
          { key: 'youth.visit.red', period: 'month', minCount: 2, since: '2025-03-01', reason: '重点' },
        ],
      },
      '每月至少2次',
    ],
    ['left_behind_child', 'green', 'controlled', {}, '每月1次'],
  ] as const)('%s, %s, %s, office %j → %s', (group, level, status, overrides, text) => {
    expect(cadenceFor(group, { attentionLevel: level, control: status }, overrides as FollowupOverrides).map((c) => c.text)).toEqual([
      text,
    ]);
  });

  it.each([
    // [group, the statuses its files may take]
    ['cult', ['registered', 'controlled', 'to_transform']],
    ['petition', ['registered', 'controlled']],
    ['left_behind_child', ['registered', 'controlled']],
    ['mental_health', ['controlled']],
    ['drug', ['controlled']],
  ] as const)('%s files may be %j', (group, statuses) => {
    expect(controlStatusesFor(group)).toEqual(statuses);
  });

  it.each([
    ['cult', 'controlled', '需管控'],
    ['cult', 'to_transform', '待转化'],
    ['cult', 'registered', '仅在册'],
    ['left_behind_child', 'controlled', '需关爱帮扶'],
  ] as const)('%s %s is called %s', (group, status, words) => {
    expect(controlText(group, status)).toBe(words);
  });

  it.each([
    ['left_behind_child', 'red', '重点关爱'],
    ['left_behind_child', 'yellow', '一般关爱'],
    ['left_behind_child', 'green', '日常关爱'],
    ['cult', 'red', '红色（重点关注）'],
  ] as const)(
    'a %s file at level %s reads %s (left-behind children are minors: a 关爱 level, no control colour)',
    (group, level, words) => {
      expect(attentionLevelText(group, level)).toBe(words);
    },
  );

  it('曹回: 105 在册 邪教 persons, 11 需管控 (1 待转化) owe 11 monthly visits, not 105', () => {
    const all: ControlStatus[] = [...Array(94).fill('registered'), ...Array(10).fill('controlled'), 'to_transform'];
    expect(all).toHaveLength(105);
    const owed = all.flatMap((control) => visitDue('cult', { start: '2025-01-01', today: '2025-01-31', control }));
    expect(owed.filter((i) => i.key === 'visit:2025-01')).toHaveLength(11);
  });

  it.each([
    // [what happened, level/status history, visits, items of the visit duty]
    [
      '需管控 → 仅在册 on 03-10: January and February stay owed (one missed), nothing from March',
      {
        controls: [
          { date: '2025-01-05', status: 'controlled' },
          { date: '2025-03-10', status: 'registered' },
        ],
      },
      ['2025-02-12'],
      [
        ['visit.prev:2025-01', 'missed'],
        ['visit.prev:2025-02', 'done'],
      ],
    ],
    [
      '仅在册 → 需管控 on 03-10: nothing owed before, March owed from the change',
      {
        controls: [
          { date: '2025-01-05', status: 'registered' },
          { date: '2025-03-10', status: 'controlled' },
        ],
      },
      [],
      [
        ['visit:2025-03', 'overdue'],
        ['visit:2025-04', 'due_soon'],
      ],
    ],
    [
      "red → green on 02-20 with green set to quarterly: January monthly, then the quarter (February's part under it)",
      {
        levels: [
          { date: '2025-01-05', level: 'red' },
          { date: '2025-02-20', level: 'green' },
        ],
        overrides: quarterly('cult.visit.green', '2024-12-01'),
      },
      ['2025-01-20'],
      [
        ['visit.prev:2025-01', 'done'],
        ['visit:2025-Q1', 'overdue'],
        ['visit:2025-Q2', 'upcoming'],
      ],
    ],
    [
      'red → green on 02-20, both monthly: one duty, as before the table',
      {
        levels: [
          { date: '2025-01-05', level: 'red' },
          { date: '2025-02-20', level: 'green' },
        ],
      },
      ['2025-01-20', '2025-02-21', '2025-03-15'],
      [
        ['visit:2025-01', 'done'],
        ['visit:2025-02', 'done'],
        ['visit:2025-03', 'done'],
        ['visit:2025-04', 'due_soon'],
      ],
    ],
  ] as const)('%s', (_what, history, visits, expected) => {
    const items = visitDue('cult', {
      start: '2025-01-05',
      today: '2025-04-25',
      ...(history as Partial<Parameters<typeof visitDue>[1]> & { overrides?: FollowupOverrides }),
      visits: [...visits],
    });
    expect(keysStates(items)).toEqual(expected);
  });
});

describe('REVIEW row 23: a mental-health visit is 随访 under the health scheme, 走访（关爱帮扶） under the 司法所 scheme', () => {
  it.each([
    ['mental_health', 'health', '随访'],
    ['mental_health', 'grid', '走访（关爱帮扶）'],
    ['mental_health', undefined, '随访'],
    ['cult', 'grid', '走访'],
    ['drug', 'health', '走访'],
  ] as const)('%s under %s: %s', (group, scheme, word) => {
    expect(visitWord(group, scheme)).toBe(word);
  });

  it.each([
    ['mh.grid.high', '走访（关爱帮扶，危险性3–5级）'],
    ['mh.grid.low', '走访（关爱帮扶，危险性0–2级）'],
    ['mh.unstable', '随访（不稳定）'],
  ])('the cadence %s is labelled %s', (key, label) => {
    expect(CADENCES.find((c) => c.key === key)!.label).toBe(label);
  });
});

describe('each cadence said plainly, its source left for the tooltip', () => {
  it.each<[string, FollowupGroup, Record<string, FactValue>, FollowupOverrides, string[]]>([
    ['a visit group, controlled', 'cult', { attentionLevel: 'red', control: 'controlled' }, {}, ['每月走访1次，可在设置中调整']],
    [
      'a visit group, only registered',
      'petition',
      { attentionLevel: 'green', control: 'registered' },
      {},
      ['不安排定期走访，可在设置中为其设定走访频次'],
    ],
    [
      'an unstable patient: the cadence and the yearly minimum the standard fixes',
      'mental_health',
      { riskLevel: 3 },
      {},
      ['每2周随访1次，可在设置中调整', '每年至少随访4次，依国家规范，不能调整'],
    ],
    [
      'a patient on the grid scheme',
      'mental_health',
      { riskLevel: 1 },
      { mentalHealthScheme: 'grid' },
      ['每月走访1次，可在设置中调整', '每年至少随访4次，依国家规范，不能调整'],
    ],
    [
      'a basically stable patient, before the 2-week visit',
      'mental_health',
      { riskLevel: 1, riskLevelDate: '2025-03-01' },
      {},
      [
        '评估为基本稳定后2周时随访1次，之后按随访时评估的病情：稳定的每3个月、仍未稳定的每月随访1次；可在设置中调整',
        '每年至少随访4次，依国家规范，不能调整',
      ],
    ],
    [
      'a cadence the office changed',
      'cult',
      { attentionLevel: 'yellow', control: 'controlled' },
      { cadences: [{ key: 'cult.visit.yellow', period: 'quarter', minCount: 1, since: '2025-07-01', reason: '稳控良好' }] },
      ['每季度走访1次；本所调整（2025-07-01起）：稳控良好'],
    ],
    [
      'a drug file, reported: the reporting window, the term and the tests',
      'drug',
      { drugType: 'detox', decisionDate: '2024-01-05', reportDate: '2024-01-10' },
      {},
      [
        '收到责令社区戒毒决定书之日起15日内报到，法定期限，不能调整',
        '自报到之日起满3年期满；期满前30天、7天提醒',
        '第1年每月、第2年每2个月、第3年每3个月检测1次，可在设置中调整',
      ],
    ],
  ])('%s', (_, group, facts, o, plain) => {
    const views = cadenceFor(group, facts, o);
    expect(views.map((v) => v.plain)).toEqual(plain);
    for (const v of views) {
      // Office words, with the source behind them: no article or standard cited inline, no ASCII quotes
      expect(v.plain).not.toMatch(/《|第[一二三四五六七八九十百]+条|["']/);
      expect(v.source.length).toBeGreaterThan(10);
      expect(v.source).not.toMatch(/["']/);
    }
  });
});
