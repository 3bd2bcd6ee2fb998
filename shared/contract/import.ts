import { z } from 'zod';
import {
  ImportBatchesInput,
  ImportItemsInput,
  type ImportItem,
  type ImportProgress,
  ImportCheckInput,
  ImportReadInput,
  ImportRunInput,
  ImportUndoInput,
  type ImportBatch,
  type ImportReport,
  type ImportResult,
  type ImportTable,
  type ImportTarget,
} from '../schemas/import';
import { job, method } from './define';

/** 导入旧台账: read a spreadsheet, check its rows, import them (after a backup, in one transaction) and undo a batch. */
export const importContract = {
  /** The ledgers that can import, with the fields their columns can go into. */
  'import.targets': method<ImportTarget[]>()(z.strictObject({}).optional()),
  /** The file read: its header row found, its rows as text, its columns guessed or remembered. */
  'import.read': method<ImportTable>()(ImportReadInput),
  /** 预览: every row checked (written and rolled back), with a report per row. */
  'import.check': job<ImportReport>()(ImportCheckInput),
  /** 试导入 (dryRun) or 导入: the real one takes a backup first and writes every row in one transaction. */
  'import.run': job<ImportResult>()(ImportRunInput),
  /** How far the check or import running in the background is (null when none runs). */
  'import.progress': method<ImportProgress | null>()(z.strictObject({}).optional()),
  'import.batches': method<ImportBatch[]>()(ImportBatchesInput),
  /** What one batch created, row by row, with each row's original 序号. */
  'import.items': method<ImportItem[]>()(ImportItemsInput),
  /** 撤销导入: the batch's records to the recycle bin, in one transaction. */
  'import.undo': method<ImportBatch>()(ImportUndoInput),
};
