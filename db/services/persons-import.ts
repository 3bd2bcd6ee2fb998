/**
 * 人员库 from an old spreadsheet (导入旧台账; the core is db/services/imports.ts): one person a row,
 * checked as the form checks them (the ID number's checksum, its birth date and sex, the phone), a
 * person whose ID number is already in the registry reported as a duplicate and left out. Also what
 * later modules use to find or add the parties their rows name (`findOrAddPerson`).
 */
import type { z } from 'zod';
import { SEX_LABELS } from '../../shared/dictionaries';
import { checkCreditCode } from '../../shared/domain/credit-code';
import { checkIdNumber } from '../../shared/domain/id-number';
import { looksLikeOrganisation } from '../../shared/domain/names';
import { ORIGINAL_NO_FIELD, type ImportFieldDef } from '../../shared/domain/import';
import { PersonInput } from '../../shared/schemas/persons';
import type { ImportMessage } from '../../shared/schemas/import';
import type { ServiceContext } from '../context';
import { asText, type ImportChoice, type ImportedRow, type Importer, type ImportValues } from './imports';
import { createPerson, deletePerson } from './persons';
import { listVillages } from './reference';
import { all, one } from './sql';

/** The ledger's villages as a choice (村（社区）). */
export function villageChoices(ctx: ServiceContext): ImportChoice[] {
  return listVillages(ctx).map((v) => ({ value: v.id, label: v.name, aliases: [v.name.replace(/(村|社区|居委会|村委会)$/, '')] }));
}

const SEX_CHOICES: ImportChoice[] = [
  { value: 'M', label: SEX_LABELS.M, aliases: ['男性', 'M'] },
  { value: 'F', label: SEX_LABELS.F, aliases: ['女性', 'F'] },
];

export const PERSON_IMPORT_FIELDS: readonly ImportFieldDef[] = [
  ORIGINAL_NO_FIELD,
  { key: 'name', label: '姓名', synonyms: ['名字', '人员姓名', '当事人姓名'], kind: 'text', required: true },
  { key: 'sex', label: '性别', synonyms: [], kind: 'choice' },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证', '证件号码'], kind: 'id' },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '生日'], kind: 'date' },
  { key: 'ethnicity', label: '民族', synonyms: [], kind: 'text' },
  { key: 'phone', label: '联系电话', synonyms: ['电话', '手机', '手机号', '联系方式'], kind: 'text' },
  { key: 'householdAddress', label: '户籍地址', synonyms: ['户籍地', '户籍所在地'], kind: 'text' },
  { key: 'residenceAddress', label: '居住地址', synonyms: ['现住址', '住址', '家庭住址', '居住地'], kind: 'text' },
  { key: 'villageId', label: '村（社区）', synonyms: ['所属村(社区)', '所属村', '村居', '村(居)', '所在村'], kind: 'choice' },
  { key: 'occupation', label: '职业或职务', synonyms: ['职业', '职务'], kind: 'text' },
  { key: 'workUnit', label: '工作单位', synonyms: ['单位'], kind: 'text' },
  { key: 'notes', label: '备注', synonyms: [], kind: 'text' },
];

const PERSON_LABELS = Object.fromEntries(PERSON_IMPORT_FIELDS.map((f) => [f.key, f.label]));

/** A row whose values its module's schema refused: what it found so far, then each issue named by its field. */
export function invalidRow(
  summary: string,
  messages: readonly ImportMessage[],
  error: z.ZodError,
  labels: Record<string, string>,
): ImportedRow {
  return { summary, created: [], messages: [...messages, ...issuesToMessages(error, labels)] };
}

/** Zod's issues as a row's messages, each named by its field. */
export function issuesToMessages(error: z.ZodError, labels: Record<string, string>): ImportMessage[] {
  return error.issues.map((i) => {
    // The innermost part of the path that names a field (facts.diagnosis → 诊断).
    const field =
      [...i.path]
        .reverse()
        .map(String)
        .find((p) => labels[p]) ?? String(i.path[0] ?? '');
    const label = labels[field];
    return { level: 'error' as const, field: field || null, text: label ? `${label}：${i.message}` : i.message };
  });
}

/**
 * Why an ID number fails, and, when it looks like one Excel kept as a number (15 digits and 000: its last
 * three digits lost), what to do about it.
 */
export function idNumberProblem(id: string, reason: string): string {
  return /^\d{15}000$/.test(id)
    ? `${reason}（这个号码像是被 Excel 存成了数字，末三位已丢失：请在原表中把该列设为“文本”，重新填写后再导入）`
    : reason;
}

/** A valid number ending in 000 may still be one Excel rounded (1 in 11 of them pass the checksum by chance). */
const EXCEL_NUMBER_WARNING = '身份证号以000结尾，可能被 Excel 存成了数字而丢失末三位，请与原始材料核对';

/** An ID number a ledger's export masked (110101********1234) cannot be imported: it is left out, with a warning. */
export const isMasked = (id: string) => /[*＊]/.test(id);

