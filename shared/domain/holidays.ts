/**
 * The working-day calendar (工作日历) used by deadlines counted in working days (工作日).
 *
 * A day is a rest day when it is a Saturday or Sunday, unless the State Council moved a working day
 * onto it (调休上班), or when it is listed as a holiday (法定节假日 and the days joined to it by 调休).
 * The table is data: the office edits it each year when the State Council publishes the next year's
 * notice (usually in November). Pure functions; the table is passed in.
 */
import { addDays, isValidDate } from '../dates';
import { weekday } from '../date-math';

export interface HolidayEntry {
  date: string;
  /** 'holiday' = 放假 (rest day even on a weekday); 'workday' = 调休上班 (working day even on a weekend). */
  kind: 'holiday' | 'workday';
  name: string;
}
export type HolidayTable = HolidayEntry[];

export const HOLIDAY_KIND_LABELS = { holiday: '放假', workday: '调休上班' } as const;

/** Where each year of the default table comes from (shown beside the table in settings). */
export const DEFAULT_HOLIDAY_SOURCES: { year: number; source: string }[] = [
  { year: 2025, source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）' },
  { year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社发布）；默认表，请核对' },
  {
    year: 2027,
    source:
      '法定假日（全国年节及纪念日放假办法，2024年修订；农历日期按农历推算）及其补假（同办法：全体公民放假的假日适逢周六、周日的，应当在工作日补假）；调休上班日以国务院办公厅2027年通知为准，通知发布后请在此核对补充',
  },
];

/** A run of rest days plus the make-up workdays that go with it. */
function block(name: string, from: string, days: number, workdays: string[] = []): HolidayEntry[] {
  const rest = Array.from({ length: days }, (_, i) => ({ date: addDays(from, i), kind: 'holiday' as const, name }));
  return [...rest, ...workdays.map((date) => ({ date, kind: 'workday' as const, name: `${name}调休上班` }))];
}

/**
 * The default table, typed from the notices above (2027: the law's own days, see its source). 2025 follows the 2024 revision of
 * 全国年节及纪念日放假办法 (春节 and 劳动节 one day longer; 国庆 joined with 中秋 = 8 days).
 */
export const DEFAULT_HOLIDAYS: HolidayTable = [
  // 2025
  ...block('元旦', '2025-01-01', 1),
  ...block('春节', '2025-01-28', 8, ['2025-01-26', '2025-02-08']),
  ...block('清明节', '2025-04-04', 3),
  ...block('劳动节', '2025-05-01', 5, ['2025-04-27']),
  ...block('端午节', '2025-05-31', 3),
  ...block('国庆节、中秋节', '2025-10-01', 8, ['2025-09-28', '2025-10-11']),
  // 2026
  ...block('元旦', '2026-01-01', 3, ['2026-01-04']),
  ...block('春节', '2026-02-15', 9, ['2026-02-14', '2026-02-28']),
  ...block('清明节', '2026-04-04', 3),
  ...block('劳动节', '2026-05-01', 5, ['2026-05-09']),
  ...block('端午节', '2026-06-19', 3),
  ...block('中秋节', '2026-09-25', 3),
  ...block('国庆节', '2026-10-01', 7, ['2026-09-20', '2026-10-10']),
  // 2027: the statutory days and their make-up days (补假: a holiday for all citizens that falls on a
  // Saturday or Sunday is made up on the next working days), until the State Council's notice sets the
  // bridging days (REVIEW row 21)
  ...block('元旦', '2027-01-01', 1),
  ...block('春节', '2027-02-05', 4), // 除夕 and 正月初一至初三 (正月初一 = 2027-02-06)
  ...block('春节补假', '2027-02-09', 2), // 02-06 and 02-07 are a Saturday and a Sunday
  ...block('清明节', '2027-04-05', 1),
  ...block('劳动节', '2027-05-01', 2),
  ...block('劳动节补假', '2027-05-03', 2), // 05-01 and 05-02 are a Saturday and a Sunday
  ...block('端午节', '2027-06-09', 1),
  ...block('中秋节', '2027-09-15', 1),
  ...block('国庆节', '2027-10-01', 3),
  ...block('国庆节补假', '2027-10-04', 2), // 10-02 and 10-03 are a Saturday and a Sunday
];

// The engine asks about many days per subject; index each table once (tables are replaced, not mutated).
const indexCache = new WeakMap<HolidayTable, Map<string, HolidayEntry['kind']>>();
function indexOf(table: HolidayTable): Map<string, HolidayEntry['kind']> {
  let index = indexCache.get(table);
  if (!index) {
    index = new Map(table.map((e) => [e.date, e.kind]));
    indexCache.set(table, index);
  }
  return index;
}

export function isWorkingDay(date: string, table: HolidayTable): boolean {
  const listed = indexOf(table).get(date);
  if (listed) return listed === 'workday';
  const wd = weekday(date);
  return wd !== 0 && wd !== 6;
}

export function nextWorkingDayOnOrAfter(date: string, table: HolidayTable): string {
  let d = date;
  // A rest period is at most a few weeks long; the bound only guards against a corrupt table.
  for (let i = 0; i < 366 && !isWorkingDay(d, table); i++) d = addDays(d, 1);
  return d;
}

/**
 * `n` working days after `date`: counting starts the next day (the day of the event does not count,
 * as with 期间 in 民诉法 art. 85), and the result is always a working day. n = 0 gives the date itself
 * when it is a working day, otherwise the next working day.
 */
export function addWorkingDays(date: string, n: number, table: HolidayTable): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数必须为非负整数：${n}`);
  if (n === 0) return nextWorkingDayOnOrAfter(date, table);
  let d = date;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, table)) counted++;
  }
  return d;
}

/** Problems in an office-edited table, in Chinese, for the settings form (empty when fine). */
export function holidayTableProblems(table: HolidayTable): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of table) {
    if (!isValidDate(e.date)) problems.push(`日期无效：${e.date}`);
    else if (seen.has(e.date)) problems.push(`日期重复：${e.date}`);
    seen.add(e.date);
  }
  return problems;
}

/**
 * Years the default table knows beyond the last year of an office-edited table (a table edited in
 * 2025 has no 2027), so settings can offer to add them. Earlier years are the office's own choice.
 */
export function defaultYearsMissing(table: HolidayTable, defaults: HolidayTable = DEFAULT_HOLIDAYS): number[] {
  const last = Math.max(0, ...table.map((e) => Number(e.date.slice(0, 4))));
  return [...new Set(defaults.map((e) => Number(e.date.slice(0, 4))))].filter((y) => y > last).sort((a, b) => a - b);
}

/** The table with the default entries of `years` added, in date order. */
export function withDefaultYears(table: HolidayTable, years: readonly number[], defaults: HolidayTable = DEFAULT_HOLIDAYS): HolidayTable {
  const add = defaults.filter((e) => years.includes(Number(e.date.slice(0, 4))));
  return [...table, ...add].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
