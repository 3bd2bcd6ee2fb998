/**
 * 导入旧台账, the core every module's import shares: the file read into rows, the header row and the
 * columns guessed (and the office's own mapping remembered by the file's headers), each row's cells
 * read as dates, numbers and the ledger's own choices, the module's importer given one row at a time,
 * a report per row, a dry run that writes everything and rolls it back, a real run after a backup in
 * one transaction (ARCHITECTURE rule 3: the services audit each record), and 撤销导入, which
 * soft-deletes what a batch created. Knows no module: each lends an `Importer` (db/modules.ts).
 */
import {
  findHeaderRow,
  guessMapping,
  headerKey,
  isBlankOrTotal,
  isSubHeader,
  joinHeaderRows,
  normaliseHeader,
  parseImportDate,
  parseImportNumber,
  unescapeCell,
  type ImportFieldDef,
} from '../../shared/domain/import';
import { LedgerError } from '../../shared/errors';
import { MODULE_INFO, moduleOfEntity, type ModuleName } from '../../shared/modules';
import type {
  ImportBatch,
  ImportItem,
  ImportCheckInput,
  ImportMessage,
  ImportReport,
  ImportResult,
  ImportRowReport,
  ImportRowState,
  ImportTable,
  ImportTarget,
  ImportUnknownValue,
  ImportValueMap,
} from '../../shared/schemas/import';
import type { z } from 'zod';
import type { ImportRunInput } from '../../shared/schemas/import';
import type { ServiceContext } from '../context';
import { readImportFile } from '../engines/import-read';
import { newId } from '../ids';
import { audit } from './audit';
import { getSetting, putSetting } from './reference';
import { all, one, run, write } from './sql';

/** One of the ledger's values a field of choices can take: its code, its label and other ways of writing it. */
export interface ImportChoice {
  value: string;
  label: string;
  aliases?: readonly string[];
}

/** A cell as the importer gets it: text, a date as 'YYYY-MM-DD', a number, a choice's code; null when empty. */
export type ImportValues = Record<string, string | number | null>;

/** What an importer made of one row. */
export interface ImportedRow {
  messages: ImportMessage[];
  /** Why the row is already in the ledger (it is then left out). */
  duplicate?: string;
  /** What the row becomes, in a few words. */
  summary: string;
  /** The records it created, its own first (persons made for its parties after). */
  created: { entity: string; id: string }[];
}

/** What a module lends the import (registered in db/modules.ts). */
export interface Importer {
  /** 人员, 纠纷登记…: said on the first step, with what happens to old records. */
  note: string;
  fields: readonly ImportFieldDef[];
  /** The ledger's values of each field of choices, read once per check. */
  choices(ctx: ServiceContext): Record<string, readonly ImportChoice[]>;
  /**
   * Checks one row and writes it through the module's services, inside a savepoint the core rolls
   * back when the row has an error (its messages say why). The 序号 is `values.originalNo`.
   */
  importRow(ctx: ServiceContext, values: ImportValues, row: number): ImportedRow;
  /** Soft-deletes one record a batch created (撤销导入); false when it is left (in use elsewhere, already deleted). */
  remove(ctx: ServiceContext, entity: string, id: string): boolean;
  /** When one of its records was last changed (to warn before an undo), null when it is gone. */
  updatedAt(ctx: ServiceContext, entity: string, id: string): string | null;
}

export type Importers = Partial<Record<ModuleName, Importer>>;

/** A value as text (a number written back as the sheet had it), or null when empty. */
export const asText = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** A row refused: what it is, the messages so far and the one error that stops it. */
export function rowError(summary: string, messages: readonly ImportMessage[], text: string, field: string | null = null): ImportedRow {
  return { summary, created: [], messages: [...messages, { level: 'error', field, text }] };
}

function importerOf(importers: Importers, module: ModuleName): Importer {
  const importer = importers[module];
  if (!importer) throw new LedgerError('VALIDATION', `“${MODULE_INFO[module].label}”暂不支持导入。`);
  return importer;
}

