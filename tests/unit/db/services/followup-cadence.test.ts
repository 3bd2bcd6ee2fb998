/** The special-group visit cadences as the office adjusts them (followup.schedule, saveCadence, setScheme, setOpeningGrace). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { Person } from '../../../../shared/schemas/persons';
import { mentalHealthFile } from '../../../helpers/builders';
import { openTestLedger, TODAY, type TestLedger } from '../../../helpers/test-db';
import { dueItems } from '../../../helpers/dashboard';

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

describe("the office's visit cadences", () => {
  it('adjusts a cadence from a date on, with its reason, audited; statutory ones stay', () => {
    const s = mental();
    const before = t.call('followup.schedule', {});
    expect(before.cadences.find((c) => c.key === 'mh.unstable')).toMatchObject({ text: '每2周', adjustable: true, override: null });
    expect(before.table.find((r) => r.group === 'petition')!.levels[1]!.cadence).toMatchObject({
      key: 'petition.visit.yellow',
      label: '重点信访人员：黄色（一般关注）',
      text: '每月1次',
    });
    const after = t.call('followup.saveCadence', {
      key: 'mh.unstable',
      days: 10,
      since: TODAY,
      reason: '县卫健局要求加密随访',
    });
    expect(after.cadences.find((c) => c.key === 'mh.unstable')).toMatchObject({
      text: '每10天',
      override: { since: TODAY, reason: '县卫健局要求加密随访' },
    });
    const file = t.call('followup.get', { id: s.id });
    expect(file.cadence[0]).toMatchObject({ text: '每10天' });
    expect(file.cadence[0]!.source).toContain('本所调整（2024-06-15起）：县卫健局要求加密随访');
    expect(t.raw('followup.saveCadence', { key: 'mh.yearly', days: 30, since: TODAY, reason: '试' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不能调整') },
    });
    expect(t.raw('followup.saveCadence', { key: 'mh.basic', months: 2, since: '2024-06-01', reason: '试' })).toMatchObject({
      ok: false,
      error: { fields: { since: '生效日期不能早于今天' } },
    });
    expect(t.raw('followup.saveCadence', { key: 'mh.basic', days: 10, months: 2, since: TODAY, reason: '试' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const trail = t.call('audit.forEntity', {
      entity: 'settings',
      id: 'cadence:mh.unstable',
    });
    expect(trail[0]!.after).toMatchObject({ 间隔: '10天', 理由: '县卫健局要求加密随访' });
  });

  it('changes a calendar duty (monthly visits) to per quarter from a date on; an interval is refused for it', () => {
    const q = t.call('persons.create', { name: '周信访' });
    const f = t.call('followup.create', {
      personId: q.id,
      group: 'petition',
      level: 'yellow',
      responsibleStaffId: staffId,
      startDate: '2024-06-01',
    });
    expect(f.cadence[0]).toMatchObject({ text: '每月1次' });
    expect(t.raw('followup.saveCadence', { key: 'petition.visit.yellow', days: 45, since: TODAY, reason: '试' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('按自然月/季度/年计') },
    });
    const after = t.call('followup.saveCadence', {
      key: 'petition.visit.yellow',
      period: 'quarter',
      minCount: 2,
      since: '2024-07-01',
      reason: '县信访局通知按季度走访',
    });
    expect(after.table.find((r) => r.group === 'petition')!.levels.find((l) => l.level === 'yellow')!.cadence).toMatchObject({
      text: '每季度至少2次',
      override: { since: '2024-07-01' },
    });
    expect(t.call('followup.get', { id: f.id }).cadence.map((c) => c.text)).toContain('每季度至少2次');
    expect(t.raw('followup.saveCadence', { key: 'mh.basic', period: 'month', since: TODAY, reason: '试' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('按间隔计') },
    });
  });

  it('建档当期宽限: 5 days by default; set to 0, a file opened on 05-28 owes May, the dashboard follows, the change is audited', () => {
    const s = t.call('followup.create', {
      personId: p.id,
      group: 'cult',
      level: 'yellow',
      responsibleStaffId: staffId,
      startDate: '2024-05-28',
      facts: { transformStatus: '转化中' },
    });
    const grace = t.call('followup.schedule', {}).openingGrace;
    expect(grace).toMatchObject({ days: 5, defaultDays: 5 });
    expect(grace.source).toContain('本所做法（未见规定，待核实）');
    expect(t.call('followup.get', { id: s.id }).dueItems.map((i) => i.key)).toEqual(['visit:2024-06']);
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);

    expect(t.call('followup.setOpeningGrace', { days: 0 }).openingGrace.days).toBe(0);
    expect(t.call('followup.get', { id: s.id }).dueItems[0]).toMatchObject({ key: 'visit:2024-05', state: 'overdue' });
    expect(dueItems(t.call('obligations.dashboard', {}), 'overdue').map((i) => i.label)).toEqual(['每月走访（2024年5月）']);
    expect(t.call('audit.forEntity', { entity: 'settings', id: 'opening_grace' })[0]).toMatchObject({
      before: { 建档当期宽限天数: 5 },
      after: { 建档当期宽限天数: 0 },
    });
    expect(t.raw('followup.setOpeningGrace', { days: 16 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { days: '天数不能超过15天' } },
    });
    expect(t.raw('followup.setOpeningGrace', { days: -1 })).toMatchObject({ ok: false, error: { fields: { days: '天数不能为负数' } } });
  });
});

describe("REVIEW row 23: the 司法所 scheme's visits are 走访（关爱帮扶）, the health scheme's 随访; 随访率 only under the health scheme", () => {
  it.each([
    // [scheme, what a visit is called, the file's cadence, the scheme the figures report]
    ['health', '随访', '随访（不稳定）', 'health'],
    ['grid', '走访（关爱帮扶）', '走访（关爱帮扶，危险性3–5级）', 'grid'],
  ] as const)('under %s a visit is %s', (scheme, word, cadence, reported) => {
    const s = mental();
    t.call('followup.saveVisit', { subjectId: s.id, date: '2024-06-10', method: '上门', visitors: '王调解', findings: '在家' });
    t.call('followup.setScheme', { scheme });
    const file = t.call('followup.get', { id: s.id });
    expect(file.visitWord).toBe(word);
    expect(file.cadence[0]!.label).toBe(cadence);
    const stats = t.call('followup.stats', { dateFrom: '2024-06-01', dateTo: '2024-06-30' });
    expect(stats.mhScheme).toBe(reported);
    // Either way the visit counts in 走访完成率; the statistics page shows 随访率 only for 'health'
    expect(stats.visits.done).toBe(1);
  });
});
