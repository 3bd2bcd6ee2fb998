import { describe, expect, it } from 'vitest';
import {
  missingTownships,
  packageBaseName,
  parsePeriodKey,
  previousPeriod,
  recentPeriods,
  reportPeriod,
} from '../../../../shared/domain/report-period';

describe('report periods', () => {
  it.each([
    ['month', 2024, 2, '2024-02', '2024年2月', '2024-02-01', '2024-02-29'],
    ['month', 2023, 12, '2023-12', '2023年12月', '2023-12-01', '2023-12-31'],
    ['quarter', 2024, 2, '2024-Q2', '2024年第二季度', '2024-04-01', '2024-06-30'],
    ['half', 2024, 2, '2024-H2', '2024年下半年', '2024-07-01', '2024-12-31'],
    ['year', 2024, 1, '2024', '2024年', '2024-01-01', '2024-12-31'],
  ] as const)('%s %i/%i is %s', (kind, year, n, key, label, from, to) => {
    const p = reportPeriod(kind, year, n)!;
    expect(p).toEqual({ key, kind, label, dateFrom: from, dateTo: to });
    expect(parsePeriodKey(key)).toEqual(p);
  });

  it.each(['2024-13', '2024-Q5', '2024-H3', '24-01', '2024-00', 'x', '1800'])('%s is no period', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it.each([
    ['month', '2024-01-10', '2023-12'],
    ['month', '2024-06-15', '2024-05'],
    ['quarter', '2024-02-01', '2023-Q4'],
    ['quarter', '2024-07-01', '2024-Q2'],
    ['half', '2024-07-01', '2024-H1'],
    ['half', '2024-03-01', '2023-H2'],
    ['year', '2024-03-01', '2023'],
  ] as const)('the %s before %s is %s', (kind, today, key) => {
    expect(previousPeriod(kind, today).key).toBe(key);
  });
});

describe('missing townships', () => {
  it('lists the expected townships without a package for the period, once each, in order', () => {
    const received = [
      { township: '高寨乡', period: '2024-06' },
      { township: ' 李堡镇', period: '2024-05' },
      { township: '外县乡', period: '2024-06' },
    ];
    expect(missingTownships(['高寨乡', '李堡镇', '曹回乡', '曹回乡', ' '], received, '2024-06')).toEqual(['李堡镇', '曹回乡']);
    expect(missingTownships(['高寨乡', '李堡镇'], received, '2024-05')).toEqual(['高寨乡']);
  });
});

describe('package names', () => {
  it('keeps nothing that could leave the folder or trouble a FAT32 stick', () => {
    const p = reportPeriod('month', 2024, 6)!;
    expect(packageBaseName('高寨乡', p, '20240615-080000')).toBe('上报包_高寨乡_2024-06_20240615-080000');
    expect(packageBaseName('../..\\a:b*', p, 's')).toBe('上报包_ab_2024-06_s');
    expect(packageBaseName('..', p, 's')).toBe('上报包_乡镇_2024-06_s');
  });
});

describe('recent periods', () => {
  it('goes back from the last complete period of each kind', () => {
    const r = recentPeriods('2024-02-10');
    expect(r.month.map((p) => p.key).slice(0, 3)).toEqual(['2024-01', '2023-12', '2023-11']);
    expect(r.month).toHaveLength(12);
    expect(r.quarter.map((p) => p.key)).toEqual(['2023-Q4', '2023-Q3', '2023-Q2', '2023-Q1']);
    expect(r.half.map((p) => p.key)).toEqual(['2023-H2', '2023-H1']);
    expect(r.year.map((p) => p.key)).toEqual(['2023', '2022']);
  });
});
