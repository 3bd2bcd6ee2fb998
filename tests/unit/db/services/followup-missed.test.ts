/**
 * 漏访 and each duty's current item on a real ledger. The scenario of the report: a person on a monthly
 * duty (邪教人员, opened 2024-01-10), visited every month except April 2024, today 2026-11-29. The
 * dashboard used to list 每月走访（2024年4月）逾期943天 and recording today's visit left it there.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../db/context';
import { addDays } from '../../../../shared/dates';
import { periodOf } from '../../../../shared/date-math';
import type { FollowupSubject } from '../../../../shared/schemas/followup';
import { followupFile, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';
import { dueItems } from '../../../helpers/dashboard';

const TODAY = '2026-11-29';
let t: TestLedger;

beforeEach(() => {
  t = openTestLedger({ clock: fixedClock(TODAY) });
});
afterEach(() => t.close());

/** A visit on the 15th of every month from the file's first month up to (not including) `until`, but the months skipped. */
function visitMonthly(s: FollowupSubject, until: string, skip: string[] = []): void {
  for (let d = '2024-01-15'; d < until; d = addDays(periodOf(d, 'month').end, 15)) {
    if (!skip.includes(d.slice(0, 7))) visit(s, d);
  }
}
const visit = (s: FollowupSubject, date: string) =>
  t.call('followup.saveVisit', { subjectId: s.id, date, method: '上门', visitors: '王调解', findings: '在家，情况稳定' });
const rows = (id: string) =>
  t.ledger.db.prepare('SELECT label, due_date AS dueDate FROM obligation WHERE owner_id = ? ORDER BY due_date').all(id) as {
    label: string;
    dueDate: string;
  }[];
const dashboardItems = () => {
  const d = t.call('obligations.dashboard', {});
  return {
    overdue: dueItems(d, 'overdue').map((i) => [i.label, i.dueDate]),
    dueSoon: dueItems(d, 'dueSoon').map((i) => [i.label, i.dueDate]),
  };
};

describe('a month a later visit has passed by is 漏访: not on the dashboard, on the file, in the rates', () => {
  let s: FollowupSubject;
  beforeEach(() => {
    s = followupFile(t, person(t, { name: '钱二' }), { startDate: '2024-01-10' });
    visitMonthly(s, '2026-11-01', ['2024-04']);
  });

  it("the dashboard's item for the duty is the current month, not April 2024", () => {
    expect(dashboardItems()).toEqual({ overdue: [], dueSoon: [['每月走访（2026年11月）', '2026-11-30']] });
    // one row for the duty in the to-do table, whatever the horizon holds
    expect(rows(s.id)).toEqual([{ label: '每月走访（2026年11月）', dueDate: '2026-11-30' }]);
    expect(t.call('followup.list', {}).rows[0]).toMatchObject({ nextDueDate: '2026-11-30', overdue: false });
  });

  it('lists April 2024 as 漏访 on the file', () => {
    const file = t.call('followup.get', { id: s.id });
    expect(file.missed).toEqual([{ duty: '每月走访', periods: ['2024年4月'] }]);
    expect(file.dueItems.find((i) => i.key === 'visit:2024-04')).toMatchObject({ state: 'missed', dueDate: '2024-04-30' });
    expect(file.nextDueDate).toBe('2026-11-30');
  });

  it('counts April as due and not done in 走访完成率, and not as overdue', () => {
    expect(t.call('followup.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' }).visits).toEqual({
      due: 12,
      done: 11,
      late: 0,
      missed: 1,
      waived: 0,
      rate: 11 / 12,
    });
    const ytd = t.call('followup.stats', { dateFrom: '2024-01-01', dateTo: TODAY });
    expect(ytd.visits).toMatchObject({ due: 34, done: 33, missed: 1 });
    expect(ytd.overdue).toBe(0);
  });

  it("recording today's visit clears the dashboard item", () => {
    visit(s, TODAY);
    expect(dashboardItems()).toEqual({ overdue: [], dueSoon: [] });
    expect(rows(s.id)).toEqual([{ label: '每月走访（2026年12月）', dueDate: '2026-12-31' }]);
    expect(t.call('followup.get', { id: s.id }).missed[0]!.periods).toEqual(['2024年4月']);
  });

  it('April excused (免除) with its reason leaves the rate and the list of 漏访; it cannot be extended', () => {
    const april = t.call('followup.get', { id: s.id }).dueItems.find((i) => i.key === 'visit:2024-04')!;
    const act = (kind: 'extend' | 'waive') =>
      t.raw('obligations.actOnItem', {
        module: 'followup',
        ownerId: s.id,
        kind,
        ruleId: april.ruleId,
        itemKey: april.key,
        newDate: kind === 'extend' ? '2026-12-31' : null,
        reason: '羁押期间',
      });
    expect(act('extend')).toMatchObject({ ok: false, error: { fields: { newDate: expect.stringContaining('该期已漏访') } } });
    expect(act('waive')).toMatchObject({ ok: true });
    const file = t.call('followup.get', { id: s.id });
    expect(file.missed).toEqual([]);
    expect(file.dueItems.find((i) => i.key === 'visit:2024-04')).toMatchObject({ state: 'waived', waivedReason: '羁押期间' });
    expect(t.call('followup.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' }).visits).toMatchObject({
      due: 11,
      done: 11,
      missed: 0,
      waived: 1,
      rate: 1,
    });
  });

  it('a visit made in April and recorded late turns April done', () => {
    visit(s, '2024-04-22');
    expect(t.call('followup.get', { id: s.id }).missed).toEqual([]);
    expect(t.call('followup.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' }).visits).toMatchObject({
      due: 12,
      done: 12,
      missed: 0,
    });
  });
});

