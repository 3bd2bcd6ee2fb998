/**
 * 安置帮教统计 and the monthly 未衔接 list on a real ledger (REVIEW §6.3, REVIEW §6.4): each figure from files in
 * every state, read as at the period's end (a later 衔接 does not count yet), and the .xlsx read back.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileResult } from '../../../../shared/schemas/common';
import type { Person } from '../../../../shared/schemas/persons';
import { assistanceFile, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let ps: Person[];

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  ps = ['甲释', '乙释', '丙释', '丁释', '戊释', '己释'].map((name) => person(t, { name }));
});
afterEach(() => t.close());

const team = [
  { name: '王所长', role: '司法所工作人员' as const },
  { name: '李网格', role: '网格员' as const },
];

/** 甲 linked and fully assisted, 乙 未衔接, 丙 重点 escorted, 丁 预释放, 戊 ended, 己 下落不明 with a 犯罪 record. */
function ledger() {
  const a = assistanceFile(t, ps[0]!, { releaseDate: '2024-03-01' });
  t.call('assistance.saveHandover', { id: a.id, state: 'done', method: 'family', returnDate: '2024-03-02' });
  t.call('assistance.saveTeam', { id: a.id, members: team, agreementDate: '2024-03-05' });
  t.call('assistance.savePlacement', { id: a.id, placement: 'employed', placementDate: '2024-04-01' });
  t.call('assistance.saveRecord', { fileId: a.id, kind: 'visit', method: '走访', date: '2024-06-01', content: '在家' });
  t.call('assistance.saveRecord', { fileId: a.id, kind: 'aid', aidType: '临时救助', amount: 400, date: '2024-04-02', content: '困难' });
  t.call('assistance.saveRecord', { fileId: a.id, kind: 'aid', aidType: '技能培训', date: '2024-05-02', content: '电工' });
  const b = assistanceFile(t, ps[1]!, { releaseDate: '2024-06-01' });
  const c = assistanceFile(t, ps[2]!, { releaseDate: '2024-05-10', level: 'high' });
  t.call('assistance.saveHandover', { id: c.id, state: 'done', method: 'escort', returnDate: '2024-06-12' });
  assistanceFile(t, ps[3]!, { releaseDate: '2024-07-10', noticeDate: '2024-06-10' });
  const e = assistanceFile(t, ps[4]!, { releaseDate: '2024-01-05' });
  t.call('assistance.end', { id: e.id, endReason: 'death', endDate: '2024-05-01' });
  const f = assistanceFile(t, ps[5]!, { releaseDate: '2024-02-01' });
  t.call('assistance.saveHandover', { id: f.id, state: 'missing', missingSince: '2024-02-10' });
  t.call('assistance.saveRecord', {
    fileId: f.id,
    kind: 'reoffence',
    offenceType: '犯罪',
    crime: '盗窃罪',
    date: '2024-05-20',
    content: '被刑拘',
  });
  return { a, b, c, f };
}

