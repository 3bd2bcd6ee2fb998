/**
 * 社区矫正统计 on a real ledger (REVIEW §5.7): 在矫 by category and level, 新接收, 解除 by reason, 按时报到率,
 * 入矫宣告率, report completion, 考核奖惩 by kind, and 脱管 / 漏管 listed by name — read as at the period's end, a
 * minor's closed file counted but not named to a colleague.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../../shared/domain/correction-rules';
import type { Person } from '../../../../shared/schemas/persons';
import { correctionFile, firstStaffId, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let ps: Person[];

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  t.call('session.setOperator', { staffId: firstStaffId(t) });
  ps = ['甲矫', '乙矫', '丙矫', '丁矫'].map((name) => person(t, { name }));
});
afterEach(() => t.close());

const term = (start: string, end: string) => ({ effectiveDate: start, termStart: start, termEnd: end });

/** 甲 reported on time and declared; 乙 late, no report since (脱管), one 训诫; 丙 not reported (漏管); 丁 released in March. */
function ledger() {
  const a = correctionFile(t, ps[0]!, term('2024-05-01', '2025-04-30'));
  t.call('correction.saveReception', { id: a.id, reportDate: '2024-05-05', declarationDate: '2024-05-06', declarationHost: '王所长' });
  t.call('correction.saveEvent', { fileId: a.id, kind: 'report', date: '2024-05-20', method: '当面报告', content: '汇报思想' });
  const b = correctionFile(t, ps[1]!, term('2024-05-10', '2025-05-09'));
  t.onDay('2024-05-25').call('correction.saveReception', { id: b.id, reportDate: '2024-05-25' });
  t.call('correction.saveSanction', {
    fileId: b.id,
    kind: 'reprimand',
    reason: 'late_short',
    checkDate: '2024-06-01',
    checkFacts: '报到迟延5日',
    decisionDate: '2024-06-03',
    decisionNumber: '某司矫训字〔2024〕3号',
  });
  const c = correctionFile(t, ps[2]!, term('2024-06-01', '2025-05-31'));
  const d = correctionFile(t, ps[3]!, term('2023-03-01', '2024-03-01'));
  t.call('correction.saveReception', { id: d.id, reportDate: '2023-03-05' });
  t.call('correction.release', {
    fileId: d.id,
    reason: 'expiry',
    date: '2024-03-01',
    certificateNumber: '解矫字〔2024〕1号',
    declarationDate: '2024-03-01',
    declarationHost: '王所长',
  });
  return { a, b, c, d };
}

