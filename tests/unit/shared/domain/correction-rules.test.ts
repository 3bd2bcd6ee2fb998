/**
 * The due items of a community-correction file (REVIEW §5.1, REVIEW §5.2): the 10-day reporting and hand-over
 * windows, the cadences of each level, the monthly health report and 3-monthly re-examination, monthly hours
 * against the level's target, and the term end with its reminder.
 */
import { describe, expect, it } from 'vitest';
import {
  correctionDueItems,
  DEFAULT_LEVEL_TABLE,
  monthlyHours,
  monthTarget,
  reportingDeadline,
  reportingState,
  RULE_IDS,
  type CorrectionEventRecord,
  type CorrectionFile,
  type CorrectionLevel,
  type CorrectionSettings,
} from '../../../../shared/domain/correction-rules';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { currentItems, openItems, type DueItem } from '../../../../shared/domain/obligations';

function file(fields: Partial<CorrectionFile> = {}, level: CorrectionLevel = 'normal'): CorrectionFile {
  return {
    id: 'F1',
    category: 'probation',
    ground: null,
    effectiveDate: '2024-06-10',
    receivedDate: null,
    reportDate: null,
    termStart: '2024-06-10',
    termEnd: '2025-06-09',
    levels: [{ date: fields.termStart ?? '2024-06-10', level }],
    ...fields,
  };
}

function items(f: CorrectionFile, today: string, events: CorrectionEventRecord[] = [], settings: CorrectionSettings = {}): DueItem[] {
  return correctionDueItems({ file: f, events, settings, actions: [], endDate: null, today, holidays: DEFAULT_HOLIDAYS });
}

const byRule = (all: DueItem[], ruleId: string) => all.filter((i) => i.ruleId === ruleId);
const current = (all: DueItem[], ruleId: string, today: string) => currentItems(all, today).find((i) => i.ruleId === ruleId);

describe('the reporting window (社区矫正法 art. 21)', () => {
  it.each([
    ['管制', 'control', '2024-06-10', null, '2024-06-20'],
    ['缓刑', 'probation', '2024-06-10', null, '2024-06-20'],
    ['假释', 'parole', '2024-01-25', '2024-01-26', '2024-02-04'],
    ['暂予监外执行: from the decision received', 'outside', '2024-06-01', '2024-06-05', '2024-06-15'],
  ] as const)('%s', (_, category, effectiveDate, receivedDate, due) => {
    expect(reportingDeadline({ category, effectiveDate, receivedDate, reportDate: null })?.date).toBe(due);
  });

  it('暂予监外执行 without the receipt date has no window yet', () => {
    expect(reportingDeadline({ category: 'outside', effectiveDate: '2024-06-01', receivedDate: null, reportDate: null })).toBeNull();
  });

  it.each([
    ['2024-06-20', '按时报到', 0],
    ['2024-06-12', '按时报到', 0],
    ['2024-06-23', '逾期3日', 3],
  ])('reported on %s: %s', (reportDate, text, late) => {
    expect(reportingState({ category: 'probation', effectiveDate: '2024-06-10', receivedDate: null, reportDate })).toEqual({ late, text });
  });

  it('is owed until the report date is recorded, and overdue after its last day', () => {
    const open = current(items(file(), '2024-06-15'), RULE_IDS.reportIn, '2024-06-15');
    expect(open).toMatchObject({ dueDate: '2024-06-20', state: 'due_soon' });
    expect(current(items(file(), '2024-06-21'), RULE_IDS.reportIn, '2024-06-21')?.state).toBe('overdue');
    const done = byRule(items(file({ reportDate: '2024-06-18' }), '2024-06-21'), RULE_IDS.reportIn)[0];
    expect(done).toMatchObject({ state: 'done', satisfiedOn: '2024-06-18', late: false });
  });
});

describe('cadences per level', () => {
  it.each([
    ['strict', '2024-06-17', '2024-07-10'],
    ['normal', '2024-07-10', '2024-08-10'],
    ['lenient', '2024-08-10', '2024-09-10'],
  ] as const)('%s: first report and first visit counted from the term start', (level, report, visit) => {
    const all = items(file({}, level), '2024-06-15');
    expect(current(all, RULE_IDS.report, '2024-06-15')?.dueDate).toBe(report);
    expect(current(all, RULE_IDS.visit, '2024-06-15')?.dueDate).toBe(visit);
  });

  it('counts the next from the last one recorded, and a raised level from the day it was raised', () => {
    const f = file({
      levels: [
        { date: '2024-06-10', level: 'normal' },
        { date: '2024-07-20', level: 'strict' },
      ],
    });
    const events: CorrectionEventRecord[] = [{ id: 'E1', kind: 'report', date: '2024-07-05', hours: null }];
    expect(current(items(f, '2024-07-10', events), RULE_IDS.report, '2024-07-10')?.dueDate).toBe('2024-08-05');
    expect(current(items(f, '2024-07-21', events), RULE_IDS.report, '2024-07-21')?.dueDate).toBe('2024-07-27');
  });

  it('takes the office’s table', () => {
    const settings: CorrectionSettings = { levels: { normal: { ...DEFAULT_LEVEL_TABLE.normal, report: { days: 14 } } } };
    expect(current(items(file(), '2024-06-15', [], settings), RULE_IDS.report, '2024-06-15')?.dueDate).toBe('2024-06-24');
  });
});

