/** The retention rule (RELIABILITY T19), exactly, under a fixed day: each tier at and past its boundary. */
import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_RETENTION, type BackupReason, type RetainedBackup } from '../../../../shared/domain/backup-retention';

// Saturday; its week began on Monday 2024-06-10.
const TODAY = '2024-06-15';

const b = (id: string, day: string, time = '08:00:00', reason: BackupReason = 'daily', verified = true): RetainedBackup => ({
  id,
  day,
  createdAt: `${day}T${time}.000Z`,
  reason,
  verified,
});

describe('backupsToKeep', () => {
  it.each<[string, RetainedBackup[], string[]]>([
    ['nothing to keep of nothing', [], []],
    [
      'the newest ten of today, not the eleventh and twelfth',
      Array.from({ length: 12 }, (_, i) => b(`t${String(i).padStart(2, '0')}`, TODAY, `08:${String(i).padStart(2, '0')}:00`, 'exit')),
      ['t11', 't10', 't09', 't08', 't07', 't06', 't05', 't04', 't03', 't02'],
    ],
    ['the newest of yesterday', [b('y1', '2024-06-14', '08:00:00'), b('y2', '2024-06-14', '18:00:00')], ['y2']],
    [
      'one a day up to 14 days back (2024-06-01); the 15th day back falls to its week',
      [b('d14a', '2024-06-01', '09:00:00'), b('d14b', '2024-06-01', '07:00:00'), b('d15', '2024-05-31'), b('d16', '2024-05-30')],
      ['d14a', 'd15'],
    ],
    [
      'one a week up to 8 weeks back (the week of Monday 2024-04-15); the 9th falls to its month',
      [b('w8', '2024-04-21'), b('w8b', '2024-04-15'), b('w9', '2024-04-14'), b('w9b', '2024-04-10')],
      ['w8', 'w9'],
    ],
    [
      'one a month up to 12 months back (June 2023); the 13th month is let go',
      [b('m12', '2023-06-30'), b('m12b', '2023-06-01'), b('m13', '2023-05-31'), b('m14', '2023-04-01')],
      ['m12'],
    ],
    [
      'a backup before an upgrade is kept for 365 days, then only by the other tiers',
      [
        b('new', TODAY),
        b('mig365', '2023-06-16', '08:00:00', 'before-migration'),
        b('mig366', '2022-06-14', '08:00:00', 'before-migration'),
        b('x', '2023-06-20'),
      ],
      ['new', 'x', 'mig365'],
    ],
    ['the newest verified backup is kept however old (a long-unused ledger)', [b('old', '2020-01-01'), b('older', '2019-01-01')], ['old']],
    [
      'an unverified backup does not count as the newest verified',
      [b('bad', '2020-02-01', '08:00:00', 'daily', false), b('good', '2020-01-01')],
      ['good'],
    ],
  ])('%s', (_label, list, kept) => {
    expect(backupsToKeep(list, TODAY, DEFAULT_RETENTION)).toEqual(kept);
  });

  it('follows the rules it is given', () => {
    const list = [b('a', TODAY, '10:00:00'), b('b', TODAY, '09:00:00'), b('c', '2024-06-14'), b('d', '2024-06-13'), b('e', '2024-06-05')];
    expect(backupsToKeep(list, TODAY, { today: 1, days: 1, weeks: 0, months: 0, migrationDays: 0 })).toEqual(['a', 'c']);
    // A tier set to 0 keeps nothing.
    expect(backupsToKeep(list, TODAY, { today: 1, days: 0, weeks: 0, months: 0, migrationDays: 0 })).toEqual(['a']);
    // No days: yesterday falls to the week tier, whose current week it is the newest of.
    expect(backupsToKeep(list, TODAY, { today: 2, days: 0, weeks: 1, months: 0, migrationDays: 0 })).toEqual(['a', 'b', 'c', 'e']);
  });
});
