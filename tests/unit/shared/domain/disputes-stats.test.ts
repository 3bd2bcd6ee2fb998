import { describe, expect, it } from 'vitest';
import { addDisputeCounts, disputeRates, emptyDisputeCounts } from '../../../../shared/domain/disputes-stats';
import { formatRate } from '../../../../shared/domain/rates';

describe('排查调处 rates', () => {
  it.each([
    // 高寨乡 2024: 304 of 304 registered were 调处 and 化解 (全部调处) — 100.00% both ways.
    [
      '高寨乡 2024, all 调处 and 化解',
      { registered: 304, accepted: 304, mediated: 304, resolved: 304, unresolved: 0 },
      ['100.00%', '100.00%', '100.00%'],
    ],
    // 曹回 2023: 228 of 228 化解.
    ['曹回 2023', { registered: 228, accepted: 228, mediated: 228, resolved: 228, unresolved: 0 }, ['100.00%', '100.00%', '100.00%']],
    [
      'some not yet handled: 化解率 over all registered is lower than over those with an outcome',
      { registered: 10, accepted: 8, mediated: 6, resolved: 4, unresolved: 1 },
      ['75.00%', '40.00%', '80.00%'],
    ],
    ['nothing registered: no rate, never 0 %', { registered: 0, accepted: 0, mediated: 0, resolved: 0, unresolved: 0 }, ['—', '—', '—']],
  ])('%s', (_name, counts, [mediation, resolution, handled]) => {
    const r = disputeRates({ ...emptyDisputeCounts(), ...counts });
    expect([formatRate(r.mediationRate), formatRate(r.resolutionRate), formatRate(r.resolutionRateOfHandled)]).toEqual([
      mediation,
      resolution,
      handled,
    ]);
  });

  it.each([
    // [answered, on time, rated, satisfied] → 按时反馈率, 满意率 (李堡 reports 12345 满意率; the formula is the office's, shown beside it)
    [20, 17, 18, 18, '85.00%', '100.00%'],
    [3, 3, 2, 1, '100.00%', '50.00%'],
    [0, 0, 0, 0, '—', '—'],
  ])(
    'work orders: %i answered, %i on time, %i rated, %i satisfied → %s on time, %s satisfied',
    (fedBack, fedBackOnTime, rated, satisfied, onTime, satisfaction) => {
      const r = disputeRates({ ...emptyDisputeCounts(), fedBack, fedBackOnTime, rated, satisfied });
      expect([formatRate(r.onTimeRate), formatRate(r.satisfactionRate)]).toEqual([onTime, satisfaction]);
    },
  );

  it('adds counts field by field', () => {
    const a = { ...emptyDisputeCounts(), registered: 2, amountYuan: 100.5 };
    const b = { ...emptyDisputeCounts(), registered: 3, resolved: 1, amountYuan: 0.25 };
    expect(addDisputeCounts(a, b)).toMatchObject({ registered: 5, resolved: 1, amountYuan: 100.75 });
  });
});