describe('a file nobody has visited for months: one row, overdue since the first month missed', () => {
  it('shows the oldest month with the count, and a visit today turns them into 漏访 and clears the row', () => {
    const s = followupFile(t, person(t, { name: '孙三' }), { startDate: '2024-01-10' });
    visitMonthly(s, '2026-09-01'); // last visit 2026-08-15
    const d = t.call('obligations.dashboard', {});
    expect(dueItems(d, 'overdue').map((i) => [i.label, i.dueDate])).toEqual([['每月走访（2026年9月）等2期', '2026-09-30']]);
    expect(d.overdueTotal).toBe(1);
    expect(dueItems(d, 'dueSoon')).toEqual([]);
    visit(s, TODAY);
    expect(dashboardItems()).toEqual({ overdue: [], dueSoon: [] });
    expect(t.call('followup.get', { id: s.id }).missed).toEqual([{ duty: '每月走访', periods: ['2026年9月', '2026年10月'] }]);
  });
});

describe('opening a file', () => {
  it('on 11-27, in the last 5 days of November: nothing is owed for November, nothing overdue on any day to the end of December', () => {
    const s = followupFile(t, person(t, { name: '周五' }), { startDate: '2026-11-27' });
    // the first month owed is listed on the file before it begins
    expect(t.call('followup.get', { id: s.id }).dueItems.map((i) => [i.key, i.state])).toEqual([['visit:2026-12', 'upcoming']]);
    expect(dashboardItems()).toEqual({ overdue: [], dueSoon: [] });
    for (const day of ['2026-12-01', '2026-12-24', '2026-12-31'])
      expect(t.onDay(day).call('obligations.dashboard', {}).overdueTotal, day).toBe(0);
    expect(dueItems(t.onDay('2027-01-01').call('obligations.dashboard', {}), 'overdue').map((i) => i.label)).toEqual([
      '每月走访（2026年12月）',
    ]);
  });

  it('on 11-27 with an opening visit that day: the visit counts for November', () => {
    const s = followupFile(t, person(t, { name: '吴六' }), { startDate: '2026-11-27' });
    visit(s, '2026-11-27');
    expect(t.call('followup.get', { id: s.id }).dueItems.find((i) => i.key === 'visit:2026-11')).toMatchObject({ state: 'done' });
    expect(t.onDay('2026-12-05').call('followup.stats', { dateFrom: '2026-11-01', dateTo: '2026-11-30' }).visits).toMatchObject({
      due: 1,
      done: 1,
    });
  });

  it('never makes anything overdue on the opening day, whatever the group', () => {
    const staffId = t.call('staff.list', {})[0]!.id;
    const facts = {
      mental_health: { diagnosis: '精神分裂症', guardianName: '赵母', guardianRelation: '母子' },
      drug: { drugType: 'detox', decisionDate: TODAY, reportDate: TODAY },
      cult: { transformStatus: '未转化' },
    } as Record<string, Record<string, unknown>>;
    for (const group of ['mental_health', 'drug', 'cult', 'petition', 'youth', 'left_behind_child', 'cross_border', 'other'] as const) {
      t.call('followup.create', {
        personId: person(t, { name: `某${group}` }).id,
        group,
        groupName: group === 'other' ? '社区矫正人员' : null,
        level: group === 'mental_health' ? '4' : 'red',
        responsibleStaffId: staffId,
        startDate: TODAY,
        facts: facts[group] ?? {},
      });
    }
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
  });
});
