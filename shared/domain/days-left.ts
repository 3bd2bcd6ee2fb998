/**
 * How far a due date is from today, in the one way every screen says it: calendar days from today to
 * the due date (rest days count like any day; the due date itself is already moved past rest days by
 * the engine), in the office's words — 今天到期, 还剩3天, 已逾期5天. The dashboard, the ledgers, the
 * record pages and the confirmation window all use it, so that one item never reads two ways.
 */
import { daysBetween } from '../dates';

/** Calendar days from `today` to `due`: 0 on the day, negative once it has passed. */
export function daysLeft(today: string, due: string): number {
  return daysBetween(today, due);
}

/** The days counted by daysLeft, in words. */
export function daysLeftWords(days: number): string {
  if (days < 0) return `已逾期${-days}天`;
  if (days === 0) return '今天到期';
  return `还剩${days}天`;
}

/** How far `due` is from `today`, in words: 今天到期, 还剩3天, 已逾期5天. */
export function daysLeftText(today: string, due: string): string {
  return daysLeftWords(daysLeft(today, due));
}