describe('暂予监外执行: health reports and re-examinations (实施办法 art. 24)', () => {
  const outside = (ground: 'medical' | 'pregnancy') =>
    file({ category: 'outside', ground, effectiveDate: '2024-06-01', receivedDate: '2024-06-03', termStart: '2024-06-10' });

  it('a monthly health report for every ground, a 3-monthly re-examination only for 保外就医', () => {
    const medical = items(outside('medical'), '2024-06-15');
    expect(current(medical, RULE_IDS.health, '2024-06-15')?.dueDate).toBe('2024-06-30');
    expect(current(medical, RULE_IDS.recheck, '2024-06-15')?.dueDate).toBe('2024-09-10');
    const pregnancy = items(outside('pregnancy'), '2024-06-15');
    expect(byRule(pregnancy, RULE_IDS.health)).not.toHaveLength(0);
    expect(byRule(pregnancy, RULE_IDS.recheck)).toHaveLength(0);
  });

  it('no health report for a 缓刑 subject', () => {
    expect(byRule(items(file(), '2024-06-15'), RULE_IDS.health)).toHaveLength(0);
  });
});

describe('monthly hours against the target', () => {
  it.each([
    ['whole month', 12, '2024-07', '2024-06-10', 12],
    ['month begun on the 10th (21 of 30 days)', 12, '2024-06', '2024-06-10', 9],
    ['month begun on the 1st', 8, '2024-06', '2024-06-01', 8],
    ['month before the start', 8, '2024-05', '2024-06-10', 8],
  ])('%s', (_, target, month, start, expected) => {
    expect(monthTarget(target, month, start)).toBe(expected);
  });

  it('is done on the day the total first reaches the target', () => {
    const months = monthlyHours(
      [
        { id: 'a', date: '2024-07-03', hours: 4 },
        { id: 'b', date: '2024-07-12', hours: 4.5 },
        { id: 'c', date: '2024-07-20', hours: 4 },
        { id: 'd', date: '2024-08-02', hours: 2 },
      ],
      () => 8,
    );
    expect(months).toEqual([
      { month: '2024-07', hours: 12.5, target: 8, reachedOn: '2024-07-12' },
      { month: '2024-08', hours: 2, target: 8, reachedOn: null },
    ]);
  });

  it('a month below its target is owed by its last day; reaching it settles the month', () => {
    const low: CorrectionEventRecord[] = [{ id: 'P1', kind: 'public', date: '2024-07-05', hours: 4 }];
    const july = byRule(items(file(), '2024-07-15', low), RULE_IDS.public).find((i) => i.key.endsWith('2024-07'));
    expect(july).toMatchObject({ dueDate: '2024-07-31', state: 'upcoming' });
    const enough = [...low, { id: 'P2', kind: 'public' as const, date: '2024-07-15', hours: 4 }];
    const done = byRule(items(file(), '2024-07-15', enough), RULE_IDS.public).find((i) => i.key.endsWith('2024-07'));
    expect(done).toMatchObject({ state: 'done', satisfiedOn: '2024-07-15' });
  });

  it('a level with no hours owes none', () => {
    const settings: CorrectionSettings = { levels: { normal: { ...DEFAULT_LEVEL_TABLE.normal, educationHours: 0 } } };
    expect(byRule(items(file(), '2024-06-15', [], settings), RULE_IDS.education)).toHaveLength(0);
  });
});

describe('the term end (期满)', () => {
  it.each([
    [{}, '2025-05-10'],
    [{ termRemindDays: 60 }, '2025-04-10'],
  ] as const)('is listed from its reminder (%o)', (settings, remind) => {
    const end = byRule(items(file(), '2025-05-01', [], settings), RULE_IDS.termEnd)[0]!;
    expect(end).toMatchObject({ dueDate: '2025-06-09', reminders: [remind] });
    expect(end.state).toBe('2025-05-01' >= remind ? 'due_soon' : 'upcoming');
  });

  it('nothing of a cadence falls due after the term end', () => {
    const all = openItems(items(file({ termEnd: '2024-07-31' }), '2024-07-20'));
    expect(all.every((i) => i.dueDate <= '2024-07-31')).toBe(true);
    expect(all.some((i) => i.ruleId === RULE_IDS.visit)).toBe(false);
  });
});
