/**
 * The next step of 考核奖惩 a correction file's record suggests (REVIEW §5.4): the days late at reporting and out of
 * supervision (10 days, 1 month), two 训诫, two 警告, by category; and the steps each category may record.
 */
import { describe, expect, it } from 'vitest';
import type { CorrectionCategory } from '../../../../shared/domain/correction-rules';
import {
  sanctionKindError,
  sanctionKindsFor,
  suggestSanctions,
  type RecordedStep,
  type SanctionFacts,
} from '../../../../shared/domain/correction-sanctions';

const TODAY = '2024-06-15';
const facts = (f: Partial<SanctionFacts> = {}): SanctionFacts => ({
  category: 'probation',
  steps: [],
  reportIn: null,
  overdueReportSince: null,
  today: TODAY,
  ...f,
});
const step = (kind: RecordedStep['kind'], date: string, reason = 'other'): RecordedStep => ({ kind, date, reason });
const first = (f: Partial<SanctionFacts>, settings = {}) => {
  const s = suggestSanctions(facts(f), settings)[0];
  return s ? [s.kind, s.reason] : null;
};

describe('reporting late (报到迟延): ≤ 10 days 训诫, > 10 days 警告, > 1 month 提请撤销', () => {
  it.each([
    ['on time', '2024-05-10', '2024-05-10', null],
    ['1 day late', '2024-05-10', '2024-05-11', ['reprimand', 'late_short']],
    ['10 days late (boundary)', '2024-05-10', '2024-05-20', ['reprimand', 'late_short']],
    ['11 days late', '2024-05-10', '2024-05-21', ['warning', 'late_long']],
    ['exactly one month late', '2024-05-10', '2024-06-10', ['warning', 'late_long']],
    ['one month and a day late', '2024-05-10', '2024-06-11', ['revoke_probation', 'absent_month']],
  ])('%s', (_, deadline, reportDate, expected) => {
    expect(first({ reportIn: { deadline, reportDate } })).toEqual(expected);
  });

  it('not yet reported counts to today, and says so', () => {
    const [s] = suggestSanctions(facts({ reportIn: { deadline: '2024-06-01', reportDate: null } }));
    expect(s).toMatchObject({ kind: 'warning', reason: 'late_long', facts: '逾期未报到已14日，超过十日' });
    expect(s!.condition).toContain('超过十日');
    expect(first({ reportIn: { deadline: '2024-06-15', reportDate: null } })).toBeNull();
  });

  it('is not the subject’s for 暂予监外执行: the late hand-over is the prison’s', () => {
    expect(first({ category: 'outside', reportIn: { deadline: '2024-05-10', reportDate: '2024-06-01' } })).toBeNull();
  });

  it('is not suggested again once a step at least as serious was recorded for it', () => {
    const reportIn = { deadline: '2024-05-10', reportDate: '2024-05-15' };
    expect(first({ reportIn, steps: [step('reprimand', '2024-05-20', 'late_short')] })).toBeNull();
    // A 训诫 for 5 days does not answer 20 days out of supervision.
    expect(
      first({ reportIn: { deadline: '2024-05-10', reportDate: '2024-05-30' }, steps: [step('reprimand', '2024-05-15', 'late_short')] }),
    ).toEqual(['warning', 'late_long']);
  });
});

describe('out of supervision (脱管): an overdue report', () => {
  it.each([
    ['due today: not yet', '2024-06-15', null],
    ['5 days', '2024-06-10', ['reprimand', 'late_short']],
    ['10 days', '2024-06-05', ['reprimand', 'late_short']],
    ['11 days', '2024-06-04', ['warning', 'late_long']],
    ['one month', '2024-05-15', ['warning', 'late_long']],
    ['over one month', '2024-05-14', ['revoke_probation', 'absent_month']],
  ])('%s', (_, since, expected) => {
    expect(first({ overdueReportSince: since })).toEqual(expected);
  });
});

