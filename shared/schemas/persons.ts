import { z } from 'zod';
import type { ModuleName } from '../modules';
import { checkCreditCode } from '../domain/credit-code';
import { checkIdNumber } from '../domain/id-number';
import { asOf, columnChoice, Id, OptDate, OptId, optText, Page, PageSize, PhoneField, reqText, type DateIssue } from './common';

/** Structure, birth date and checksum; "not born in the future" is the day's rule (PersonInputAsOf). */
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

/** 自然人 or 法人或其他组织 (REVIEW row 10): a company on one side of a labour, contract or damages dispute. */
export const PERSON_KINDS = ['person', 'organisation'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, string> = { person: '自然人', organisation: '单位（法人或其他组织）' };

export const CreditCodeField = z
  .string()
  .trim()
  .max(30, '统一社会信用代码应为18位')
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const check = checkCreditCode(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.reason });
      return z.NEVER;
    }
    return check.value;
  });

export const PersonFields = {
  kind: z.enum(PERSON_KINDS, { error: '请选择人员或单位' }).default('person'),
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
  occupation: optText('职业或职务', 50),
  workUnit: optText('工作单位', 100),
  creditCode: CreditCodeField,
  legalRep: optText('法定代表人（负责人）', 50),
};

/** A person has no 信用代码 and an organisation no 身份证号, sex, birth date, ethnicity or job. */
function refinePerson(
  v: { kind: PersonKind; idNumber: string | null; sex: string | null; birthDate: string | null; creditCode: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.kind === 'organisation') {
    for (const [path, label] of [
      ['idNumber', '公民身份号码'],
      ['sex', '性别'],
      ['birthDate', '出生日期'],
    ] as const)
      if (v[path]) ctx.addIssue({ code: 'custom', path: [path], message: `单位不填${label}` });
  } else if (v.creditCode) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '统一社会信用代码只用于单位' });
}

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
  kind: '类别',
  occupation: '职业或职务',
  workUnit: '工作单位',
  creditCode: '统一社会信用代码',
  legalRep: '法定代表人（负责人）',
} as const;

export const PersonInput = z.strictObject(PersonFields).superRefine(refinePerson);
export type PersonInput = z.input<typeof PersonInput>;

export const PersonUpdateInput = z.strictObject({ id: Id, ...PersonFields }).superRefine(refinePerson);

/** An ID number whose birth date is after today: the number is well formed, the person not yet born. */
function bornLater(value: unknown, today: string): DateIssue[] {
  const id = (value as { idNumber?: unknown } | null)?.idNumber;
  if (typeof id !== 'string' || !checkIdNumber(id, '9999-12-31').ok) return [];
  const check = checkIdNumber(id, today);
  return check.ok ? [] : [{ path: ['idNumber'], message: check.reason }];
}
const PERSON_DATES = [{ path: 'birthDate', label: '出生日期' }];
export const PersonInputAsOf = asOf(PersonInput, PERSON_DATES, bornLater);
export const PersonUpdateInputAsOf = asOf(PersonUpdateInput, PERSON_DATES, bornLater);

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

/**
 * The registry list's columns, by key: what 列设置 offers, in the order it offers those not chosen.
 * When adding one: its cell in PersonListPage.tsx (typed from this list) and its value in PersonHit.
 */
export const PERSON_COLUMN_KEYS = ['name', 'sex', 'idNumber', 'birthDate', 'phone', 'village'] as const;
export type PersonColumn = (typeof PERSON_COLUMN_KEYS)[number];

/** The registry's filter without paging, in the columns chosen on screen (or every column). */
export const PersonExportInput = PersonListInput.omit({ page: true, pageSize: true }).extend({
  columns: columnChoice(PERSON_COLUMN_KEYS).optional(),
});
export type PersonExportInput = z.input<typeof PersonExportInput>;

export interface PersonHit {
  id: string;
  name: string;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  phone: string | null;
  birthDate: string | null;
  /** Where the person lives: offered as the village of a dispute they are a party to. */
  villageId: string | null;
  villageName: string | null;
  residenceAddress: string | null;
}

export interface Person {
  id: string;
  kind: PersonKind;
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
  occupation: string | null;
  workUnit: string | null;
  creditCode: string | null;
  legalRep: string | null;
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
