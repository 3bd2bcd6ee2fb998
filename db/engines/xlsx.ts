/**
 * The ledger workbook every module exports (CONTRIBUTING.md, DOMAIN §6): one sheet with a title, a subtitle
 * (period, export date), a bold header that stays in view and carries a filter, and A4 landscape
 * print settings that repeat the header on every page. Written with exceljs's streaming writer
 * so that 100,000 rows stay inside the memory budget (RELIABILITY §7.4).
 *
 * Every cell is typed — text, date or number — and never a formula or a link (RELIABILITY G12
 * and T11): strings are always written as strings, and a string that a spreadsheet could still take
 * for a formula when the cell is edited or the sheet is saved as CSV gets a leading `'`
 * (OWASP ASVS 1.2.10).
 */
import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { isValidDate } from '../../shared/dates';

/**
 * How a column is written: `id` is text formatted as text (ID and phone numbers: Excel would turn
 * 18 digits into 1.10105E+17 and lose the final X); `date` takes 'YYYY-MM-DD' and writes a real
 * date; `money` is a number shown with two decimals.
 */
export type LedgerColumnType = 'text' | 'id' | 'date' | 'number' | 'money';

export interface LedgerColumn {
  header: string;
  key: string;
  /** In characters. */
  width: number;
  type: LedgerColumnType;
  /** Summed in the totals row; money columns always are. */
  sum?: boolean;
}

export interface LedgerSheet {
  sheetName: string;
  /** e.g. 高寨乡人民调解案件台账 */
  title: string;
  /** e.g. 统计期间：2024年1月1日至2024年6月30日　导出日期：2024年6月15日 */
  subtitle: string;
  columns: LedgerColumn[];
  /**
   * Values by column key; null, undefined and '' leave the cell empty. An export reads its rows as it
   * writes them (db/services/exports.ts), so that a 100,000-row ledger never sits in memory whole.
   */
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
  /**
   * A closing 合计 row: the number of rows ('共 12 件') and the sum of every money column and of the
   * number columns marked `sum`, as values rather than formulas (G12), so that no one adds a column
   * by hand to get the year's amount.
   */
  totals?: { unit: string };
}

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const HEADER_ROW = 3;

/**
 * What XML 1.0 cannot carry (lone surrogates, U+FFFE/FFFF), every control character but tab and newline,
 * and the bidirectional controls and zero-width characters that reorder or hide what a reader sees
 * (U+202E shows "金额1000" typed backwards; a zero-width space splits a name a search would find).
 */
const UNSAFE_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
/** First characters that start a formula in Excel, LibreOffice or WPS, full-width forms included. */
const FORMULA_START = /^[=+\-@\t\r\0＝＋－＠]/;
/** Excel's limit for one cell; a longer string makes it "repair" the file. */
const MAX_CELL_CHARS = 32_767;

/** A string as a cell can safely hold it. */
function safeText(raw: string): string {
  let s = raw.replace(UNSAFE_CHARS, '');
  // The raw string is checked too: a leading \0 or \r is stripped above but marks the value as hostile.
  if (FORMULA_START.test(raw) || FORMULA_START.test(s)) s = `'${s}`;
  return cut(s, MAX_CELL_CHARS);
}

/** At most `max` UTF-16 units, never ending in half of a surrogate pair. */
function cut(s: string, max: number): string {
  return s.length > max ? s.slice(0, max).replace(/[\uD800-\uDBFF]$/, '') : s;
}

/** Only primitives reach exceljs: an object value could be read as a formula, link or rich text. */
function cellValue(type: LedgerColumnType, v: unknown): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if ((type === 'number' || type === 'money') && typeof v === 'number' && Number.isFinite(v)) return v;
  // Midnight UTC: exceljs converts dates to serial numbers in UTC, so the day never shifts.
  if (type === 'date' && typeof v === 'string' && isValidDate(v)) return new Date(`${v}T00:00:00Z`);
  return safeText(String(v));
}

