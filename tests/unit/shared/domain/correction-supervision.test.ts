/**
 * The supervision rules of a correction file (REVIEW §5.1, REVIEW §5.2): the 矫正小组's checks, the 外出
 * approver level and limits under the office's settings, 电子定位's three months and its extensions, and the
 * due items given to the engine (外出销假 overdue from the day after the end, 电子定位 expiry and assessment).
 */
import { describe, expect, it } from 'vitest';
import {
  approvalErrors,
  approverLevel,
  correctionTeamCheck,
  extensionErrors,
  latestMonitorEnd,
  monitorEnd,
  SUPERVISION_DEFAULTS,
  SUPERVISION_RULE_PREFIX,
  supervisionDue,
  supervisionLimits,
  teamInPlace,
  tripDays,
  type ApprovalFacts,
  type MonitorFacts,
  type RelocationFacts,
} from '../../../../shared/domain/correction-supervision';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { computeDueItems, type ObligationInput } from '../../../../shared/domain/obligations';
import { IncidentInput } from '../../../../shared/schemas/correction-supervision';

const limits = supervisionLimits({});
const station = { role: '司法所工作人员', sex: 'M' as const, knowsMinors: false };

describe('the 矫正小组', () => {
  it.each([
    ['no members', [], { sex: 'M' as const, minor: false }, ['尚未确定矫正小组成员']],
    ['a 司法所 member', [station], { sex: 'M' as const, minor: false }, []],
    ['no 司法所 member', [{ ...station, role: '志愿者' }], { sex: 'M' as const, minor: false }, ['缺少司法所工作人员']],
    ['a woman subject and no woman', [station], { sex: 'F' as const, minor: false }, ['女性成员']],
    [
      'a woman subject and a woman',
      [station, { role: '志愿者', sex: 'F' as const, knowsMinors: false }],
      { sex: 'F' as const, minor: false },
      [],
    ],
    ['a minor and nobody who knows minors', [station], { sex: 'M' as const, minor: true }, ['未成年人']],
    ['a minor and a member who knows minors', [{ ...station, knowsMinors: true }], { sex: 'M' as const, minor: true }, []],
  ])('%s', (_, members, subject, words) => {
    const c = correctionTeamCheck(members, subject);
    expect(c.missing).toHaveLength(words.length);
    for (const [i, w] of words.entries()) expect(c.missing[i]).toContain(w);
    expect(c.complete).toBe(words.length === 0);
    expect(teamInPlace(members, subject)).toBe(words.length === 0);
  });
});

describe('外出 and the other approvals', () => {
  const leave = (startDate: string, endDate: string, more: Partial<ApprovalFacts> = {}): ApprovalFacts => ({
    kind: 'leave',
    startDate,
    endDate,
    returnDate: null,
    applyDate: null,
    reportedDate: null,
    ...more,
  });

  it.each([
    ['2024-03-01', '2024-03-08', 7, 'station'],
    ['2024-03-01', '2024-03-09', 8, 'county'],
    ['2024-03-01', '2024-03-01', 0, 'station'],
  ])('a trip from %s to %s is %i days, approved by the %s', (start, end, days, level) => {
    expect(tripDays(start, end)).toBe(days);
    expect(approverLevel(start, end, limits)).toBe(level);
  });

  it('takes the split from the office’s settings, defaults shown', () => {
    expect(SUPERVISION_DEFAULTS).toEqual({
      leaveStationDays: 7,
      leaveMaxMonths: 1,
      frequentMonths: 6,
      monitorAssessDays: 7,
      relocateDecisionDays: 10,
      relocateReportDays: 7,
    });
    expect(approverLevel('2024-03-01', '2024-03-11', supervisionLimits({ leaveStationDays: 10 }))).toBe('station');
  });

  it.each([
    [leave('2024-03-01', '2024-04-01'), {}],
    [leave('2024-03-01', '2024-04-02'), { endDate: '每次外出不超过1个月（最迟2024-04-01）；超过的，返回销假后另行申请' }],
    [leave('2024-03-05', '2024-03-01'), { endDate: '截止日期不能早于起始日期' }],
    [leave('2024-03-01', '2024-03-05', { returnDate: '2024-02-28' }), { returnDate: '销假日期不能早于外出起始日期' }],
    [leave('2024-03-01', '2024-03-05', { returnDate: '2024-03-06' }), {}],
    [{ ...leave('2024-01-01', '2024-07-01'), kind: 'frequent' as const }, {}],
    [
      { ...leave('2024-01-01', '2024-07-02'), kind: 'frequent' as const },
      { endDate: '经常性跨市县活动一次批准的有效期不超过6个月（最迟2024-07-01）' },
    ],
    [{ ...leave('2024-01-01', ''), kind: 'visitor' as const, endDate: null }, {}],
    [{ ...leave('', ''), kind: 'relocate' as const, startDate: null, endDate: null }, { applyDate: '请填写申请日期' }],
    [
      { ...leave('', ''), kind: 'relocate' as const, startDate: null, endDate: null, applyDate: '2024-03-01', reportedDate: '2024-02-01' },
      { reportedDate: '到新执行地报到的日期不能早于申请日期' },
    ],
  ])('refuses in Chinese: %o', (a, errors) => {
    expect(approvalErrors(a, limits)).toEqual(errors);
  });

  it('lengthens the per-trip limit when the office sets it', () => {
    expect(approvalErrors(leave('2024-03-01', '2024-04-20'), supervisionLimits({ leaveMaxMonths: 2 }))).toEqual({});
  });
});

