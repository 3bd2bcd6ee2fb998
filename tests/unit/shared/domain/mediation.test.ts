import { describe, expect, it } from 'vitest';
import {
  agreementEffectiveDate,
  PERFORMANCE_COMPLETE,
  agreementPerformance,
  confirmationWindow,
  mediationRates,
  STAT_DEFINITIONS,
  proposedReturnVisits,
} from '../../../../shared/domain/mediation';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { formatRate } from '../../../../shared/domain/rates';

describe('agreement effective date (art. 29: the last signature)', () => {
  it.each([
    [{ parties: ['2024-03-01', '2024-03-02'], mediator: '2024-03-01', seal: '2024-03-03' }, '2024-03-03'],
    [{ parties: ['2024-03-05', '2024-03-02'], mediator: '2024-03-01', seal: '2024-03-01' }, '2024-03-05'],
    [{ parties: ['2024-03-01', null], mediator: '2024-03-01', seal: '2024-03-01' }, null],
    [{ parties: ['2024-03-01'], mediator: null, seal: '2024-03-01' }, null],
    [{ parties: [], mediator: '2024-03-01', seal: '2024-03-01' }, null],
  ])('%j → %s', (sig, expected) => {
    expect(agreementEffectiveDate(sig)).toBe(expected);
  });
});

describe('judicial confirmation window (30 days from the effective date)', () => {
  it.each([
    ['2024-01-31', '2024-01-31', '2024-03-01', 31, true],
    ['2024-01-31', '2024-03-01', '2024-03-01', 1, true],
    ['2024-01-31', '2024-03-02', '2024-03-01', 0, false],
    ['2023-02-01', '2023-02-15', '2023-03-03', 17, true],
    // the 30th day a Saturday: the last day is the Monday after
    ['2024-02-01', '2024-02-15', '2024-03-04', 19, true],
    ['2024-12-15', '2025-01-10', '2025-01-14', 5, true],
    // the 30th day in the 2025 国庆 holiday (10-01…10-08): the last day is 10-09
    ['2025-09-03', '2025-10-09', '2025-10-09', 1, true],
  ])('effective %s, today %s → last day %s, %i left', (effective, today, lastDay, left, open) => {
    expect(confirmationWindow(effective, today, DEFAULT_HOLIDAYS)).toEqual({ lastDay, daysLeft: left, open });
  });
});

describe("REVIEW row 1: an agreement's 履行情况 comes from its items when it has any, otherwise from the worker", () => {
  const own = { state: 'on_the_spot', date: '2024-03-05' } as const;
  it.each([
    // items (state, performed on) → state, 履行完毕日期
    [
      [
        ['performed', '2024-04-01'],
        ['performed', '2024-05-01'],
      ],
      'performed',
      '2024-05-01',
    ],
    [
      [
        ['performed', '2024-04-01'],
        ['not_applicable', null],
      ],
      'performed',
      '2024-04-01',
    ],
    // a performed item whose day was never recorded (kept before the day was asked): no 履行完毕日期
    [
      [
        ['performed', '2024-04-01'],
        ['performed', null],
      ],
      'performed',
      null,
    ],
    [
      [
        ['performed', '2024-04-01'],
        ['unperformed', null],
      ],
      'partial',
      null,
    ],
    [[['partial', null]], 'partial', null],
    [
      [
        ['unperformed', null],
        ['unperformed', null],
      ],
      'unperformed',
      null,
    ],
    [[['not_applicable', null]], 'no_payment', null],
  ] as const)('items %j → %s on %s', (items, state, date) => {
    const p = agreementPerformance(
      items.map(([s, d]) => ({ state: s, performedDate: d })),
      own,
    );
    expect(p).toEqual({ state, date, derived: true });
  });

  it.each([
    // the worker's entry for an agreement without items → what counts
    ['on_the_spot', '2024-03-05', '2024-03-05'],
    ['performed', '2024-06-01', '2024-06-01'],
    ['no_payment', '2024-06-01', null],
    ['partial', '2024-06-01', null],
    ['unperformed', null, null],
  ] as const)('no items, recorded %s (%s) → 履行完毕日期 %s', (state, date, expected) => {
    expect(agreementPerformance([], { state, date })).toEqual({ state, date: expected, derived: false });
  });

  it('counts 已履行, 当场履行 and 无给付内容 as performed in full for 协议履行率, and nothing else', () => {
    expect([...PERFORMANCE_COMPLETE].sort()).toEqual(['no_payment', 'on_the_spot', 'performed']);
  });
});

