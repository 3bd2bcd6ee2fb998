import { describe, expect, it } from 'vitest';
import {
  activeInPeriod,
  dutyOf,
  dutyRate,
  FOLLOWUP_STAT_DEFINITIONS,
  inManagementOn,
  overdueCount,
  statsAsOf,
  tallyDuties,
  tallyYear,
  yearsOf,
  type YearRecordFacts,
} from '../../../../shared/domain/followup-stats';
import { formatRate } from '../../../../shared/domain/rates';
import type { DueItem, DueState } from '../../../../shared/domain/obligations';

/** A due item as the engine gives it, with only what the statistics read. */
function item(ruleId: string, dueDate: string, state: DueState, extra: Partial<DueItem> = {}): DueItem {
  return {
    ruleId,
    kind: ruleId === 'visit' ? 'periodic' : 'every',
    key: `${ruleId}:${dueDate}`,
    label: ruleId,
    dueDate,
    originalDueDate: null,
    state,
    satisfiedBy: state === 'done' ? 'v1' : null,
    satisfiedOn: null,
    late: false,
    source: '',
    ...extra,
  };
}

describe('the period is read at its end, or today when that is earlier', () => {
  it.each([
    ['2024-05-31', '2024-06-15', '2024-05-31'],
    ['2024-12-31', '2024-06-15', '2024-06-15'],
    ['2024-06-15', '2024-06-15', '2024-06-15'],
  ])('to %s, today %s → %s', (to, today, asOf) => {
    expect(statsAsOf(to, today)).toBe(asOf);
  });
});

describe('which rules count as visits and tests', () => {
  it.each([
    ['mh.followup', 'visit'],
    ['visit', 'visit'],
    ['visit.prev', 'visit'],
    // REVIEW row 11: a visit group's earlier stretches of cadence (a level or 管控 status changed)
    ['visit.prev2', 'visit'],
    ['visit.prev13', 'visit'],
    ['visit.previous', null],
    ['drug.test', 'test'],
    ['mh.yearly', null],
    ['mh.yearly.prev', null],
    ['drug.report', null],
    ['drug.term', null],
  ] as const)('%s → %s', (ruleId, duty) => {
    expect(dutyOf(ruleId)).toBe(duty);
  });
});

describe('tallying the visits and tests due in a period', () => {
  const from = '2024-05-01';
  const to = '2024-05-31';
  it.each([
    ['nothing due', [], { due: 0, done: 0, late: 0, missed: 0, waived: 0 }, null],
    ['one done on time', [item('mh.followup', '2024-05-10', 'done')], { due: 1, done: 1, late: 0, missed: 0, waived: 0 }, 1],
    [
      'done late counts as done and as late',
      [item('mh.followup', '2024-05-10', 'done', { late: true })],
      { due: 1, done: 1, late: 1, missed: 0, waived: 0 },
      1,
    ],
    [
      'overdue is due, not done',
      [item('mh.followup', '2024-05-10', 'overdue'), item('mh.followup', '2024-05-24', 'done')],
      { due: 2, done: 1, late: 0, missed: 0, waived: 0 },
      0.5,
    ],
    [
      'a waived one is left out of the rate',
      [item('visit', '2024-05-31', 'waived'), item('visit', '2024-05-20', 'done')],
      { due: 1, done: 1, late: 0, missed: 0, waived: 1 },
      1,
    ],
    [
      'the first and last day of the period are in it',
      [item('visit', '2024-05-01', 'overdue'), item('visit', '2024-05-31', 'due_soon')],
      { due: 2, done: 0, late: 0, missed: 0, waived: 0 },
      0,
    ],
    [
      'before and after the period: not counted',
      [item('visit', '2024-04-30', 'overdue'), item('visit', '2024-06-01', 'upcoming')],
      { due: 0, done: 0, late: 0, missed: 0, waived: 0 },
      null,
    ],
    [
      'rules that are not visits: not counted',
      [item('mh.yearly', '2024-05-31', 'overdue'), item('drug.report', '2024-05-10', 'done')],
      { due: 0, done: 0, late: 0, missed: 0, waived: 0 },
      null,
    ],
    [
      'a calendar duty needing 3, 2 done so far',
      [item('visit', '2024-05-31', 'due_soon', { progress: { done: 2, required: 3 } })],
      { due: 3, done: 2, late: 0, missed: 0, waived: 0 },
      2 / 3,
    ],
    [
      'a missed month (漏访: a later visit passed it by) is due and not done, and counted as missed',
      [item('visit', '2024-05-31', 'missed'), item('visit', '2024-05-20', 'done')],
      { due: 2, done: 1, late: 0, missed: 1, waived: 0 },
      0.5,
    ],
    [
      'a missed period needing 3 with 1 done: 3 due, 1 done, 2 missed',
      [item('visit', '2024-05-31', 'missed', { progress: { done: 1, required: 3 } })],
      { due: 3, done: 1, late: 0, missed: 2, waived: 0 },
      1 / 3,
    ],
    [
      'a calendar duty needing 2, done',
      [item('visit', '2024-05-31', 'done', { progress: { done: 4, required: 2 } })],
      { due: 2, done: 2, late: 0, missed: 0, waived: 0 },
      1,
    ],
  ])('%s', (_name, items, visit, r) => {
    const t = tallyDuties(items, from, to);
    expect(t.visit).toEqual(visit);
    expect(dutyRate(t.visit)).toBe(r);
  });

  it('keeps tests apart from visits', () => {
    const t = tallyDuties(
      [
        item('drug.test', '2024-05-05', 'done', { late: true }),
        item('drug.test', '2024-05-25', 'overdue'),
        item('visit', '2024-05-31', 'done'),
      ],
      from,
      to,
    );
    expect(t.test).toEqual({ due: 2, done: 1, late: 1, missed: 0, waived: 0 });
    expect(t.visit).toEqual({ due: 1, done: 1, late: 0, missed: 0, waived: 0 });
  });

  it.each([
    [3, 4, '75.00%'],
    [0, 0, '—'],
    [2, 3, '66.67%'],
  ])('rate %i of %i → %s (formatRate, two decimals)', (done, due, text) => {
    expect(formatRate(dutyRate({ due, done, late: 0, missed: 0, waived: 0 }))).toBe(text);
  });
});

