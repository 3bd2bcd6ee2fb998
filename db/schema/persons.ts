import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { grid, village } from './reference';

/** One row per human. Search helpers (pinyin, name grams, FTS) are kept by db/services/persons.ts. */
export const person = sqliteTable(
  'person',
  {
    id: idCol(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    sex: text('sex', { enum: ['M', 'F'] }),
    idNumber: text('id_number'),
    birthDate: text('birth_date'),
    ethnicity: text('ethnicity'),
    phone: text('phone'),
    householdAddress: text('household_address'),
    residenceAddress: text('residence_address'),
    villageId: text('village_id').references(() => village.id, { onDelete: 'restrict' }),
    gridId: text('grid_id').references(() => grid.id, { onDelete: 'restrict' }),
    notes: text('notes'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('person_id_number').on(t.idNumber).where(sql`id_number IS NOT NULL AND deleted_at IS NULL`),
    index('person_name').on(t.name).where(sql`deleted_at IS NULL`),
    index('person_initials').on(t.nameInitials).where(sql`deleted_at IS NULL`),
    index('person_pinyin').on(t.namePinyin).where(sql`deleted_at IS NULL`),
    index('person_village').on(t.villageId),
  ],
);

/** Every one- and two-character piece of a name, so two-character fragments find 张三丰 by 三丰. */
export const personGram = sqliteTable(
  'person_gram',
  {
    gram: text('gram').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.gram, t.personId] }), index('person_gram_person').on(t.personId)],
);
