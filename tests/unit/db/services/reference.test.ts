import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { SavedStaff } from '../../../../shared/schemas/reference';
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

describe('two staff of one name', () => {
  it('saves the second active entry of a name and warns, naming both as they will be told apart', () => {
    const first = t.call('staff.save', { name: '王芳', post: '司法所所长' });
    expect(first.warning).toBeNull();
    const second = t.call('staff.save', { name: '王芳', post: '专职调解员' });
    expect(second.warning).toBe(
      '在岗人员中已有同名的“王芳（司法所所长）”。已照常保存，这一条在各处显示为“王芳（专职调解员）”以示区分；如是同一个人重复登记，请停用多余的一条。',
    );
    expect(t.call('staff.list', {}).filter((s) => s.name === '王芳')).toHaveLength(2);
  });

  it('tells them apart by order when their posts do not, and says that a post would', () => {
    t.call('staff.save', { name: '王芳' });
    const second = t.call('staff.save', { name: '王芳' });
    expect(second.warning).toContain('已有同名的“王芳”');
    expect(second.warning).toContain('这一条在各处显示为“王芳（二）”以示区分（各自填写不同的职务后，改以职务区分）');
  });

  it('warns when a save makes the second: a rename or an entry put back in service, not an edit of its phone', () => {
    // The entry as the form sends it back (the answer's warning is not part of it).
    const edit = ({ warning: _, ...s }: SavedStaff, change: Partial<Input<'staff.save'>>) => t.call('staff.save', { ...s, ...change });
    const a = t.call('staff.save', { name: '王芳', post: '司法所所长' });
    const b = t.call('staff.save', { name: '王芬', post: '专职调解员' });
    const renamed = edit(b, { name: '王芳' });
    expect(renamed.warning).toContain('已有同名的“王芳（司法所所长）”');
    expect(edit(renamed, { phone: '13800138000' }).warning).toBeNull();
    // An inactive namesake is no warning; putting it back in service is.
    const off = edit(renamed, { active: false });
    expect(off.warning).toBeNull();
    expect(edit(a, { phone: '0371-12345678' }).warning).toBeNull();
    expect(edit(off, { active: true }).warning).toContain('已有同名的“王芳（司法所所长）”');
    // A new entry saved inactive warns of nothing.
    expect(t.call('staff.save', { name: '王芳', active: false }).warning).toBeNull();
  });
});