export const personsImporter: Importer = {
  note: '每行一人。身份证号已在人员库中的行按重复处理、不导入；人员库导出的身份证号是打码的，导入时不带号码。',
  fields: PERSON_IMPORT_FIELDS,
  choices: (ctx) => ({ villageId: villageChoices(ctx), sex: SEX_CHOICES }),
  importRow(ctx, v: ImportValues): ImportedRow {
    const messages: ImportMessage[] = [];
    let idNumber = asText(v.idNumber);
    if (idNumber && isMasked(idNumber)) {
      messages.push({ level: 'warning', field: 'idNumber', text: `公民身份号码“${idNumber}”已打码，不导入号码` });
      idNumber = null;
    }
    const name = asText(v.name) ?? '';
    const summary = [name, idNumber ? `${idNumber.slice(0, 6)}…` : ''].filter(Boolean).join(' · ');
    if (idNumber) {
      const check = checkIdNumber(idNumber, ctx.clock.today());
      if (!check.ok)
        return {
          summary,
          created: [],
          messages: [...messages, { level: 'error', field: 'idNumber', text: idNumberProblem(idNumber, check.reason) }],
        };
      if (/^\d{15}000$/.test(idNumber)) messages.push({ level: 'warning', field: 'idNumber', text: EXCEL_NUMBER_WARNING });
      const holder = one<{ name: string }>(ctx, 'SELECT name FROM person WHERE id_number = ? AND deleted_at IS NULL', check.value);
      if (holder) return { summary, created: [], messages, duplicate: `身份证号已在人员库中（${holder.name}）` };
      if (v.sex && v.sex !== check.sex) messages.push({ level: 'warning', field: 'sex', text: '性别与身份证号不符，按身份证号' });
    } else if (name && one(ctx, "SELECT 1 FROM person WHERE name = ? AND deleted_at IS NULL AND kind = 'person'", name)) {
      messages.push({ level: 'warning', field: 'name', text: `人员库已有同名的“${name}”（没有身份证号，无法判断是否同一人）` });
    }
    const parsed = PersonInput.safeParse({
      name,
      sex: idNumber ? null : asText(v.sex),
      idNumber,
      birthDate: idNumber ? null : asText(v.birthDate),
      ethnicity: asText(v.ethnicity),
      phone: asText(v.phone),
      householdAddress: asText(v.householdAddress),
      residenceAddress: asText(v.residenceAddress),
      villageId: asText(v.villageId),
      occupation: asText(v.occupation),
      workUnit: asText(v.workUnit),
      notes: asText(v.notes),
    });
    if (!parsed.success) return invalidRow(summary, messages, parsed.error, PERSON_LABELS);
    const person = createPerson(ctx, parsed.data);
    return { summary, created: [{ entity: 'person', id: person.id }], messages };
  },
  remove: removePerson,
  updatedAt: (ctx, _entity, id) =>
    one<{ at: string }>(ctx, 'SELECT updated_at AS at FROM person WHERE id = ? AND deleted_at IS NULL', id)?.at ?? null,
};

/** A person an import made goes to the recycle bin, unless a live record still names them. */
export function removePerson(ctx: ServiceContext, _entity: string, id: string, stillNamed?: (id: string) => boolean): boolean {
  if (!one(ctx, 'SELECT 1 FROM person WHERE id = ? AND deleted_at IS NULL', id)) return false;
  if (stillNamed?.(id)) return false;
  deletePerson(ctx, id);
  return true;
}

/**
 * A party a row names: the registry's person with that ID number, or the one person of that name when
 * no number is given; else a new person (added to the registry, in the caller's transaction).
 */
export function findOrAddPerson(
  ctx: ServiceContext,
  party: { name: string; idNumber: string | null; phone: string | null; villageId: string | null },
  role: string,
): { id: string; created: boolean; messages: ImportMessage[] } {
  const messages: ImportMessage[] = [];
  let idNumber = party.idNumber;
  // A 单位: its name says so, or its number is a 统一社会信用代码 that cannot be a 身份证号 (one with letters);
  // a valid 身份证号 is always a person's, and one shaped as such with a wrong check digit is reported as such.
  const personalId = idNumber !== null && checkIdNumber(idNumber, ctx.clock.today()).ok;
  const creditCode = idNumber !== null && !/^\d{17}[\dXx]$/.test(idNumber) && checkCreditCode(idNumber).ok;
  if (!personalId && (looksLikeOrganisation(party.name) || creditCode)) return findOrAddOrganisation(ctx, party, role);
  if (idNumber && isMasked(idNumber)) {
    messages.push({ level: 'warning', field: 'parties', text: `${role}“${party.name}”的身份证号已打码，不导入号码` });
    idNumber = null;
  }
  if (idNumber) {
    const check = checkIdNumber(idNumber, ctx.clock.today());
    if (!check.ok) {
      return {
        id: '',
        created: false,
        messages: [
          {
            level: 'error',
            field: 'parties',
            text: `${role}“${party.name}”的身份证号“${idNumber}”：${idNumberProblem(idNumber, check.reason)}`,
          },
        ],
      };
    }
    const holder = one<{ id: string; name: string }>(
      ctx,
      'SELECT id, name FROM person WHERE id_number = ? AND deleted_at IS NULL',
      check.value,
    );
    if (holder) {
      if (holder.name !== party.name) {
        messages.push({
          level: 'warning',
          field: 'parties',
          text: `身份证号属于人员库中的“${holder.name}”，表中写作“${party.name}”，按人员库关联`,
        });
      }
      messages.push({ level: 'info', field: 'parties', text: `${role}“${holder.name}”按身份证号关联人员库` });
      return { id: holder.id, created: false, messages };
    }
    if (/^\d{15}000$/.test(idNumber))
      messages.push({ level: 'warning', field: 'parties', text: `${role}“${party.name}”：${EXCEL_NUMBER_WARNING}` });
    idNumber = check.value;
  } else {
    const same = all<{ id: string }>(
      ctx,
      "SELECT id FROM person WHERE name = ? AND deleted_at IS NULL AND kind = 'person' LIMIT 2",
      party.name,
    );
    if (same.length === 1) {
      messages.push({ level: 'info', field: 'parties', text: `${role}“${party.name}”按姓名关联人员库中的同名人员（表中没有身份证号）` });
      return { id: same[0]!.id, created: false, messages };
    }
    if (same.length > 1) {
      messages.push({ level: 'warning', field: 'parties', text: `人员库中有多个“${party.name}”，表中没有身份证号，已另建一人` });
    }
  }
  return addParty(ctx, { name: party.name, idNumber, phone: party.phone, villageId: party.villageId }, role, messages);
}

