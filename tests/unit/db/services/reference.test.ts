import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
beforeEach(() => (t = openTestLedger()));
afterEach(() => t.close());

describe("the register of people's mediators", () => {
  it('keeps mediators with their committee next to the office staff', () => {
    const m = t.call('staff.save', { name: '赵调解', post: '人民调解员', kind: 'mediator', committee: '东村人民调解委员会' });
    expect(m).toMatchObject({ kind: 'mediator', committee: '东村人民调解委员会' });
    const list = t.call('staff.list', {});
    expect(list.map((s) => [s.name, s.kind, s.committee])).toEqual([
      ['王调解', 'staff', null],
      ['赵调解', 'mediator', '东村人民调解委员会'],
    ]);
  });

  it('requires the committee for a mediator and drops it for office staff', () => {
    expect(t.raw('staff.save', { name: '钱调解', kind: 'mediator' })).toMatchObject({
      ok: false,
      error: { fields: { committee: '人民调解员须填写所属调解组织' } },
    });
    expect(t.call('staff.save', { name: '孙干事', kind: 'staff', committee: '东村人民调解委员会' }).committee).toBeNull();
    expect(t.raw('staff.save', { name: '李四', kind: 'judge' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('does not let a mediator operate the app', () => {
    const m = t.call('staff.save', { name: '赵调解', kind: 'mediator', committee: '东村人民调解委员会' });
    expect(t.raw('session.setOperator', { staffId: m.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('人民调解员不能作为操作人') },
    });
    const me = t.call('staff.list', {}).find((s) => s.name === '王调解')!;
    expect(t.raw('staff.save', { ...me, kind: 'mediator', committee: '东村人民调解委员会' })).toMatchObject({
      ok: false,
      error: { fields: { kind: '当前操作人员须为工作人员' } },
    });
  });

  it('lets a registered mediator mediate a case and sign its documents', async () => {
    const m = t.call('staff.save', { name: '赵调解', kind: 'mediator', committee: '东村人民调解委员会' });
    const p = t.call('persons.create', { name: '张三' });
    const c = t.call('mediation.create', {
      origin: 'initiative',
      acceptedDate: '2024-06-01',
      mediatingBody: 'village',
      committeeName: '东村人民调解委员会',
      category: '02',
      summary: '邻里噪音',
      parties: [{ personId: p.id, role: 'applicant' }],
      mediatorIds: [m.id],
    });
    expect(c.mediators).toEqual([{ staffId: m.id, name: '赵调解' }]);
    const doc = await t.callAsync('mediation.document', { caseId: c.id, doc: 'register' });
    expect(Buffer.from(doc.base64, 'base64').length).toBeGreaterThan(1000);
  });
});

describe('列设置: the columns an operator keeps for a ledger', () => {
  const saved = (ledger: 'disputes' | 'mediation' | 'followup' | 'persons') => t.call('ui.listColumns', { ledger });

  it('keeps the columns per operator and per ledger in the ledger file, and forgets them on 恢复默认', () => {
    expect(saved('disputes')).toBeNull();
    expect(t.call('ui.saveListColumns', { ledger: 'disputes', columns: ['parties', 'caseNo', 'phones'] })).toEqual([
      'parties',
      'caseNo',
      'phones',
    ]);
    expect(saved('disputes')).toEqual(['parties', 'caseNo', 'phones']);
    // Another ledger, and another operator, keep their own (the usual ones, until they choose)
    expect(saved('mediation')).toBeNull();
    const me = t.call('setup.status', {}).operator!.id;
    const colleague = t.call('staff.save', { name: '李干事', kind: 'staff' });
    t.call('session.setOperator', { staffId: colleague.id });
    expect(saved('disputes')).toBeNull();
    t.call('ui.saveListColumns', { ledger: 'disputes', columns: ['status'] });
    t.call('session.setOperator', { staffId: me });
    expect(saved('disputes')).toEqual(['parties', 'caseNo', 'phones']);
    // In the file itself: a host opened on it later (the desktop app after browser mode) finds them
    const rows = t.ledger.db.prepare("SELECT key FROM setting WHERE key LIKE 'ui.listColumns.%'").all() as { key: string }[];
    expect(rows.map((r) => r.key).sort()).toEqual([`ui.listColumns.disputes.${colleague.id}`, `ui.listColumns.disputes.${me}`].sort());
    // 恢复默认
    expect(t.call('ui.saveListColumns', { ledger: 'disputes', columns: null })).toBeNull();
    expect(saved('disputes')).toBeNull();
  });

  it('refuses a column the ledger does not have, in Chinese, and checks each ledger against its own', () => {
    expect(t.raw('ui.saveListColumns', { ledger: 'disputes', columns: ['caseNo', 'wages'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '台账中没有“wages”这一列，请重新设置列' },
    });
    // 卷宗号's key on the mediation ledger, 姓名's on the registry: not the register's
    expect(t.raw('ui.saveListColumns', { ledger: 'persons', columns: ['caseNo'] })).toMatchObject({
      ok: false,
      error: { message: '台账中没有“caseNo”这一列，请重新设置列' },
    });
    expect(t.raw('ui.saveListColumns', { ledger: 'disputes', columns: ['caseNo', 'caseNo'] })).toMatchObject({
      ok: false,
      error: { message: '同一列不能选两次' },
    });
    expect(t.raw('ui.saveListColumns', { ledger: 'disputes', columns: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.raw('ui.saveListColumns', { ledger: 'court', columns: ['caseNo'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(t.raw('ui.saveListColumns', { ledger: 'disputes', columns: ['<script>'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(saved('disputes')).toBeNull();
  });

  it('leaves out a kept column that a later version of the ledger no longer has', () => {
    const me = t.call('setup.status', {}).operator!.id;
    t.ledger.db
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?)')
      .run(`ui.listColumns.persons.${me}`, JSON.stringify(['oldColumn', 'phone', 'name']));
    expect(saved('persons')).toEqual(['phone', 'name']);
  });
});