describe('电子定位', () => {
  const m: MonitorFacts = { id: 'M1', startDate: '2024-03-01', endDate: '2024-06-01', removalDate: null, assessments: [] };

  it('lasts at most three months, and each extension three months after the current end', () => {
    expect(latestMonitorEnd('2024-03-01')).toBe('2024-06-01');
    expect(latestMonitorEnd('2024-11-30')).toBe('2025-02-28');
    expect(extensionErrors(m, { date: '2024-05-25', result: 'extend', newEnd: '2024-09-01' })).toEqual({});
    expect(extensionErrors(m, { date: '2024-05-25', result: 'extend', newEnd: '2024-09-02' })).toEqual({
      newEnd: '每次延长不得超过三个月（最迟2024-09-01）',
    });
    expect(extensionErrors(m, { date: '2024-05-25', result: 'extend', newEnd: '2024-05-30' }).newEnd).toContain('应晚于当前截止日期');
    expect(extensionErrors(m, { date: '2024-05-25', result: 'extend', newEnd: null }).newEnd).toBe('请填写延长后的截止日期');
    expect(extensionErrors({ ...m, removalDate: '2024-05-01' }, { date: '2024-05-25', result: 'stop', newEnd: null }).date).toContain(
      '已解除',
    );
    const extended = { ...m, assessments: [{ id: 'A1', date: '2024-05-25', result: 'extend' as const, newEnd: '2024-09-01' }] };
    expect(monitorEnd(extended)).toBe('2024-09-01');
    expect(extensionErrors(extended, { date: '2024-08-25', result: 'extend', newEnd: '2024-12-01' })).toEqual({});
  });
});

/** The engine's items of the supervision records alone, on a file begun 2024-01-01. */
const run = (today: string, facts: Parameters<typeof supervisionDue>[0], settings = limits) => {
  const { rules, events } = supervisionDue(facts, settings);
  const input: ObligationInput = {
    rules,
    events,
    extensions: [],
    subject: { id: 'F1', startDate: '2024-01-01', endDate: null, facts: {} },
    today,
    holidays: DEFAULT_HOLIDAYS,
  };
  return computeDueItems(input);
};

