/**
 * Community-correction files on a real ledger (REVIEW §5.1, REVIEW §5.2): created from the registry,
 * edited, their reception and records written with their audit rows, what falls due on the dashboard,
 * bad input refused with nothing written, and a minor's file closed to every operator but its own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../../shared/domain/correction-rules';
import type { Person } from '../../../../shared/schemas/persons';
import { correctionFile, firstStaffId, person } from '../../../helpers/builders';
import { dueItems } from '../../../helpers/dashboard';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let p: Person;
let me: string;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = person(t, { name: '钱矫' });
  me = firstStaffId(t);
  t.call('session.setOperator', { staffId: me });
});
afterEach(() => t.close());

const count = (table: string) => (t.ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const dashboard = () => t.call('obligations.dashboard', {});

describe('correction files', () => {
  it('opens a 缓刑 file with its reporting window on the dashboard and an audit row', () => {
    const f = correctionFile(t, p);
    expect(f).toMatchObject({ category: 'probation', level: 'normal', levelName: '普管', status: 'active', responsibleStaffId: me });
    expect(f.reception).toMatchObject({ deadline: '2024-06-20', reportDate: null, reportState: null });
    expect(f.reception.deadlineSource).toContain('第二十一条第一款');
    expect(f.dueItems[0]).toMatchObject({ ruleId: RULE_IDS.reportIn, dueDate: '2024-06-20', state: 'due_soon' });
    const soon = dueItems(dashboard(), 'dueSoon').filter((i) => i.module === 'correction');
    expect(soon.map((i) => [i.label, i.dueDate, i.personName])).toEqual([['报到（判决、裁定生效之日起10日内）', '2024-06-20', '钱矫']]);
    expect(t.call('audit.forEntity', { entity: 'correction', id: f.id }).map((e) => e.action)).toEqual(['create']);
    expect(t.call('correction.list', {}).rows.map((r) => r.personName)).toEqual(['钱矫']);
    expect(t.call('persons.get', { id: p.id }).records.map((r) => r.title)).toEqual(['社区矫正档案（缓刑）']);
  });

  it('records the report and the 入矫宣告: the window is done, 按时 or 逾期N日 shown', () => {
    const f = correctionFile(t, p);
    const after = t.call('correction.saveReception', {
      id: f.id,
      reportDate: '2024-06-14',
      reportNote: '本人持判决书报到',
      declarationDate: '2024-06-14',
      declarationHost: '王所长',
      declarationAttendees: '村主任、家属',
    });
    expect(after.reception).toMatchObject({ reportState: '按时报到', declarationHost: '王所长' });
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.reportIn)?.state).toBe('done');
    expect(dueItems(dashboard(), 'dueSoon').filter((i) => i.label.startsWith('报到'))).toEqual([]);
    const late = t.onDay('2024-06-25').call('correction.saveReception', { id: f.id, reportDate: '2024-06-23' });
    expect(late.reception.reportState).toBe('逾期3日');
  });

  it('records reports, visits and hours; monthly totals against the level’s target; edits and deletes them', () => {
    const f = correctionFile(t, p);
    t.call('correction.saveEvent', { fileId: f.id, kind: 'report', date: '2024-06-14', method: '当面报告', content: '汇报思想' });
    t.call('correction.saveEvent', { fileId: f.id, kind: 'visit', date: '2024-06-14', method: '实地查访', content: '在家务农' });
    let after = t.call('correction.saveEvent', { fileId: f.id, kind: 'public', date: '2024-06-15', hours: 4, content: '清扫村道' });
    expect(after.hours.find((h) => h.kind === 'public')?.months).toEqual([{ month: '2024-06', hours: 4, target: 6, reachedOn: null }]);
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.report && i.state !== 'done')?.dueDate).toBe('2024-07-14');
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.visit && i.state !== 'done')?.dueDate).toBe('2024-08-14');
    const publicEvent = after.events.find((e) => e.kind === 'public')!;
    after = t.call('correction.saveEvent', {
      id: publicEvent.id,
      fileId: f.id,
      kind: 'public',
      date: '2024-06-15',
      hours: 6,
      content: '清扫村道',
    });
    expect(after.hours.find((h) => h.kind === 'public')?.months[0]).toMatchObject({ hours: 6, reachedOn: '2024-06-15' });
    after = t.call('correction.deleteEvent', { id: publicEvent.id });
    expect(after.events.map((e) => e.kind).sort()).toEqual(['report', 'visit']);
    expect(count('correction_event')).toBe(3); // soft-deleted, kept
    const history = t.call('audit.forEntity', { entity: 'correction', id: f.id });
    expect(history).toHaveLength(6);
  });

  it('keeps the level with its history; a stricter level counts its cadence from its day', () => {
    const f = correctionFile(t, p);
    const after = t.call('correction.setLevel', { id: f.id, level: 'strict', date: '2024-06-15' });
    expect(after).toMatchObject({ level: 'strict', levelName: '严管', levelSince: '2024-06-15' });
    expect(after.levels.map((l) => [l.date, l.level, l.source])).toEqual([
      ['2024-06-10', 'normal', 'start'],
      ['2024-06-15', 'strict', 'edit'],
    ]);
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.report)?.dueDate).toBe('2024-06-22');
  });

  it('edits the file, keeping the person; the office’s table changes every file', () => {
    const f = correctionFile(t, p);
    const { id, dueItems: _d, ...rest } = f;
    const edited = t.call('correction.update', {
      id,
      personId: p.id,
      category: 'outside',
      ground: 'medical',
      crime: rest.crime,
      penaltyType: rest.penaltyType,
      decisionOrgan: rest.decisionOrgan,
      documentType: '决定书',
      documentNumber: '（2024）某监外字1号',
      effectiveDate: '2024-06-01',
      receivedDate: '2024-06-05',
      termStart: '2024-06-10',
      termEnd: '2025-06-09',
      responsibleStaffId: me,
    });
    expect(edited.reception.deadline).toBe('2024-06-15');
    expect(edited.dueItems.map((i) => i.ruleId)).toEqual(expect.arrayContaining([RULE_IDS.health, RULE_IDS.recheck]));
    const s = t.call('correction.schedule', {});
    expect(s.levels.map((l) => l.name)).toEqual(['严管', '普管', '宽管']);
    const levels = Object.fromEntries(
      s.levels.map((l) => [
        l.level,
        { name: l.name, report: l.report, visit: l.visit, educationHours: l.educationHours, publicHours: l.publicHours },
      ]),
    ) as never;
    const changed = t.call('correction.saveSchedule', {
      levels: { ...(levels as object), normal: { ...(levels as Record<string, object>).normal, report: { days: 14 } } } as never,
      termRemindDays: 45,
    });
    expect(changed.levels[1]).toMatchObject({ reportText: '每2周', changed: true });
    expect(changed.termRemindDays).toBe(45);
    expect(t.call('correction.get', { id }).dueItems.find((i) => i.ruleId === RULE_IDS.report)?.dueDate).toBe('2024-06-24');
  });

  it('refuses bad input at the host with nothing written', () => {
    const files = count('correction_file');
    const audits = count('audit_log');
    const base = {
      personId: p.id,
      category: 'probation',
      crime: '盗窃罪',
      penaltyType: '有期徒刑',
      decisionOrgan: '某县人民法院',
      documentType: '判决书',
      documentNumber: '1号',
      effectiveDate: '2024-06-10',
      termStart: '2024-06-10',
      responsibleStaffId: me,
    };
    expect(t.raw('correction.create', { ...base, termEnd: '2024-06-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { termEnd: '矫正期限的止日不能早于起日' } },
    });
    expect(t.raw('correction.create', { ...base, termEnd: '2025-06-09', category: 'outside' })).toMatchObject({
      ok: false,
      error: { fields: { ground: '暂予监外执行须选择情形' } },
    });
    expect(t.raw('correction.create', { ...base, termEnd: '2025-06-09', effectiveDate: '2024-07-01' })).toMatchObject({
      ok: false,
      error: { fields: { effectiveDate: '生效日期不能晚于今天' } },
    });
    expect(count('correction_file')).toBe(files);
    const f = correctionFile(t, p);
    expect(t.raw('correction.create', { ...base, termEnd: '2025-06-09' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.raw('correction.saveEvent', { fileId: f.id, kind: 'health', date: '2024-06-14', content: '身体良好' })).toMatchObject({
      ok: false,
      error: { fields: { kind: '只有暂予监外执行的对象报告病情（健康）情况' } },
    });
    expect(t.raw('correction.saveEvent', { fileId: f.id, kind: 'public', date: '2024-06-14', content: '劳动' })).toMatchObject({
      ok: false,
      error: { fields: { hours: '请填写时数' } },
    });
    expect(t.raw('correction.saveEvent', { fileId: f.id, kind: 'report', date: '2024-06-01', content: '报告' })).toMatchObject({
      ok: false,
      error: { fields: { date: '日期不能早于矫正期限起日' } },
    });
    expect(count('correction_event')).toBe(0);
    expect(count('audit_log')).toBe(audits + 1);
  });

  it('closes a minor’s file to every operator but its responsible staff member', () => {
    const other = t.call('staff.save', { name: '李同事' });
    const f = correctionFile(t, p, { minor: true, responsibleStaffId: me });
    const mine = dashboard();
    expect(dueItems(mine, 'dueSoon').find((i) => i.module === 'correction')?.personName).toBe('钱矫');
    expect(mine.modules.find((m) => m.module === 'correction')!.records.dueSoon).toBe(1);
    expect(t.call('correction.list', {}).rows).toHaveLength(1);
    t.call('session.setOperator', { staffId: other.id });
    expect(t.call('correction.list', {}).rows).toHaveLength(0);
    // Not on the colleague's dashboard: neither listed nor counted, for everyone, for its staff member or its village
    for (const scope of [{}, { responsibleStaffId: me }]) {
      const theirs = t.call('obligations.dashboard', scope);
      const correction = theirs.modules.find((m) => m.module === 'correction')!;
      expect([correction.dueSoon.total, correction.dueSoon.items, correction.records.dueSoon, correction.termEnds.total]).toEqual([
        0,
        [],
        0,
        0,
      ]);
      expect(theirs.byStaff).toEqual([]);
    }
    expect(t.raw('correction.get', { id: f.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(t.call('persons.get', { id: p.id }).records).toEqual([]);
    expect(t.raw('correction.saveEvent', { fileId: f.id, kind: 'report', date: '2024-06-14', content: '报告' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    t.call('session.setOperator', { staffId: me });
    expect(t.call('correction.get', { id: f.id }).minor).toBe(true);
    // A colleague's minor file may be opened by another operator; it is then closed to them.
    const q = person(t, { name: '孙少' });
    expect(correctionFile(t, q, { minor: true, responsibleStaffId: other.id }).minor).toBe(true);
    expect(t.call('correction.list', {}).rows.map((r) => r.personName)).toEqual(['钱矫']);
  });

  it('goes to the recycle bin and comes back with its due items', () => {
    const f = correctionFile(t, p);
    t.call('correction.delete', { id: f.id });
    expect(t.call('correction.list', {}).total).toBe(0);
    expect(dueItems(dashboard(), 'dueSoon').filter((i) => i.module === 'correction')).toEqual([]);
    const bin = t.call('recycle.list', {}).find((s) => s.section === 'correction')!;
    expect(bin.rows.map((r) => r.cells)).toEqual([['钱矫', '缓刑', '2024-06-10至2025-06-09']]);
    t.call('recycle.restore', { section: 'correction', id: f.id });
    expect(dueItems(dashboard(), 'dueSoon').filter((i) => i.module === 'correction')).toHaveLength(1);
  });
});