describe('社区矫正统计', () => {
  it('counts the register, reception, ends, reporting, duties and steps for the year, and lists 脱管 and 漏管', () => {
    const { b, c } = ledger();
    const s = t.call('correction.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    expect(s).toMatchObject({
      asOf: '2024-06-15',
      registered: 3,
      cumulative: 4,
      received: 3,
      released: 1,
      releasedBy: { expiry: 1, pardon: 0 },
      terminated: 0,
      byCategory: { probation: 3, control: 0, parole: 0, outside: 0 },
      byLevel: { normal: 3, strict: 0, lenient: 0 },
      sanctions: { reprimand: 1, warning: 0, commend: 0 },
    });
    // Deadlines 05-11 (甲, on time), 05-20 (乙, late), 06-11 (丙, none): one of three
    expect(s.onTime).toEqual({ done: 1, due: 3, rate: 1 / 3 });
    // Received and reported: 甲 declared, 乙 not
    expect(s.declaration).toEqual({ done: 1, due: 2, rate: 0.5 });
    const reports = s.duties.find((d) => d.duty === RULE_IDS.report)!;
    expect(reports).toMatchObject({ label: '定期报告', done: 1, due: 2, rate: 0.5 });
    expect(reports.byLevel.normal).toEqual({ done: 1, due: 2, rate: 0.5 });
    expect(s.absent.map((p) => [p.id, p.personName, p.since, p.days])).toEqual([[b.id, '乙矫', '2024-06-10', 5]]);
    expect(s.unreported.map((p) => [p.id, p.personName, p.since, p.days])).toEqual([[c.id, '丙矫', '2024-06-11', 4]]);
  });

  it('reads last year as at its end: the March release had not happened, the file was 在矫', () => {
    ledger();
    const s = t.call('correction.stats', { dateFrom: '2023-01-01', dateTo: '2023-12-31' });
    expect(s).toMatchObject({ asOf: '2023-12-31', registered: 1, cumulative: 1, received: 1, released: 0 });
    expect(s.onTime).toEqual({ done: 1, due: 1, rate: 1 });
    // Nothing before the register began: no rate at all, never 0 %
    expect(t.call('correction.stats', { dateFrom: '2022-01-01', dateTo: '2022-12-31' }).onTime.rate).toBeNull();
  });

  it('counts a minor’s closed file, but names it only to the staff member who holds it', () => {
    const other = t.call('staff.save', { name: '李同事' });
    const minor = correctionFile(t, ps[0]!, { ...term('2024-06-01', '2025-05-31'), minor: true, responsibleStaffId: other.id });
    const mine = t.call('correction.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    expect(mine.registered).toBe(1);
    expect(mine.unreported.map((p) => [p.id, p.personName])).toEqual([['', '（未成年人，档案不公开）']]);
    t.call('session.setOperator', { staffId: other.id });
    const theirs = t.call('correction.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    expect(theirs.unreported.map((p) => [p.id, p.personName])).toEqual([[minor.id, '甲矫']]);
  });
});

describe('重新犯罪', () => {
  it('counts a 终止 for a new crime among those 在矫 in the period; a death cannot be one', () => {
    const { b, c } = ledger();
    expect(t.raw('correction.terminate', { fileId: c.id, reason: 'death', date: '2024-06-14', newCrime: true })).toMatchObject({
      ok: false,
      error: { fields: { newCrime: '因死亡终止的，不能标记为犯新罪' } },
    });
    const v = t.call('correction.terminate', {
      fileId: b.id,
      reason: 'revoke_probation',
      date: '2024-06-14',
      documentNumber: '（2024）某0101刑更3号',
      newCrime: true,
    });
    expect(v.end).toMatchObject({ reasonLabel: '撤销缓刑（犯新罪）' });
    const s = t.call('correction.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    // 甲, 乙, 丙 and 丁 (released in March) were 在矫 in the period; 乙 re-offended
    expect(s.reoffence).toEqual({ done: 1, due: 4, rate: 0.25 });
    expect(s).toMatchObject({ registered: 2, terminated: 1, terminatedBy: { revoke_probation: 1 } });
    // Ended before this month: 丁 is not among those 在矫 in June
    expect(t.call('correction.stats', { dateFrom: '2024-06-01', dateTo: '2024-06-15' }).reoffence).toEqual({
      done: 1,
      due: 3,
      rate: 1 / 3,
    });
  });
});

describe('the supervision figures', () => {
  it('counts the teams in place, 外出 approvals with their 销假, 电子定位 in use, and a 失联 as 脱管', () => {
    const { a, c } = ledger();
    t.call('correction.saveTeam', {
      fileId: a.id,
      pledgeDate: '2024-05-06',
      members: [
        { name: '王所员', role: '司法所工作人员', sex: 'M', phone: '' },
        { name: '李主任', role: '村/居委会', sex: 'F', phone: '' },
      ],
    });
    const leave = { kind: 'leave' as const, destination: '杭州市', reason: '探亲', approver: '王所长' };
    t.call('correction.saveApproval', {
      fileId: a.id,
      ...leave,
      startDate: '2024-06-03',
      endDate: '2024-06-05',
      approvalDate: '2024-06-02',
      returnDate: '2024-06-05',
    });
    t.call('correction.saveApproval', {
      fileId: a.id,
      ...leave,
      startDate: '2024-06-11',
      endDate: '2024-06-13',
      approvalDate: '2024-06-10',
    });
    t.call('correction.saveMonitor', {
      fileId: a.id,
      ground: 'left',
      approver: '县司法局赵局长',
      approvalDate: '2024-06-11',
      startDate: '2024-06-12',
      endDate: '2024-09-12',
    });
    t.call('correction.saveIncident', { fileId: c.id, kind: 'missing', at: '2024-06-14 09:00', content: '电话关机' });
    const s = t.call('correction.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    expect(s.team).toEqual({ done: 1, due: 3, rate: 1 / 3 });
    expect(s.approvals).toMatchObject({ leave: 2, visitor: 0 });
    expect(s.leaves).toEqual({ returned: 1, overdue: 1 });
    expect(s.monitors).toEqual({ inUse: 1, started: 1 });
    // 丙 has not reported (漏管) and is missing since the 14th (脱管)
    expect(s.absent.map((p) => [p.personName, p.since])).toEqual([
      ['乙矫', '2024-06-10'],
      ['丙矫', '2024-06-14'],
    ]);
    // Before the team was recorded and the 电子定位 began, as at the end of May
    const may = t.call('correction.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    expect([may.monitors.inUse, may.approvals.leave]).toEqual([0, 0]);
  });
});

describe('the ledger as .xlsx', () => {
  it('exports the filter and columns on screen, a minor’s closed file only to its holder', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const sheet = async (file: { base64: string }) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as import('exceljs').Buffer);
      return wb.worksheets[0]!;
    };
    ledger();
    const other = t.call('staff.save', { name: '李同事' });
    correctionFile(t, person(t, { name: '孙少' }), { ...term('2024-06-01', '2025-05-31'), minor: true, responsibleStaffId: other.id });
    const ws = await sheet(await t.callAsync('correction.exportLedger', { status: 'active', columns: ['name', 'category', 'term'] }));
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '姓名', '矫正类别', '矫正期限']);
    expect(ws.getRow(2).getCell(1).value).toContain('状态：在矫');
    const names = (w: typeof ws) => [4, 5, 6, 7].map((r) => w.getRow(r).getCell(2).value).filter((v) => v && !String(v).startsWith('共'));
    expect(names(ws)).toEqual(['甲矫', '乙矫', '丙矫']);
    t.call('session.setOperator', { staffId: other.id });
    const theirs = await sheet(await t.callAsync('correction.exportLedger', { status: 'active' }));
    expect(names(theirs)).toContain('孙少');
  });
});
