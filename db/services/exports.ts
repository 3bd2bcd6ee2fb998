/**
 * 台账导出: what every module's ledger export shares. An export runs the list's own filter and order
 * (the same SQL) over every matching row, not one page, writes the office's labels rather than
 * stored codes, and leaves an audit row saying who took which ledger out of the program. Each
 * module's own export is in db/services/<module>-export.ts.
 */
import { connect } from '../crypto/cipher';
import type { DictKind } from '../../shared/dictionaries';
import { cnDate } from '../../shared/documents/model';
import { LedgerError } from '../../shared/errors';
import type { ModuleEntity } from '../../shared/modules';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../context';
import type { LedgerColumn } from '../engines/xlsx';
import { audit } from './audit';
import { checkCancelled } from './jobs';
import { listDicts } from './reference';
import { writeLedgerWorkbook } from '../engines/xlsx';
import { all, one, write } from './sql';

/** Beyond this the file is no ledger anyone can print or open comfortably; it also bounds memory. */
export const MAX_EXPORT_ROWS = 100_000;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function checkSize(total: number): void {
  if (total > MAX_EXPORT_ROWS) {
    throw new LedgerError(
      'VALIDATION',
      `符合条件的记录有 ${total.toLocaleString('zh-CN')} 条，超过一次导出的上限 ${MAX_EXPORT_ROWS.toLocaleString('zh-CN')} 条。请缩小日期范围或增加筛选条件，分批导出。`,
    );
  }
}

/** A dictionary code's label (dictLabels). */
export type DictLabel = (kind: DictKind, code: string) => string;

/** Labels of the office's dictionaries, its own added entries included. */
export function dictLabels(ctx: ServiceContext): DictLabel {
  const labels = new Map(listDicts(ctx).map((d) => [`${d.kind}:${d.code}`, d.label]));
  return (kind, code) => labels.get(`${kind}:${code}`) ?? code;
}

export function subtitle(f: { dateFrom?: string; dateTo?: string }, today: string): string {
  const period =
    f.dateFrom && f.dateTo
      ? `${cnDate(f.dateFrom)}至${cnDate(f.dateTo)}`
      : f.dateFrom
        ? `${cnDate(f.dateFrom)}起`
        : f.dateTo
          ? `截至${cnDate(f.dateTo)}`
          : '全部';
  return `统计期间：${period}　导出日期：${cnDate(today)}`;
}

/** A column a ledger can be exported with: how the sheet writes it (engines/xlsx.ts) and its cell, from a row of the list. */
export interface ExportColumn<R> extends Omit<LedgerColumn, 'key'> {
  value: (row: R, label: DictLabel) => unknown;
}

/**
 * The sheet's columns and cells: 序号, then the given columns in their order (the ones chosen on
 * screen, or the ledger's usual ones), each cell taken from its row of the list as the row is written.
 */
export function exportSheet<R, K extends string>(
  known: { [key in K]: ExportColumn<R> },
  keys: readonly K[],
  rows: Iterable<R>,
  label: DictLabel = (_kind, code) => code,
): { columns: LedgerColumn[]; rows: Iterable<Record<string, unknown>> } {
  const columns: LedgerColumn[] = [
    { header: '序号', key: 'no', width: 6, type: 'number' },
    ...keys.map((key) => {
      const { value: _, ...column } = known[key];
      return { ...column, key };
    }),
  ];
  function* cells() {
    let no = 0;
    for (const row of rows) {
      const cell: Record<string, unknown> = { no: ++no };
      for (const key of keys) cell[key] = known[key].value(row, label);
      yield cell;
    }
  }
  return { columns, rows: cells() };
}

/** Rows read per statement of an export: small enough that a chunk's objects come and go quickly. */
const EXPORT_CHUNK = 500;

/**
 * Runs an export on a snapshot of the ledger: a second, read-only connection to the same file holding
 * one read transaction (WAL keeps what it sees unchanged while the window goes on saving). The export
 * can then read its rows a chunk at a time while it writes them and yield between chunks, and still
 * write one consistent state of the ledger; memory stays bounded whatever the number of rows.
 */
export async function withSnapshot<T>(ctx: ServiceContext, fn: (snapshot: ServiceContext) => Promise<T>): Promise<T> {
  const db = connect(ctx.db.name, { readonly: true, fileMustExist: true });
  try {
    // A small cache: an export reads each page about once (bench export_peak_rss_mb).
    db.pragma('cache_size = -4096');
    db.exec('BEGIN');
    return await fn({ ...ctx, db });
  } finally {
    db.close();
  }
}

/**
 * Every row of a list's page query (its LIMIT @limit OFFSET @offset walked a chunk at a time), its count
 * checked against the limit of one export first. On a snapshot (withSnapshot), so the chunks agree.
 */
export function exportRows<D>(snapshot: ServiceContext, q: { count: string; page: string; params: Record<string, unknown> }): Iterable<D> {
  const total = one<{ n: number }>(snapshot, q.count, q.params)!.n;
  return exportPages(snapshot, total, (limit, offset) => all<D>(snapshot, q.page, { ...q.params, limit, offset }));
}

