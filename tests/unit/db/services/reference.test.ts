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
