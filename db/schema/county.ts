/**
 * 县级汇总: the report packages a county ledger has received (one per township and period: the next
 * package of the same township and period replaces it), their ledgers' rows with the township beside
 * each, and their statistics figures. Rows are kept as the package's sheet shows them (labels, JSON cells);
 * the list reads a page by package and position (county_record_list), the search by name (county_record_name).
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idCol } from './common';

export const countyPackage = sqliteTable(
  'county_package',
  {
    id: idCol(),
    township: text('township').notNull(),
    /** The period's key ('2024-06', '2024-Q2', '2024-H1', '2024'), its words and its days. */
    period: text('period').notNull(),
    periodLabel: text('period_label').notNull(),
    dateFrom: text('date_from').notNull(),
    dateTo: text('date_to').notNull(),
    /** When the township made it, and when it was received here. */
    createdAt: text('created_at').notNull(),
    receivedAt: text('received_at').notNull(),
    receivedBy: text('received_by').notNull(),
    appVersion: text('app_version').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    auditRows: integer('audit_rows').notNull(),
    auditHash: text('audit_hash').notNull(),
    /** Whether its audit chain extends the township's earlier package: 'first', 'extends', 'rewritten' or 'unknown'. */
    chain: text('chain').notNull(),
    chainNote: text('chain_note'),
    /** The signed manifest as received (JSON). */
    manifest: text('manifest').notNull(),
    folderName: text('folder_name').notNull(),
  },
  (t) => [uniqueIndex('county_package_town_period').on(t.township, t.period), index('county_package_period').on(t.period)],
);

export const countyLedger = sqliteTable(
  'county_ledger',
  {
    packageId: text('package_id')
      .notNull()
      .references(() => countyPackage.id, { onDelete: 'restrict' }),
    module: text('module').notNull(),
    title: text('title').notNull(),
    /** The sheet's headers (JSON array). */
    columns: text('columns').notNull(),
    rows: integer('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.module] }), index('county_ledger_module').on(t.module)],
);

export const countyRecord = sqliteTable(
  'county_record',
  {
    id: integer('id').primaryKey(),
    packageId: text('package_id')
      .notNull()
      .references(() => countyPackage.id, { onDelete: 'restrict' }),
    township: text('township').notNull(),
    module: text('module').notNull(),
    seq: integer('seq').notNull(),
    /** What the search finds it by: its name column (姓名, 当事人 …), as the sheet shows it. */
    name: text('name'),
    cells: text('cells').notNull(),
  },
  (t) => [
    uniqueIndex('county_record_list').on(t.packageId, t.module, t.seq),
    index('county_record_name').on(t.module, t.name, t.packageId),
  ],
);

export const countyFigure = sqliteTable(
  'county_figure',
  {
    packageId: text('package_id')
      .notNull()
      .references(() => countyPackage.id, { onDelete: 'restrict' }),
    module: text('module').notNull(),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    value: real('value'),
    kind: text('kind').notNull(),
    definition: text('definition').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.module, t.seq] })],
);