/** Excel refuses sheet names with []:*?/\, longer than 31 characters, or starting/ending with '. */
function safeSheetName(name: string): string {
  return cut(name.replace(UNSAFE_CHARS, '').replace(/[[\]:*?/\\']/g, ''), 31) || 'Sheet1';
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** One style object per column type: exceljs caches styles by object, so 100,000 rows reuse five. */
const CELL_STYLES: Record<LedgerColumnType, Partial<ExcelJS.Style>> = {
  text: { border, alignment: { vertical: 'top', wrapText: true } },
  id: { border, numFmt: '@', alignment: { vertical: 'top' } },
  date: { border, numFmt: 'yyyy-mm-dd', alignment: { vertical: 'top', horizontal: 'center' } },
  number: { border, alignment: { vertical: 'top' } },
  money: { border, numFmt: '#,##0.00', alignment: { vertical: 'top' } },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } };
const SUBTITLE_STYLE: Partial<ExcelJS.Style> = { font: { size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  border,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const TOTAL_BORDER: Partial<ExcelJS.Borders> = { ...border, top: { style: 'double', color: { argb: 'FF000000' } } };
const TOTAL_STYLES: Record<LedgerColumnType, Partial<ExcelJS.Style>> = Object.fromEntries(
  Object.entries(CELL_STYLES).map(([type, style]) => [type, { ...style, border: TOTAL_BORDER, font: { bold: true } }]),
) as Record<LedgerColumnType, Partial<ExcelJS.Style>>;

const summed = (c: LedgerColumn) => c.type === 'money' || (c.type === 'number' && c.sum === true);

/**
 * Rows written between two turns of the event loop, in which the zip writer compresses what they made:
 * few enough that a turn's XML stays small (bench export_peak_rss_mb).
 */
const ROWS_PER_TURN = 20;

/**
 * Waits until the zip writer has taken in what the rows written so far produced. exceljs writes a sheet's
 * XML into a stream whose reader (the zip writer's input) it never asks to slow down, so without this
 * the whole uncompressed sheet could wait in memory for the compressor.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const input = (ws as unknown as { stream?: { pipes?: NodeJS.WritableStream[] } }).stream?.pipes?.[0] as
    | (NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean })
    | undefined;
  if (input?.writableNeedDrain && !input.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        input.off('drain', done);
        input.off('close', done);
        input.off('error', done);
        resolve();
      };
      input.on('drain', done).on('close', done).on('error', done);
    });
  } else await new Promise(setImmediate);
}

/** Writes the sheet and returns the .xlsx file's bytes and the number of rows it holds. */
export async function writeLedgerWorkbook(sheet: LedgerSheet): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });

  const n = sheet.columns.length;
  // Strings are written in each cell rather than in a shared table, which would hold every distinct
  // string in memory until the end (100,000 rows: 370 MB instead of 210 MB, and no smaller a file).
  // Loaded on the first export, not at start: exceljs alone takes a quarter of a second to load.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '乡镇司法台账';
  const ws = wb.addWorksheet(safeSheetName(sheet.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: n } };

  const banner = (rowNumber: number, text: string, style: Partial<ExcelJS.Style>, height: number) => {
    const row = ws.getRow(rowNumber);
    row.height = height;
    const cell = row.getCell(1);
    cell.value = safeText(text);
    cell.style = style;
    // The merged cells take the first cell's style, so the merge comes after it.
    if (n > 1) ws.mergeCells(rowNumber, 1, rowNumber, n);
    row.commit();
  };
  banner(TITLE_ROW, sheet.title, TITLE_STYLE, 30);
  banner(SUBTITLE_ROW, sheet.subtitle, SUBTITLE_STYLE, 20);

  const header = ws.getRow(HEADER_ROW);
  header.height = 22;
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeText(c.header);
    cell.style = HEADER_STYLE;
  });
  header.commit();

  // Money is added in fen so that 0.1 + 0.2 prints 0.30 and a year of amounts does not drift.
  const sums = new Map(sheet.columns.filter(summed).map((c) => [c.key, 0]));
  let r = HEADER_ROW;
  let written = 0;
  const writeRow = (data: Record<string, unknown>) => {
    const row = ws.getRow(++r);
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = cellValue(c.type, data[c.key]);
      cell.value = value;
      cell.style = CELL_STYLES[c.type];
      if (typeof value === 'number' && sums.has(c.key))
        sums.set(c.key, sums.get(c.key)! + (c.type === 'money' ? Math.round(value * 100) : value));
    });
    row.commit();
  };
  // exceljs buffers a sheet's XML until the zip stream reads it, which it does only between turns. Rows
  // read synchronously are taken without a promise each (less garbage on a 100,000-row export).
  if (Symbol.iterator in sheet.rows) {
    for (const data of sheet.rows) {
      if (++written % ROWS_PER_TURN === 0) await drained(ws);
      writeRow(data);
    }
  } else {
    for await (const data of sheet.rows) {
      if (++written % ROWS_PER_TURN === 0) await drained(ws);
      writeRow(data);
    }
  }

  if (sheet.totals) {
    const row = ws.getRow(++r);
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const sum = sums.get(c.key);
      cell.value =
        i === 0
          ? '合计'
          : i === 1
            ? `共 ${written} ${sheet.totals!.unit}`
            : sum === undefined
              ? null
              : c.type === 'money'
                ? sum / 100
                : sum;
      cell.style = i < 2 ? { ...TOTAL_STYLES.text, alignment: { horizontal: 'center', vertical: 'middle' } } : TOTAL_STYLES[c.type];
    });
    row.commit();
  }

  await wb.commit();
  await ended;
  return { bytes: Buffer.concat(chunks), rows: written };
}

/** A ledger workbook read back: its title, its header and its rows as the cells hold them (dates as YYYY-MM-DD). */
export interface LedgerTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

function plainCell(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return plainCell((v.result ?? null) as ExcelJS.CellValue);
  return String(v);
}

/**
 * The rows of a workbook `writeLedgerWorkbook` wrote (its first sheet: title, subtitle, header, rows, then the
 * 合计 row, which is left out): the same records as the file people read, for a machine to read.
 */
export async function readLedgerWorkbook(bytes: Buffer): Promise<LedgerTable> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { title: '', columns: [], rows: [] };
  const width = ws.getRow(HEADER_ROW).cellCount;
  const columns = Array.from({ length: width }, (_, i) => String(plainCell(ws.getRow(HEADER_ROW).getCell(i + 1).value) ?? ''));
  const rows: (string | number | null)[][] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = Array.from({ length: width }, (_, i) => plainCell(row.getCell(i + 1).value));
    if (cells[0] === '合计') break;
    rows.push(cells);
  }
  return { title: String(plainCell(ws.getRow(TITLE_ROW).getCell(1).value) ?? ''), columns, rows };
}
