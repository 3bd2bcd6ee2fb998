import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';

/**
 * 附件: scanned papers stored inside the ledger, so the ledger stays one file. The owner is generic
 * (owner_type + owner_id, e.g. 'mediation_case'), hence no foreign key; the service checks it.
 * `file_name` is the sanitised original name, for display and as the download's suggested name,
 * never as a path. `data` is the last column on purpose: SQLite reads a row's columns in order and
 * a large BLOB spills into a chain of overflow pages, so metadata placed before it can be listed
 * without reading the file.
 */
export const attachment = sqliteTable(
  'attachment',
  {
    id: idCol(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    ...stamps(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    index('attachment_owner_live').on(t.ownerType, t.ownerId, t.id).where(sql`deleted_at IS NULL`),
    index('attachment_deleted').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
  ],
);
