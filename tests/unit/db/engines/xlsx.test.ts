/** The ledger workbook, re-opened with exceljs as a county office's spreadsheet would read it (CONTRIBUTING.md, RELIABILITY T11). */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLedgerWorkbook, type LedgerColumn } from '../../../../db/engines/xlsx';

const columns: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '当事人', key: 'name', width: 20, type: 'text' },
  { header: '身份证号', key: 'idNumber', width: 21, type: 'id' },
  { header: '受理日期', key: 'date', width: 12, type: 'date' },
  { header: '涉及金额（元）', key: 'amount', width: 14, type: 'money' },
  { header: '差额', key: 'delta', width: 8, type: 'number' },
];

const HOSTILE = [
  '=HYPERLINK("http://x","点击")',
  "=cmd|' /c calc'!A1",
  '+1',
  '-1+2',
  '@SUM(A1)',
  '\t=1',
  '＝1',
  '\r=1',
  '\0=1',
  // A bidi override or a zero-width space in front hides the formula from the eye, not from the check
  '\u202E=1+1',
  '\u200B=1',
];

let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  const { bytes: buffer } = await writeLedgerWorkbook({
    sheetName: '人民调解案件台账',
    title: '高寨乡人民调解案件台账',
    subtitle: '统计期间：2024年1月1日至2024年6月30日　导出日期：2024年6月15日',
    columns,
    rows: [
      {
        no: 1,
        name: '张\u200B三\u202E',
        idNumber: '\u2066110105\u2069\u200D19491231002X\uFEFF',
        date: '2024-05-06',
        amount: 3000,
        delta: -5,
      },
      { no: 2, name: '李四\u0007\n（第三人）', idNumber: '110105194912310021', date: '2024-06-30', amount: 1234.5, delta: null },
      ...HOSTILE.map((name, i) => ({ no: 3 + i, name, idNumber: name, date: name, amount: name, delta: '-5' })),
    ],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  ws = wb.worksheets[0]!;
});

const values = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('ledger workbook', () => {
  it('has a merged title, a subtitle and a bold, bordered, filled header that stays in view', () => {
    expect(ws.name).toBe('人民调解案件台账');
    expect(ws.getCell('A1').value).toBe('高寨乡人民调解案件台账');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.size).toBeGreaterThan(11);
    expect(ws.getCell('A2').value).toBe('统计期间：2024年1月1日至2024年6月30日　导出日期：2024年6月15日');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2']));
    expect(values(3)).toEqual(['序号', '当事人', '身份证号', '受理日期', '涉及金额（元）', '差额']);
    const h = ws.getCell('B3');
    expect(h.font.bold).toBe(true);
    expect(h.border.bottom?.style).toBe('thin');
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe('A3:F3');
    expect(ws.getColumn(3).width).toBe(21);
  });

  it('prints on A4 landscape, one page wide, with the header repeated on every page', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(ws.pageSetup.margins?.left).toBeGreaterThan(0);
  });

  it('keeps ID numbers as exact text, dates as real dates and money as numbers', () => {
    const id1 = ws.getCell('C4');
    expect(id1.value).toBe('11010519491231002X');
    expect(id1.type).toBe(ExcelJS.ValueType.String);
    expect(id1.numFmt).toBe('@');
    expect(ws.getCell('C5').value).toBe('110105194912310021');
    expect(ws.getCell('C5').type).toBe(ExcelJS.ValueType.String);

    const date = ws.getCell('D4');
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect((date.value as Date).toISOString()).toBe('2024-05-06T00:00:00.000Z');
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect((ws.getCell('D5').value as Date).toISOString()).toBe('2024-06-30T00:00:00.000Z');

    expect(ws.getCell('E5').value).toBe(1234.5);
    expect(ws.getCell('E5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F4').value).toBe(-5);
    expect(ws.getCell('F4').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('F5').value).toBeNull();
  });

  it('strips control characters but keeps line breaks', () => {
    expect(ws.getCell('B5').value).toBe('李四\n（第三人）');
  });

  it('drops bidi overrides, isolates and zero-width characters, which reorder or hide what a reader sees', () => {
    expect(ws.getCell('B4').value).toBe('张三');
    expect(ws.getCell('C4').value).toBe('11010519491231002X');
  });

  it('never writes a formula or a link, and shows formula-like text literally behind a leading quote', () => {
    const hostileRows = HOSTILE.map((_, i) => 6 + i);
    ws.eachRow((row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
        expect(cell.formula).toBeUndefined();
        expect(cell.hyperlink).toBeUndefined();
      });
    });
    const shown = hostileRows.map((r) => ws.getCell(`B${r}`).value);
    expect(shown).toEqual([
      `'=HYPERLINK("http://x","点击")`,
      `'=cmd|' /c calc'!A1`,
      "'+1",
      "'-1+2",
      "'@SUM(A1)",
      "'\t=1",
      "'＝1",
      "'=1",
      "'=1",
      "'=1+1",
      "'=1",
    ]);
    for (const r of hostileRows) {
      // Every typed column falls back to neutralised text when handed a string it cannot take.
      for (const col of ['B', 'C', 'D', 'E']) expect(ws.getCell(`${col}${r}`).type).toBe(ExcelJS.ValueType.String);
      // A number column given the text '-5' keeps it as text, neutralised; only real numbers are numbers.
      expect(ws.getCell(`F${r}`).value).toBe("'-5");
    }
  });
});

describe('totals row', () => {
  it('closes the sheet with 合计: the rows counted and the money and marked number columns summed as values, bold above a double line', async () => {
    const { bytes: buffer } = await writeLedgerWorkbook({
      sheetName: '台账',
      title: '台账',
      subtitle: '',
      columns: [...columns, { header: '涉及人数', key: 'people', width: 8, type: 'number', sum: true }],
      // 0.1 + 0.2 summed as floats is 0.30000000000000004; in fen it is 0.3
      rows: [
        { no: 1, amount: 0.1, delta: 4, people: 2 },
        { no: 2, amount: 0.2, delta: 5, people: null },
        { no: 3, amount: '不详', people: 3 },
        { no: 4, amount: 2_510_000 },
      ],
      totals: { unit: '件' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(8);
    const total = sheet.getRow(8);
    expect((total.values as unknown[]).slice(1)).toEqual(['合计', '共 4 件', undefined, undefined, 2_510_000.3, undefined, 5]);
    expect(total.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(total.getCell(5).numFmt).toBe('#,##0.00');
    expect(total.getCell(1).font.bold).toBe(true);
    expect(total.getCell(5).border.top?.style).toBe('double');
  });

  it('is left out unless asked for', () => {
    expect(ws.rowCount).toBe(3 + 2 + HOSTILE.length);
  });
});
