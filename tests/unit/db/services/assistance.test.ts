/**
 * Assistance files on a real ledger (REVIEW §6.2, REVIEW §6.3): created from the registry (before or after the
 * release), edited, the 衔接 with 必接必送 for a 重点帮教对象, the team and its check, the placement and its reason,
 * aid with its amount, visits, the end, what falls due on the dashboard, bad input refused with nothing written,
 * audit rows and the recycle bin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../../shared/domain/assistance-rules';
import type { Person } from '../../../../shared/schemas/persons';
import { assistanceFile, firstStaffId, person } from '../../../helpers/builders';
import { dueItems } from '../../../helpers/dashboard';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let p: Person;
let me: string;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = person(t, { name: '孙释' });
  me = firstStaffId(t);
  t.call('session.setOperator', { staffId: me });
});
afterEach(() => t.close());

const count = (table: string) => (t.ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const dashboard = () => t.call('obligations.dashboard', {});
const history = (id: string) => t.call('audit.forEntity', { entity: 'assistance', id });

describe('assistance files', () => {
  it('opens a released person’s file: 帮教期满 computed, 未衔接 overdue on the dashboard, an audit row', () => {
    const f = assistanceFile(t, p);
    expect(f).toMatchObject({ releaseType: 'expiry', level: 'normal', key: false, status: 'active', preRelease: false, released: true });
    expect(f.period).toMatchObject({ end: '2029-06-01', years: 5 });
    expect(f.handover.state).toBe('pending');
    const overdue = dueItems(dashboard(), 'overdue').filter((i) => i.module === 'assistance');
    expect(overdue.map((i) => [i.label, i.dueDate, i.personName])).toEqual([['刑满释放人员衔接（未衔接）', '2024-06-01', '孙释']]);
    expect(history(f.id).map((e) => e.action)).toEqual(['create']);
    expect(t.call('assistance.list', { notHandedOver: true }).rows.map((r) => [r.personName, r.handoverState, r.periodEnd])).toEqual([
      ['孙释', 'pending', '2029-06-01'],
    ]);
    expect(t.call('persons.get', { id: p.id }).records.map((r) => r.title)).toEqual(['安置帮教档案（刑满释放）']);
  });

  it('a correction leaver’s period is 3 years by default, and follows the setting at once', () => {
    const f = assistanceFile(t, p, { releaseType: 'correction_end' });
    expect(f.period.end).toBe('2027-06-01');
    const s = t.call('assistance.schedule', {});
    t.call('assistance.saveSchedule', {
      years: s.years,
      correctionYears: 5,
      familyDays: s.familyDays,
      firstVisitDays: s.firstVisitDays,
      remindDays: s.remindDays,
      visitMonths: { normal: 3, high: 1, medium: 1, low: 1 },
    });
    expect(t.call('assistance.get', { id: f.id }).period.end).toBe('2029-06-01');
    expect(t.call('assistance.list', {}).rows[0]!.periodEnd).toBe('2029-06-01');
    expect(t.call('assistance.schedule', {})).toMatchObject({ correctionYears: 5, defaults: { correctionYears: 3 } });
  });

  it('registers a file before the release (预释放): listed apart, the family contact owed, no 衔接 yet', () => {
    const f = assistanceFile(t, p, { releaseDate: '2024-07-10', noticeDate: '2024-06-10' });
    expect(f).toMatchObject({ preRelease: true, released: false });
    expect(f.dueItems[0]).toMatchObject({ ruleId: RULE_IDS.preRelease, dueDate: '2024-06-17', state: 'due_soon' });
    expect(t.call('assistance.list', { preRelease: true }).total).toBe(1);
    expect(t.call('assistance.list', { notHandedOver: true }).total).toBe(0);
    expect(t.raw('assistance.saveHandover', { id: f.id, state: 'done', method: 'family', returnDate: '2024-06-14' })).toMatchObject({
      ok: false,
      error: { fields: { state: '尚未释放，只能登记联系家属情况' } },
    });
    const after = t.call('assistance.saveHandover', { id: f.id, state: 'pending', familyContactDate: '2024-06-12' });
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.preRelease)?.state).toBe('done');
  });

  it('requires 必接必送 for a 重点帮教对象, at the host too, and writes nothing when refused', () => {
    const f = assistanceFile(t, p, { level: 'high' });
    const audits = count('audit_log');
    // The form sends the file's level; a client that does not is refused by the host all the same
    for (const key of [true, false])
      expect(t.raw('assistance.saveHandover', { id: f.id, key, state: 'done', method: 'family', returnDate: '2024-06-02' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { method: '重点帮教对象须必接必送' } },
      });
    expect(count('audit_log')).toBe(audits);
    expect(t.call('assistance.get', { id: f.id }).handover.state).toBe('pending');
    const done = t.call('assistance.saveHandover', {
      id: f.id,
      state: 'done',
      method: 'escort',
      returnDate: '2024-06-01',
      receiver: '王所长',
      policeReportDate: '2024-06-02',
      registerDate: '2024-06-02',
    });
    expect(done.handover).toMatchObject({ state: 'done', method: 'escort', receiver: '王所长' });
    expect(done.dueItems.find((i) => i.ruleId === RULE_IDS.handover)?.state).toBe('done');
    // The first home visit is owed within 7 days of the return, and it is overdue by now
    expect(done.dueItems.find((i) => i.ruleId === RULE_IDS.firstVisit)).toMatchObject({ dueDate: '2024-06-08', state: 'overdue' });
    expect(history(f.id)[0]).toMatchObject({ action: 'update', after: { handoverState: 'done', handoverMethod: 'escort' } });
  });

  it('an ordinary file 衔接 by its family cannot be made 重点 until the 衔接 is corrected', () => {
    const f = assistanceFile(t, p);
    t.call('assistance.saveHandover', { id: f.id, state: 'done', method: 'family', returnDate: '2024-06-02' });
    expect(t.raw('assistance.setLevel', { id: f.id, level: 'high', date: '2024-06-10' })).toMatchObject({
      ok: false,
      error: { fields: { level: expect.stringContaining('重点帮教对象须必接必送') } },
    });
    expect(t.call('assistance.get', { id: f.id }).level).toBe('normal');
  });

  it('records 下落不明 with its 查找: the 衔接 item is answered, the state shown', () => {
    const f = assistanceFile(t, p);
    expect(t.raw('assistance.saveHandover', { id: f.id, state: 'missing' })).toMatchObject({
      ok: false,
      error: { fields: { missingSince: '请填写查找登记日期' } },
    });
    const after = t.call('assistance.saveHandover', { id: f.id, state: 'missing', missingSince: '2024-06-05', note: '家属称外出' });
    expect(after.handover.state).toBe('missing');
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.handover)?.state).toBe('done');
    expect(t.call('assistance.list', { handover: 'missing' }).total).toBe(1);
  });

  it('keeps the team with its check, the placement with its reason, aid in yuan and visits, each audited', () => {
    const f = assistanceFile(t, p);
    const lone = t.call('assistance.saveTeam', { id: f.id, members: [{ name: '王所长', role: '司法所工作人员' }] });
    expect(lone.team.check).toEqual({ complete: false, missing: ['至少还需一名其他成员（网格员、村干部、亲属等）', '未签订帮教协议'] });
    const team = t.call('assistance.saveTeam', {
      id: f.id,
      agreementDate: '2024-06-05',
      members: [
        { name: '王所长', role: '司法所工作人员' },
        { name: '李网格', role: '网格员', phone: '13800138000' },
        { name: '孙母', role: '亲属' },
      ],
    });
    expect(team.team.check.complete).toBe(true);
    expect(team.team.members.map((m) => m.name)).toEqual(['王所长', '李网格', '孙母']);
    expect(count('assistance_member')).toBe(4); // the first team's member is kept, deleted
    expect(t.raw('assistance.savePlacement', { id: f.id, placement: 'none' })).toMatchObject({
      ok: false,
      error: { fields: { placementNote: '未安置的，请写明原因' } },
    });
    const placed = t.call('assistance.savePlacement', {
      id: f.id,
      placement: 'employed',
      placementDate: '2024-06-10',
      placementNote: '某厂',
    });
    expect(placed.placement).toBe('employed');
    expect(t.call('assistance.list', { placement: 'employed' }).total).toBe(1);
    const aid = t.call('assistance.saveRecord', {
      fileId: f.id,
      kind: 'aid',
      aidType: '临时救助',
      amount: 800,
      date: '2024-06-10',
      content: '生活困难',
    });
    t.call('assistance.saveRecord', { fileId: f.id, kind: 'aid', aidType: '临时救助', amount: 0.1, date: '2024-06-11', content: '补差' });
    expect(aid.records[0]).toMatchObject({ aidType: '临时救助', amount: 800 });
    expect(t.call('assistance.get', { id: f.id }).aidTotal).toBe(800.1);
    expect(
      t.raw('assistance.saveRecord', { fileId: f.id, kind: 'aid', aidType: '临时救助', date: '2024-06-10', content: '无金额' }),
    ).toMatchObject({ ok: false, error: { fields: { amount: '临时救助请填写金额（元）' } } });
    expect(
      t.raw('assistance.saveRecord', { fileId: f.id, kind: 'aid', aidType: '技能培训', amount: 5, date: '2024-06-10', content: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { amount: '只有临时救助填写金额' } },
    });
    const visited = t.call('assistance.saveRecord', {
      fileId: f.id,
      kind: 'visit',
      method: '走访',
      date: '2024-06-12',
      content: '在家，情绪稳定',
    });
    expect(visited.dueItems.find((i) => i.ruleId === RULE_IDS.visit && i.state !== 'done')?.dueDate).toBe('2024-09-12');
    const after = history(f.id).map((e) => e.after as Record<string, unknown>);
    expect(after.find((a) => a.placement === 'employed')).toMatchObject({
      team: '王所长（司法所工作人员）、李网格（网格员）、孙母（亲属）',
      agreementDate: '2024-06-05',
    });
    expect(after.map((a) => a.record).filter(Boolean)).toEqual([
      '2024-06-12 走访/谈话（走访）：在家，情绪稳定',
      '2024-06-11 帮扶（临时救助） 0.1元：补差',
      '2024-06-10 帮扶（临时救助） 800元：生活困难',
    ]);
  });

  it('refuses bad input with nothing written', () => {
    const base = {
      personId: p.id,
      crime: '盗窃罪',
      sentence: '有期徒刑三年',
      releaseType: 'expiry' as const,
      releaseDate: '2024-06-01',
      responsibleStaffId: me,
    };
    const audits = count('audit_log');
    expect(t.raw('assistance.create', { ...base, crime: '' })).toMatchObject({
      ok: false,
      error: { fields: { crime: expect.any(String) } },
    });
    expect(t.raw('assistance.create', { ...base, releaseDate: '2024-07-10', noticeDate: '2024-06-20' })).toMatchObject({
      ok: false,
      error: { fields: { noticeDate: '通知书收到日期不能晚于今天' } },
    });
    expect(t.raw('assistance.create', { ...base, sentenceStart: '2021-06-01', sentenceEnd: '2020-06-01' })).toMatchObject({
      ok: false,
      error: { fields: { sentenceEnd: '刑期止日不能早于起日' } },
    });
    expect(count('assistance_file')).toBe(0);
    expect(count('audit_log')).toBe(audits);
    const f = assistanceFile(t, p);
    expect(t.raw('assistance.create', base)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      t.raw('assistance.saveRecord', { fileId: f.id, kind: 'visit', method: '走访', date: '2024-05-01', content: '走访' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { date: '日期不能早于释放日期' } },
    });
    expect(t.raw('assistance.end', { id: f.id, endReason: 'expired', endDate: '2024-06-10' })).toMatchObject({
      ok: false,
      error: { fields: { endDate: '帮教期至 2029-06-01 届满，不能提前以“帮教期满”结束' } },
    });
    expect(count('assistance_record')).toBe(0);
    expect(count('audit_log')).toBe(audits + 1);
  });

  it('edits the file with its history, and ends it: nothing owed after the end, no more changes', () => {
    const f = assistanceFile(t, p);
    const edited = t.call('assistance.update', {
      id: f.id,
      personId: p.id,
      crime: '诈骗罪',
      sentence: '有期徒刑三年',
      releaseType: 'expiry',
      releaseDate: '2024-06-01',
      responsibleStaffId: me,
    });
    expect(edited.crime).toBe('诈骗罪');
    expect(history(f.id)[0]).toMatchObject({ action: 'update', before: { crime: '盗窃罪' }, after: { crime: '诈骗罪' } });
    const ended = t.call('assistance.end', { id: f.id, endReason: 'reimprisoned', endDate: '2024-06-12', endNote: '因盗窃再次被判刑' });
    expect(ended).toMatchObject({ status: 'ended', endReason: 'reimprisoned', dueItems: [] });
    expect(dueItems(dashboard(), 'overdue').filter((i) => i.module === 'assistance')).toEqual([]);
    expect(t.raw('assistance.saveRecord', { fileId: f.id, kind: 'visit', method: '走访', date: '2024-06-13', content: 'x' })).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_TRANSITION' },
      },
    );
  });

  it('deletes to the recycle bin and restores, the dashboard following', () => {
    const f = assistanceFile(t, p);
    t.call('assistance.delete', { id: f.id });
    expect(t.call('assistance.list', {}).total).toBe(0);
    expect(dueItems(dashboard(), 'overdue').filter((i) => i.module === 'assistance')).toEqual([]);
    const bin = t.call('recycle.list', {}).find((s) => s.section === 'assistance')!;
    expect(bin.rows.map((r) => r.cells)).toEqual([['孙释', '刑满释放', '2024-06-01']]);
    t.call('recycle.restore', { section: 'assistance', id: f.id });
    expect(t.call('assistance.list', {}).total).toBe(1);
    expect(dueItems(dashboard(), 'overdue').filter((i) => i.module === 'assistance')).toHaveLength(1);
    expect(history(f.id).map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'delete', 'restore']));
  });
});
