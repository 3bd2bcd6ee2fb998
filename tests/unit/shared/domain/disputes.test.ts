/** The dispute register's own rules: a new registration's default handling deadline. */
import { describe, expect, it } from 'vitest';
import { defaultDisputeDeadline } from '../../../../shared/domain/disputes';
import { DEFAULT_CATEGORY_DEADLINE_DAYS, DEFAULT_DISPUTE_DEADLINE, LEGACY_DISPUTE_DEADLINE } from '../../../../shared/schemas/reference';

const office = { disputeDeadline: DEFAULT_DISPUTE_DEADLINE, categoryDeadlineDays: DEFAULT_CATEGORY_DEADLINE_DAYS };

describe('REVIEW rows 7 and 20: a registration is due one calendar month later, a labour dispute 15 days later', () => {
  it.each([
    // [registered, category, due] — a month, not 30 days; the month's last day when the month is shorter
    ['2024-03-01', '02', '2024-04-01'],
    ['2024-01-31', '02', '2024-02-29'],
    ['2023-01-31', '02', '2023-02-28'],
    ['2024-12-15', '01', '2025-01-15'],
    // 劳动争议纠纷 (10): the 15-day point of 劳动争议调解仲裁法 art. 14
    ['2024-03-01', '10', '2024-03-16'],
    ['2024-12-20', '10', '2025-01-04'],
  ])('registered %s, category %s → due %s', (intake, category, due) => {
    expect(defaultDisputeDeadline(intake, category, office)).toBe(due);
  });

  it('keeps 30 days for a ledger set up before the unit existed, and any office setting', () => {
    expect(defaultDisputeDeadline('2024-03-01', '02', { ...office, disputeDeadline: LEGACY_DISPUTE_DEADLINE })).toBe('2024-03-31');
    expect(defaultDisputeDeadline('2024-03-01', '02', { disputeDeadline: { count: 2, unit: 'month' }, categoryDeadlineDays: {} })).toBe(
      '2024-05-01',
    );
    expect(defaultDisputeDeadline('2024-03-01', '10', { disputeDeadline: { count: 20, unit: 'day' }, categoryDeadlineDays: {} })).toBe(
      '2024-03-21',
    );
    expect(defaultDisputeDeadline('2024-03-01', '07', { ...office, categoryDeadlineDays: { '07': 45 } })).toBe('2024-04-15');
  });
});