describe('安置帮教统计', () => {
  it('counts the register, 衔接, 必接必送, placement, 帮教, re-offending, aid and the end for this year', () => {
    const { b, f } = ledger();
    const s = t.call('assistance.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    expect(s).toMatchObject({
      asOf: '2024-06-15',
      registered: 4,
      registeredKey: 1,
      cumulative: 5,
      preRelease: 1,
      released: 5,
      handedOver: 2,
      ended: 1,
      endedBy: { death: 1, expired: 0, moved: 0, reimprisoned: 0 },
      relief: { count: 1, amount: 400 },
      trainings: 1,
      guidance: 0,
    });
    // Released this year: 甲 and 丙 linked of 甲 乙 丙 戊 己
    expect(s.handover).toEqual({ done: 2, due: 5, rate: 0.4 });
    expect(s.escort).toEqual({ done: 1, due: 1, rate: 1 });
    expect(s.placement).toMatchObject({ done: 1, due: 4, rate: 0.25 });
    // Only 甲 has the team, the agreement and no visit overdue
    expect(s.assisted).toEqual({ done: 1, due: 4, rate: 0.25 });
    expect(s.reoffence).toMatchObject({ done: 1, due: 4, rate: 0.25, offences: 0 });
    expect(s.reoffenceBase).toBe('registered');
    // Divided by those released in the period instead, as the office may choose (the review leaves it open)
    const byReleased = t.call('assistance.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15', reoffenceBase: 'released' });
    expect(byReleased.reoffence).toMatchObject({ done: 1, due: 5, rate: 0.2 });
    expect(s.unlinked.map((u) => [u.id, u.personName, u.state, u.days])).toEqual([
      [f.id, '己释', 'missing', 135],
      [b.id, '乙释', 'pending', 14],
    ]);
  });

  it('reads an earlier period as at its end: a later 衔接, visit or end does not count yet', () => {
    ledger();
    const s = t.call('assistance.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    expect(s.asOf).toBe('2024-05-31');
    // 丙 was released on 10 May and escorted home only on 12 June: still 未衔接 at the end of May
    expect(s.released).toBe(1);
    expect(s.handover).toEqual({ done: 0, due: 1, rate: 0 });
    expect(s.unlinked.map((u) => u.personName)).toEqual(['己释', '丙释']);
    // 戊 died on 1 May: ended in the period, off the register at its end
    expect(s).toMatchObject({ registered: 3, ended: 1, relief: { count: 0, amount: 0 }, trainings: 1 });
    // A zero denominator is no rate at all
    expect(t.call('assistance.stats', { dateFrom: '2023-01-01', dateTo: '2023-12-31' }).handover).toEqual({ done: 0, due: 0, rate: null });
  });

  it('refuses a reversed period in Chinese', () => {
    expect(t.raw('assistance.stats', { dateFrom: '2024-06-01', dateTo: '2024-05-01' })).toMatchObject({
      ok: false,
      error: { fields: { dateTo: '结束日期不能早于开始日期' } },
    });
  });
});

async function sheet(file: FileResult) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

describe('the monthly 未衔接 list and the ledger as .xlsx', () => {
  it('lists who was not 衔接 at the month’s end, one row each, and audits the export', async () => {
    ledger();
    const may = await sheet(await t.callAsync('assistance.exportUnlinked', { month: '2024-05' }));
    expect(may.getCell('A1').value).toContain('未衔接情况月报（2024年05月）');
    const names = [4, 5].map((r) => may.getRow(r).getCell(2).value);
    expect(names).toEqual(['己释', '丙释']);
    expect(may.getRow(4).getCell(12).value).toBe('下落不明');
    expect(may.getRow(5).getCell(12).value).toBe('未衔接');
    expect(may.getRow(5).getCell(13).value).toBe(21);
    const audit = t.ledger.db
      .prepare("SELECT entity_id AS ledger, after FROM audit_log WHERE entity = 'ledger' AND action = 'export'")
      .all() as { ledger: string; after: string }[];
    expect(audit.map((a) => [a.ledger, JSON.parse(a.after).条数])).toEqual([['assistance_unlinked', 2]]);
    // A month still running is read as at today: 丙 has been escorted home since
    const june = await sheet(await t.callAsync('assistance.exportUnlinked', { month: '2024-06' }));
    expect([4, 5].map((r) => june.getRow(r).getCell(2).value)).toEqual(['己释', '乙释']);
    await expect(t.callAsync('assistance.exportUnlinked', { month: '2024-13' })).rejects.toMatchObject({ wire: { code: 'VALIDATION' } });
  });

  it('exports the ledger with the filter and columns on screen', async () => {
    ledger();
    const file = await t.callAsync('assistance.exportLedger', { notHandedOver: true, columns: ['name', 'handover', 'releaseDate'] });
    const ws = await sheet(file);
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '姓名', '衔接状态', '释放日期']);
    expect(ws.getRow(2).getCell(1).value).toContain('仅未衔接');
    expect(ws.getRow(4).getCell(2).value).toBe('乙释');
  });
});
