/** 导入旧台账: the inputs and outputs of reading a file, checking its rows, importing them and undoing a batch. */
import { z } from 'zod';
import type { ImportFieldDef } from '../domain/import';
import { MODULES, type ModuleName } from '../modules';
import { Id } from './common';

const ModuleField = z.enum(MODULES, { error: '请选择导入到哪个台账' });

/** At most this many rows in one import (a ledger of many years is imported in parts). */
export const MAX_IMPORT_ROWS = 20_000;

export const ImportReadInput = z.strictObject({
  module: ModuleField,
  fileName: z.string().trim().min(1, '请选择文件').max(255, '文件名过长'),
  /** The file's bytes, as attachments send them (browser mode and the desktop alike). */
  base64: z.string().min(1, '文件是空的').max(42_000_000, '文件超过 30 MB，请分成几个文件导入'),
  /** The sheet to read (an .xlsx of several); the first with data when absent. */
  sheet: z.string().max(100, '工作表名称过长').optional(),
});

const Cells = z.array(z.string().max(32_767, '单元格内容过长')).max(200, '列数过多');

export const ImportRow = z.strictObject({
  /** The row's number in the sheet (1 = its first row), as the report names it. */
  row: z.number().int().min(1),
  cells: Cells,
});
export type ImportRow = z.infer<typeof ImportRow>;

/** For each column, the field it goes into, or null (不导入). */
const Mapping = z.array(z.string().max(40).nullable()).max(200);
/** For a field of choices, what a value written in the file stands for ('' = leave it empty). */
const ValueMap = z.record(z.string().max(40), z.record(z.string().max(200), z.string().max(40)));
export type ImportValueMap = z.infer<typeof ValueMap>;

export const ImportCheckInput = z.strictObject({
  module: ModuleField,
  fileName: z.string().trim().min(1).max(255),
  headers: z.array(z.string().max(500)).max(200),
  mapping: Mapping,
  valueMap: ValueMap.default({}),
  rows: z.array(ImportRow).max(MAX_IMPORT_ROWS, `一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行，请分成几个文件`),
  /** Rows (by number) the user chose to leave out. */
  skip: z.array(z.number().int().min(1)).max(MAX_IMPORT_ROWS).default([]),
});
export type ImportCheckInput = z.input<typeof ImportCheckInput>;

export const ImportRunInput = ImportCheckInput.extend({
  /** 试导入: everything checked and written, then rolled back; nothing stays, no backup is taken. */
  dryRun: z.boolean().default(false),
});
export type ImportRunInput = z.input<typeof ImportRunInput>;

export const ImportUndoInput = z.strictObject({
  id: Id,
  /** Undo even though some of the batch's records were changed after the import (asked again on screen). */
  force: z.boolean().default(false),
});

export const ImportItemsInput = z.strictObject({ id: Id });

export const ImportBatchesInput = z.strictObject({ module: ModuleField.optional() }).optional();

/** A module that can import, with the fields its columns can go into. */
export interface ImportTarget {
  module: ModuleName;
  label: string;
  fields: ImportFieldDef[];
  /** A note on what the import does with old records (shown on the first step). */
  note: string;
}

export interface ImportTable {
  module: ModuleName;
  fileName: string;
  sheetName: string | null;
  /** The workbook's sheets that hold data (a choice is offered when there are several). */
  sheets: string[];
  encoding: 'utf-8' | 'gb18030' | null;
  /** The sheet row holding the headers (1-based); a second header row joined to it counts as one. */
  headerRow: number;
  headers: string[];
  rows: ImportRow[];
  fields: ImportFieldDef[];
  mapping: (string | null)[];
  valueMap: ImportValueMap;
  /** Whether the mapping is one remembered from an earlier file with these headers. */
  remembered: boolean;
  /** Rows passed over as blank or as a 合计 row. */
  blankRows: number;
}

export type ImportMessageLevel = 'error' | 'warning' | 'info';
export interface ImportMessage {
  level: ImportMessageLevel;
  /** The field it is about (its key), or null for the row as a whole. */
  field: string | null;
  text: string;
}

export const IMPORT_ROW_STATES = ['ok', 'warning', 'error', 'duplicate', 'skipped'] as const;
export type ImportRowState = (typeof IMPORT_ROW_STATES)[number];
export const IMPORT_ROW_STATE_LABELS: Record<ImportRowState, string> = {
  ok: '可导入',
  warning: '可导入（有提示）',
  error: '有错误',
  duplicate: '重复，不导入',
  skipped: '已跳过',
};

export interface ImportRowReport {
  row: number;
  state: ImportRowState;
  /** What the row becomes (张三 · 2020-03-05 · 婚姻家庭纠纷 · 办结). */
  summary: string;
  messages: ImportMessage[];
}

/** A value of a field of choices that matched none of the ledger's, with how often it occurs. */
export interface ImportUnknownValue {
  field: string;
  fieldLabel: string;
  value: string;
  count: number;
  choices: { value: string; label: string }[];
}

export interface ImportReport {
  rows: ImportRowReport[];
  counts: Record<ImportRowState, number>;
  unknown: ImportUnknownValue[];
  /** A mapping problem (a required field with no column), said before any row. */
  mappingErrors: string[];
}

export interface ImportResult {
  dryRun: boolean;
  /** The batch written (null for a dry run). */
  batchId: string | null;
  imported: number;
  report: ImportReport;
  /** The backup taken before the import (its file name). */
  backupFile: string | null;
  ms: number;
}

export interface ImportBatch {
  id: string;
  module: ModuleName;
  fileName: string;
  rowCount: number;
  importedCount: number;
  skippedCount: number;
  backupFile: string | null;
  actorName: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  /** Records the batch created (persons made for its parties included). */
  records: number;
}

/** One record a batch created: the sheet's row, the 序号 it had there (its original number), and where it is now. */
export interface ImportItem {
  rowNo: number;
  originalNo: string | null;
  module: ModuleName;
  recordId: string;
  /** Gone from the ledger (undone, or deleted since). */
  deleted: boolean;
}

/** A check or an import running in the background: rows done of how many. */
export interface ImportProgress {
  kind: 'check' | 'run';
  done: number;
  total: number;
}
