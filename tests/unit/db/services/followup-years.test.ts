/**
 * REVIEW row 12 on a real ledger: a severe-mental-disorder file's years (以奖代补 考核结果, amount,
 * payment and guardian, 免费服药 and 免费救治), checked at the host, audited, and the year's
 * 有奖监护率, 免费服药率 and 免费救治率 in the statistics.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { Person } from '../../../../shared/schemas/persons';
import { followupFile, mentalHealthFile } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let p: Person;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = t.call('persons.create', { name: '赵大' });
});
afterEach(() => t.close());

type YearInput = Input<'followup.saveYear'>;
const paid2024 = (subjectId: string, fields: Partial<YearInput> = {}): YearInput => ({
  subjectId,
  year: 2024,
  rewardResult: '合格',
  paid: true,
  amountYuan: 1800,
  paidDate: '2024-06-10',
  guardianName: '赵母',
  freeMedication: true,
  ...fields,
});

describe('REVIEW row 12: 以奖代补 is a record of the year', () => {
  it('records a year on the file, newest first, and tells the history what was paid to whom', () => {
    const s = mentalHealthFile(t, p, { startDate: '2023-03-01' });
    t.call('followup.saveYear', { subjectId: s.id, year: 2023, rewardResult: '不合格', guardianName: '赵母' });
    const after = t.call('followup.saveYear', paid2024(s.id));
    expect(after.years.map((y) => [y.year, y.rewardResult, y.paid, y.amountYuan, y.paidDate, y.freeMedication, y.freeTreatment])).toEqual([
      [2024, '合格', true, 1800, '2024-06-10', true, false],
      [2023, '不合格', false, null, null, false, false],
    ]);
    expect(t.call('audit.forEntity', { entity: 'followup', id: s.id })[0]!.after).toEqual({
      year: '2024年：以奖代补合格，已发放1800元（2024-06-10），监护人赵母；免费服药',
    });
    // Changed, then taken back
    const y = after.years[0]!;
    const changed = t.call('followup.saveYear', { ...paid2024(s.id), id: y.id, freeTreatment: true });
    expect(changed.years[0]).toMatchObject({ id: y.id, freeTreatment: true });
    expect(t.call('followup.deleteYear', { id: y.id }).years.map((x) => x.year)).toEqual([2023]);
  });

  it.each([
    // [what, the input's change, the field and the message, at the form (schema) and again at the host]
    ['a year after this one', { year: 2025, paid: false, paidDate: null }, { year: '年度不能晚于今年（2024年）' }],
    ['a year before the file was opened', { year: 2022 }, { year: '年度不能早于建档年度（2023年）' }],
    ['before the policy', { year: 2015 }, { year: '以奖代补自2016年起实施，年度不能早于2016年' }],
    ['paid though not 合格', { rewardResult: '不合格' }, { paid: '考核合格的才发放奖励' }],
    ['a day of payment though not paid', { paid: false }, { paidDate: '已发放的才填写发放日期' }],
    ['paid before the year began', { paidDate: '2023-12-31' }, { paidDate: '发放日期不能早于2024年' }],
    ['paid after today', { paidDate: '2024-06-16' }, { paidDate: '发放日期不能晚于今天' }],
    ['合格 with nobody to receive it', { guardianName: '' }, { guardianName: '请填写领取奖励的监护人' }],
    ['a negative amount', { amountYuan: -1 }, { amountYuan: '金额不能为负数' }],
  ] as const)('refuses %s', (_what, change, fields) => {
    const s = mentalHealthFile(t, p, { startDate: '2023-03-01' });
    expect(t.raw('followup.saveYear', { ...paid2024(s.id), ...change })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields },
    });
  });

  it('one record a year: a second one for the same year is refused with a clear message', () => {
    const s = mentalHealthFile(t, p);
    t.call('followup.saveYear', paid2024(s.id));
    expect(t.raw('followup.saveYear', paid2024(s.id, { amountYuan: 200 }))).toMatchObject({
      ok: false,
      error: { fields: { year: '2024年已有记录，请修改原记录' } },
    });
  });

  it('only a severe-mental-disorder file has years', () => {
    const cult = followupFile(t, p);
    expect(t.raw('followup.saveYear', paid2024(cult.id))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '只有严重精神障碍患者档案记录以奖代补、免费服药和免费救治' },
    });
  });

  it('the status field is gone from the file: the form cannot send it any more', () => {
    const r = t.raw('followup.create', {
      personId: p.id,
      group: 'mental_health',
      level: '1',
      responsibleStaffId: t.call('staff.list', {})[0]!.id,
      startDate: '2024-06-01',
      facts: { diagnosis: '精神分裂症', guardianName: '赵母', guardianRelation: '母子', rewardStatus: '已发放' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('李堡: 有奖监护率 per year, with 免费服药率 and 免费救治率, over the patients in management that year', () => {
    const names = ['甲', '乙', '丙', '丁'];
    const files = names.map((n) => mentalHealthFile(t, t.call('persons.create', { name: n }), { startDate: '2023-03-01' }));
    // 2023: two of four rewarded; 2024: all four (有奖监护率达100%), one of them paid so far, two on free medication
    t.call('followup.saveYear', { subjectId: files[0]!.id, year: 2023, rewardResult: '合格', guardianName: '赵母', freeTreatment: true });
    t.call('followup.saveYear', { subjectId: files[1]!.id, year: 2023, rewardResult: '合格', guardianName: '赵母' });
    t.call('followup.saveYear', { subjectId: files[2]!.id, year: 2023, rewardResult: '不合格', guardianName: '赵母' });
    t.call('followup.saveYear', paid2024(files[0]!.id));
    t.call('followup.saveYear', paid2024(files[1]!.id, { paid: false, paidDate: null, amountYuan: null, freeMedication: false }));
    for (const f of files.slice(2))
      t.call('followup.saveYear', paid2024(f.id, { paid: false, paidDate: null, amountYuan: null, freeMedication: f === files[3] }));
    // A file deleted later is counted nowhere
    const gone = mentalHealthFile(t, t.call('persons.create', { name: '戊' }), { startDate: '2023-03-01' });
    t.call('followup.saveYear', paid2024(gone.id));
    t.call('followup.delete', { id: gone.id });

    const s = t.call('followup.stats', { dateFrom: '2023-01-01', dateTo: '2024-06-15' });
    expect(
      s.years.map((y) => [
        y.year,
        y.patients,
        y.rewarded,
        y.rewardRate,
        y.paid,
        y.amountYuan,
        y.freeMedication,
        y.freeTreatment,
        y.unrecorded,
      ]),
    ).toEqual([
      [2023, 4, 2, 0.5, 0, 0, 0, 1, 1],
      [2024, 4, 4, 1, 1, 1800, 2, 0, 0],
    ]);
    expect(s.years[1]).toMatchObject({ freeMedicationRate: 0.5, freeTreatmentRate: 0 });
  });
});
