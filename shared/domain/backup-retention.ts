/**
 * Which automatic backups to keep (RELIABILITY G4, T19), after Actual Budget's rule: several from
 * today, one a day for two weeks, one a week for two months, one a month for a year; a backup taken
 * before an upgrade is kept for a year whatever the other tiers say, and the newest verified backup is
 * never let go. Each tier takes the newest backup of its day, week (Monday to Sunday) or month among
 * the backups older than the tier before it: a week tier of 8 covers the current week (what the days
 * left of it) and the 8 before it; a tier set to 0 keeps nothing.
 */
import { addDays, daysBetween } from '../dates';

export const BACKUP_REASONS = ['exit', 'daily', 'manual', 'before-migration', 'before-restore', 'before-import', 'before-encrypt'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  exit: '退出时',
  daily: '每日',
  manual: '手动',
  'before-migration': '升级前',
  'before-restore': '恢复前',
  'before-import': '导入前',
  'before-encrypt': '加密前',
};

export interface RetentionRules {
  /** Backups from today kept, newest first. */
  today: number;
  /** Days before today with one backup each. */
  days: number;
  /** Weeks before the current one with one backup each (beyond the days). */
  weeks: number;
  /** Months before the current one with one backup each (beyond the weeks). */
  months: number;
  /** Days a backup taken before an upgrade is kept. */
  migrationDays: number;
}

export const DEFAULT_RETENTION: RetentionRules = { today: 10, days: 14, weeks: 8, months: 12, migrationDays: 365 };

export interface RetainedBackup {
  id: string;
  /** The local date it was taken. */
  day: string;
  /** The instant it was taken (ISO-8601 UTC), for the order within a day. */
  createdAt: string;
  reason: BackupReason;
  verified: boolean;
}

/** The Monday of a date's week. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** The ids of the backups to keep, newest first; the others may be deleted. */
export function backupsToKeep(list: readonly RetainedBackup[], today: string, rules: RetentionRules): string[] {
  const newest = [...list].sort((a, b) =>
    a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
  );
  const keep = new Set<string>();
  const firstOf = new Set<string>();
  /** Keeps the first (newest) backup seen of a bucket. */
  const firstIn = (bucket: string, id: string) => {
    if (firstOf.has(bucket)) return;
    firstOf.add(bucket);
    keep.add(id);
  };
  let todayKept = 0;
  const thisMonday = mondayOf(today);
  for (const b of newest) {
    const age = daysBetween(b.day, today);
    if (b.reason === 'before-migration' && age <= rules.migrationDays) keep.add(b.id);
    if (age <= 0) {
      if (todayKept < rules.today) keep.add(b.id);
      todayKept++;
    } else if (age <= rules.days) firstIn(`d${b.day}`, b.id);
    else if (rules.weeks > 0 && daysBetween(mondayOf(b.day), thisMonday) / 7 <= rules.weeks) firstIn(`w${mondayOf(b.day)}`, b.id);
    else if (rules.months > 0 && monthIndex(today) - monthIndex(b.day) <= rules.months) firstIn(`m${b.day.slice(0, 7)}`, b.id);
  }
  const newestVerified = newest.find((b) => b.verified);
  if (newestVerified) keep.add(newestVerified.id);
  return newest.filter((b) => keep.has(b.id)).map((b) => b.id);
}
