/** 首页 工作台: the engine's to-do table read as the dashboard shows it, for every module at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextFor } from '../../../../db/router';
import { readDashboard } from '../../../../db/services/obligations-dashboard';
import type { Input } from '../../../../shared/contract';
import type { Person } from '../../../../shared/schemas/persons';
import { mentalHealthFile } from '../../../helpers/builders';
import { openTestLedger, TODAY, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let p: Person;
let staffId: string;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = t.call('persons.create', { name: '赵大' });
  staffId = t.call('staff.list', {})[0]!.id;
});
afterEach(() => t.close());

const mental = (fields: Partial<Input<'followup.create'>> = {}) => mentalHealthFile(t, p, fields);

describe('the to-do dashboard', () => {
  it('shows overdue visits, dispute deadlines and return visits, and clears an item when its event is recorded', () => {
    const s = mental({ startDate: '2024-05-01' }); // first visit was due 2024-05-15
    t.call('disputes.create', {
      intakeDate: '2024-06-01',
      source: 'visit',
      category: '02',
      summary: '排水沟纠纷',
      deadline: '2024-06-20',
      responsibleStaffId: staffId,
      parties: [{ personId: p.id, role: 'applicant' }],
    });
    const d = t.call('obligations.dashboard', {});
    expect(d.overdue.map((i) => [i.module, i.label, i.dueDate, i.personName, i.link])).toEqual([
      ['followup', '随访（不稳定）', '2024-05-15', '赵大', `/followup/${s.id}`],
    ]);
    expect(d.dueSoon.map((i) => [i.module, i.label, i.dueDate])).toEqual([['dispute', '纠纷办理期限', '2024-06-20']]);
    expect(d.byModule).toEqual([
      { module: 'followup', overdue: 1, dueSoon: 0 },
      { module: 'dispute', overdue: 0, dueSoon: 1 },
      { module: 'mediation', overdue: 0, dueSoon: 0 },
    ]);
    expect(d.byStaff).toEqual([{ staffId, name: '王调解', overdue: 1, dueSoon: 1 }]);
    t.call('followup.saveVisit', { subjectId: s.id, date: TODAY, method: '上门', visitors: '王调解', findings: '病情稳定，按时服药' });
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
  });

  it('rebuilds the table on a new day: a month later the next visit is overdue without any write', () => {
    mental({ level: '0' }); // stable, every 3 months: due 2024-09-01
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    const later = t.onDay('2024-09-20').call('obligations.dashboard', {});
    expect(later.overdue.map((i) => i.dueDate)).toEqual(['2024-09-01']);
  });

  it('lists a calendar duty nobody has visited for months once: its oldest month, saying how many are overdue', () => {
    const s = t.call('followup.create', {
      personId: p.id,
      group: 'petition',
      level: 'red',
      responsibleStaffId: staffId,
      startDate: '2024-01-10',
    });
    const d = t.call('obligations.dashboard', {});
    expect(d.overdue.map((i) => [i.label, i.dueDate])).toEqual([['每月走访（2024年1月）等5期', '2024-01-31']]);
    expect(d.byModule[0]).toEqual({ module: 'followup', overdue: 1, dueSoon: 0 });
    // visited today: January to May are 漏访, June done; nothing left on the dashboard
    t.call('followup.saveVisit', { subjectId: s.id, date: TODAY, method: '上门', visitors: '王调解', findings: '在家' });
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
  });

  it('filters by responsible person and shows term ends 30 days ahead; ended files leave the list', () => {
    const other = t.call('staff.save', { name: '李网格' });
    const s = mental({ startDate: '2024-05-01', responsibleStaffId: other.id });
    expect(t.call('obligations.dashboard', { responsibleStaffId: staffId }).overdueTotal).toBe(0);
    expect(t.call('obligations.dashboard', { responsibleStaffId: other.id }).overdueTotal).toBe(1);
    t.call('followup.end', { id: s.id, status: 'moved', endDate: TODAY, endReason: '随家人迁往外省' });
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    const q = t.call('persons.create', { name: '孙三' });
    t.call('followup.create', {
      personId: q.id,
      group: 'drug',
      level: 'red',
      responsibleStaffId: staffId,
      startDate: '2021-06-01',
      facts: { drugType: 'rehab', decisionDate: '2021-06-20', reportDate: '2021-07-01' },
    });
    expect(t.call('obligations.dashboard', {}).termEnds.map((i) => [i.label, i.dueDate])).toEqual([['社区康复期满', '2024-07-01']]);
  });

  it('answers from the due-date index', () => {
    mental();
    const ctx = contextFor(t.host);
    readDashboard(ctx, {});
    const plan = t.ledger.db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM obligation o WHERE o.due_date < '2024-06-15'").all() as {
      detail: string;
    }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX obligation_due/);
    // One person's overdue list comes in due-date order from its own index: no sorting of all their items.
    const mine = t.ledger.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM obligation o WHERE o.due_date < '2024-06-15' AND o.responsible_staff_id = ? ORDER BY o.due_date LIMIT 100",
      )
      .all(staffId) as { detail: string }[];
    expect(mine.map((r) => r.detail).join(' ')).toMatch(/INDEX obligation_staff_due/);
    expect(mine.map((r) => r.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
