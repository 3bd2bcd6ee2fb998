/** 人员库: the person registry every other module names people from. */
import type { z } from 'zod';
import { checkIdNumber, idNumberMismatches } from '../../shared/domain/id-number';
import { LedgerError } from '../../shared/errors';
import type { Paged } from '../../shared/schemas/common';
import {
  PersonListInput,
  type Person,
  type PersonDetail,
  type PersonHit,
  type PersonInput,
  type PersonRecord,
  type PersonUpdateInput,
} from '../../shared/schemas/persons';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import type { RecycleSource } from './recycle';
import { requirePlace } from './reference';
import { namePinyin, searchPersons, writeSearchKeys } from './persons-search';
import { all, one, run, write } from './sql';

type Fields = z.output<typeof PersonInput>;

const PERSON_SELECT = `SELECT p.id, p.name, p.sex, p.id_number AS idNumber, p.birth_date AS birthDate, p.ethnicity, p.phone,
  p.household_address AS householdAddress, p.residence_address AS residenceAddress, p.village_id AS villageId,
  v.name AS villageName, p.grid_id AS gridId, g.name AS gridName, p.notes, p.kind, p.occupation, p.work_unit AS workUnit,
  p.credit_code AS creditCode, p.legal_rep AS legalRep, p.created_at AS createdAt,
  p.updated_at AS updatedAt, p.deleted_at AS deletedAt
  FROM person p LEFT JOIN village v ON v.id = p.village_id LEFT JOIN grid g ON g.id = p.grid_id`;

function loadPerson(ctx: ServiceContext, id: string): Person | undefined {
  return one<Person>(ctx, `${PERSON_SELECT} WHERE p.id = ?`, id);
}

export function requirePerson(ctx: ServiceContext, id: string): Person {
  const p = loadPerson(ctx, id);
  if (!p || p.deletedAt) throw new LedgerError('NOT_FOUND', '该人员不存在或已删除。');
  return p;
}

/** Host-side checks the schema cannot make: the clock, the registry, and references. */
function prepare(ctx: ServiceContext, input: Fields, selfId: string | null): Fields {
  const out = { ...input };
  if (out.idNumber) {
    const check = checkIdNumber(out.idNumber, ctx.clock.today());
    if (!check.ok) throw new LedgerError('VALIDATION', check.reason, { fields: { idNumber: check.reason } });
    const holder = one<{ id: string; name: string }>(
      ctx,
      'SELECT id, name FROM person WHERE id_number = ? AND deleted_at IS NULL AND id IS NOT ?',
      out.idNumber,
      selfId,
    );
    if (holder) {
      const msg = `该公民身份号码已登记为“${holder.name}”`;
      throw new LedgerError('ID_NUMBER_TAKEN', msg, { fields: { idNumber: msg }, details: { personId: holder.id, name: holder.name } });
    }
    out.sex ??= check.sex;
    out.birthDate ??= check.birthDate;
  }
  if (out.creditCode) {
    const holder = one<{ name: string }>(
      ctx,
      'SELECT name FROM person WHERE credit_code = ? AND deleted_at IS NULL AND id IS NOT ?',
      out.creditCode,
      selfId,
    );
    if (holder) {
      const msg = `该统一社会信用代码已登记为“${holder.name}”`;
      throw new LedgerError('VALIDATION', msg, { fields: { creditCode: msg } });
    }
  }
  requirePlace(ctx, out.villageId, out.gridId);
  return out;
}

/** The columns of REVIEW row 10: kind, 职业或职务, 工作单位, 统一社会信用代码, 法定代表人. */
const more = (p: Fields) => [p.kind, p.occupation, p.workUnit, p.creditCode, p.legalRep];

