/**
 * Two colleagues of one name in service: the ledgers' 承办人/包保责任人/调解员 columns, the Excel
 * exports (and so 打印台账, which prints the list's rows) and the visit plan tell them apart as the
 * pickers and the dashboard do (staffLabels: 王芳, 王芳（二）), on a real ledger file.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileResult } from '../../../../shared/schemas/common';
import type { Person } from '../../../../shared/schemas/persons';
import { caseFromDispute, dispute, followupFile, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let a: Person;
let b: Person;
/** 王芳 entered first keeps the bare name; the second is 王芳（二）. */
let first: string;
let second: string;

beforeEach(() => {
  t = openTestLedger();
  a = person(t, { name: '张三' });
  b = person(t, { name: '李四' });
  first = t.call('staff.save', { name: '王芳' }).id;
  const saved = t.call('staff.save', { name: '王芳' });
  second = saved.id;
  expect(saved.warning).toContain('王芳（二）');
});
afterEach(() => t.close());

/** The cells of one column of an exported ledger, by its header (rows below the header, 合计 left out). */
async function column(file: FileResult, header: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const headers = Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(3).getCell(c + 1).value);
  const at = headers.indexOf(header);
  expect(at, `${header} in ${headers.join(',')}`).toBeGreaterThanOrEqual(0);
  const cells: unknown[] = [];
  for (let r = 4; r < ws.rowCount; r++) cells.push(ws.getRow(r).getCell(at + 1).value);
  return cells;
}

describe('two active 王芳 in the ledgers and their exports', () => {
  it('the dispute register: 承办人 on screen and in the sheet', async () => {
    dispute(t, [a, b], { responsibleStaffId: first });
    dispute(t, [a, b], { responsibleStaffId: second, intakeDate: '2024-05-07' });
    const names = t.call('disputes.list', { sort: 'intakeDate', dir: 'asc' }).rows.map((r) => r.staffName);
    expect(names).toEqual(['王芳', '王芳（二）']);
    const sheet = await t.callAsync('disputes.exportLedger', { sort: 'intakeDate', dir: 'asc', columns: ['caseNo', 'staff'] });
    expect(await column(sheet, '承办人')).toEqual(['王芳', '王芳（二）']);
  });

  it('the follow-up ledger: 包保责任人 on screen, in the sheet and its line of filters, and on the visit plan', async () => {
    followupFile(t, a, { responsibleStaffId: first });
    followupFile(t, b, { responsibleStaffId: second });
    const rows = t.call('followup.list', { sort: 'name', dir: 'asc' }).rows;
    expect(rows.map((r) => [r.personName, r.responsibleName])).toEqual([
      ['李四', '王芳（二）'],
      ['张三', '王芳'],
    ]);
    const sheet = await t.callAsync('followup.exportLedger', { sort: 'name', dir: 'asc' });
    expect(await column(sheet, '包保责任人')).toEqual(['王芳（二）', '王芳']);
    const mine = await t.callAsync('followup.exportLedger', { responsibleStaffId: second });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(mine.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain('包保责任人：王芳（二）');

    const plan = t.call('followup.visitPlan', { month: '2024-06' });
    expect(plan.byStaff.map((s) => s.name).sort()).toEqual(['王芳', '王芳（二）']);
    expect(plan.rows.find((r) => r.personName === '李四')!.responsibleName).toBe('王芳（二）');
  });

  it('the mediation ledger: 调解员 on screen and in the sheet', async () => {
    caseFromDispute(t, dispute(t, [a, b]), { mediatorIds: [second, first] });
    expect(t.call('mediation.list', {}).rows.map((r) => r.mediators)).toEqual(['王芳（二）、王芳']);
    const sheet = await t.callAsync('mediation.exportLedger', {});
    expect(await column(sheet, '调解员')).toEqual(['王芳（二）、王芳']);
  });

  it('a name nobody else has reads as it always did', () => {
    t.call('staff.save', { id: second, name: '王芳芳' });
    dispute(t, [a, b], { responsibleStaffId: first });
    expect(t.call('disputes.list', {}).rows.map((r) => r.staffName)).toEqual(['王芳']);
  });
});
