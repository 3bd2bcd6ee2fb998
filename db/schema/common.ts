import { text } from 'drizzle-orm/sqlite-core';

/** Sortable unique text id (ULID); see db/ids.ts. */
export const idCol = () => text('id').primaryKey();

/** created_at / updated_at as ISO-8601 UTC, deleted_at for soft deletes (recycle bin). */
export const stamps = () => ({
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
});
