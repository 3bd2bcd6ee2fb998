/**
 * The supervision records of a correction file on a real ledger (REVIEW §5.1, REVIEW §5.2): the team and its
 * warnings, the 矫正方案's versions, 审批 refused in Chinese with nothing written, a 外出 not returned on the
 * dashboard until its 销假, 电子定位 with its expiry and extensions, incidents, audit rows, and a minor's file
 * closed to any other operator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUPERVISION_RULE_PREFIX } from '../../../../shared/domain/correction-supervision';
import type { Person } from '../../../../shared/schemas/persons';
import { correctionFile, firstStaffId, person } from '../../../helpers/builders';
import { dueItems } from '../../../helpers/dashboard';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let p: Person;
let me: string;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = person(t, { name: '孙女矫', sex: 'F' });
  me = firstStaffId(t);
  t.call('session.setOperator', { staffId: me });
});
afterEach(() => t.close());

const count = (table: string) => (t.ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const audits = (id: string) => t.call('audit.forEntity', { entity: 'correction', id });

describe('the 矫正小组 and the 矫正方案', () => {
  it('warns of a missing woman member for a woman, and is in place once she is added', () => {
    const f = correctionFile(t, p);
    expect(t.call('correction.supervision', { fileId: f.id }).team.check).toEqual({
      complete: false,
      missing: ['尚未确定矫正小组成员', expect.stringContaining('女性成员')],
    });
    let s = t.call('correction.saveTeam', {
      fileId: f.id,
      pledgeDate: '2024-06-12',
      members: [{ name: '王所员', role: '司法所工作人员', sex: 'M', phone: '' }],
    });
    expect(s.team.check.missing).toEqual([expect.stringContaining('应当有女性成员')]);
    s = t.call('correction.saveTeam', {
      fileId: f.id,
      pledgeDate: '2024-06-12',
      members: [
        { name: '王所员', role: '司法所工作人员', sex: 'M', phone: '' },
        { name: '李主任', role: '村/居委会', sex: 'F', phone: '13800138000' },
      ],
    });
    expect(s.team).toMatchObject({ pledgeDate: '2024-06-12', check: { complete: true, missing: [] } });
    expect(s.team.members.map((m) => m.name)).toEqual(['王所员', '李主任']);
    expect(count('correction_member')).toBe(3); // the first team soft-deleted, kept
    expect(audits(f.id)[0]!.after).toMatchObject({ team: expect.stringContaining('李主任（村/居委会，女）') });
  });

  it('keeps the 矫正方案’s versions newest first; an adjustment needs its reason', () => {
    const f = correctionFile(t, p);
    t.call('correction.savePlan', { fileId: f.id, date: '2024-06-12', content: '每周报告，参加集中教育' });
    expect(t.raw('correction.savePlan', { fileId: f.id, date: '2024-06-14', content: '每月报告' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: '调整矫正方案的，请写明调整原因' } },
    });
    const s = t.call('correction.savePlan', { fileId: f.id, date: '2024-06-14', content: '每月报告', reason: '表现良好' });
    expect(s.plans.map((x) => [x.date, x.reason])).toEqual([
      ['2024-06-14', '表现良好'],
      ['2024-06-12', null],
    ]);
    const after = t.call('correction.deletePlan', { id: s.plans[0]!.id });
    expect(after.plans).toHaveLength(1);
  });
});

describe('审批', () => {
  it('records a 外出 with its level; not returned, it is overdue on the dashboard from the day after its end, until its 销假', () => {
    const f = correctionFile(t, p);
    const s = t.call('correction.saveApproval', leaveInput(f.id));
    const leave = s.approvals[0]!;
    expect(leave).toMatchObject({ approverLevel: 'station', overdue: true, returnDate: null });
    expect(s.dueItems.map((i) => [i.label, i.state])).toEqual([['外出销假（杭州市，2024-06-11至2024-06-14）', 'overdue']]);
    const overdue = dueItems(t.call('obligations.dashboard', {}), 'overdue').filter((i) => i.label.startsWith('外出销假'));
    expect(overdue.map((i) => [i.dueDate, i.personName])).toEqual([['2024-06-14', '孙女矫']]);
    const back = t.call('correction.saveApproval', { ...leaveInput(f.id), id: leave.id, returnDate: '2024-06-14' });
    expect(back.approvals[0]).toMatchObject({ overdue: false, returnDate: '2024-06-14' });
    expect(back.dueItems).toEqual([]);
    expect(dueItems(t.call('obligations.dashboard', {}), 'overdue').filter((i) => i.label.startsWith('外出销假'))).toEqual([]);
    const file = t.call('correction.get', { id: f.id });
    expect(file.dueItems.find((i) => i.ruleId === `${SUPERVISION_RULE_PREFIX.leaveReturn}:${leave.id}`)?.state).toBe('done');
  });

  it('refuses in Chinese with nothing written: end before start, a trip over a month, 销假 before the start', () => {
    const f = correctionFile(t, p);
    const before = count('correction_approval');
    for (const [fields, field, message] of [
      [{ startDate: '2024-06-14', endDate: '2024-06-11' }, 'endDate', '截止日期不能早于起始日期'],
      [{ startDate: '2024-06-11', endDate: '2024-07-12' }, 'endDate', '每次外出不超过1个月（最迟2024-07-11）；超过的，返回销假后另行申请'],
      [{ returnDate: '2024-06-10' }, 'returnDate', '销假日期不能早于外出起始日期'],
    ] as const) {
      expect(t.raw('correction.saveApproval', { ...leaveInput(f.id), ...fields })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { [field]: message } },
      });
    }
    expect(count('correction_approval')).toBe(before);
  });

  it('sends a long trip to the county, and follows the office’s limits', () => {
    const f = correctionFile(t, p);
    const s = t.call('correction.saveApproval', { ...leaveInput(f.id), startDate: '2024-06-11', endDate: '2024-06-30' });
    expect(s.approvals[0]!.approverLevel).toBe('county');
    t.call('correction.saveSupervisionSettings', {
      leaveStationDays: 30,
      leaveMaxMonths: 2,
      frequentMonths: 6,
      monitorAssessDays: 7,
      relocateDecisionDays: 10,
      relocateReportDays: 7,
    });
    const again = t.call('correction.saveApproval', { ...leaveInput(f.id), startDate: '2024-06-11', endDate: '2024-08-05' });
    expect(again.approvals.map((a) => a.approverLevel)).toEqual(['county', 'county']);
    expect(again.limits.leaveMaxMonths).toBe(2);
    expect(t.call('correction.supervisionSettings', {}).find((x) => x.key === 'leaveStationDays')).toMatchObject({
      value: 30,
      defaultValue: 7,
    });
  });

  it('records 变更执行地: the counties’ result due after the set days, then the report to the new county', () => {
    const f = correctionFile(t, p);
    const input = { fileId: f.id, kind: 'relocate' as const, applyDate: '2024-06-11', destination: '某市某区' };
    let s = t.call('correction.saveApproval', input);
    expect(s.dueItems.map((i) => [i.label, i.dueDate])).toEqual([['变更执行地协商结果（某市某区）', '2024-06-21']]);
    const id = s.approvals[0]!.id;
    s = t.call('correction.saveApproval', { ...input, id, result: '同意', approvalDate: '2024-06-13' });
    expect(s.dueItems.map((i) => [i.label, i.dueDate])).toEqual([['到新执行地报到（某市某区）', '2024-06-20']]);
    expect(t.raw('correction.saveApproval', { ...input, id, result: '同意', approvalDate: '2024-06-10' })).toMatchObject({
      ok: false,
      error: { fields: { approvalDate: '决定日期不能早于申请日期' } },
    });
    s = t.call('correction.saveApproval', { ...input, id, result: '同意', approvalDate: '2024-06-13', reportedDate: '2024-06-14' });
    expect(s.approvals[0]).toMatchObject({ kind: 'relocate', startDate: null, result: '同意', reportedDate: '2024-06-14' });
    expect(s.dueItems).toEqual([]);
    const del = t.call('correction.deleteApproval', { id: s.approvals[0]!.id });
    expect(del.approvals).toEqual([]);
  });
});

describe('电子定位, incidents and 出境报备', () => {
  const monitorInput = (fileId: string) => ({
    fileId,
    ground: 'left' as const,
    approver: '县司法局赵局长',
    approvalDate: '2024-06-11',
    documentNumber: '某司矫〔2024〕3号',
    startDate: '2024-06-12',
    endDate: '2024-09-12',
  });

  it('starts for at most three months, lists its expiry, and moves it with an extension', () => {
    const f = correctionFile(t, p);
    expect(t.raw('correction.saveMonitor', { ...monitorInput(f.id), endDate: '2024-09-13' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { endDate: expect.stringContaining('不得超过三个月') } },
    });
    const s = t.call('correction.saveMonitor', monitorInput(f.id));
    const m = s.monitors[0]!;
    expect(m).toMatchObject({ currentEnd: '2024-09-12', removalDate: null });
    const file = t.call('correction.get', { id: f.id });
    expect(file.dueItems.find((i) => i.ruleId === `${SUPERVISION_RULE_PREFIX.monitorEnd}:${m.id}`)).toMatchObject({
      dueDate: '2024-09-12',
      label: '电子定位期满（2024-09-12）',
    });
    expect(file.dueItems.find((i) => i.ruleId === `${SUPERVISION_RULE_PREFIX.monitorAssess}:${m.id}:0`)?.dueDate).toBe('2024-09-05');
    const later = t.onDay('2024-09-06');
    expect(() =>
      later.call('correction.saveAssessment', { monitorId: m.id, date: '2024-09-06', result: 'extend', newEnd: '2024-12-13' }),
    ).toThrow('每次延长不得超过三个月（最迟2024-12-12）');
    const ext = later.call('correction.saveAssessment', { monitorId: m.id, date: '2024-09-06', result: 'extend', newEnd: '2024-12-12' });
    expect(ext.monitors[0]).toMatchObject({ currentEnd: '2024-12-12', assessments: [{ result: 'extend', newEnd: '2024-12-12' }] });
    expect(ext.dueItems.map((i) => i.label)).toEqual(expect.arrayContaining(['电子定位期满（2024-12-12）']));
    expect(() => later.call('correction.saveMonitor', { ...monitorInput(f.id), startDate: '2024-09-01', endDate: '2024-11-30' })).toThrow(
      '与2024-06-12至2024-12-12的电子定位重叠；期满仍需使用的，在原记录上评估延长',
    );
    const removed = later.call('correction.saveMonitor', { ...monitorInput(f.id), id: m.id, removalDate: '2024-09-06' });
    expect(removed.dueItems).toEqual([]);
  });

  it('shows an open 失联 until it is resolved; records the 出境报备', () => {
    const f = correctionFile(t, p);
    let s = t.call('correction.saveIncident', {
      fileId: f.id,
      kind: 'missing',
      at: '2024-06-14 09:00',
      content: '电话关机，家中无人',
      actions: '通报派出所',
    });
    expect(s.openMissing).toMatchObject({ at: '2024-06-14 09:00', resolvedAt: null });
    expect(
      t.raw('correction.saveIncident', {
        fileId: f.id,
        id: s.incidents[0]!.id,
        kind: 'missing',
        at: '2024-06-14 09:00',
        content: 'x',
        resolvedAt: '2024-06-13',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    s = t.call('correction.saveIncident', {
      fileId: f.id,
      id: s.incidents[0]!.id,
      kind: 'missing',
      at: '2024-06-14 09:00',
      content: '电话关机，家中无人',
      resolvedAt: '2024-06-15 10:00',
    });
    expect(s.openMissing).toBeNull();
    s = t.call('correction.saveExitReport', { fileId: f.id, exitReportDate: '2024-06-12' });
    expect(s).toMatchObject({ exitReportDate: '2024-06-12', exitRevokeDate: null });
    expect(t.raw('correction.saveExitReport', { fileId: f.id, exitReportDate: '2024-06-12', exitRevokeDate: '2024-06-11' })).toMatchObject({
      ok: false,
      error: { fields: { exitRevokeDate: '撤销报备日期不能早于报备日期' } },
    });
    expect(audits(f.id).filter((e) => e.action === 'update')).toHaveLength(3);
  });

  it('closes a minor’s records to every operator but its responsible staff member', () => {
    const other = t.call('staff.save', { name: '李同事' });
    const f = correctionFile(t, p, { minor: true, responsibleStaffId: me });
    expect(t.call('correction.supervision', { fileId: f.id }).team.check.missing).toEqual(
      expect.arrayContaining([expect.stringContaining('熟悉未成年人')]),
    );
    t.call('session.setOperator', { staffId: other.id });
    expect(t.raw('correction.supervision', { fileId: f.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(t.raw('correction.saveApproval', leaveInput(f.id))).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(count('correction_approval')).toBe(0);
  });
});

function leaveInput(fileId: string) {
  return {
    fileId,
    kind: 'leave' as const,
    startDate: '2024-06-11',
    endDate: '2024-06-14',
    destination: '杭州市',
    reason: '探望父亲',
    approver: '王所长',
    approvalDate: '2024-06-10',
  };
}
