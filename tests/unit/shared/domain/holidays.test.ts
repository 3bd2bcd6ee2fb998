import { describe, expect, it } from 'vitest';
import { weekday } from '../../../../shared/date-math';
import {
  addWorkingDays,
  DEFAULT_HOLIDAYS,
  defaultYearsMissing,
  holidayTableProblems,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  withDefaultYears,
  type HolidayTable,
} from '../../../../shared/domain/holidays';

const H = DEFAULT_HOLIDAYS;

describe('isWorkingDay (weekends rest unless 调休上班; listed holidays rest)', () => {
  it.each([
    ['2025-10-01', false, '国庆 (Wed)'],
    ['2025-10-08', false, '国庆 last day (Wed)'],
    ['2025-10-09', true, 'first day back'],
    ['2025-09-28', true, 'Sunday make-up workday'],
    ['2025-10-11', true, 'Saturday make-up workday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2025-03-01', false, 'ordinary Saturday'],
    ['2025-03-03', true, 'ordinary Monday'],
    ['2025-01-26', true, '春节 make-up Sunday'],
    ['2025-02-04', false, '春节 初七 (Tue)'],
    ['2026-01-04', true, '元旦 make-up Sunday 2026'],
    ['2026-02-23', false, '春节 2026 (Mon)'],
    ['2026-02-28', true, '春节 make-up Saturday 2026'],
    ['2026-09-20', true, '国庆 make-up Sunday 2026'],
    ['2026-10-07', false, '国庆 2026 (Wed)'],
    ['2027-01-01', false, '元旦 2027: the statutory day, before the notice'],
    ['2027-02-08', false, '春节 2027 初三 (Mon)'],
    // REVIEW row 21: a holiday for all citizens on a Saturday or Sunday is made up on the next working days
    ['2027-02-09', false, '春节 2027 补假 for 初一 (Sat)'],
    ['2027-02-10', false, '春节 2027 补假 for 初二 (Sun)'],
    ['2027-02-11', true, '春节 2027 初六: no bridging days until the notice'],
    ['2027-05-03', false, '劳动节 2027 补假 for 05-01 (Sat)'],
    ['2027-05-04', false, '劳动节 2027 补假 for 05-02 (Sun)'],
    ['2027-05-05', true, 'first day back'],
    ['2027-10-04', false, '国庆 2027 补假 for 10-02 (Sat)'],
    ['2027-10-05', false, '国庆 2027 补假 for 10-03 (Sun)'],
    ['2027-10-06', true, 'first day back'],
    ['2027-06-09', false, '端午 2027 (Wed)'],
    ['2027-09-15', false, '中秋 2027 (Wed)'],
    ['2028-01-03', true, 'not in the table: only weekends count'],
  ])('%s → %s (%s)', (date, working) => {
    expect(isWorkingDay(date, H)).toBe(working);
  });

  it('an empty table knows only weekends', () => {
    expect(isWorkingDay('2025-10-01', [])).toBe(true);
    expect(isWorkingDay('2025-09-28', [])).toBe(false);
  });
});

describe('addWorkingDays (counting starts the next day; the result is a working day)', () => {
  it.each([
    // Across 国庆 2025: Sep 28 (Sun) works, Oct 1–8 rest, Oct 11 (Sat) works.
    ['2025-09-26', 15, '2025-10-23'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 3, '2025-09-30'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-03-07', 1, '2025-03-10'],
    ['2025-03-07', 5, '2025-03-14'],
    ['2025-09-26', 0, '2025-09-26'],
    ['2025-09-27', 0, '2025-09-28'],
    ['2025-10-01', 0, '2025-10-09'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
  ])('%s + %i working days → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n, H)).toBe(expected);
    expect(isWorkingDay(addWorkingDays(date, n, H), H)).toBe(true);
  });

  it('without a table only weekends are skipped', () => {
    expect(addWorkingDays('2025-09-30', 1, [])).toBe('2025-10-01');
  });

  it.each([-1, 1.5])('rejects n = %s', (n) => {
    expect(() => addWorkingDays('2025-01-01', n, H)).toThrow(RangeError);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2025-10-01', '2025-10-09'],
    ['2025-10-11', '2025-10-11'],
    ['2025-10-04', '2025-10-09'],
    ['2026-02-15', '2026-02-24'],
    ['2025-03-08', '2025-03-10'],
  ])('%s → %s', (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date, H)).toBe(expected);
  });
});

describe('the default table', () => {
  it('has no invalid or duplicate dates', () => {
    expect(holidayTableProblems(H)).toEqual([]);
  });

  it('puts every make-up workday on a weekend (a weekday "workday" would be a typing error)', () => {
    for (const e of H.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(weekday(e.date));
  });

  it.each([
    [2025, 28, 5],
    [2026, 33, 6],
    [2027, 19, 0], // the law's own days (1+4+1+2+1+1+3) and six 补假 (REVIEW row 21), before the notice
  ])('%i: %i rest days, %i make-up workdays (the notices)', (year, rest, work) => {
    const ofYear = H.filter((e) => e.date.startsWith(String(year)));
    expect(ofYear.filter((e) => e.kind === 'holiday')).toHaveLength(rest);
    expect(ofYear.filter((e) => e.kind === 'workday')).toHaveLength(work);
  });

  it('reports problems in an edited table', () => {
    const edited: HolidayTable = [
      { date: '2025-02-30', kind: 'holiday', name: 'x' },
      { date: '2025-05-01', kind: 'holiday', name: 'a' },
      { date: '2025-05-01', kind: 'workday', name: 'b' },
    ];
    expect(holidayTableProblems(edited)).toEqual(['日期无效：2025-02-30', '日期重复：2025-05-01']);
  });

  it('offers the default years after the last year of an edited table, and adds them in date order', () => {
    const edited: HolidayTable = H.filter((e) => e.date.startsWith('2025') || e.date.startsWith('2026'));
    expect(defaultYearsMissing(edited)).toEqual([2027]);
    expect(defaultYearsMissing(H)).toEqual([]);
    // an office that deleted 2025 on purpose is not asked to take it back
    expect(defaultYearsMissing(H.filter((e) => !e.date.startsWith('2025')))).toEqual([]);
    const merged = withDefaultYears(edited, [2027]);
    expect(merged).toEqual([...H].sort((a, b) => a.date.localeCompare(b.date)));
    expect(holidayTableProblems(merged)).toEqual([]);
  });
});
