/**
 * REVIEW row 11 on a real ledger: a file's 管控 status (需管控 / 仅在册 / 待转化) decides whether it owes
 * visits, the office's group × level table decides how often, a change of status holds from its day,
 * and the statistics count only the duties that exist.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { Person } from '../../../../shared/schemas/persons';
import { followupFile } from '../../../helpers/builders';
import { openTestLedger, TODAY, type TestLedger } from '../../../helpers/test-db';
import { dueItems } from '../../../helpers/dashboard';

let t: TestLedger;
let p: Person;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = t.call('persons.create', { name: '周五' });
});
afterEach(() => t.close());

/** A 邪教 file opened 2024-05-01 (yellow), as the office marks it. */
const cult = (control: Input<'followup.create'>['control'], person: Person = p, fields: Partial<Input<'followup.create'>> = {}) =>
  followupFile(t, person, { control, ...fields });
const dashboardFor = (id: string) => dueItems(t.call('obligations.dashboard', {}), 'overdue').filter((i) => i.link === `/followup/${id}`);

describe("REVIEW row 11: a person merely 在册 owes no visits; one the office controls owes its level's cadence", () => {
  it.each([
    // [status, the file's items on 06-15, on the dashboard as overdue, its 走访频次 in words]
    ['controlled', ['visit:2024-05', 'visit:2024-06'], ['每月走访（2024年5月）'], '每月1次'],
    ['to_transform', ['visit:2024-05', 'visit:2024-06'], ['每月走访（2024年5月）'], '每月1次'],
    ['registered', [], [], '不安排定期走访'],
  ] as const)('a 邪教 file %s: items %j', (control, keys, overdue, cadence) => {
    const s = cult(control);
    expect(s.control).toBe(control);
    expect(s.dueItems.map((i) => i.key)).toEqual(keys);
    expect(dashboardFor(s.id).map((i) => i.label)).toEqual(overdue);
    expect(s.cadence.map((c) => c.text)).toEqual([cadence]);
    expect(s.nextDueDate).toBe(keys.length ? '2024-05-31' : null);
  });

  it.each([
    // [group, status, the host's message]
    ['mental_health', 'registered', '严重精神障碍患者均按规定管理，不能设为“仅在册”'],
    ['drug', 'registered', '社区戒毒/社区康复人员均按规定管理，不能设为“仅在册”'],
    ['petition', 'to_transform', '“待转化”只用于邪教人员'],
    ['left_behind_child', 'to_transform', '“待转化”只用于邪教人员'],
  ] as const)('a %s file cannot be %s (the form and the host say why)', (group, control, message) => {
    const r = t.raw('followup.create', {
      personId: p.id,
      group,
      level: group === 'mental_health' ? '1' : 'red',
      control,
      responsibleStaffId: t.call('staff.list', {})[0]!.id,
      startDate: '2024-05-01',
      facts:
        group === 'mental_health'
          ? { diagnosis: '精神分裂症', guardianName: '赵母', guardianRelation: '母子' }
          : group === 'drug'
            ? { drugType: 'detox', decisionDate: '2024-05-01' }
            : {},
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { control: message } } });
  });

  it('a file made 仅在册 today keeps what it owed before (May stays overdue) and owes nothing from today; the change is audited', () => {
    const s = cult('controlled');
    const edit = (control: Input<'followup.update'>['control'], day: string) =>
      t.onDay(day).call('followup.update', {
        id: s.id,
        personId: p.id,
        group: 'cult',
        level: 'yellow',
        control,
        responsibleStaffId: s.responsibleStaffId,
        startDate: s.startDate,
        facts: s.facts,
      });
    const after = edit('registered', TODAY);
    expect(after).toMatchObject({ control: 'registered', controlSince: TODAY });
    expect(after.dueItems.map((i) => [i.key, i.state])).toEqual([['visit.prev:2024-05', 'overdue']]);
    expect(after.cadence.map((c) => c.text)).toEqual(['不安排定期走访']);
    const row = t.ledger.db.prepare('SELECT control_status AS c, control_history AS h FROM followup_subject WHERE id = ?').get(s.id);
    expect(row).toEqual({
      c: 'registered',
      h: JSON.stringify([
        { date: '2024-05-01', status: 'controlled' },
        { date: TODAY, status: 'registered' },
      ]),
    });
    const trail = t.call('audit.forEntity', { entity: 'followup', id: s.id });
    expect(trail[0]).toMatchObject({ before: { control: 'controlled' }, after: { control: 'registered' } });
    // 需管控 again later: owed from that month on, the months 仅在册 owed nothing
    const back = edit('controlled', '2024-09-10');
    expect(
      t
        .onDay('2024-09-10')
        .call('followup.get', { id: s.id })
        .dueItems.map((i) => [i.key, i.state]),
    ).toEqual([
      ['visit.prev:2024-05', 'overdue'],
      ['visit:2024-09', 'upcoming'],
    ]);
    expect(back.control).toBe('controlled');
  });

  it('an edit that does not name the status leaves it as it was; a new file not naming it is 需管控', () => {
    const s = cult('registered');
    const after = t.call('followup.update', {
      id: s.id,
      personId: p.id,
      group: 'cult',
      level: 'red',
      responsibleStaffId: s.responsibleStaffId,
      startDate: s.startDate,
      facts: s.facts,
    });
    expect(after).toMatchObject({ control: 'registered', level: 'red' });
    expect(followupFile(t, t.call('persons.create', { name: '吴六' })).control).toBe('controlled');
  });

  it('the ledger lists by 管控 status: 需管控 includes 待转化', () => {
    const q = t.call('persons.create', { name: '吴六' });
    const r = t.call('persons.create', { name: '郑七' });
    cult('registered');
    cult('controlled', q);
    cult('to_transform', r);
    const names = (control: Input<'followup.list'>['control']) =>
      t
        .call('followup.list', { control, sort: 'name' })
        .rows.map((x) => [x.personName, x.control])
        .sort();
    expect(names('registered')).toEqual([['周五', 'registered']]);
    expect(names('controlled')).toEqual([
      ['吴六', 'controlled'],
      ['郑七', 'to_transform'],
    ]);
    expect(names('to_transform')).toEqual([['郑七', 'to_transform']]);
  });

  it("the office's table: 仅在册 邪教人员 visited quarterly, 需管控 yellow twice a month, from today; 'none' only for 仅在册", () => {
    const registered = cult('registered');
    const q = t.call('persons.create', { name: '吴六' });
    const controlled = cult('controlled', q);
    const save = (key: string, change: Partial<Input<'followup.saveCadence'>>) =>
      t.call('followup.saveCadence', { key, since: TODAY, reason: '县委政法委通知', ...change });
    const table = save('cult.visit.registered', { period: 'quarter', minCount: 1 }).table.find((r) => r.group === 'cult')!;
    expect(table.registered).toMatchObject({ text: '每季度1次', override: { since: TODAY } });
    expect(t.call('followup.get', { id: registered.id }).dueItems.map((i) => [i.label, i.dueDate])).toEqual([
      ['每季度走访（2024年第2季度）', '2024-06-30'],
    ]);
    save('cult.visit.yellow', { period: 'month', minCount: 2 });
    const c = t.call('followup.get', { id: controlled.id });
    expect(c.cadence.map((x) => x.text)).toEqual(['每月至少2次']);
    expect(c.dueItems.find((i) => i.key === 'visit:2024-06')).toMatchObject({
      label: '每月走访（至少2次）（2024年6月）',
      dueDate: '2024-06-30',
    });
    // The months before the change keep the old cadence
    expect(c.dueItems.find((i) => i.key === 'visit.prev:2024-05')).toMatchObject({ label: '每月走访（2024年5月）', state: 'overdue' });
    expect(t.raw('followup.saveCadence', { key: 'cult.visit.red', off: true, since: TODAY, reason: '试' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('只有“仅在册”可设为不安排走访') },
    });
    expect(
      t.call('followup.saveCadence', { key: 'cult.visit.registered', off: true, since: TODAY, reason: '恢复' }).table[0]!.registered,
    ).toMatchObject({ text: '不安排走访', off: true });
    expect(t.call('audit.forEntity', { entity: 'settings', id: 'cadence:cult.visit.registered' })[0]!.after).toMatchObject({
      频次: '邪教人员：仅在册',
      间隔: '不安排走访',
    });
  });

  it('曹回: 在册105, 需管控11 (待转化1): 11 visits owed in May, the 走访完成率 counts those, the figures count each status', () => {
    const staffId = t.call('staff.list', {})[0]!.id;
    const statuses = [...Array(94).fill('registered'), ...Array(10).fill('controlled'), 'to_transform'] as const;
    const ids = statuses.map((control, i) => {
      const person = t.call('persons.create', { name: `在册${i}` });
      return t.call('followup.create', {
        personId: person.id,
        group: 'cult',
        level: 'green',
        control,
        responsibleStaffId: staffId,
        startDate: '2024-05-01',
        facts: { transformStatus: '未转化' },
      }).id;
    });
    // Five of the eleven were visited in May
    for (const id of ids.slice(94, 99))
      t.call('followup.saveVisit', { subjectId: id, date: '2024-05-10', method: '上门', visitors: '王调解', findings: '在家' });
    const s = t.call('followup.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    const cultStats = s.byGroup.find((g) => g.group === 'cult')!;
    expect(cultStats).toMatchObject({ inManagement: 105, controlled: 11, toTransform: 1 });
    expect(cultStats.visits).toMatchObject({ due: 11, done: 5 });
    expect(s.visits.rate).toBeCloseTo(5 / 11);
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(6); // May, for the six not visited
  });
});