describe('counts: two 训诫 → 警告, two 警告 → the revocation of the category', () => {
  it.each<[string, RecordedStep[], [string, string] | null]>([
    ['one 训诫', [step('reprimand', '2024-05-01')], null],
    ['two 训诫', [step('reprimand', '2024-05-01'), step('reprimand', '2024-06-01')], ['warning', 'two_reprimands']],
    ['two 训诫 then a 警告', [step('reprimand', '2024-05-01'), step('reprimand', '2024-05-02'), step('warning', '2024-06-01')], null],
    [
      'a 警告, then two 训诫',
      [step('warning', '2024-04-01'), step('reprimand', '2024-05-01'), step('reprimand', '2024-06-01')],
      ['warning', 'two_reprimands'],
    ],
    ['two 警告', [step('warning', '2024-05-01'), step('warning', '2024-06-01')], ['revoke_probation', 'two_warnings']],
    ['two 警告 then a 提请', [step('warning', '2024-05-01'), step('warning', '2024-05-02'), step('revoke_probation', '2024-06-01')], null],
    ['表扬 counts for nothing', [step('commend', '2024-05-01'), step('commend', '2024-06-01')], null],
  ])('%s', (_, steps, expected) => {
    expect(first({ steps })).toEqual(expected);
  });

  it('says the condition and the dates', () => {
    const [s] = suggestSanctions(facts({ steps: [step('reprimand', '2024-05-01'), step('reprimand', '2024-06-01')] }));
    expect(s).toMatchObject({ condition: '受到训诫后仍不改正（两次训诫）', facts: '已受到2次训诫（2024-05-01、2024-06-01）' });
  });

  it('lists the most serious first, one per step', () => {
    const all = suggestSanctions(
      facts({
        steps: [
          step('warning', '2024-05-01'),
          step('warning', '2024-05-02'),
          step('reprimand', '2024-05-03'),
          step('reprimand', '2024-05-04'),
        ],
        overdueReportSince: '2024-06-10',
      }),
    );
    expect(all.map((s) => s.kind)).toEqual(['revoke_probation', 'warning', 'reprimand']);
  });
});

describe('by category', () => {
  const twoWarnings = [step('warning', '2024-05-01'), step('warning', '2024-06-01')];
  it.each<[CorrectionCategory, string]>([
    ['probation', 'revoke_probation'],
    ['parole', 'revoke_parole'],
    ['outside', 'imprison'],
    ['control', 'penalty'],
  ])('%s: two 警告 suggest %s', (category, kind) => {
    expect(suggestSanctions(facts({ category, steps: twoWarnings }))[0]?.kind).toBe(kind);
  });

  it('管制 has no revocation: 治安处罚, said to be derived', () => {
    const [s] = suggestSanctions(facts({ category: 'control', overdueReportSince: '2024-05-01' }));
    expect(s).toMatchObject({ kind: 'penalty', reason: 'security' });
    expect(s!.condition).toContain('DERIVED');
  });

  it('假释 and 暂予监外执行 take their thresholds from the settings; 缓刑 does not', () => {
    const one = [step('warning', '2024-05-01')];
    expect(first({ category: 'parole', steps: one }, { otherWarnings: 1 })).toEqual(['revoke_parole', 'two_warnings']);
    expect(first({ category: 'probation', steps: one }, { otherWarnings: 1 })).toBeNull();
    expect(first({ category: 'outside', overdueReportSince: '2024-05-01' }, { otherAbsentMonths: 2 })).toEqual(['warning', 'late_long']);
    expect(first({ category: 'outside', overdueReportSince: '2024-04-14' }, { otherAbsentMonths: 2 })).toEqual([
      'imprison',
      'absent_month',
    ]);
  });

  it.each<[CorrectionCategory, string[]]>([
    ['control', ['commend', 'reprimand', 'warning', 'penalty']],
    ['probation', ['commend', 'reprimand', 'warning', 'penalty', 'revoke_probation']],
    ['parole', ['commend', 'reprimand', 'warning', 'revoke_parole']],
    ['outside', ['commend', 'reprimand', 'warning', 'penalty', 'imprison']],
  ])('%s may record %j', (category, kinds) => {
    expect(sanctionKindsFor(category)).toEqual(kinds);
  });

  it('refuses 治安处罚 for 假释 and a revocation that does not fit, in Chinese', () => {
    expect(sanctionKindError('parole', 'penalty')).toContain('假释的不适用');
    expect(sanctionKindError('probation', 'revoke_parole')).toContain('提请撤销缓刑');
    expect(sanctionKindError('control', 'imprison')).toContain('管制');
    expect(sanctionKindError('probation', 'penalty')).toBeNull();
  });
});
