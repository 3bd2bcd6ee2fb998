/** Days left, the one way every screen counts and says them (shared/domain/days-left.ts). */
import { describe, expect, it } from 'vitest';
import { daysLeft, daysLeftText, daysLeftWords } from '../../../../shared/domain/days-left';

describe('days left: calendar days from today to the due date', () => {
  it.each([
    ['due today', '2024-06-15', '2024-06-15', 0, '今天到期'],
    ['due tomorrow', '2024-06-15', '2024-06-16', 1, '还剩1天'],
    ['a week ahead', '2024-06-15', '2024-06-22', 7, '还剩7天'],
    ['passed yesterday', '2024-06-15', '2024-06-14', -1, '已逾期1天'],
    ['a month overdue', '2024-06-15', '2024-05-15', -31, '已逾期31天'],
    // rest days count like any day: a Saturday due date seen on the Friday before
    ['over a weekend', '2024-06-14', '2024-06-17', 3, '还剩3天'],
    ['across a month end', '2024-01-31', '2024-03-01', 30, '还剩30天'],
    ['across a leap day', '2024-02-28', '2024-03-01', 2, '还剩2天'],
    ['across a year end', '2024-12-31', '2025-01-01', 1, '还剩1天'],
    ['a year overdue', '2025-06-15', '2024-06-15', -365, '已逾期365天'],
  ])('%s: %s → %s is %i, %s', (_, today, due, days, words) => {
    expect(daysLeft(today, due)).toBe(days);
    expect(daysLeftWords(days)).toBe(words);
    expect(daysLeftText(today, due)).toBe(words);
  });
});
