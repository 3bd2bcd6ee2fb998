import { z } from 'zod';
import type { ModuleName } from '../modules';
import { checkIdNumber } from '../domain/id-number';
import { Id, OptDate, OptId, optText, Page, PageSize, PhoneField, reqText } from './common';

/** Structure, birth date and checksum; "not born in the future" is checked by the host with its clock. */
export const IdNumberField = z
  .string()
  .trim()
  .max(30, '公民身份号码应为18位')
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const check = checkIdNumber(v, '9999-12-31');
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.reason });
      return z.NEVER;
    }
    return check.value;
  });

export const PersonFields = {
  name: reqText('姓名', 50),
  sex: z
    .union([z.literal(''), z.enum(['M', 'F'], { error: '性别只能是男或女' })])
    .nullish()
    .transform((v) => (v ? v : null)),
  idNumber: IdNumberField,
  birthDate: OptDate,
  ethnicity: optText('民族', 20),
  phone: PhoneField,
  householdAddress: optText('户籍地址', 200),
  residenceAddress: optText('居住地址', 200),
  villageId: OptId,
  gridId: OptId,
  notes: optText('备注', 2000),
};

/** A person's fields by their 中文 name, where a change to them is shown (the audit history). */
export const PERSON_FIELD_LABELS = {
  name: '姓名',
  sex: '性别',
  idNumber: '公民身份号码',
  birthDate: '出生日期',
  ethnicity: '民族',
  phone: '联系电话',
  householdAddress: '户籍地址',
  residenceAddress: '居住地址',
  villageName: '村（社区）',
  gridName: '网格',
  notes: '备注',
} as const;

export const PersonInput = z.strictObject(PersonFields);
export type PersonInput = z.input<typeof PersonInput>;

export const PersonUpdateInput = z.strictObject({ id: Id, ...PersonFields });

export const PersonSearchInput = z.strictObject({
  q: z.string().trim().max(50, '搜索内容不能超过50个字'),
  limit: z.number().int().min(1).max(100).default(20),
});

export const PersonListInput = z.strictObject({
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  villageId: Id.optional(),
  deleted: z.boolean().optional(),
  page: Page,
  pageSize: PageSize,
});

export interface PersonHit {
  id: string;
  name: string;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  phone: string | null;
  birthDate: string | null;
  villageName: string | null;
  residenceAddress: string | null;
}

export interface Person {
  id: string;
  name: string;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  phone: string | null;
  householdAddress: string | null;
  residenceAddress: string | null;
  villageId: string | null;
  villageName: string | null;
  gridId: string | null;
  gridName: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One record elsewhere in the ledger that names this person. */
/** One of the person's records in another module (a registration, a case, a file), for the person page. */
export interface PersonRecord {
  module: ModuleName;
  id: string;
  title: string;
  role: string;
  date: string;
  status: string;
}

export interface PersonDetail {
  person: Person;
  records: PersonRecord[];
  /** Facts that contradict the ID number (sex, birth date). */
  warnings: string[];
}
