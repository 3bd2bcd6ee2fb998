/**
 * 重点人员统计 on a real ledger (today is 2024-06-15). The fixture below is worked out by hand; each
 * figure of May 2024, of January–March and of the year to date is checked against it.
 *
 * 甲 严重精神障碍 level 2 (basically stable) from 03-01: the first visit at 2 weeks (03-15, made late on
 *    03-25), then monthly, no stability recorded (REVIEW row 5); visits 03-25, 04-20, 05-25 (late for 05-20), 06-10.
 * 乙 严重精神障碍 level 3 (every 2 weeks) from 05-01; never visited: 05-15 overdue.
 * 丙 邪教人员 yellow from 01-15 (monthly duty); visits 01-20 (reassessed yellow), 03-05, 05-10,
 *    06-05 (reassessed red): February and April missed (漏访 once the visits of 03-05 and 05-10 passed them by).
 * 丁 重点信访 red from 2023-06-01, visited 2024-05-05, moved away 05-20: never visited before (overdue
 *    until 05-05, 漏访 from then on).
 * 戊 社区戒毒 from 01-10 (monthly tests in year 1), agreement signed on the day of reporting: tests
 *    02-08, 03-06, 04-03 阴性; refused 04-10, absent 04-15, refused 04-25 (three: a serious breach, to be
 *    reported to the police by 04-26); 05-20 阳性 (late for 05-03; to be reported by 05-21). Never reported.
 * 己 闲散青少年 green from 06-01. 庚 严重精神障碍, deleted: never counted.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { FollowupStats, FollowupSubject } from '../../../../shared/schemas/followup';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';

let t: TestLedger;

const MH_FACTS = { diagnosis: '精神分裂症', guardianName: '监护人', guardianRelation: '母子', guardianPhone: '13800138000' };

beforeAll(() => {
  t = openTestLedger();
  const staffId = t.call('staff.list', {})[0]!.id;
  const file = (name: string, input: Omit<Input<'followup.create'>, 'personId' | 'responsibleStaffId'>) => {
    const p = t.call('persons.create', { name });
    return t.call('followup.create', { personId: p.id, responsibleStaffId: staffId, ...input });
  };
  const visit = (s: FollowupSubject, date: string, more: Partial<Input<'followup.saveVisit'>> = {}) =>
    t.call('followup.saveVisit', { subjectId: s.id, date, method: '上门', visitors: '王调解', findings: '走访', ...more });
  const test = (s: FollowupSubject, date: string, testResult: Input<'followup.saveVisit'>['testResult']) =>
    visit(s, date, { kind: 'test', method: '到所', testResult });

  const jia = file('甲', { group: 'mental_health', level: '2', startDate: '2024-03-01', facts: MH_FACTS });
  for (const d of ['2024-03-25', '2024-04-20', '2024-05-25', '2024-06-10']) visit(jia, d);
  file('乙', { group: 'mental_health', level: '3', startDate: '2024-05-01', facts: MH_FACTS });
  const bing = file('丙', { group: 'cult', level: 'yellow', startDate: '2024-01-15', facts: { transformStatus: '转化中' } });
  visit(bing, '2024-01-20', { levelAfter: 'yellow' });
  visit(bing, '2024-03-05');
  visit(bing, '2024-05-10');
  visit(bing, '2024-06-05', { levelAfter: 'red' });
  const ding = file('丁', { group: 'petition', level: 'red', startDate: '2023-06-01' });
  visit(ding, '2024-05-05');
  t.call('followup.end', { id: ding.id, status: 'moved', endDate: '2024-05-20', endReason: '迁往外省' });
  const wu = file('戊', {
    group: 'drug',
    level: 'red',
    startDate: '2024-01-10',
    facts: { drugType: 'detox', decisionDate: '2024-01-05', reportDate: '2024-01-10', agreementDate: '2024-01-10' },
  });
  for (const d of ['2024-02-08', '2024-03-06', '2024-04-03']) test(wu, d, '阴性');
  test(wu, '2024-04-10', '拒绝检测');
  test(wu, '2024-04-15', '未到');
  test(wu, '2024-04-25', '拒绝检测');
  test(wu, '2024-05-20', '阳性');
  file('己', { group: 'youth', level: 'green', startDate: '2024-06-01' });
  const geng = file('庚', { group: 'mental_health', level: '3', startDate: '2024-05-01', facts: MH_FACTS });
  t.call('followup.delete', { id: geng.id });
});
afterAll(() => t.close());

const stats = (dateFrom: string, dateTo: string) => t.call('followup.stats', { dateFrom, dateTo });
const group = (s: FollowupStats, g: string) => s.byGroup.find((x) => x.group === g)!;

describe('May 2024', () => {
  it('in management at the end, by group and by the level in force then', () => {
    const s = stats('2024-05-01', '2024-05-31');
    expect(s.asOf).toBe('2024-05-31');
    expect(s.inManagement).toBe(4);
    expect(group(s, 'mental_health')).toMatchObject({ inManagement: 2, levels: { '2': 1, '3': 1 } });
    // 丙 was reassessed red in June: at the end of May it was yellow
    expect(group(s, 'cult')).toMatchObject({ inManagement: 1, levels: { yellow: 1 } });
    expect(group(s, 'drug')).toMatchObject({ inManagement: 1, levels: { red: 1 } });
    expect(group(s, 'petition').inManagement).toBe(0);
    expect(group(s, 'youth').inManagement).toBe(0);
  });

  it('new and ended files', () => {
    const s = stats('2024-05-01', '2024-05-31');
    expect(s).toMatchObject({ newFiles: 1, ended: 1, released: 0, moved: 1, deceased: 0 });
    expect(group(s, 'mental_health').newFiles).toBe(1);
    expect(group(s, 'petition')).toMatchObject({ moved: 1, newFiles: 0 });
  });

  it('visits due and done: 随访率 for mental health, 走访完成率 for all, late visits counted as done and as late', () => {
    const s = stats('2024-05-01', '2024-05-31');
    expect(s.followups).toEqual({ due: 2, done: 1, late: 1, missed: 0, waived: 0, rate: 0.5 });
    expect(group(s, 'cult').visits).toMatchObject({ due: 1, done: 1, rate: 1 });
    // 丁 left on 05-20 but was visited in May: the month's duty counts
    expect(group(s, 'petition').visits).toMatchObject({ due: 1, done: 1 });
    expect(s.visits).toEqual({ due: 4, done: 3, late: 1, missed: 0, waived: 0, rate: 0.75 });
    expect(s.tests).toEqual({ due: 1, done: 1, late: 1, missed: 0, waived: 0, rate: 1 });
  });

  it('overdue at the end of the period, serious breaches and tests by result', () => {
    const s = stats('2024-05-01', '2024-05-31');
    // 乙's visit due 05-15, 戊's two reports to the police (REVIEW row 2); 丙's February and April are 漏访 by
    // then (visited 03-05 and 05-10), not overdue; 丁 has left, so its old misses are not counted
    expect(s.overdue).toBe(3);
    expect(group(s, 'mental_health').overdue).toBe(1);
    expect(group(s, 'cult').overdue).toBe(0);
    expect(group(s, 'drug').overdue).toBe(2);
    expect(s.seriousBreach).toBe(1);
    expect(s.breaches).toEqual([{ id: expect.any(String), name: '戊', reasons: ['逃避或拒绝接受检测3次（3次以上）'] }]);
    expect(s.testsRecorded).toBe(1);
    expect(s.testResults).toEqual({ 阴性: 0, 阳性: 1, 拒绝检测: 0, 未到: 0 });
  });
});

describe('January–March 2024', () => {
  it('reads the quarter as at 03-31: later visits and refusals do not count', () => {
    const s = stats('2024-01-01', '2024-03-31');
    expect(s.asOf).toBe('2024-03-31');
    expect(s.inManagement).toBe(4); // 甲 丙 丁 戊
    expect(s.newFiles).toBe(3); // 甲 丙 戊
    expect(s.ended).toBe(0);
    // 丙: Jan done, Feb missed (漏访: visited 03-05), Mar done; 丁: Jan–Mar not visited, and not yet 漏访 at 03-31
    expect(group(s, 'cult').visits).toMatchObject({ due: 3, done: 2, missed: 1 });
    expect(group(s, 'petition').visits).toMatchObject({ due: 3, done: 0, missed: 0 });
    // 甲's 2-week visit (03-15), made on 03-25
    expect(s.followups).toMatchObject({ due: 1, done: 1, late: 1 });
    expect(s.tests).toMatchObject({ due: 2, done: 2, late: 0 });
    // 丁 every month from June 2023 to February 2024 (March is due on 03-31 itself: not yet overdue); 丙's
    // February is 漏访, not overdue
    expect(s.overdue).toBe(9);
    expect(s.seriousBreach).toBe(0);
    expect(s.testResults).toEqual({ 阴性: 2, 阳性: 0, 拒绝检测: 0, 未到: 0 });
  });
});

describe('the year to date', () => {
  it('reads to today and leaves out what is not yet due', () => {
    const s = stats('2024-01-01', '2024-12-31');
    expect(s.asOf).toBe('2024-06-15');
    expect(s.inManagement).toBe(5);
    expect(group(s, 'cult').levels).toEqual({ red: 1 });
    expect(group(s, 'youth')).toMatchObject({ inManagement: 1, newFiles: 1, levels: { green: 1 } });
    expect(s.newFiles).toBe(5);
    expect(s.followups).toEqual({ due: 4, done: 3, late: 2, missed: 0, waived: 0, rate: 0.75 });
    // 丙 February and April, 丁 January to April: 漏访, counted as due and not done
    expect(group(s, 'cult').visits).toMatchObject({ due: 5, done: 3, missed: 2 });
    expect(group(s, 'petition').visits).toMatchObject({ due: 5, done: 1, missed: 4 });
    expect(group(s, 'youth').visits).toMatchObject({ due: 0, rate: null });
    expect(s.visits).toMatchObject({ due: 14, done: 7, late: 2, missed: 6, rate: 0.5 });
    expect(s.tests).toMatchObject({ due: 4, done: 4, late: 1 });
    // 乙's visit due 05-15 and 戊's two reports to the police: 丙's missed months are 漏访
    expect(s.overdue).toBe(3);
    expect(s.testsRecorded).toBe(7);
    expect(s.testResults).toEqual({ 阴性: 3, 阳性: 1, 拒绝检测: 2, 未到: 1 });
  });

  it('a visit recorded today moves the rate', () => {
    const before = stats('2024-06-01', '2024-06-15');
    expect(before.visits).toMatchObject({ due: 0 });
    const yi = t.call('followup.list', { q: '乙' }).rows[0]!;
    const ytd = stats('2024-01-01', '2024-06-15');
    t.call('followup.saveVisit', { subjectId: yi.id, date: '2024-06-15', method: '上门', visitors: '王调解', findings: '补访' });
    const after = stats('2024-01-01', '2024-06-15');
    expect(after.followups).toMatchObject({ due: ytd.followups.due, done: ytd.followups.done + 1, late: ytd.followups.late + 1 });
    expect(after.overdue).toBe(ytd.overdue - 1);
  });
});

describe('input', () => {
  it('refuses a period that ends before it begins', () => {
    expect(t.raw('followup.stats', { dateFrom: '2024-06-01', dateTo: '2024-05-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { dateTo: '结束日期不能早于开始日期' } },
    });
  });

  it('a period not yet begun owes nothing', () => {
    const s = stats('2024-07-01', '2024-12-31');
    expect(s).toMatchObject({ asOf: '2024-06-15', newFiles: 0, ended: 0, overdue: 0, visits: { due: 0, rate: null } });
    expect(s.inManagement).toBe(5);
  });
});