/**
 * `total` rows read by `page` a chunk at a time, the total checked against the limit of one export first;
 * a job's progress is reported and its cancellation honoured between chunks (nothing is written until
 * the end).
 */
export function exportPages<D>(snapshot: ServiceContext, total: number, page: (limit: number, offset: number) => D[]): Iterable<D> {
  checkSize(total);
  return (function* () {
    for (let offset = 0; offset < total; offset += EXPORT_CHUNK) {
      checkCancelled(snapshot);
      snapshot.job?.report(`正在写出第 ${(offset + 1).toLocaleString('zh-CN')} 行，共 ${total.toLocaleString('zh-CN')} 行`, offset, total);
      const rows = page(EXPORT_CHUNK, offset);
      yield* rows;
      if (rows.length < EXPORT_CHUNK) return;
    }
  })();
}

/** The township name comes from the user: nothing in it may act on the saving side's file system. */
export function xlsxFile(name: string, bytes: Buffer): FileResult {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
  const fileName = `${name.replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, '')}.xlsx`;
  return { fileName, mime: XLSX_MIME, base64: bytes.toString('base64') };
}

/** Personal data left the ledger: who exported which ledger, with which filter, how many rows (PIPL). */
export function auditExport(
  ctx: ServiceContext,
  ledger: ModuleEntity | `${ModuleEntity}_${string}`,
  filter: object,
  rows: number,
  fileName: string,
): void {
  write(ctx, () =>
    audit(ctx, { action: 'export', entity: 'ledger', entityId: ledger, after: { 文件: fileName, 条数: rows, 筛选: filter } }),
  );
}

/**
 * A module's whole ledger as a file, in the list's default order: what the command line's
 * `ledger export` (and the county package) takes of each module (registered in db/modules.ts).
 */
export type LedgerExport = (ctx: ServiceContext) => Promise<FileResult>;

/**
 * A list's ledger as .xlsx: its count checked against the limit, every row of its page query read from a
 * snapshot (one consistent view) as it is written, the chosen columns written under the title and the filter in
 * words, and the export audited. What the assistance, correction and special-group ledgers share.
 */
export async function exportListLedger<D, R, K extends string>(
  ctx: ServiceContext,
  opts: {
    ledger: ModuleEntity;
    input: object;
    sheetName: string;
    title: string;
    /** The filter in words (全部 when none). */
    filter: string;
    query: { count: string; page: string; params: Record<string, unknown> };
    row: (r: D) => R;
    columns: { [key in K]: ExportColumn<R> };
    keys: readonly K[];
    unit: string;
  },
): Promise<FileResult> {
  const today = ctx.clock.today();
  const { bytes, rows } = await withSnapshot(ctx, (snapshot) =>
    writeLedgerWorkbook({
      sheetName: opts.sheetName,
      title: opts.title,
      subtitle: `筛选条件：${opts.filter}　导出日期：${cnDate(today)}`,
      ...exportSheet(opts.columns, opts.keys, mapRows(exportRows<D>(snapshot, opts.query), opts.row)),
      totals: { unit: opts.unit },
    }),
  );
  const file = xlsxFile(`${opts.title}_${today}`, bytes);
  auditExport(ctx, opts.ledger, opts.input, rows, file.fileName);
  return file;
}

/** Each row as it is read. */
export function* mapRows<D, R>(rows: Iterable<D>, f: (row: D) => R): Iterable<R> {
  for (const row of rows) yield f(row);
}

/** One figure of a module's statistics for a period, as the report package's statistics sheet and the county print it. */
export interface ReportFigure {
  label: string;
  /** A count or an amount in yuan; a rate as a fraction (null: nothing to divide by). */
  value: number | null;
  kind: 'count' | 'money' | 'rate';
  /** How it is counted, as the module's statistics page says it (shared/domain/<m>-stats.ts). */
  definition: string;
}

/**
 * What a module puts in a report package (上报包) for a period: its ledger as the office exports it
 * (registered in the period where its list filters by date, otherwise the whole register), and its
 * statistics of the period as figures (null when its statistics are not in the package).
 */
export interface ReportPart {
  ledger: (ctx: ServiceContext, period: { dateFrom: string; dateTo: string }) => Promise<FileResult>;
  figures: ((ctx: ServiceContext, period: { dateFrom: string; dateTo: string }) => ReportFigure[]) | null;
}

/** A count, an amount in yuan or a rate, as a report package's statistics sheet prints it. */
export const figure = {
  count: (label: string, value: number, definition: string): ReportFigure => ({ label, value, kind: 'count', definition }),
  money: (label: string, value: number, definition: string): ReportFigure => ({ label, value, kind: 'money', definition }),
  rate: (label: string, value: number | null, definition: string): ReportFigure => ({ label, value, kind: 'rate', definition }),
};