describe('due items', () => {
  const leave = { id: 'L1', destination: '杭州', startDate: '2024-06-01', endDate: '2024-06-05', returnDate: null };

  it('owes the 销假 by the end date: overdue from the next day, done once recorded', () => {
    const id = `${SUPERVISION_RULE_PREFIX.leaveReturn}:L1`;
    expect(run('2024-06-05', { leaves: [leave], monitors: [] }).find((i) => i.ruleId === id)).toMatchObject({
      dueDate: '2024-06-05',
      state: 'due_soon',
      label: '外出销假（杭州，2024-06-01至2024-06-05）',
    });
    expect(run('2024-06-06', { leaves: [leave], monitors: [] }).find((i) => i.ruleId === id)?.state).toBe('overdue');
    expect(
      run('2024-06-06', { leaves: [{ ...leave, returnDate: '2024-06-05' }], monitors: [] }).find((i) => i.ruleId === id),
    ).toMatchObject({
      state: 'done',
      late: false,
    });
    expect(
      run('2024-06-09', { leaves: [{ ...leave, returnDate: '2024-06-08' }], monitors: [] }).find((i) => i.ruleId === id),
    ).toMatchObject({
      state: 'done',
      late: true,
    });
  });

  const monitor: MonitorFacts = { id: 'M1', startDate: '2024-03-01', endDate: '2024-06-01', removalDate: null, assessments: [] };
  const endId = `${SUPERVISION_RULE_PREFIX.monitorEnd}:M1`;
  const assess = (n: number) => `${SUPERVISION_RULE_PREFIX.monitorAssess}:M1:${n}`;

  it('lists the expiry and the assessment the set days before it', () => {
    const items = run('2024-05-20', { leaves: [], monitors: [monitor] });
    expect(items.find((i) => i.ruleId === endId)).toMatchObject({
      dueDate: '2024-06-01',
      state: 'upcoming',
      label: '电子定位期满（2024-06-01）',
    });
    expect(items.find((i) => i.ruleId === assess(0))).toMatchObject({ dueDate: '2024-05-25', state: 'due_soon' });
    expect(run('2024-05-26', { leaves: [], monitors: [monitor] }).find((i) => i.ruleId === endId)?.state).toBe('due_soon');
    expect(run('2024-06-02', { leaves: [], monitors: [monitor] }).find((i) => i.ruleId === endId)?.state).toBe('overdue');
    const earlier = run('2024-05-10', { leaves: [], monitors: [monitor] }, supervisionLimits({ monitorAssessDays: 14 }));
    expect(earlier.find((i) => i.ruleId === assess(0))).toMatchObject({ dueDate: '2024-05-18' });
  });

  it('moves the expiry with an extension, and a removal ends it', () => {
    const extended = { ...monitor, assessments: [{ id: 'A1', date: '2024-05-24', result: 'extend' as const, newEnd: '2024-09-01' }] };
    const items = run('2024-06-10', { leaves: [], monitors: [extended] });
    expect(items.find((i) => i.ruleId === endId)).toMatchObject({ dueDate: '2024-09-01', state: 'upcoming' });
    expect(items.find((i) => i.ruleId === assess(0))?.state).toBe('done');
    expect(items.find((i) => i.ruleId === assess(1))).toMatchObject({ dueDate: '2024-08-25', state: 'upcoming' });
    const removed = run('2024-06-10', { leaves: [], monitors: [{ ...monitor, removalDate: '2024-04-15' }] });
    expect(removed.find((i) => i.ruleId === endId)?.state).toBe('done');
    expect(removed.find((i) => i.ruleId === assess(0))).toBeUndefined();
  });
});

describe('变更执行地', () => {
  const items = (today: string, r: Partial<RelocationFacts>) =>
    run(today, {
      leaves: [],
      monitors: [],
      relocations: [{ id: 'R1', destination: '某区', applyDate: '2024-06-01', result: null, approvalDate: null, reportedDate: null, ...r }],
    }).map((i) => [i.label, i.dueDate, i.state]);

  it.each([
    ['no result yet', '2024-06-12', {}, [['变更执行地协商结果（某区）', '2024-06-11', 'overdue']]],
    ['still consulting', '2024-06-05', { result: '协商中' }, [['变更执行地协商结果（某区）', '2024-06-11', 'due_soon']]],
    ['refused', '2024-06-12', { result: '不同意', approvalDate: '2024-06-08' }, [['变更执行地协商结果（某区）', '2024-06-11', 'done']]],
    [
      'agreed, not yet reported',
      '2024-06-17',
      { result: '同意', approvalDate: '2024-06-08' },
      [
        ['变更执行地协商结果（某区）', '2024-06-11', 'done'],
        ['到新执行地报到（某区）', '2024-06-15', 'overdue'],
      ],
    ],
    [
      'agreed and reported',
      '2024-06-17',
      { result: '同意', approvalDate: '2024-06-08', reportedDate: '2024-06-12' },
      [
        ['变更执行地协商结果（某区）', '2024-06-11', 'done'],
        ['到新执行地报到（某区）', '2024-06-15', 'done'],
      ],
    ],
  ])('%s', (_, today, r, expected) => {
    expect(items(today, r)).toEqual(expected);
  });
});

describe('an incident’s time', () => {
  const input = (at: string) => ({ fileId: '01J00000000000000000000000', kind: 'missing', at, content: '电话关机' });
  it.each([
    ['2024-06-15', true],
    ['2024-06-15 08:30', true],
    ['2024-06-15 24:00', false],
    ['2024-02-30 08:30', false],
    ['6月15日', false],
  ])('%s is accepted: %s', (at, ok) => {
    expect(IncidentInput.safeParse(input(at)).success).toBe(ok);
  });
});
