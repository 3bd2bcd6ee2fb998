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
    /** 'person' (自然人) or 'organisation' (法人或其他组织: a company, an association … as a party). */
    kind: text('kind').notNull().default('person'),
    /** 职业或职务 and 工作单位, as the mediation forms print a party. */
    occupation: text('occupation'),
    workUnit: text('work_unit'),
    /** An organisation's 统一社会信用代码 and its 法定代表人（负责人）. */
    creditCode: text('credit_code'),
    legalRep: text('legal_rep'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('person_id_number').on(t.idNumber).where(sql`id_number IS NOT NULL AND deleted_at IS NULL`),
    index('person_name').on(t.name).where(sql`deleted_at IS NULL`),
    index('person_initials').on(t.nameInitials).where(sql`deleted_at IS NULL`),
    index('person_pinyin').on(t.namePinyin).where(sql`deleted_at IS NULL`),
    index('person_village').on(t.villageId),
    uniqueIndex('person_credit_code').on(t.creditCode).where(sql`credit_code IS NOT NULL AND deleted_at IS NULL`),
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