export function createPerson(ctx: ServiceContext, input: Fields): Person {
  return write(ctx, () => {
    const p = prepare(ctx, input, null);
    const id = newId();
    const now = ctx.clock.now();
    const py = namePinyin(p.name);
    run(
      ctx,
      `INSERT INTO person (id, name, name_pinyin, name_initials, sex, id_number, birth_date, ethnicity, phone,
        household_address, residence_address, village_id, grid_id, notes, created_at, updated_at,
        kind, occupation, work_unit, credit_code, legal_rep)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      p.name,
      py.full,
      py.initials,
      p.sex,
      p.idNumber,
      p.birthDate,
      p.ethnicity,
      p.phone,
      p.householdAddress,
      p.residenceAddress,
      p.villageId,
      p.gridId,
      p.notes,
      now,
      now,
      ...more(p),
    );
    writeSearchKeys(ctx, { id, name: p.name, idNumber: p.idNumber, phone: p.phone }, py);
    const created = loadPerson(ctx, id)!;
    audit(ctx, { action: 'create', entity: 'person', entityId: id, after: created });
    return created;
  });
}

/** What another module does when a person is renamed (keeps its copies of the name in step), in the same transaction. */
export type PersonRenamed = (ctx: ServiceContext, personId: string) => void;

export function updatePerson(ctx: ServiceContext, input: z.output<typeof PersonUpdateInput>, renamed: readonly PersonRenamed[]): Person {
  return write(ctx, () => {
    const { id, ...fields } = input;
    const before = requirePerson(ctx, id);
    const p = prepare(ctx, fields, id);
    const py = namePinyin(p.name);
    run(
      ctx,
      `UPDATE person SET name = ?, name_pinyin = ?, name_initials = ?, sex = ?, id_number = ?, birth_date = ?, ethnicity = ?,
        phone = ?, household_address = ?, residence_address = ?, village_id = ?, grid_id = ?, notes = ?, updated_at = ?,
        kind = ?, occupation = ?, work_unit = ?, credit_code = ?, legal_rep = ?
       WHERE id = ?`,
      p.name,
      py.full,
      py.initials,
      p.sex,
      p.idNumber,
      p.birthDate,
      p.ethnicity,
      p.phone,
      p.householdAddress,
      p.residenceAddress,
      p.villageId,
      p.gridId,
      p.notes,
      ctx.clock.now(),
      ...more(p),
      id,
    );
    writeSearchKeys(ctx, { id, name: p.name, idNumber: p.idNumber, phone: p.phone }, py);
    const after = loadPerson(ctx, id)!;
    audit(ctx, { action: 'update', entity: 'person', entityId: id, before, after });
    if (before.name !== after.name) for (const r of renamed) r(ctx, id);
    return after;
  });
}

export function deletePerson(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = requirePerson(ctx, id);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE person SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    audit(ctx, { action: 'delete', entity: 'person', entityId: id, before });
    return { ok: true as const };
  });
}

export function restorePerson(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = loadPerson(ctx, id);
    if (!before?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有这条人员记录。');
    if (before.idNumber) {
      const holder = one<{ id: string; name: string }>(
        ctx,
        'SELECT id, name FROM person WHERE id_number = ? AND deleted_at IS NULL',
        before.idNumber,
      );
      if (holder) {
        throw new LedgerError('ID_NUMBER_TAKEN', `无法恢复：该公民身份号码已由“${holder.name}”使用。`, {
          details: { personId: holder.id, name: holder.name },
        });
      }
    }
    run(ctx, 'UPDATE person SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.clock.now(), id);
    audit(ctx, { action: 'restore', entity: 'person', entityId: id, before, after: loadPerson(ctx, id) });
    return { ok: true as const };
  });
}

/**
 * Where a person appears in the other modules (their files, cases, registrations), for the person
 * page. Each module that keeps files on people registers one in db/modules.ts; this module reads
 * none of their tables.
 */
/** A person as a module's file shows them: name, sex, ID number and address (residence, else household). */
export function personCard(
  ctx: ServiceContext,
  id: string,
): { id: string; name: string; sex: 'M' | 'F' | null; idNumber: string | null; address: string | null } {
  return one<{ id: string; name: string; sex: 'M' | 'F' | null; idNumber: string | null; address: string | null }>(
    ctx,
    'SELECT id, name, sex, id_number AS idNumber, coalesce(residence_address, household_address) AS address FROM person WHERE id = ?',
    id,
  )!;
}

export type PersonFiles = (ctx: ServiceContext, personId: string) => PersonRecord[];

export function personDetail(ctx: ServiceContext, id: string, files: readonly PersonFiles[]): PersonDetail {
  const person = loadPerson(ctx, id);
  if (!person) throw new LedgerError('NOT_FOUND', '该人员不存在。');
  return { person, records: files.flatMap((f) => f(ctx, id)), warnings: idNumberMismatches(person, ctx.clock.today()) };
}

/** The registry's search lists at most this many persons; beyond it the user is asked to type more. */
export const PERSON_SEARCH_LIMIT = 100;

/** The registry list's filter without paging (the list, its export). */
export type PersonFilter = Omit<z.output<typeof PersonListInput>, 'page' | 'pageSize'>;

/**
 * The registry's rows for a filter: `limit` of them from `offset`, the total, and whether a search stopped
 * at its limit (a search lists at most PERSON_SEARCH_LIMIT persons; the rest in name order).
 */
export function readPersons(
  ctx: ServiceContext,
  input: PersonFilter,
  limit: number,
  offset: number,
): { rows: (PersonHit & { deletedAt: string | null })[]; total: number; capped: boolean } {
  const deleted = input.deleted ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL';
  if (input.q) {
    // One more than is listed, to know that the search stopped at its limit.
    const found = searchPersons(ctx, input.q, PERSON_SEARCH_LIMIT + 1, input.deleted);
    const hits = found.slice(0, PERSON_SEARCH_LIMIT);
    const ids = new Set(hits.map((h) => h.id));
    const marks = new Map(
      all<{ id: string; deletedAt: string | null }>(
        ctx,
        `SELECT id, deleted_at AS deletedAt FROM person WHERE id IN (${[...ids].map(() => '?').join(',') || "''"})`,
        ...ids,
      ).map((r) => [r.id, r.deletedAt]),
    );
    const rows = hits
      .map((h) => ({ ...h, deletedAt: marks.get(h.id) ?? null }))
      .filter((h) => (input.deleted ? h.deletedAt : !h.deletedAt));
    return { rows: rows.slice(offset, offset + limit), total: rows.length, capped: found.length > PERSON_SEARCH_LIMIT };
  }
  const village = input.villageId ? 'AND p.village_id = ?' : '';
  const params = input.villageId ? [input.villageId] : [];
  const total = one<{ n: number }>(ctx, `SELECT count(*) AS n FROM person p WHERE ${deleted} ${village}`, ...params)!.n;
  const rows = all<PersonHit & { deletedAt: string | null }>(
    ctx,
    `SELECT p.id, p.name, p.sex, p.id_number AS idNumber, p.phone, p.birth_date AS birthDate, p.village_id AS villageId,
       v.name AS villageName, p.residence_address AS residenceAddress, p.deleted_at AS deletedAt
     FROM person p LEFT JOIN village v ON v.id = p.village_id
     WHERE ${deleted} ${village} ORDER BY ${input.deleted ? 'p.deleted_at DESC' : 'p.name_pinyin, p.id'} LIMIT ? OFFSET ?`,
    ...params,
    limit,
    offset,
  );
  return { rows, total, capped: false };
}

export function listPersons(ctx: ServiceContext, input: z.output<typeof PersonListInput>): Paged<PersonHit & { deletedAt: string | null }> {
  const { page, pageSize } = input;
  const { rows, total, capped } = readPersons(ctx, input, pageSize, (page - 1) * pageSize);
  return { rows, total, page, pageSize, ...(capped && { capped }) };
}

/** The recycle bin's section of deleted persons (registered in db/modules.ts). */
export const personsRecycle: RecycleSource = {
  deleted(ctx, limit) {
    const page = listPersons(ctx, PersonListInput.parse({ deleted: true, pageSize: limit }));
    return {
      rows: page.rows.map((p) => ({ id: p.id, name: p.name, cells: [p.name, p.villageName ?? ''], deletedAt: p.deletedAt! })),
      total: page.total,
    };
  },
  restore: (ctx, id) => void restorePerson(ctx, id),
};
