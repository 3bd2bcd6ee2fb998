/**
 * Calendar arithmetic on 'YYYY-MM-DD' text, beside the basic helpers in ./dates (kept in a separate
 * file so that dates.ts stays as it is). Pure; no clock is read here.
 */
import { addDays, daysInMonth } from './dates';

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function fmt(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Calendar months, clamped to the month end: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year).
 * This is how a "每月/每3个月" cadence and a term in months are read in practice: the same day of the
 * month, or the last day when the month is shorter (cf. 民法典 art. 202: a period in months ends on the
 * corresponding day, or the month's last day when there is none).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Years as 12-month steps, so Feb 29 + 1 year = Feb 28 and Feb 29 + 4 years = Feb 29. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  /** Stable key: '2025-03', '2025-Q1', '2025'. */
  key: string;
  start: string;
  end: string;
  /** Chinese label for lists: 2025年3月, 2025年第1季度, 2025年. */
  label: string;
}

/** The calendar month, quarter or year that contains `date`. */
export function periodOf(date: string, kind: PeriodKind): Period {
  const [y, m] = parts(date);
  if (kind === 'month') {
    return { key: fmt(y, m, 1).slice(0, 7), start: fmt(y, m, 1), end: fmt(y, m, daysInMonth(y, m)), label: `${y}年${m}月` };
  }
  if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3) + 1;
    const last = q * 3;
    return { key: `${y}-Q${q}`, start: fmt(y, last - 2, 1), end: fmt(y, last, daysInMonth(y, last)), label: `${y}年第${q}季度` };
  }
  return { key: String(y), start: fmt(y, 1, 1), end: fmt(y, 12, 31), label: `${y}年` };
}

/** Every month from the one holding `from` to the one holding `to`, as 'YYYY-MM' (a statistic's months). */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-01`; d.slice(0, 7) <= to.slice(0, 7); d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}

/** The period after `p` (same kind). */
export function nextPeriod(p: Period, kind: PeriodKind): Period {
  return periodOf(addDays(p.end, 1), kind);
}
