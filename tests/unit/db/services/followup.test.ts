import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { FollowupSubject } from '../../../../shared/schemas/followup';
import type { Person } from '../../../../shared/schemas/persons';
import { mentalHealthFile } from '../../../helpers/builders';
import { openTestLedger, TODAY, type TestLedger } from '../../../helpers/test-db';

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

describe('special-group files', () => {
  it("computes the first visit from the group and level, with the rule's source, and a team check", () => {
    const s = mental();
    const next = s.dueItems[0]!;
    expect(next).toMatchObject({ label: '随访（不稳定）', dueDate: '2024-06-15', state: 'due_soon' });
    expect(next.source).toContain('国家基本公共卫生服务规范');
    expect(s.nextDueDate).toBe('2024-06-15');
    expect(s.cadence.map((c) => c.text)).toEqual(['每2周', '每年至少4次']);
    expect(s.teamMissing).toEqual(['村（社区）干部', '医生', '民警']);
  });

  it("moves the next visit closer when a visit raises the level, from that visit's date", () => {
    const s = mental();
    const after = t.call('followup.saveVisit', {
      subjectId: s.id,
      date: '2024-06-10',
      method: '上门',
      visitors: '王调解、赵母',
      findings: '情绪激动，有砸物行为',
      levelAfter: '4',
    });
    expect(after.level).toBe('4');
    expect(after.levelSince).toBe('2024-06-10');
    expect(after.nextDueDate).toBe('2024-06-17');
    expect(after.dueItems[0]).toMatchObject({ label: '随访（危险性4–5级）', dueDate: '2024-06-17' });
    const trail = t.call('audit.forEntity', { entity: 'followup', id: s.id });
    expect(trail.map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('keeps the level over time: a deleted reassessment takes its level with it, an edit holds from today', () => {
    const s = mental({ level: '2', startDate: '2024-03-01' });
    const raised = t.call('followup.saveVisit', {
      subjectId: s.id,
      date: '2024-06-10',
      method: '上门',
      visitors: '王调解',
      findings: '有冲动行为',
      levelAfter: '4',
    });
    expect(raised.levels.map((l) => [l.date, l.level, l.source])).toEqual([
      ['2024-03-01', '2', 'start'],
      ['2024-06-10', '4', 'visit'],
    ]);
    // recorded on the wrong file: deleted, and the level falls back to 2 from 03-01
    const back = t.call('followup.deleteVisit', { id: raised.visits[0]!.id });
    expect([back.level, back.levelSince, back.levels.length]).toEqual(['2', '2024-03-01', 1]);
    // changed on the form: from today on
    const { id, person, levels: _l, visits: _v, dueItems: _d, itemActions: _a, cadence: _c, breach: _b, ...rest } = back;
    const edited = t.call('followup.update', {
      id,
      personId: person.id,
      group: rest.group,
      level: '3',
      responsibleStaffId: rest.responsibleStaffId,
      startDate: rest.startDate,
      team: rest.team,
      facts: rest.facts,
    });
    expect([edited.level, edited.levelSince]).toEqual(['3', TODAY]);
    expect(edited.levels.map((l) => l.source)).toEqual(['start', 'edit']);
  });

  it('counts a past month under the level then, not under a later reassessment', () => {
    const s = mental({ level: '2', startDate: '2024-03-01' }); // monthly while level 2
    for (const date of ['2024-03-20', '2024-04-20', '2024-05-20'])
      t.call('followup.saveVisit', { subjectId: s.id, date, method: '上门', visitors: '王调解', findings: '平稳' });
    const may = () => t.call('followup.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    const before = may();
    t.call('followup.saveVisit', {
      subjectId: s.id,
      date: '2024-06-10',
      method: '上门',
      visitors: '王调解',
      findings: '有冲动行为',
      levelAfter: '4',
    });
    const after = may();
    expect(after.byGroup.find((g) => g.group === 'mental_health')!.levels).toEqual({ '2': 1 });
    expect(after.followups).toEqual(before.followups);
    expect(after.followups).toMatchObject({ due: 1, done: 1 });
  });

  it('refuses what does not fit the group, a second live file, and future visits', () => {
    expect(
      t.raw('followup.create', {
        personId: p.id,
        group: 'mental_health',
        level: 'red',
        responsibleStaffId: staffId,
        startDate: '2024-06-01',
        facts: {},
      }),
    ).toMatchObject({
      ok: false,
      error: {
        fields: {
          level: '精神障碍患者的风险等级为0至5级',
          'facts.diagnosis': expect.any(String),
          'facts.guardianName': '请填写监护人姓名',
        },
      },
    });
    expect(
      t.raw('followup.create', { personId: p.id, group: 'other', level: 'red', responsibleStaffId: staffId, startDate: '2024-06-01' }),
    ).toMatchObject({ ok: false, error: { fields: { groupName: '“其他”类别须填写类别名称' } } });
    // every error at once: the group's own checks run although the base fields are wrong too
    const all = t.raw('followup.create', { personId: p.id, group: 'mental_health', level: '3', startDate: '2024-13-01', facts: {} });
    expect(all).toMatchObject({
      ok: false,
      error: {
        fields: { responsibleStaffId: expect.any(String), startDate: expect.any(String), 'facts.guardianName': '请填写监护人姓名' },
      },
    });
    // without a known group there is nothing group-specific to check, and nothing breaks
    expect(t.raw('followup.create', { personId: p.id, group: 'nope', level: '3', startDate: '2024-06-01' })).toMatchObject({
      ok: false,
      error: { fields: { group: '请选择人员类别' } },
    });
    const s = mental();
    expect(
      t.raw('followup.create', {
        personId: p.id,
        group: 'mental_health',
        level: '1',
        responsibleStaffId: staffId,
        startDate: '2024-06-01',
        facts: s.facts,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      t.raw('followup.saveVisit', { subjectId: s.id, date: '2024-06-16', method: '上门', visitors: '王调解', findings: '好' }),
    ).toMatchObject({ ok: false, error: { fields: { date: '走访日期不能晚于今天' } } });
    expect(
      t.raw('followup.saveVisit', {
        subjectId: s.id,
        date: '2024-06-10',
        method: '上门',
        visitors: '王调解',
        findings: '好',
        levelAfter: 'red',
      }),
    ).toMatchObject({ ok: false, error: { fields: { levelAfter: '等级不适用于此类人员' } } });
  });

  it('drug files: reporting window, 3-year term, tests and the serious-breach check', () => {
    const s = t.call('followup.create', {
      personId: p.id,
      group: 'drug',
      level: 'red',
      responsibleStaffId: staffId,
      startDate: '2024-06-01',
      facts: { drugType: 'detox', decisionDate: '2024-06-01', reportDate: '2024-06-05', leaveTimes: 1, leaveDays: 3 },
    });
    const labels = s.dueItems.map((i) => `${i.label}@${i.dueDate}:${i.state}`);
    expect(labels).toContain('社区戒毒期满@2027-06-05:upcoming');
    expect(labels).toContain('定期检测@2024-07-05:upcoming');
    expect(labels.some((l) => l.startsWith('报到') && l.endsWith(':done'))).toBe(true);
    let after = s;
    for (const d of ['2024-06-06', '2024-06-08', '2024-06-10']) {
      after = t.call('followup.saveVisit', {
        subjectId: s.id,
        kind: 'test',
        date: d,
        method: '到所',
        visitors: '王调解',
        findings: '未按通知到所检测',
        testResult: '拒绝检测',
      });
    }
    expect(after.breach).toMatchObject({ serious: true, refusals: 3 });
    expect(
      t.raw('followup.saveVisit', {
        subjectId: s.id,
        kind: 'test',
        date: '2024-06-11',
        method: '到所',
        visitors: '王调解',
        findings: '检测',
      }),
    ).toMatchObject({ ok: false, error: { fields: { testResult: '请填写检测结果' } } });
  });

  it('keeps visit photos and scans on the file, in its history', () => {
    const s = mental();
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    t.call('attachments.add', { ownerType: 'followup_subject', ownerId: s.id, fileName: '走访.png', kind: 'visit_photo', base64: png });
    expect(t.call('attachments.list', { ownerType: 'followup_subject', ownerId: s.id }).map((a) => [a.fileName, a.kind])).toEqual([
      ['走访.png', 'visit_photo'],
    ]);
    const trail = t.call('audit.forEntity', { entity: 'followup', id: s.id });
    expect(trail[0]!.entity).toBe('attachment');
    t.call('followup.delete', { id: s.id });
    expect(
      t.raw('attachments.add', { ownerType: 'followup_subject', ownerId: s.id, fileName: 'b.png', kind: 'other', base64: png }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists files with filters, masked ID numbers and the overdue flag', () => {
    mental({ startDate: '2024-05-01' });
    const q = t.call('persons.create', { name: '钱二' });
    t.call('followup.create', {
      personId: q.id,
      group: 'cult',
      level: 'yellow',
      responsibleStaffId: staffId,
      startDate: '2024-06-01',
      facts: { transformStatus: '转化中' },
    });
    const all = t.call('followup.list', {});
    expect(all.rows.map((r) => [r.personName, r.overdue])).toEqual([
      ['赵大', true],
      ['钱二', false],
    ]);
    expect(t.call('followup.list', { overdue: true }).rows.map((r) => r.personName)).toEqual(['赵大']);
    expect(t.call('followup.list', { group: 'cult' }).total).toBe(1);
    expect(t.call('followup.list', { q: '钱' }).rows[0]!.personName).toBe('钱二');
  });
});

describe('延期 and 免除 of a due item', () => {
  const overdueVisit = (s: FollowupSubject) => s.dueItems.find((i) => i.state === 'overdue')!;

  it('extends an overdue visit with its reason: the original date stays, the dashboard clears, the trail says why', () => {
    const s = mental({ startDate: '2024-05-01' }); // 2 weeks: first visit due 2024-05-15, overdue today
    const item = overdueVisit(s);
    expect(item).toMatchObject({ dueDate: '2024-05-15' });
    t.call('obligations.actOnItem', {
      module: 'followup',
      ownerId: s.id,
      kind: 'extend',
      ruleId: item.ruleId,
      itemKey: item.key,
      newDate: '2024-06-20',
      reason: '住院治疗，出院后随访',
    });
    const after = t.call('followup.get', { id: s.id });
    expect(after.dueItems[0]).toMatchObject({
      key: item.key,
      dueDate: '2024-06-20',
      originalDueDate: '2024-05-15',
      extensionReason: '住院治疗，出院后随访',
      state: 'due_soon',
    });
    expect(after.itemActions).toMatchObject([
      { kind: 'extend', label: item.label, newDate: '2024-06-20', reason: '住院治疗，出院后随访', date: TODAY },
    ]);
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    expect(after.nextDueDate).toBe('2024-06-20');
    const trail = t.call('audit.forEntity', { entity: 'followup', id: s.id });
    expect(trail[0]!.after).toMatchObject({ item: { action: '延期', date: '2024-06-20', reason: '住院治疗，出院后随访' } });
    // taken back: owed again from the original date
    t.call('obligations.undoItemAction', { id: after.itemActions[0]!.id });
    const undone = t.call('followup.get', { id: s.id });
    expect(overdueVisit(undone)).toMatchObject({ dueDate: '2024-05-15', originalDueDate: null });
    expect(undone.itemActions).toEqual([]);
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(1);
  });

  it('excuses an overdue visit on its due date; the cadence counts on from it', () => {
    const s = mental({ startDate: '2024-05-01' });
    const item = overdueVisit(s);
    t.call('obligations.actOnItem', {
      module: 'followup',
      ownerId: s.id,
      kind: 'waive',
      ruleId: item.ruleId,
      itemKey: item.key,
      reason: '外出务工，已电话联系监护人',
    });
    const after = t.call('followup.get', { id: s.id });
    const waived = after.dueItems.find((i) => i.key === item.key)!;
    expect(waived).toMatchObject({ state: 'waived', waivedReason: '外出务工，已电话联系监护人', satisfiedOn: '2024-05-15' });
    // two weeks from the excused visit: 05-29, overdue as well; nothing else changed
    expect(overdueVisit(after).dueDate).toBe('2024-05-29');
    expect(after.itemActions[0]).toMatchObject({ kind: 'waive', date: '2024-05-15' });
  });

  it('counts an excused monthly duty as excused, not missed, in the figures for the period', () => {
    const cult = t.call('followup.create', {
      personId: p.id,
      group: 'cult',
      level: 'yellow',
      responsibleStaffId: staffId,
      startDate: '2024-03-01',
      facts: { transformStatus: '转化中' },
    });
    for (const date of ['2024-03-10', '2024-05-10'])
      t.call('followup.saveVisit', { subjectId: cult.id, date, method: '上门', visitors: '王调解', findings: '走访' });
    const figures = () => t.call('followup.stats', { dateFrom: '2024-03-01', dateTo: '2024-05-31' }).visits;
    expect(figures()).toMatchObject({ due: 3, done: 2, missed: 1, waived: 0 });
    // April, passed by the visit of 05-10, is 漏访: no longer owed, but it can still be excused
    const april = t.call('followup.get', { id: cult.id }).dueItems.find((i) => i.state === 'missed')!;
    expect(april.dueDate).toBe('2024-04-30');
    t.call('obligations.actOnItem', {
      module: 'followup',
      ownerId: cult.id,
      kind: 'waive',
      ruleId: april.ruleId,
      itemKey: april.key,
      reason: '羁押期间',
    });
    expect(figures()).toMatchObject({ due: 2, done: 2, missed: 0, waived: 1, rate: 1 });
  });

  it('refuses what would shorten a term, a term end, a done item, a stale key and a missing reason', () => {
    const s = mental({ startDate: '2024-05-01' });
    const item = overdueVisit(s);
    const act = (over: Record<string, unknown>) =>
      t.raw('obligations.actOnItem', {
        module: 'followup',
        ownerId: s.id,
        kind: 'extend',
        ruleId: item.ruleId,
        itemKey: item.key,
        newDate: '2024-06-20',
        reason: '住院',
        ...over,
      });
    expect(act({ newDate: '2024-05-10' })).toMatchObject({
      ok: false,
      error: { fields: { newDate: expect.stringContaining('不能缩短期限') } },
    });
    expect(act({ newDate: '' })).toMatchObject({ ok: false, error: { fields: { newDate: '请填写延期后的到期日' } } });
    expect(act({ reason: '  ' })).toMatchObject({ ok: false, error: { fields: { reason: '请填写理由' } } });
    expect(act({ itemKey: 'visit:1999-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该事项不存在或已有变化，请刷新后重试。' },
    });
    t.call('followup.saveVisit', { subjectId: s.id, date: TODAY, method: '上门', visitors: '王调解', findings: '稳定' });
    // once the visit is recorded the same occurrence is done: nothing to extend
    expect(act({})).toMatchObject({ ok: false });
    const drug = t.call('followup.create', {
      personId: t.call('persons.create', { name: '孙三' }).id,
      group: 'drug',
      level: 'yellow',
      responsibleStaffId: staffId,
      startDate: '2024-01-10',
      facts: { drugType: 'detox', decisionDate: '2024-01-05', reportDate: '2024-01-10' },
    });
    const term = drug.dueItems.find((i) => i.kind === 'termEnd')!;
    expect(
      t.raw('obligations.actOnItem', {
        module: 'followup',
        ownerId: drug.id,
        kind: 'extend',
        ruleId: term.ruleId,
        itemKey: term.key,
        newDate: '2027-06-01',
        reason: '延长',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: '期满日期依决定或判决确定，不能在此延期。' },
    });
    expect(t.raw('obligations.undoItemAction', { id: '01HZZZZZZZZZZZZZZZZZZZZZZZ' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