export function importTargets(importers: Importers): ImportTarget[] {
  return (Object.keys(importers) as ModuleName[]).map((m) => ({
    module: m,
    label: MODULE_INFO[m].label,
    fields: [...importers[m]!.fields],
    note: importers[m]!.note,
  }));
}

// ── the remembered mappings ───────────────────────────────────────────────────────────────────

interface Remembered {
  mapping: (string | null)[];
  valueMap: ImportValueMap;
}
const mappingKey = (module: ModuleName) => `import_mapping:${module}`;

function remembered(ctx: ServiceContext, module: ModuleName, headers: readonly string[]): Remembered | null {
  return getSetting<Record<string, Remembered>>(ctx, mappingKey(module))?.[headerKey(headers)] ?? null;
}

/** The mapping and value choices of a file with these headers, for the next one like it. */
function remember(ctx: ServiceContext, module: ModuleName, headers: readonly string[], value: Remembered): void {
  write(ctx, () => {
    const all = getSetting<Record<string, Remembered>>(ctx, mappingKey(module)) ?? {};
    all[headerKey(headers)] = value;
    putSetting(ctx, mappingKey(module), all);
  });
}

// ── reading the file ──────────────────────────────────────────────────────────────────────────

export async function readImport(
  ctx: ServiceContext,
  importers: Importers,
  input: { module: ModuleName; fileName: string; base64: string; sheet?: string },
): Promise<ImportTable> {
  const importer = importerOf(importers, input.module);
  const sheet = await readImportFile(input.fileName, Buffer.from(input.base64, 'base64'), input.sheet);
  const rows = sheet.rows;
  if (rows.length === 0) throw new LedgerError('VALIDATION', '文件里没有数据。');
  const at = findHeaderRow(rows, importer.fields);
  let headers = rows[at]!.map((h) => h.replace(/\s+/g, ' ').trim());
  let first = at + 1;
  if (isSubHeader(headers, rows[first])) {
    headers = joinHeaderRows(headers, rows[first]!);
    first += 1;
  }
  const width = Math.max(headers.length, ...rows.slice(first).map((r) => r.length));
  while (headers.length < width) headers.push('');
  // Columns with neither a header nor any data are dropped from the right.
  let used = width;
  while (used > 0 && headers[used - 1] === '' && rows.slice(first).every((r) => !(r[used - 1] ?? '').trim())) used -= 1;
  headers = headers.slice(0, used);
  const data: ImportTable['rows'] = [];
  let blankRows = 0;
  for (let i = first; i < rows.length; i++) {
    const cells = headers.map((_, c) => rows[i]![c] ?? '');
    if (isBlankOrTotal(cells)) blankRows += 1;
    else data.push({ row: i + 1, cells });
  }
  const saved = remembered(ctx, input.module, headers);
  return {
    module: input.module,
    fileName: input.fileName,
    sheetName: sheet.sheetName,
    sheets: sheet.sheets,
    encoding: sheet.encoding,
    headerRow: at + 1,
    headers,
    rows: data,
    fields: [...importer.fields],
    mapping: saved?.mapping.length === headers.length ? saved.mapping : guessMapping(headers, importer.fields),
    valueMap: saved?.valueMap ?? {},
    remembered: saved !== null,
    blankRows,
  };
}

// ── reading the cells ─────────────────────────────────────────────────────────────────────────

const norm = (s: string) => normaliseHeader(s).replace(/\(.*?\)/g, '');

/** Finds a choice by its code, its label or an alias, written with or without brackets and spaces. */
function choiceFinder(choices: readonly ImportChoice[]): (raw: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const c of choices) {
    for (const name of [c.label, c.value, ...(c.aliases ?? [])]) {
      for (const key of [normaliseHeader(name), norm(name)]) if (key && !byName.has(key)) byName.set(key, c.value);
    }
  }
  return (raw) => byName.get(normaliseHeader(raw)) ?? byName.get(norm(raw));
}

