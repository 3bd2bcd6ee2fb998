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

describe('villages and grids for the first week', () => {
  const names = () => t.call('villages.list', {}).map((v) => v.name);

  it('adds a pasted column at once, in its order, skipping what is there; refuses the whole paste for one bad name', () => {
    t.call('villages.save', { id: null, name: '高寨村' });
    expect(t.call('villages.addMany', { names: ['张庄村', '高寨村', '阿里村', '东街社区'] })).toEqual({
      added: ['张庄村', '阿里村', '东街社区'],
      skipped: ['高寨村'],
    });
    expect(names()).toEqual(['高寨村', '张庄村', '阿里村', '东街社区']);
    expect(t.raw('villages.addMany', { names: ['新村', '很'.repeat(31)] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'names.1': expect.stringContaining('30') } },
    });
    expect(names()).not.toContain('新村');
    expect(t.raw('villages.addMany', { names: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const audit = t.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'village' AND action = 'create'").get();
    expect(audit).toEqual({ n: 4 });
  });

  it('lists in the office order or by pinyin, not by code point; the office order can be rearranged', () => {
    t.call('villages.addMany', { names: ['张庄村', '阿里村', '东街社区', '白马村'] });
    expect(names()).toEqual(['张庄村', '阿里村', '东街社区', '白马村']);
    expect(t.call('villages.setOrder', { mode: 'pinyin' }).map((v) => v.name)).toEqual(['阿里村', '白马村', '东街社区', '张庄村']);
    expect(t.call('villages.order', {})).toEqual({ mode: 'pinyin' });
    const ids = Object.fromEntries(t.call('villages.list', {}).map((v) => [v.name, v.id]));
    const arranged = ['东街社区', '白马村', '张庄村', '阿里村'].map((n) => ids[n]!);
    expect(t.call('villages.setOrder', { mode: 'office', ids: arranged }).map((v) => v.name)).toEqual([
      '东街社区',
      '白马村',
      '张庄村',
      '阿里村',
    ]);
    // A new village goes to the end of the office's order
    t.call('villages.save', { id: null, name: '新村' });
    expect(names().at(-1)).toBe('新村');
    // An order that leaves out a village is refused, nothing changed
    expect(t.raw('villages.setOrder', { mode: 'office', ids: arranged })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(names()[0]).toBe('东街社区');
  });

  it('adds a village’s grids pasted at once, kept per village', () => {
    const [a] = t.call('villages.addMany', { names: ['张庄村'] }).added;
    const village = t.call('villages.list', {}).find((v) => v.name === a)!;
    expect(t.call('grids.addMany', { villageId: village.id, names: ['第一网格', '第二网格', '第一网格'] })).toEqual({
      added: ['第一网格', '第二网格'],
      skipped: ['第一网格'],
    });
    expect(t.call('villages.list', {})[0]!.grids.map((g) => g.name)).toEqual(['第一网格', '第二网格']);
    expect(t.raw('grids.addMany', { villageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', names: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('the start checklist', () => {
  const done = () => Object.fromEntries(t.call('setup.checklist', {}).steps.map((s) => [s.key, s.done]));

  it('marks each step as the office does it, and the formats confirmed by the checklist or by saving the settings', () => {
    expect(done()).toEqual({ villages: false, staff: false, numbers: false });
    t.call('villages.addMany', { names: ['张庄村'] });
    t.call('staff.save', { name: '赵调解', kind: 'mediator', committee: '东村人民调解委员会' });
    expect(done()).toEqual({ villages: true, staff: true, numbers: false });
    expect(t.call('setup.confirmNumbers', {}).steps.every((s) => s.done)).toBe(true);
    const t2 = openTestLedger();
    try {
      t2.call('settings.update', t2.call('settings.get', {}));
      expect(t2.call('setup.checklist', {}).steps.find((s) => s.key === 'numbers')!.done).toBe(true);
    } finally {
      t2.close();
    }
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
