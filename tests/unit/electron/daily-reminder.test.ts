import { describe, expect, it } from 'vitest';
import { reminderText, shouldRemind } from '../../../electron/daily-reminder';

describe('the once-a-day overdue reminder', () => {
  it.each([
    [{ lastShown: null }, '2024-06-15', 3, true],
    [{ lastShown: '2024-06-14' }, '2024-06-15', 1, true],
    [{ lastShown: '2024-06-15' }, '2024-06-15', 3, false], // already shown today
    [{ lastShown: null }, '2024-06-15', 0, false], // nothing overdue
  ])('state %o on %s with %i overdue → %s', (state, today, overdue, expected) => {
    expect(shouldRemind(state, today, overdue)).toBe(expected);
  });

  it('says how many are overdue and due soon, in Chinese', () => {
    expect(reminderText(3, 2).body).toBe('有 3 项已逾期，另有 2 项7日内到期。请在“首页 工作台”查看并办理。');
    expect(reminderText(1, 0).body).toBe('有 1 项已逾期。请在“首页 工作台”查看并办理。');
  });
});