describe('overdue at the end of the period', () => {
  it.each([
    ['open and due before the day', [item('mh.followup', '2024-05-10', 'overdue')], 1],
    ['due on the day itself is not yet overdue', [item('mh.followup', '2024-05-31', 'due_soon')], 0],
    ['done or waived', [item('visit', '2024-04-30', 'done'), item('visit', '2024-03-31', 'waived')], 0],
    ['missed (漏访) is not owed any more, so not overdue', [item('visit', '2024-03-31', 'missed')], 0],
    [
      'any rule: a missed report and a yearly check',
      [item('drug.report', '2024-03-01', 'overdue'), item('mh.yearly', '2023-12-31', 'overdue')],
      2,
    ],
  ])('%s → %i', (_name, items, n) => {
    expect(overdueCount(items, '2024-05-31')).toBe(n);
  });
});

describe('files in management', () => {
  it.each([
    [{ startDate: '2024-01-01', endDate: null }, true, true],
    [{ startDate: '2024-06-01', endDate: null }, false, false],
    [{ startDate: '2024-05-31', endDate: null }, true, true],
    [{ startDate: '2023-01-01', endDate: '2024-04-30' }, false, false],
    [{ startDate: '2023-01-01', endDate: '2024-05-01' }, true, false],
    [{ startDate: '2023-01-01', endDate: '2024-05-31' }, true, false],
    [{ startDate: '2023-01-01', endDate: '2024-06-01' }, true, true],
  ])('%j: active in May %s, in management on 05-31 %s', (span, active, atEnd) => {
    expect(activeInPeriod(span, '2024-05-01', '2024-05-31')).toBe(active);
    expect(inManagementOn(span, '2024-05-31')).toBe(atEnd);
  });
});

describe('definitions shown under the figures', () => {
  it('name each formula in Chinese', () => {
    expect(FOLLOWUP_STAT_DEFINITIONS.visitRate).toMatch(/^走访完成率 = .+ ÷ /);
    expect(FOLLOWUP_STAT_DEFINITIONS.followupRate).toMatch(/^随访率 = 严重精神障碍患者/);
    expect(FOLLOWUP_STAT_DEFINITIONS.overdue).toMatch(/^逾期件数 = /);
    expect(FOLLOWUP_STAT_DEFINITIONS.missed).toMatch(/^漏访 = .*计入应访、不计入已访/);
    expect(FOLLOWUP_STAT_DEFINITIONS.visitRate).toContain('漏访的计入应访、不计入已访');
    expect(FOLLOWUP_STAT_DEFINITIONS.seriousBreach).toContain('《戒毒条例》第二十条');
  });
});