describe('REVIEW row 19: return visits after the agreement takes effect and after its last performance deadline', () => {
  it.each([
    ['2024-01-31', [], 30, ['2024-03-01']],
    ['2024-01-31', [], 15, ['2024-02-15']],
    // a deadline before the first visit adds nothing
    ['2024-01-31', ['2024-02-10'], 30, ['2024-03-01']],
    // pay within six months: visited at 30 days and 30 days after the last deadline
    ['2024-01-31', ['2024-04-30', null, '2024-07-31'], 30, ['2024-03-01', '2024-08-30']],
  ] as const)('effective %s, deadlines %j, every %i days → %j', (effective, deadlines, days, visits) => {
    expect(proposedReturnVisits(effective, deadlines, days)).toEqual(visits);
  });
});

describe('REVIEW row 4: statistics to two decimals, the success rate over both denominators, each labelled', () => {
  it.each([
    // [place, accepted, mediated, successful, ÷ 已调解, ÷ 受理]
    ['Huangshi 2016', 869, 869, 842, '96.89%', '96.89%'],
    ['Xilin Gol 2021', 386, 386, 376, '97.41%', '97.41%'],
    ['李堡镇 2020', 891, 891, 890, '99.89%', '99.89%'],
    // cases still open at the end of the period: the two denominators part
    ['a half year with 10 still open', 120, 110, 104, '94.55%', '86.67%'],
  ])(
    '%s: %i accepted, %i mediated, %i successful → %s of those mediated, %s of those accepted',
    (_p, accepted, mediated, successful, ofMediated, ofAccepted) => {
      const r = mediationRates({
        accepted,
        mediated,
        successful,
        performed: 0,
        written: 0,
        confirmationsApplied: 0,
        confirmationsGranted: 0,
      });
      expect(formatRate(r.successRate)).toBe(ofMediated);
      expect(formatRate(r.successRateOfAccepted)).toBe(ofAccepted);
    },
  );

  it('counts 协议履行率 over the successes and 司法确认率 over the written agreements only (oral ones cannot be confirmed)', () => {
    const r = mediationRates({
      accepted: 386,
      mediated: 386,
      successful: 376,
      performed: 369,
      written: 200,
      confirmationsApplied: 10,
      confirmationsGranted: 9,
    });
    expect(formatRate(r.performanceRate)).toBe('98.14%');
    expect(formatRate(r.confirmationRate)).toBe('5.00%');
  });

  it('shows no rate rather than 0 % when nothing was mediated', () => {
    const r = mediationRates({
      accepted: 3,
      mediated: 0,
      successful: 0,
      performed: 0,
      written: 0,
      confirmationsApplied: 0,
      confirmationsGranted: 0,
    });
    expect(r.successRate).toBeNull();
    expect(formatRate(r.successRate)).toBe('—');
    expect(formatRate(r.successRateOfAccepted)).toBe('0.00%');
  });

  it('writes each definition with its denominator', () => {
    expect(STAT_DEFINITIONS.successRate).toMatch(/÷ 已调解/);
    expect(STAT_DEFINITIONS.successRateOfAccepted).toMatch(/÷ 受理件数$/);
    expect(STAT_DEFINITIONS.confirmationRate).toMatch(/÷ 书面协议件数/);
  });
});
