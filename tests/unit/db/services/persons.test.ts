import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber, openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';
import type { AuditEntry } from '../../../../shared/schemas/reference';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => t.close());

const create = (input: Input<'persons.create'>) => t.call('persons.create', input);
const names = (q: string) => t.call('persons.search', { q }).map((h) => h.name);

describe('person registry', () => {
  it('fills sex and birth date from a valid ID number', () => {
    const p = create({ name: '张三丰', idNumber: makeIdNumber('410102', '1980-05-01', '124').toLowerCase() });
    expect(p.sex).toBe('F');
    expect(p.birthDate).toBe('1980-05-01');
    expect(p.idNumber).toMatch(/^410102198005011\d{2}[\dX]$/);
  });

  it('refuses a second person with the same ID number and points to the first', () => {
    const id = makeIdNumber('410102', '1980-05-01', '123');
    const first = create({ name: '张三丰', idNumber: id });
    const r = t.raw('persons.create', { name: '张三', idNumber: id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ID_NUMBER_TAKEN');
      expect(r.error.details?.personId).toBe(first.id);
      expect(r.error.fields?.idNumber).toContain('张三丰');
    }
  });

  it('a search hit and a list row carry the village, which a dispute form offers as its own', () => {
    const east = t.call('villages.save', { name: '东村' });
    create({ name: '张三', villageId: east.id });
    create({ name: '张四' });
    const hits = t.call('persons.search', { q: '张' });
    expect(hits.map((h) => [h.name, h.villageId, h.villageName])).toEqual(
      expect.arrayContaining([
        ['张三', east.id, '东村'],
        ['张四', null, null],
      ]),
    );
    expect(t.call('persons.list', {}).rows.map((r) => [r.name, r.villageId])).toEqual(
      expect.arrayContaining([
        ['张三', east.id],
        ['张四', null],
      ]),
    );
  });

  it('rejects an ID whose birth date is in the future (by the injected clock)', () => {
    const r = t.raw('persons.create', { name: '未来人', idNumber: makeIdNumber('410102', '2024-07-01', '123') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.idNumber).toContain('晚于今天');
  });

  it('flags facts that contradict the ID number on the detail page', () => {
    const p = create({ name: '李四', idNumber: makeIdNumber('410102', '1980-05-01', '123'), sex: 'F' });
    const d = t.call('persons.get', { id: p.id });
    expect(d.warnings).toEqual(['性别与公民身份号码不符']);
  });

  it('finds people by name fragment, pinyin initials, full pinyin, ID fragment and phone fragment', () => {
    create({ name: '张三丰', idNumber: makeIdNumber('410102', '1980-05-01', '123'), phone: '13812345678' });
    create({ name: '张三', phone: '13900001111' });
    create({ name: '李四光' });
    create({ name: '欧阳' });
    expect(names('三丰')).toEqual(['张三丰']);
    expect(names('张三')).toEqual(['张三', '张三丰']);
    expect(names('张')).toEqual(expect.arrayContaining(['张三', '张三丰']));
    expect(names('欧阳')).toEqual(['欧阳']);
    expect(names('zsf')).toEqual(['张三丰']);
    expect(names('zs')).toEqual(['张三', '张三丰']);
    expect(names('zhangsanfeng')).toEqual(['张三丰']);
    expect(names('ZSF')).toEqual(['张三丰']);
    expect(names('1980050')).toEqual(['张三丰']);
    expect(names('4567')).toEqual(['张三丰']);
    expect(names('0000111')).toEqual(['张三']);
    expect(names('王')).toEqual([]);
    expect(names('  ')).toEqual([]);
  });

  it('keeps search in step with edits, deletes and restores', () => {
    const p = create({ name: '王五' });
    t.call('persons.update', { id: p.id, name: '赵六' });
    expect(names('王五')).toEqual([]);
    expect(names('zl')).toEqual(['赵六']);
    t.call('persons.delete', { id: p.id });
    expect(names('赵六')).toEqual([]);
    expect(t.call('persons.list', { deleted: true }).total).toBe(1);
    t.call('recycle.restore', { section: 'persons', id: p.id });
    expect(names('赵六')).toEqual(['赵六']);
  });

  it('treats markup in a name as plain text', () => {
    const p = create({ name: '<img src=x onerror=alert(1)>' });
    expect(t.call('persons.get', { id: p.id }).person.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('rejects empty, too-long, wrong-format and unknown fields without writing anything', () => {
    const before = t.ledger.db.prepare('SELECT count(*) AS n FROM person').get();
    for (const bad of [
      {},
      { name: '' },
      { name: 'x'.repeat(51) },
      { name: '张三', phone: '12345' },
      { name: '张三', idNumber: '110105194912310021' },
      { name: '张三', birthDate: '2024-02-30' },
      { name: '张三', sex: 'X' },
      { name: '张三', __proto__: { admin: true }, constructor: 1 },
      { name: '张\u0000三' },
      { name: 42 },
      null,
      'drop table person',
    ]) {
      const r = t.raw('persons.create', bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect(t.ledger.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual(before);
  });

  it('writes an audit row with before and after for every change', () => {
    const p = create({ name: '王五' });
    t.call('persons.update', { id: p.id, name: '王五', phone: '13800138000' });
    const rows = t.call('audit.forEntity', { entity: 'person', id: p.id }) as (AuditEntry & {
      before: { phone: string | null } | null;
      after: { phone: string | null };
    })[];
    expect(rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(rows[0]!.actorName).toBe('王调解');
    expect(rows[0]!.before?.phone).toBeNull();
    expect(rows[0]!.after.phone).toBe('13800138000');
  });
});

describe('REVIEW row 10: a party may be a unit, and a person has a 职业或职务 and a 工作单位', () => {
  it('keeps a unit with its checked 统一社会信用代码 and 法定代表人, found by name and refused twice', () => {
    const company = create({ kind: 'organisation', name: '某某建材有限公司', creditCode: '91350100m000100y43', legalRep: '刘厂长' });
    expect(company).toMatchObject({
      kind: 'organisation',
      creditCode: '91350100M000100Y43',
      legalRep: '刘厂长',
      sex: null,
      idNumber: null,
    });
    expect(names('建材')).toEqual(['某某建材有限公司']);
    expect(t.raw('persons.create', { kind: 'organisation', name: '另一公司', creditCode: '91350100M000100Y43' })).toMatchObject({
      ok: false,
      error: { fields: { creditCode: '该统一社会信用代码已登记为“某某建材有限公司”' } },
    });
  });

  it.each([
    [{ kind: 'organisation', name: '某公司', creditCode: '91350100M000100Y44' }, 'creditCode', '统一社会信用代码校验位不正确，请核对'],
    [{ kind: 'organisation', name: '某公司', sex: 'M' }, 'sex', '单位不填性别'],
    [{ kind: 'organisation', name: '某公司', idNumber: makeIdNumber('410102', '1980-05-01', '123') }, 'idNumber', '单位不填公民身份号码'],
    [{ kind: 'person', name: '张三', creditCode: '91350100M000100Y43' }, 'creditCode', '统一社会信用代码只用于单位'],
  ] as const)('refuses %j at %s: %s', (input, field, message) => {
    expect(t.raw('persons.create', input)).toMatchObject({ ok: false, error: { fields: { [field]: message } } });
  });

  it('keeps a person’s 职业或职务 and 工作单位', () => {
    const p = create({ name: '王小二', occupation: '职工', workUnit: '某某建材厂' });
    expect(p).toMatchObject({ kind: 'person', occupation: '职工', workUnit: '某某建材厂' });
    expect(t.call('persons.update', { id: p.id, name: p.name, occupation: '个体户', workUnit: '' })).toMatchObject({
      occupation: '个体户',
      workUnit: null,
    });
  });
});

describe('the registry search’s limit', () => {
  it('lists at most 100 and says when it stopped there, never that 100 were all', () => {
    const t2 = openTestLedger();
    try {
      for (let i = 0; i < 101; i++) t2.call('persons.create', { name: `王${i}` });
      const many = t2.call('persons.list', { q: '王', pageSize: 100 });
      expect([many.total, many.rows.length, many.capped]).toEqual([100, 100, true]);
      const few = t2.call('persons.list', { q: '王1', pageSize: 100 });
      expect(few.capped).toBeUndefined();
      expect(few.total).toBe(12); // 王1, 王10–王19, 王100
    } finally {
      t2.close();
    }
  });
});
