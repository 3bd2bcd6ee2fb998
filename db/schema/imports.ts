import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol } from './common';

/**
 * 导入旧台账: one import of a spreadsheet into a module's ledger, and what it created (undone as a
 * batch: its records are soft-deleted together). Core: it names records by their module's stored
 * word and id, and reads none of the modules' tables.
 */
export const importBatch = sqliteTable(
  'import_batch',
  {
    id: idCol(),
    /** The module imported into (shared/modules.ts). */
    module: text('module').notNull(),
    fileName: text('file_name').notNull(),
    /** Data rows in the file, rows imported, rows left out (skipped by the user, or already in the ledger). */
    rowCount: integer('row_count').notNull(),
    importedCount: integer('imported_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    /** The backup taken just before (its file name), when one was. */
    backupFile: text('backup_file'),
    actorName: text('actor_name').notNull(),
    createdAt: text('created_at').notNull(),
    /** 撤销导入: when the batch's records were soft-deleted, and by whom. */
    undoneAt: text('undone_at'),
    undoneBy: text('undone_by'),
  },
  (t) => [index('import_batch_created').on(t.createdAt)],
);

export const importItem = sqliteTable(
  'import_item',
  {
    id: idCol(),
    batchId: text('batch_id')
      .notNull()
      .references(() => importBatch.id, { onDelete: 'restrict' }),
    /** The stored word of the record's module ('dispute', 'person'). */
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    /** The row of the sheet it came from, and the 序号 it had there (kept as its original number). */
    rowNo: integer('row_no').notNull(),
    originalNo: text('original_no'),
  },
  (t) => [index('import_item_batch').on(t.batchId), index('import_item_record').on(t.entity, t.recordId)],
);
