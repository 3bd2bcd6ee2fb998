import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../db/services/audit';
import type { Person } from '../../../../shared/schemas/persons';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';

let t: TestLedger;
let a: Person;
let b: Person;
beforeEach(() => {
  t = openTestLedger();
  a = t.call('persons.create', { name: '张三' });
  b = t.call('persons.create', { name: '李四' });
});
afterEach(() => t.close());

const base = (): Input<'disputes.create'> => ({
  intakeDate: '2024-06-01',
  source: 'visit',
  category: '02',
  summary: '因宅前排水沟堵塞引发争执',
  parties: [
    { personId: a.id, role: 'applicant' },
    { personId: b.id, role: 'respondent' },
  ],
});
const create = (extra: Partial<Input<'disputes.create'>> = {}) => t.call('disputes.create', { ...base(), ...extra });
const list = (f: Input<'disputes.list'> = {}) => t.call('disputes.list', f);

describe('dispute intake', () => {
  it('numbers cases per year from the configured pattern and defaults the deadline', () => {
    const d1 = create();
    const d2 = create({ intakeDate: '2024-06-02' });
    const d3 = create({ intakeDate: '2023-12-30' });
    expect([d1.caseNo, d2.caseNo, d3.caseNo]).toEqual(['高寨乡纠〔2024〕1号', '高寨乡纠〔2024〕2号', '高寨乡纠〔2023〕1号']);
    expect(d1.deadline).toBe('2024-07-01');
    expect(d1.status).toBe('registered');
    expect(d1.parties.map((p) => [p.name, p.role])).toEqual([
      ['张三', 'applicant'],
      ['李四', 'respondent'],
    ]);
    expect(t.call('disputes.nextCaseNumber', { intakeDate: '2024-09-09' }).caseNo).toBe('高寨乡纠〔2024〕3号');
  });

  it('follows a changed pattern and never reuses a number', () => {
    create();
    const s = t.call('settings.get', {});
    t.call('settings.update', { ...s, disputeNumberPattern: '（{year}）{township}纠字第{seq:3}号' });
    expect(create().caseNo).toBe('（2024）高寨乡纠字第002号');
  });

  it('REVIEW rows 7 and 20: is due a calendar month after registration (a labour dispute 15 days); a ledger from before keeps its 30 days', () => {
    const due = (fields: Partial<Input<'disputes.create'>>) => t.call('disputes.create', { ...base(), ...fields }).deadline;
    expect(due({ intakeDate: '2024-01-31' })).toBe('2024-02-29');
    expect(due({ intakeDate: '2024-03-01', category: '10' })).toBe('2024-03-16');
    // Set up before the unit existed: the stored settings say 30 days, and keep saying it
    const stored = JSON.parse((t.ledger.db.prepare("SELECT value FROM setting WHERE key = 'settings'").get() as { value: string }).value);
    const { disputeDeadline: _d, categoryDeadlineDays: _c, ...older } = stored;
    t.ledger.db.prepare("UPDATE setting SET value = ? WHERE key = 'settings'").run(JSON.stringify({ ...older, disputeDeadlineDays: 30 }));
    const s = t.call('settings.get', {});
    expect([s.disputeDeadline, s.categoryDeadlineDays]).toEqual([{ count: 30, unit: 'day' }, { '10': 15 }]);
    expect(due({ intakeDate: '2024-01-31' })).toBe('2024-03-01');
    // The settings page saves them back as they are, and a change to months takes effect
    t.call('settings.update', { ...s, disputeDeadline: { count: 2, unit: 'month' } });
    expect(due({ intakeDate: '2024-01-31' })).toBe('2024-03-31');
    expect(t.raw('settings.update', { ...s, categoryDeadlineDays: { '10': 0 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('walks the status workflow with dated history and refuses illegal steps', () => {
    const d = create();
    expect(t.raw('disputes.changeStatus', { id: d.id, to: 'closed', date: '2024-06-02' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    t.call('disputes.changeStatus', { id: d.id, to: 'accepted', date: '2024-06-02' });
    t.call('disputes.changeStatus', { id: d.id, to: 'mediating', date: '2024-06-03', note: '组织双方到调解室' });
    expect(t.raw('disputes.changeStatus', { id: d.id, to: 'resolved', date: '2024-06-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    t.call('disputes.changeStatus', { id: d.id, to: 'resolved', date: '2024-06-10' });
    const done = t.call('disputes.changeStatus', { id: d.id, to: 'closed', date: '2024-06-11' });
    expect(done.history.map((h) => [h.from, h.to, h.date])).toEqual([
      [null, 'registered', '2024-06-01'],
      ['registered', 'accepted', '2024-06-02'],
      ['accepted', 'mediating', '2024-06-03'],
      ['mediating', 'resolved', '2024-06-10'],
      ['resolved', 'closed', '2024-06-11'],
    ]);
  });

  it('requires the receiving unit for 转办', () => {
    const d = create();
    const r = t.raw('disputes.changeStatus', { id: d.id, to: 'transferred', date: '2024-06-02' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { transferUnit: '转办须填写接收单位' } } });
    expect(
      t.call('disputes.changeStatus', { id: d.id, to: 'transferred', date: '2024-06-02', transferUnit: '县信访局' }).transferUnit,
    ).toBe('县信访局');
  });

  it('marks open disputes past their deadline as overdue and filters them', () => {
    const late = create({ deadline: '2024-06-10' });
    create({ deadline: '2024-06-30' });
    const closedLate = create({ deadline: '2024-06-05' });
    t.call('disputes.changeStatus', { id: closedLate.id, to: 'rejected', date: '2024-06-02' });
    expect(t.call('disputes.get', { id: late.id }).overdue).toBe(true);
    const overdue = list({ overdue: true });
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id]);
    expect(overdue.total).toBe(1);
    // the flag on every row and on the detail page is the engine's item, kept in the to-do table
    expect(
      list()
        .rows.filter((r) => r.overdue)
        .map((r) => r.id),
    ).toEqual([late.id]);
    expect(t.call('disputes.get', { id: closedLate.id }).deadlineItem).toMatchObject({
      state: 'done',
      satisfiedOn: '2024-06-02',
      late: false,
    });
    // handled after the deadline: done, but late; no longer overdue anywhere
    t.call('disputes.changeStatus', { id: late.id, to: 'transferred', date: '2024-06-15', transferUnit: '县信访局' });
    expect(t.call('disputes.get', { id: late.id })).toMatchObject({ overdue: false, deadlineItem: { state: 'done', late: true } });
    expect(list({ overdue: true }).total).toBe(0);
  });

  it('filters, sorts and pages in SQL', () => {
    for (let i = 1; i <= 12; i++) create({ intakeDate: `2024-05-${String(i).padStart(2, '0')}`, category: i % 2 ? '02' : '01' });
    const page2 = list({ page: 2, pageSize: 5, sort: 'intakeDate', dir: 'asc' });
    expect(page2.total).toBe(12);
    expect(page2.rows.map((r) => r.intakeDate)).toEqual(['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-09', '2024-05-10']);
    expect(list({ category: '01' }).total).toBe(6);
    expect(list({ dateFrom: '2024-05-10', dateTo: '2024-05-11' }).total).toBe(2);
    expect(list({ q: '李四' }).total).toBe(12);
    expect(list({ q: '%' }).total).toBe(0);
    expect(list({ sort: 'caseNo', dir: 'desc', pageSize: 1 }).rows[0]!.caseNo).toBe('高寨乡纠〔2024〕12号');
  });

  it("gives each row the parties' phones, the whole of its facts, its outcome and the day it was 办结", () => {
    const phoned = t.call('persons.create', { name: '王五', phone: '13812345678' });
    const landline = t.call('persons.create', { name: '赵六', phone: '0871-65123456' });
    const village = t.call('villages.save', { name: '东村' });
    const grid = t.call('grids.save', { villageId: village.id, name: '第一网格' });
    const closed = create({
      villageId: village.id,
      gridId: grid.id,
      peopleCount: 4,
      amountYuan: 1200.5,
      // 赵六 is listed first, 张三 (no phone) between: the phones follow the parties' order and skip the blank
      parties: [
        { personId: landline.id, role: 'applicant' },
        { personId: a.id, role: 'respondent' },
        { personId: phoned.id, role: 'third_party' },
      ],
    });
    for (const [to, date] of [
      ['accepted', '2024-06-02'],
      ['mediating', '2024-06-03'],
      ['resolved', '2024-06-10'],
      ['closed', '2024-06-12'],
    ] as const) {
      t.call('disputes.changeStatus', { id: closed.id, to, date });
    }
    const open = create({ intakeDate: '2024-05-01', summary: '邻'.repeat(80) });
    const rows = list({ sort: 'intakeDate', dir: 'desc' }).rows;
    expect(rows[0]).toMatchObject({
      id: closed.id,
      parties: '赵六、张三、王五',
      phones: '0871-65123456、13812345678',
      villageName: '东村',
      gridName: '第一网格',
      peopleCount: 4,
      amountYuan: 1200.5,
      outcome: 'resolved',
      closedDate: '2024-06-12',
      status: 'closed',
    });
    expect(rows[1]).toMatchObject({ id: open.id, phones: null, gridName: null, amountYuan: null, outcome: null, closedDate: null });
    // A page shows the first 60 characters of the facts
    expect(rows[1]!.summary).toHaveLength(60);
  });

  it('soft-deletes into the recycle bin and restores', () => {
    const d = create();
    t.call('disputes.delete', { id: d.id });
    expect(list().total).toBe(0);
    expect(list({ deleted: true }).rows.map((r) => r.id)).toEqual([d.id]);
    expect(t.raw('disputes.changeStatus', { id: d.id, to: 'accepted', date: '2024-06-02' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    t.call('recycle.restore', { section: 'disputes', id: d.id });
    expect(list().total).toBe(1);
  });

  it("lists the dispute on each party's person page", () => {
    const d = create();
    const detail = t.call('persons.get', { id: b.id });
    expect(detail.records).toEqual([expect.objectContaining({ id: d.id, role: '被申请人' })]);
  });

  it('rejects unknown dictionary codes, missing parties, duplicates and a deadline before intake — writing nothing', () => {
    const count = () => (t.ledger.db.prepare('SELECT count(*) AS n FROM dispute').get() as { n: number }).n;
    for (const bad of [
      { source: 'nope' },
      { category: '' },
      { parties: [] },
      {
        parties: [
          { personId: a.id, role: 'applicant' },
          { personId: a.id, role: 'respondent' },
        ],
      },
      { parties: [{ personId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', role: 'applicant' }] },
      { deadline: '2024-05-01' },
      { intakeDate: '2024-07-01' },
      { summary: '' },
      { amountYuan: -1 },
      { peopleCount: 1.5 },
    ]) {
      const r = t.raw('disputes.create', { ...base(), ...bad });
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(count()).toBe(0);
  });

  it('writes one audit row per change, chained so that tampering shows', () => {
    const d = create();
    t.call('disputes.changeStatus', { id: d.id, to: 'accepted', date: '2024-06-02' });
    const rows = t.call('audit.forEntity', { entity: 'dispute', id: d.id });
    expect(rows.map((r) => r.action)).toEqual(['status', 'create']);
    expect(verifyAuditChain(t.ctx())).toBeNull();
    t.ledger.db.prepare("UPDATE audit_log SET after = '{}' WHERE action = 'status'").run();
    expect(verifyAuditChain(t.ctx())).not.toBeNull();
  });
});