interface Reader {
  fields: readonly ImportFieldDef[];
  columns: Map<string, number>;
  choices: Record<string, readonly ImportChoice[]>;
  finders: Record<string, (raw: string) => string | undefined>;
  valueMap: ImportValueMap;
}

function reader(ctx: ServiceContext, importer: Importer, mapping: readonly (string | null)[], valueMap: ImportValueMap): Reader {
  const columns = new Map<string, number>();
  mapping.forEach((key, i) => {
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const choices = importer.choices(ctx);
  const finders = Object.fromEntries(Object.entries(choices).map(([k, list]) => [k, choiceFinder(list)]));
  return { fields: importer.fields, columns, choices, finders, valueMap };
}

/** A row's cells as the importer takes them, with a message for each cell that cannot be read. */
function readValues(
  r: Reader,
  cells: readonly string[],
  unknown: Map<string, ImportUnknownValue>,
): { values: ImportValues; messages: ImportMessage[] } {
  const values: ImportValues = {};
  const messages: ImportMessage[] = [];
  for (const f of r.fields) {
    const at = r.columns.get(f.key);
    const raw = at === undefined ? '' : unescapeCell((cells[at] ?? '').trim());
    values[f.key] = null;
    if (!raw) continue;
    if (f.kind === 'date') {
      const d = parseImportDate(raw);
      if (d) values[f.key] = d;
      else
        messages.push({
          level: 'error',
          field: f.key,
          text: `${f.label}“${raw}”不是可识别的日期（如 2020-03-05、2020.3.5、2020年3月5日）`,
        });
    } else if (f.kind === 'number') {
      const n = parseImportNumber(raw);
      if (n !== null) values[f.key] = n;
      else messages.push({ level: 'error', field: f.key, text: `${f.label}“${raw}”不是数字` });
    } else if (f.kind === 'choice') {
      const mapped = r.valueMap[f.key]?.[raw];
      if (mapped !== undefined) {
        values[f.key] = mapped === '' ? null : mapped;
        continue;
      }
      const found = r.finders[f.key]?.(raw);
      if (found !== undefined) values[f.key] = found;
      else {
        const key = `${f.key}\u0000${raw}`;
        const seen = unknown.get(key);
        if (seen) seen.count += 1;
        else
          unknown.set(key, {
            field: f.key,
            fieldLabel: f.label,
            value: raw,
            count: 1,
            choices: (r.choices[f.key] ?? []).map((c) => ({ value: c.value, label: c.label })),
          });
        messages.push({ level: 'error', field: f.key, text: `${f.label}“${raw}”不在本台账的选项中，请在“值对应”中选择它对应的${f.label}` });
      }
    } else values[f.key] = raw;
  }
  return { values, messages };
}

// ── checking and importing ────────────────────────────────────────────────────────────────────

class RowRejected extends Error {}

/** Told how many rows are done, of how many, every PROGRESS_EVERY rows (the worker passes it on to the window). */
export type ImportProgressSink = (done: number, total: number) => void;
const PROGRESS_EVERY = 200;
class DryRunDone extends Error {}

function stateOf(messages: readonly ImportMessage[]): ImportRowState {
  if (messages.some((m) => m.level === 'error')) return 'error';
  if (messages.some((m) => m.level === 'warning')) return 'warning';
  return 'ok';
}

function mappingErrors(importer: Importer, mapping: readonly (string | null)[]): string[] {
  return importer.fields.filter((f) => f.required && !mapping.includes(f.key)).map((f) => `必填的“${f.label}”没有对应的列`);
}

interface Pass {
  report: ImportReport;
  /** Rows written, with what each created and its 序号. */
  written: { row: number; originalNo: string | null; created: { entity: string; id: string }[] }[];
}

/**
 * Every row through the importer. For a check, each row in its own savepoint (a row with an error leaves
 * nothing, and the rows after it are checked against the ledger as it would be); the real run needs none,
 * since any error there rolls the whole import back.
 */
function importRows(
  ctx: ServiceContext,
  importer: Importer,
  input: z.output<typeof ImportCheckInput>,
  savepoints: boolean,
  progress?: ImportProgressSink,
): Pass {
  const r = reader(ctx, importer, input.mapping, input.valueMap);
  const skip = new Set(input.skip);
  const unknown = new Map<string, ImportUnknownValue>();
  const rows: ImportRowReport[] = [];
  const written: Pass['written'] = [];
  const noMapping = mappingErrors(importer, input.mapping);
  for (const [n, row] of input.rows.entries()) {
    if (progress && n % PROGRESS_EVERY === 0) progress(n, input.rows.length);
    // A row the importer never saw is named by its first few cells, as the file has them.
    const cellsLine = () =>
      input.mapping
        .flatMap((key, i) => (key && row.cells[i] ? [row.cells[i]!] : []))
        .slice(0, 4)
        .join(' · ');
    if (skip.has(row.row)) {
      rows.push({ row: row.row, state: 'skipped', summary: cellsLine(), messages: [] });
      continue;
    }
    const { values, messages } = readValues(r, row.cells, unknown);
    if (noMapping.length > 0 || messages.some((m) => m.level === 'error')) {
      rows.push({ row: row.row, state: 'error', summary: cellsLine(), messages });
      continue;
    }
    let result: ImportedRow | null = null;
    try {
      const one = () => {
        result = importer.importRow(ctx, values, row.row);
        if (savepoints && (result.duplicate || result.messages.some((m) => m.level === 'error'))) throw new RowRejected();
      };
      if (savepoints) ctx.db.transaction(one)();
      else one();
    } catch (e) {
      if (!(e instanceof RowRejected)) {
        if (!(e instanceof LedgerError)) throw e;
        const fields = Object.values(e.fields ?? {});
        result = {
          summary: '',
          created: [],
          messages: [{ level: 'error', field: null, text: fields.length ? fields.join('；') : e.message }],
        };
      }
    }
    const done = result as ImportedRow | null;
    if (!done) throw new Error('importRow returned nothing');
    const all = [...messages, ...done.messages];
    if (!done.summary) done.summary = cellsLine();
    if (done.duplicate) {
      rows.push({
        row: row.row,
        state: 'duplicate',
        summary: done.summary,
        messages: [{ level: 'info', field: null, text: done.duplicate }, ...all],
      });
      continue;
    }
    const state = stateOf(all);
    rows.push({ row: row.row, state, summary: done.summary, messages: all });
    if (state !== 'error') written.push({ row: row.row, originalNo: (values.originalNo as string | null) ?? null, created: done.created });
  }
  const counts = Object.fromEntries((['ok', 'warning', 'error', 'duplicate', 'skipped'] as const).map((s) => [s, 0])) as Record<
    ImportRowState,
    number
  >;
  for (const row of rows) counts[row.state] += 1;
  return { report: { rows, counts, unknown: [...unknown.values()], mappingErrors: noMapping }, written };
}

/** 预览 and 试导入: every row checked and written, then all of it rolled back. Nothing stays. */
export function checkImport(
  ctx: ServiceContext,
  importers: Importers,
  input: z.output<typeof ImportCheckInput>,
  progress?: ImportProgressSink,
): ImportReport {
  const importer = importerOf(importers, input.module);
  let pass: Pass | null = null;
  try {
    write(ctx, () => {
      pass = importRows(ctx, importer, input, true, progress);
      throw new DryRunDone();
    });
  } catch (e) {
    if (!(e instanceof DryRunDone)) throw e;
  }
  return (pass as Pass | null)!.report;
}

/**
 * 导入: the mapping remembered, a backup taken (`backup` returns its file name), then every row in one
 * transaction with the batch that lists what it created. Refused, with nothing written, while a row
 * that is not skipped has an error. A dry run checks and writes and rolls back, with no backup.
 */
export function runImport(
  ctx: ServiceContext,
  importers: Importers,
  input: z.output<typeof ImportRunInput>,
  backup: () => string | null,
  progress?: ImportProgressSink,
): ImportResult {
  const started = performance.now();
  const importer = importerOf(importers, input.module);
  remember(ctx, input.module, input.headers, { mapping: input.mapping, valueMap: input.valueMap });
  if (input.dryRun) {
    const report = checkImport(ctx, importers, input, progress);
    const imported = report.counts.ok + report.counts.warning;
    return { dryRun: true, batchId: null, imported, report, backupFile: null, ms: Math.round(performance.now() - started) };
  }
  const errors = mappingErrors(importer, input.mapping);
  if (errors.length) throw new LedgerError('VALIDATION', errors.join('；'));
  const backupFile = backup();
  return write(ctx, () => {
    const pass = importRows(ctx, importer, input, false, progress);
    const { counts } = pass.report;
    if (counts.error > 0) {
      throw new LedgerError('VALIDATION', `还有 ${counts.error} 行有错误，请修改或跳过这些行后再导入（本次未导入任何记录）。`);
    }
    const id = newId();
    const now = ctx.clock.now();
    const imported = pass.written.length;
    run(
      ctx,
      `INSERT INTO import_batch (id, module, file_name, row_count, imported_count, skipped_count, backup_file, actor_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.module,
      input.fileName,
      input.rows.length,
      imported,
      input.rows.length - imported,
      backupFile,
      ctx.user.name,
      now,
    );
    const item = ctx.db.prepare('INSERT INTO import_item (id, batch_id, entity, record_id, row_no, original_no) VALUES (?, ?, ?, ?, ?, ?)');
    for (const w of pass.written) {
      w.created.forEach((c, i) => {
        item.run(newId(), id, c.entity, c.id, w.row, i === 0 ? w.originalNo : null);
      });
    }
    audit(ctx, {
      action: 'create',
      entity: 'ledger',
      entityId: `${MODULE_INFO[input.module].entity}_import`,
      after: { 导入文件: input.fileName, 导入条数: imported, 跳过: counts.skipped, 重复: counts.duplicate, 批次: id },
    });
    return { dryRun: false, batchId: id, imported, report: pass.report, backupFile, ms: Math.round(performance.now() - started) };
  });
}

// ── the batches and their undo ────────────────────────────────────────────────────────────────

const BATCH_SELECT = `SELECT b.id, b.module, b.file_name AS fileName, b.row_count AS rowCount, b.imported_count AS importedCount,
  b.skipped_count AS skippedCount, b.backup_file AS backupFile, b.actor_name AS actorName, b.created_at AS createdAt,
  b.undone_at AS undoneAt, b.undone_by AS undoneBy, (SELECT count(*) FROM import_item i WHERE i.batch_id = b.id) AS records
  FROM import_batch b`;

export function listImportBatches(ctx: ServiceContext, module?: ModuleName): ImportBatch[] {
  return module
    ? all<ImportBatch>(ctx, `${BATCH_SELECT} WHERE b.module = ? ORDER BY b.created_at DESC, b.id DESC LIMIT 100`, module)
    : all<ImportBatch>(ctx, `${BATCH_SELECT} ORDER BY b.created_at DESC, b.id DESC LIMIT 100`);
}

/**
 * 撤销导入: every record the batch created soft-deleted (to the recycle bin), its own records before the
 * persons made for them, in one transaction. Refused while some were changed after the import, unless
 * `force` (the screen asks again, naming how many).
 */
/**
 * `personFiles`: every module's records of a person (db/modules.ts). A person the batch added to the
 * registry stays there when anything still names them — a record entered by hand since, or another
 * batch's — so that an undo never takes a person from under a record it did not make.
 */
export function undoImport(
  ctx: ServiceContext,
  importers: Importers,
  input: { id: string; force: boolean },
  personFiles: readonly ((ctx: ServiceContext, personId: string) => readonly unknown[])[] = [],
): ImportBatch {
  return write(ctx, () => {
    const batch = one<ImportBatch>(ctx, `${BATCH_SELECT} WHERE b.id = ?`, input.id);
    if (!batch) throw new LedgerError('NOT_FOUND', '没有这次导入。');
    if (batch.undoneAt) throw new LedgerError('CONFLICT', '这次导入已经撤销过了。');
    const importer = importerOf(importers, batch.module);
    // Each row's own record (its first item) before what was made for it (the persons of its parties).
    const items = all<{ entity: string; recordId: string }>(
      ctx,
      `SELECT entity, record_id AS recordId FROM import_item i WHERE batch_id = ?
       ORDER BY i.rowid = (SELECT min(j.rowid) FROM import_item j WHERE j.batch_id = i.batch_id AND j.row_no = i.row_no) DESC, i.rowid DESC`,
      batch.id,
    );
    // A record changed after the batch was written counts as edited.
    const edited = items.filter((i) => {
      const at = importer.updatedAt(ctx, i.entity, i.recordId);
      return at !== null && at > batch.createdAt;
    }).length;
    if (edited > 0 && !input.force) {
      throw new LedgerError('CONFLICT', `这次导入的记录中有 ${edited} 条在导入后被修改过，撤销会把它们一并删除（可在回收站恢复）。`, {
        details: { edited: String(edited), id: batch.id },
      });
    }
    // The batch's own records first (the query's order), so that what still names a person is someone else's.
    const named = (personId: string) => personFiles.some((files) => files(ctx, personId).length > 0);
    let kept = 0;
    for (const i of items) {
      if (i.entity === 'person' && named(i.recordId)) kept++;
      else importer.remove(ctx, i.entity, i.recordId);
    }
    run(ctx, 'UPDATE import_batch SET undone_at = ?, undone_by = ? WHERE id = ?', ctx.clock.now(), ctx.user.name, batch.id);
    audit(ctx, {
      action: 'delete',
      entity: 'ledger',
      entityId: `${MODULE_INFO[batch.module].entity}_import`,
      before: { 导入文件: batch.fileName, 批次: batch.id, 记录: items.length, ...(kept > 0 && { 保留仍有记录的人员: kept }) },
    });
    return one<ImportBatch>(ctx, `${BATCH_SELECT} WHERE b.id = ?`, batch.id)!;
  });
}

/** The records of one batch in the sheet's order, each with its row, its original 序号 and whether it is still there. */
export function importItems(ctx: ServiceContext, importers: Importers, id: string): ImportItem[] {
  const batch = one<{ module: ModuleName }>(ctx, 'SELECT module FROM import_batch WHERE id = ?', id);
  if (!batch) throw new LedgerError('NOT_FOUND', '没有这次导入。');
  const importer = importerOf(importers, batch.module);
  return all<{ rowNo: number; originalNo: string | null; entity: string; recordId: string }>(
    ctx,
    'SELECT row_no AS rowNo, original_no AS originalNo, entity, record_id AS recordId FROM import_item WHERE batch_id = ? ORDER BY row_no, rowid',
    id,
  ).map((i) => ({
    rowNo: i.rowNo,
    originalNo: i.originalNo,
    module: moduleOfEntity(i.entity) ?? batch.module,
    recordId: i.recordId,
    deleted: importer.updatedAt(ctx, i.entity, i.recordId) === null,
  }));
}

/** How many import batches the ledger holds (undone ones too): whether an import committed (db/jobs/import-job.ts). */
export function batchCount(ctx: ServiceContext): number {
  return one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM import_batch')!.n;
}
