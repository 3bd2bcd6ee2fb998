/** 首页 工作台: the engine's to-do table read as the dashboard shows it, for every module at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextFor } from '../../../../db/router';
import { dashboardSql, LIST_LIMIT, readDashboard } from '../../../../db/services/obligations-dashboard';
import type { Input } from '../../../../shared/contract';
import type { Dashboard, DueList } from '../../../../shared/schemas/obligations';
import type { Person } from '../../../../shared/schemas/persons';
import {
  assistanceFile,
  caseFromDispute,
  dispute,
  mentalHealthFile,
  person,
  unreportedDrugFile,
  writtenAgreement,
} from '../../../helpers/builders';
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

/** 孙三's community-rehabilitation file (王调解's): its term ends three years after the report. */
const rehabFile = (decisionDate: string, reportDate: string) =>
  t.call('followup.create', {
    personId: person(t, { name: '孙三' }).id,
    group: 'drug',
    level: 'red',
    responsibleStaffId: staffId,
    startDate: '2021-06-01',
    facts: { drugType: 'rehab', decisionDate, reportDate },
  });

/** One list of one module ('followup', 'dispute', 'mediation'). */
const list = (d: Dashboard, module: string, key: 'overdue' | 'dueSoon' | 'termEnds'): DueList =>
  d.modules.find((m) => m.module === module)![key];

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
    expect(
      list(d, 'followup', 'overdue').items.map((i) => [i.module, i.label, i.dueDate, i.personName, i.responsibleStaffId, i.link]),
    ).toEqual([['followup', '随访（不稳定）', '2024-05-15', '赵大', staffId, `/followup/${s.id}`]]);
    expect(list(d, 'dispute', 'dueSoon').items.map((i) => [i.module, i.label, i.dueDate])).toEqual([
      ['dispute', '纠纷办理期限', '2024-06-20'],
    ]);
    expect(d.modules.map((m) => [m.module, m.overdue.total, m.dueSoon.total, m.termEnds.total])).toEqual([
      ['followup', 1, 0, 0],
      ['dispute', 0, 1, 0],
      ['mediation', 0, 0, 0],
      ['correction', 0, 0, 0],
      ['assistance', 0, 0, 0],
    ]);
    expect(d.byStaff).toEqual([
      {
        staffId,
        name: '王调解',
        overdue: 1,
        dueSoon: 1,
        modules: [
          { module: 'followup', overdue: 1, dueSoon: 0 },
          { module: 'dispute', overdue: 0, dueSoon: 1 },
          { module: 'mediation', overdue: 0, dueSoon: 0 },
          { module: 'correction', overdue: 0, dueSoon: 0 },
          { module: 'assistance', overdue: 0, dueSoon: 0 },
        ],
      },
    ]);
    t.call('followup.saveVisit', { subjectId: s.id, date: TODAY, method: '上门', visitors: '王调解', findings: '病情稳定，按时服药' });
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
  });

  it('rebuilds the table on a new day: a month later the next visit is overdue without any write', () => {
    mental({ level: '0' }); // stable, every 3 months: due 2024-09-01
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    const later = t.onDay('2024-09-20').call('obligations.dashboard', {});
    expect(list(later, 'followup', 'overdue').items.map((i) => i.dueDate)).toEqual(['2024-09-01']);
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
    expect(list(d, 'followup', 'overdue').items.map((i) => [i.label, i.dueDate])).toEqual([['每月走访（2024年1月）等5期', '2024-01-31']]);
    expect(list(d, 'followup', 'overdue').total).toBe(1);
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
    rehabFile('2021-06-20', '2021-07-01');
    const d = t.call('obligations.dashboard', {});
    expect(list(d, 'followup', 'termEnds').items.map((i) => [i.label, i.dueDate])).toEqual([['社区康复期满', '2024-07-01']]);
    expect([d.termEndsTotal, list(d, 'followup', 'termEnds').total]).toEqual([1, 1]);
  });

  it("keeps each module's items apart: overdue disputes are listed however many older follow-up items there are", () => {
    const other = t.call('staff.save', { name: '李网格' });
    // 120 follow-up files, each overdue since 2024-05-15, older than any dispute deadline
    for (let i = 0; i < 120; i++)
      mentalHealthFile(t, person(t, { name: `对象${i}` }), { startDate: '2024-05-01', responsibleStaffId: i % 2 ? staffId : other.id });
    const a = person(t, { name: '甲' });
    const b = person(t, { name: '乙' });
    // three overdue disputes (deadline 2024-06-06, 2024-06-12, 2024-06-13), one due soon, one nobody's
    for (const deadline of ['2024-06-13', '2024-06-06', '2024-06-12', '2024-06-20'])
      dispute(t, [a, b], { deadline, responsibleStaffId: staffId });
    dispute(t, [a, b], { deadline: '2024-06-11' });
    const d = t.call('obligations.dashboard', {});
    expect([d.overdueTotal, d.dueSoonTotal]).toEqual([124, 1]);
    const followup = list(d, 'followup', 'overdue');
    expect([followup.total, followup.items.length]).toEqual([120, LIST_LIMIT]);
    const disputes = list(d, 'dispute', 'overdue');
    expect(disputes.total).toBe(4);
    // earliest first, across the people responsible (and nobody)
    expect(disputes.items.map((i) => [i.dueDate, i.responsibleName])).toEqual([
      ['2024-06-06', '王调解'],
      ['2024-06-11', null],
      ['2024-06-12', '王调解'],
      ['2024-06-13', '王调解'],
    ]);
    expect(list(d, 'dispute', 'dueSoon').items.map((i) => i.dueDate)).toEqual(['2024-06-20']);
    // by person and module: the dashboard's counts say what each person's module lists hold
    const counts = (id: string | null) => d.byStaff.find((s) => s.staffId === id)!.modules.filter((m) => m.overdue + m.dueSoon > 0);
    expect(counts(staffId)).toEqual([
      { module: 'followup', overdue: 60, dueSoon: 0 },
      { module: 'dispute', overdue: 3, dueSoon: 1 },
    ]);
    expect(counts(other.id)).toEqual([{ module: 'followup', overdue: 60, dueSoon: 0 }]);
    expect(counts(null)).toEqual([{ module: 'dispute', overdue: 1, dueSoon: 0 }]);
    expect(d.byStaff.map((s) => s.name)).toEqual(['王调解', '李网格', '（未指定）']);
    // one person's dashboard: their own lists, in the same order
    const mine = t.call('obligations.dashboard', { responsibleStaffId: staffId });
    expect(list(mine, 'dispute', 'overdue').items.map((i) => i.dueDate)).toEqual(['2024-06-06', '2024-06-12', '2024-06-13']);
    expect(list(mine, 'followup', 'overdue').total).toBe(60);
  });

  it('lists term ends apart: one falling due first is not among the 7-day items, which still fill their list', () => {
    // a rehabilitation term ending today, and 55 first visits due tomorrow, all one person's
    rehabFile('2021-06-05', '2021-06-15');
    for (let i = 0; i < 55; i++) mentalHealthFile(t, person(t, { name: `对象${i}` }), { startDate: '2024-06-02' });
    const d = t.call('obligations.dashboard', {});
    expect(list(d, 'followup', 'termEnds').items.map((i) => [i.label, i.dueDate])).toEqual([['社区康复期满', TODAY]]);
    const soon = list(d, 'followup', 'dueSoon');
    expect(soon.items).toHaveLength(LIST_LIMIT);
    expect(soon.items.filter((i) => i.kind === 'term_end')).toEqual([]);
    expect(soon.total).toBeGreaterThanOrEqual(55);
    expect(soon.items.map((i) => i.dueDate)).toEqual([...soon.items.map((i) => i.dueDate)].sort());
  });

  it("lists one village's items of each module", () => {
    const east = t.call('villages.save', { name: '东村' });
    const west = t.call('villages.save', { name: '西村' });
    const a = person(t, { name: '甲' });
    dispute(t, [a], { deadline: '2024-06-06', villageId: east.id, responsibleStaffId: staffId });
    dispute(t, [a], { deadline: '2024-06-07', villageId: west.id, responsibleStaffId: staffId });
    mental({ startDate: '2024-05-01', villageId: west.id });
    const d = t.call('obligations.dashboard', { villageId: east.id });
    expect(d.modules.map((m) => [m.module, m.overdue.total, m.overdue.items.map((i) => i.villageName)])).toEqual([
      ['followup', 0, []],
      ['dispute', 1, ['东村']],
      ['mediation', 0, []],
      ['correction', 0, []],
      ['assistance', 0, []],
    ]);
  });

  it("answers from the due-date indexes: one person's items of one module in due-date order, never sorted", () => {
    mental();
    const ctx = contextFor(t.host);
    readDashboard(ctx, {});
    const q = dashboardSql({});
    const params = { today: TODAY, soon: '2024-06-22', termSoon: '2024-07-15', staffKey: staffId, module: 'followup', limit: 50 };
    for (const list of [q.overdue, q.dueSoon]) {
      const plan = (t.ledger.db.prepare(`EXPLAIN QUERY PLAN ${list}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' ');
      expect(plan).toMatch(
        /SEARCH o USING COVERING INDEX obligation_staff_module_due \(responsible_staff_id=\? AND module=\? AND due_date/,
      );
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('the counts by module and person count records, and the ledgers they open list exactly those', () => {
  /** What each count opens (renderer/features/<m>/module.tsx, `ledger`): the module's list with the same filters. */
  const opened = (module: string, due: 'overdue' | 'dueSoon', who: string | undefined) => {
    const flag = due === 'overdue' ? { overdue: true } : { due7: true };
    if (module === 'followup') return t.call('followup.list', { ...flag, responsibleStaffId: who }).total;
    if (module === 'dispute') return t.call('disputes.list', { ...flag, staffId: who }).total;
    if (module === 'correction') return t.call('correction.list', { ...flag, responsibleStaffId: who }).total;
    if (module === 'assistance') return t.call('assistance.list', { ...flag, responsibleStaffId: who }).total;
    return t.call('mediation.list', { ...flag, leadMediatorId: who }).total;
  };

  it('a file or a case owing two things counts once, on the dashboard and in its ledger', () => {
    const other = t.call('staff.save', { name: '李网格' });
    // A drug file never reported: the 15-day window has passed, and the report to the police it now owes
    unreportedDrugFile(t, person(t, { name: '孙三' }), { responsibleStaffId: staffId });
    // A patient whose first visit falls within the week, and one overdue, both 李网格's
    mental({ startDate: '2024-06-05', responsibleStaffId: other.id });
    mentalHealthFile(t, person(t, { name: '钱二' }), { startDate: '2024-05-01', responsibleStaffId: other.id });
    // A case led by 李网格 (王调解 its second mediator): its 调解期限 (06-07) and agreed payment (05-31) have passed
    const a = person(t, { name: '甲' });
    const b = person(t, { name: '乙' });
    const d0 = dispute(t, [a, b], { deadline: '2024-06-30', responsibleStaffId: staffId });
    writtenAgreement(t, caseFromDispute(t, d0, { mediatorIds: [other.id, staffId] }));
    // A dispute due within the week, one overdue
    dispute(t, [a, b], { deadline: '2024-06-20', responsibleStaffId: staffId });
    dispute(t, [a, b], { deadline: '2024-06-10', responsibleStaffId: other.id });
    // Released on 03-01 and never 衔接 nor visited: 未衔接 since 03-01 and the quarterly visit of 06-01, 王调解's
    assistanceFile(t, person(t, { name: '周五' }), { releaseDate: '2024-03-01', responsibleStaffId: staffId });

    const d = t.call('obligations.dashboard', {});
    const of = (module: string) => d.modules.find((m) => m.module === module)!;
    // Items (the tabs' lists) and records (the counts)
    expect(d.modules.map((m) => [m.module, m.overdue.total, m.records.overdue, m.dueSoon.total, m.records.dueSoon])).toEqual([
      ['followup', 3, 2, 1, 1],
      ['dispute', 1, 1, 1, 1],
      ['mediation', 2, 1, 1, 1], // and its return visit, planned 30 days after the agreement (06-20)
      ['correction', 0, 0, 0, 0],
      ['assistance', 2, 1, 0, 0],
    ]);
    expect(
      of('followup')
        .overdue.items.map((i) => i.personName)
        .sort(),
    ).toEqual(['孙三', '孙三', '钱二']);
    const cells = (id: string) => d.byStaff.find((s) => s.staffId === id)!.modules;
    expect(cells(staffId)).toEqual([
      { module: 'followup', overdue: 1, dueSoon: 0 },
      { module: 'dispute', overdue: 0, dueSoon: 1 },
      { module: 'mediation', overdue: 0, dueSoon: 0 },
      { module: 'correction', overdue: 0, dueSoon: 0 },
      { module: 'assistance', overdue: 1, dueSoon: 0 },
    ]);
    expect(cells(other.id)).toEqual([
      { module: 'followup', overdue: 1, dueSoon: 1 },
      { module: 'dispute', overdue: 1, dueSoon: 0 },
      { module: 'mediation', overdue: 1, dueSoon: 1 },
      { module: 'correction', overdue: 0, dueSoon: 0 },
      { module: 'assistance', overdue: 0, dueSoon: 0 },
    ]);
    expect(d.byStaff.map((s) => [s.name, s.overdue, s.dueSoon])).toEqual([
      ['李网格', 3, 2],
      ['王调解', 2, 1],
    ]);

    // Every count, of everyone and of each person, is the number of rows its ledger lists
    for (const m of d.modules) {
      for (const due of ['overdue', 'dueSoon'] as const) {
        expect(opened(m.module, due, undefined), `${m.module} ${due}`).toBe(m.records[due]);
        for (const s of d.byStaff) {
          const n = s.modules.find((x) => x.module === m.module)![due];
          expect(opened(m.module, due, s.staffId!), `${m.module} ${due} ${s.name}`).toBe(n);
        }
      }
    }
    // The case is 李网格's (its first mediator), though 王调解 mediates it too
    expect(t.call('mediation.list', { overdue: true, mediatorId: staffId }).total).toBe(1);
    expect(t.call('mediation.list', { overdue: true, leadMediatorId: staffId }).total).toBe(0);
    expect(t.call('mediation.list', { overdue: true }).rows.map((r) => [r.overdue, r.mediators])).toEqual([[true, '李网格、王调解']]);
  });

  it('a file whose only item within the week is its term end is not counted as due within 7 days (it is listed apart)', () => {
    rehabFile('2021-06-10', '2021-06-20'); // the term ends 2024-06-20; tests are due too, but not this week
    const d = t.call('obligations.dashboard', {});
    const followup = d.modules.find((m) => m.module === 'followup')!;
    expect(followup.termEnds.items.map((i) => i.dueDate)).toEqual(['2024-06-20']);
    expect([followup.dueSoon.total, followup.records.dueSoon]).toEqual([
      followup.dueSoon.items.length,
      t.call('followup.list', { due7: true }).total,
    ]);
    expect(followup.dueSoon.items.filter((i) => i.kind === 'term_end')).toEqual([]);
  });

  it('counts the records from the index alone', () => {
    mental();
    const q = dashboardSql({});
    const params = { today: TODAY, soon: '2024-06-22', staffKey: staffId, module: 'followup' };
    for (const sql of [q.overdueRecords, q.soonRecords]) {
      const plan = (t.ledger.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' ');
      expect(plan).toMatch(
        /SEARCH o USING COVERING INDEX obligation_staff_module_due \(responsible_staff_id=\? AND module=\? AND due_date/,
      );
    }
  });
});
