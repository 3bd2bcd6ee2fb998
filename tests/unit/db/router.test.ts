import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Input } from '../../../shared/contract';
import { person } from '../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../helpers/test-db';

let t: TestLedger;
afterEach(() => t.close());

describe('dispatch', () => {
  beforeEach(() => {
    t = openTestLedger({ setup: false });
  });

  it('refuses everything but setup before the first run', () => {
    expect(t.raw('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } });
    expect(t.raw('persons.search', { q: '张' })).toMatchObject({ ok: false, error: { code: 'NOT_SETUP' } });
  });

  it('sets up the township with dictionaries and the operator', () => {
    const status = t.call('setup.init', {
      townshipName: '高寨乡',
      county: '某某县',
      operatorName: '王调解',
    });
    expect(status).toMatchObject({ initialized: true, operator: { name: '王调解' } });
    const dicts = t.call('dicts.list', {});
    expect(dicts.filter((d) => d.kind === 'dispute_category')).toHaveLength(18);
    expect(dicts.map((d) => d.label)).toEqual(expect.arrayContaining(['婚姻家庭纠纷', '12345热线', '法院委派/委托']));
    expect(t.raw('setup.init', { townshipName: 'x', county: 'y', operatorName: 'z' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('answers unknown methods and hostile input with Chinese errors, never throwing', () => {
    t.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const hostile: unknown[] = [
      undefined,
      null,
      0,
      '',
      [],
      'x'.repeat(100_000),
      { q: { $gt: '' } },
      { q: ['a'] },
      JSON.parse('{"__proto__":{"polluted":1},"q":"a"}'),
    ];
    for (const method of Object.keys(contract)) {
      for (const input of hostile) {
        const r = t.raw(method, input);
        if (!r.ok) {
          expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT'], `${method} ${JSON.stringify(input)?.slice(0, 40)}`).toContain(r.error.code);
          expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(t.raw('persons.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(t.raw('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(t.raw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('reports field messages for each bad field', () => {
    t.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const r = t.raw('persons.create', { name: '', phone: '123', idNumber: '1' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { name: '请填写姓名', phone: '请填写11位手机号码，或带区号的固定电话，如 0371-12345678', idNumber: '公民身份号码应为18位' },
      },
    });
  });

  it('refuses a date after its own today with the rule the form uses, and every field message at once', () => {
    t.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const p = person(t);
    const input: Input<'disputes.create'> = {
      intakeDate: '2024-06-16',
      source: 'visit',
      category: '02',
      summary: '',
      parties: [{ personId: p.id, role: 'applicant' }],
    };
    expect(t.raw('disputes.create', input)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { intakeDate: '登记日期不能晚于今天', summary: '请填写纠纷简要情况' } },
    });
    // The host's clock decides: on the next day the same registration is taken.
    expect(t.onDay('2024-06-16').call('disputes.create', { ...input, summary: '宅基地界墙纠纷' }).intakeDate).toBe('2024-06-16');
  });

  it('turns an unexpected failure into INTERNAL with a reference and logs it', () => {
    t.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const lines: string[] = [];
    t.host.log = (l) => lines.push(l);
    t.ledger.db.exec('DROP TABLE person_gram');
    const r = t.raw('persons.create', { name: '张三' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!r.ok) expect(lines.join('\n')).toContain(r.error.ref!);
    expect((t.ledger.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(0);
  });

  it('remembers the chosen operator, who is then named in the audit trail', () => {
    t.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const staff = t.call('staff.save', { name: '李网格', post: '网格员' });
    t.call('session.setOperator', { staffId: staff.id });
    const p = t.call('persons.create', { name: '赵六' });
    expect(t.call('audit.forEntity', { entity: 'person', id: p.id })[0]!.actorName).toBe('李网格');
    expect(t.call('setup.status', {}).operator?.name).toBe('李网格');
  });
});