describe('REVIEW row 12: 有奖监护率, 免费服药率 and 免费救治率 of a year', () => {
  const rec = (year: number, rewardResult: string, extra: Partial<YearRecordFacts> = {}): YearRecordFacts => ({
    year,
    rewardResult,
    paid: false,
    amountFen: null,
    freeMedication: false,
    freeTreatment: false,
    ...extra,
  });
  const file = (startDate: string, endDate: string | null, ...records: YearRecordFacts[]) => ({ span: { startDate, endDate }, records });

  it.each([
    // [what, files, year, as-of, expected tally]
    [
      "李堡: every patient's guardian rewarded → 有奖监护率 100%",
      [file('2023-01-01', null, rec(2024, '合格', { paid: true, amountFen: 180000 })), file('2024-03-01', null, rec(2024, '合格'))],
      2024,
      '2024-12-31',
      { patients: 2, rewarded: 2, paid: 1, amountFen: 180000, unrecorded: 0 },
    ],
    [
      'only 合格 counts; 待考核, 不合格, 不符合条件 and no record do not',
      [
        file('2023-01-01', null, rec(2024, '合格')),
        file('2023-01-01', null, rec(2024, '待考核')),
        file('2023-01-01', null, rec(2024, '不合格')),
        file('2023-01-01', null, rec(2024, '不符合条件')),
        file('2023-01-01', null, rec(2023, '合格')),
      ],
      2024,
      '2024-12-31',
      { patients: 5, rewarded: 1, unrecorded: 1 },
    ],
    [
      'a patient who died in March was in management that year; one opened after the as-of day was not',
      [file('2022-01-01', '2024-03-10', rec(2024, '合格')), file('2024-07-01', null, rec(2024, '合格'))],
      2024,
      '2024-06-15',
      { patients: 1, rewarded: 1 },
    ],
    [
      'free medication and free treatment counted over the same patients',
      [
        file('2023-01-01', null, rec(2024, '未申请', { freeMedication: true, freeTreatment: true })),
        file('2023-01-01', null, rec(2024, '合格', { freeMedication: true })),
        file('2023-01-01', null),
      ],
      2024,
      '2024-12-31',
      { patients: 3, rewarded: 1, freeMedication: 2, freeTreatment: 1, unrecorded: 1 },
    ],
    [
      'a year after the as-of day: nothing',
      [file('2023-01-01', null, rec(2025, '合格'))],
      2025,
      '2024-12-31',
      { patients: 0, rewarded: 0 },
    ],
  ] as const)('%s', (_what, files, year, asOf, expected) => {
    expect(tallyYear(year, asOf, files)).toMatchObject({ year, ...expected });
  });

  it('the rate is 合格 ÷ patients, shown with two decimals, "—" with no patient', () => {
    const t = tallyYear(2024, '2024-12-31', [
      file('2023-01-01', null, rec(2024, '合格')),
      file('2023-01-01', null),
      file('2023-01-01', null),
    ]);
    expect(formatRate(dutyRate({ done: t.rewarded, due: t.patients, late: 0, missed: 0, waived: 0 }))).toBe('33.33%');
    expect(tallyYear(2024, '2024-12-31', [])).toMatchObject({ patients: 0 });
  });

  it.each([
    ['2024-01-01', '2024-06-15', [2024]],
    ['2023-07-01', '2024-06-15', [2023, 2024]],
    ['2010-01-01', '2024-06-15', [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]],
  ] as const)('a period from %s read at %s touches the years %j (the last ten at most)', (from, asOf, years) => {
    expect(yearsOf(from, asOf)).toEqual(years);
  });

  it('the definitions say what is counted and that the official formula was not found', () => {
    expect(FOLLOWUP_STAT_DEFINITIONS.rewardRate).toMatch(/^有奖监护率 = 当年以奖代补考核合格的严重精神障碍患者数 ÷ 当年在管的患者数/);
    expect(FOLLOWUP_STAT_DEFINITIONS.rewardRate).toContain('待核实');
    expect(FOLLOWUP_STAT_DEFINITIONS.visitRate).toContain('仅在册、未列为管控对象的人员没有走访任务');
  });
});
