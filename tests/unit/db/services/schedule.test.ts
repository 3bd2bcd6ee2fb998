/** The working-day calendar every due date is counted on (the engine's schedule). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;

beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => t.close());

describe('the working-day calendar', () => {
  it('keeps an edited holiday table, refusing duplicates and bad dates', () => {
    expect(t.call('schedule.get', {}).holidaysCustom).toBe(false);
    expect(
      t.raw('schedule.saveHolidays', {
        entries: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-01-01', kind: 'workday', name: '元旦' },
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('日期重复：2027-01-01') },
    });
    expect(t.raw('schedule.saveHolidays', { entries: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const saved = t.call('schedule.saveHolidays', { entries: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(saved).toMatchObject({ holidaysCustom: true, holidays: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
  });
});