/** A party not yet in the registry, registered; the schema's refusal said as the row's error. */
function addParty(
  ctx: ServiceContext,
  fields: z.input<typeof PersonInput>,
  role: string,
  messages: ImportMessage[],
  /** Said when the party is registered. */
  note?: string,
): { id: string; created: boolean; messages: ImportMessage[] } {
  const parsed = PersonInput.safeParse(fields);
  if (!parsed.success) {
    const text = parsed.error.issues.map((i) => i.message).join('；');
    return {
      id: '',
      created: false,
      messages: [...messages, { level: 'error', field: 'parties', text: `${role}“${fields.name}”：${text}` }],
    };
  }
  if (note) messages.push({ level: 'info', field: 'parties', text: note });
  return { id: createPerson(ctx, parsed.data).id, created: true, messages };
}

/**
 * A party that is a 单位 (its name says so, or the number given is a 统一社会信用代码): found by its code or,
 * without one, by its name among organisations; else registered as an organisation.
 */
function findOrAddOrganisation(
  ctx: ServiceContext,
  party: { name: string; idNumber: string | null; phone: string | null; villageId: string | null },
  role: string,
): { id: string; created: boolean; messages: ImportMessage[] } {
  const messages: ImportMessage[] = [];
  const code = party.idNumber ? checkCreditCode(party.idNumber) : null;
  if (code && !code.ok)
    messages.push({
      level: 'warning',
      field: 'parties',
      text: `${role}“${party.name}”是单位，“${party.idNumber}”不是有效的统一社会信用代码（${code.reason}），不导入该号码`,
    });
  const creditCode = code?.ok ? code.value : null;
  const holder = creditCode
    ? one<{ id: string; name: string }>(ctx, 'SELECT id, name FROM person WHERE credit_code = ? AND deleted_at IS NULL', creditCode)
    : null;
  const same = holder
    ? [holder]
    : all<{ id: string; name: string }>(
        ctx,
        "SELECT id, name FROM person WHERE name = ? AND deleted_at IS NULL AND kind = 'organisation' AND (? IS NULL OR credit_code IS NULL) LIMIT 2",
        party.name,
        creditCode,
      );
  if (same.length === 1) {
    messages.push({ level: 'info', field: 'parties', text: `${role}“${same[0]!.name}”按单位关联人员库` });
    return { id: same[0]!.id, created: false, messages };
  }
  return addParty(
    ctx,
    { kind: 'organisation', name: party.name, creditCode, phone: party.phone, villageId: party.villageId },
    role,
    messages,
    `${role}“${party.name}”按单位登记`,
  );
}

/**
 * What a module's importer does with the records a batch created (撤销导入): its own record (in `table`)
 * soft-deleted through its service, and a person the batch added soft-deleted unless a live record still
 * names them (`namesPerson`: SQL taking the person's id); and when each was last changed.
 */
export function importedRecords(opts: {
  table: string;
  deleteRecord: (ctx: ServiceContext, id: string) => unknown;
  namesPerson: string;
}): Pick<Importer, 'remove' | 'updatedAt'> {
  return {
    remove(ctx, entity, id) {
      if (entity === 'person') return removePerson(ctx, entity, id, (pid) => Boolean(one(ctx, opts.namesPerson, pid)));
      if (!one(ctx, `SELECT 1 FROM ${opts.table} WHERE id = ? AND deleted_at IS NULL`, id)) return false;
      opts.deleteRecord(ctx, id);
      return true;
    },
    updatedAt(ctx, entity, id) {
      const table = entity === 'person' ? 'person' : opts.table;
      return one<{ at: string }>(ctx, `SELECT updated_at AS at FROM ${table} WHERE id = ? AND deleted_at IS NULL`, id)?.at ?? null;
    },
  };
}
