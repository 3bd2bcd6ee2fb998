/**
 * 导入旧台账: a spreadsheet as rows of text. `.xlsx` is read with exceljs (every cell as its text: a date
 * cell as 'YYYY-MM-DD', a formula as its last result, rich text joined, a merged cell as its top-left
 * value); `.csv` as UTF-8 (with or without a BOM) or, when it is not valid UTF-8, GB18030 — what Excel
 * and WPS on a Chinese Windows save — split by commas (or tabs) with RFC 4180 quotes.
 */
import { LedgerError } from '../../shared/errors';

export interface ReadSheet {
  /** The sheet read (the one asked for, or the first with data), or null for a CSV. */
  sheetName: string | null;
  /** The workbook's sheets that hold data, in their order (offices often keep one sheet a year); [] for a CSV. */
  sheets: string[];
  /** The encoding a CSV was read as. */
  encoding: 'utf-8' | 'gb18030' | null;
  /** Every row as text, blank cells as ''. Index 0 is the sheet's first row. */
  rows: string[][];
}

/** A file larger than this is not an office's ledger (and would hold the host too long). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** RFC 4180: quoted fields may hold the separator, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

type CellValue = unknown;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error) return '';
  }
  return String(v);
}

async function readXlsx(bytes: Buffer, sheetName?: string): Promise<ReadSheet> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new LedgerError(
      'VALIDATION',
      '无法读取该 Excel 文件：文件已损坏，或不是 .xlsx 格式（旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx）。',
    );
  }
  const sheets = wb.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = sheetName === undefined ? sheets[0] : wb.worksheets.find((ws) => ws.name === sheetName);
  if (sheetName !== undefined && !sheet) throw new LedgerError('VALIDATION', `文件里没有名为“${sheetName}”的工作表。`);
  if (!sheet) return { sheetName: wb.worksheets[0]?.name ?? null, sheets: [], encoding: null, rows: [] };
  const width = sheet.columnCount;
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return { sheetName: sheet.name, sheets: sheets.map((ws) => ws.name), encoding: null, rows };
}

/** Reads an .xlsx (the sheet named, or the first with data) or .csv file by its name's extension. */
export async function readImportFile(fileName: string, bytes: Buffer, sheet?: string): Promise<ReadSheet> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new LedgerError('VALIDATION', '文件超过 30 MB，请分成几个文件导入。');
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') {
    const { text, encoding } = decodeCsv(bytes);
    return { sheetName: null, sheets: [], encoding, rows: parseCsv(text).map((r) => r.map((c) => c.trim())) };
  }
  if (ext === 'xlsx' || ext === 'xlsm') return readXlsx(bytes, sheet);
  if (ext === 'xls' || ext === 'et' || ext === 'wps') {
    throw new LedgerError('VALIDATION', '暂不支持旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入。');
  }
  throw new LedgerError('VALIDATION', '只能导入 .xlsx 或 .csv 文件。');
}
