/** 人员库: the person registry every other module names people from. */
import type { z } from 'zod';
import { checkIdNumber, idNumberMismatches } from '../../shared/domain/id-number';
import { DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../shared/domain/dispute-status';
import { CASE_OUTCOME_LABELS, type CaseOutcome } from '../../shared/domain/mediation';
import { PARTY_ROLE_LABELS, type PartyRole } from '../../shared/dictionaries';
import { LedgerError } from '../../shared/errors';
import type { Paged } from '../../shared/schemas/common';
import type {
  Person,
  PersonDetail,
  PersonHit,
  PersonInput,
  PersonListInput,
  PersonRecord,
  PersonUpdateInput,
} from '../../shared/schemas/persons';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { requirePlace } from './reference';
import { namePinyin, searchPersons, writeSearchKeys } from './person-search';
import { all, one, run, write } from './sql';

type Fields = z.output<typeof PersonInput>;

const PERSON_SELECT = `SELECT p.id, p.name, p.sex, p.id_number AS idNumber, p.birth_date AS birthDate, p.ethnicity, p.phone,
  p.household_address AS householdAddress, p.residence_address AS residenceAddress, p.village_id AS villageId,
  v.name AS villageName, p.grid_id AS gridId, g.name AS gridName, p.notes, p.created_at AS createdAt,
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
  if (out.birthDate && out.birthDate > ctx.clock.today()) {
    throw new LedgerError('VALIDATION', '出生日期不能晚于今天', { fields: { birthDate: '出生日期不能晚于今天' } });
  }
  requirePlace(ctx, out.villageId, out.gridId);
  return out;
}

export function createPerson(ctx: ServiceContext, input: Fields): Person {
  return write(ctx, () => {
    const p = prepare(ctx, input, null);
    const id = newId();
    const now = ctx.clock.now();
    const py = namePinyin(p.name);
    run(
      ctx,
      `INSERT INTO person (id, name, name_pinyin, name_initials, sex, id_number, birth_date, ethnicity, phone,
        household_address, residence_address, village_id, grid_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    );
    writeSearchKeys(ctx, { id, name: p.name, idNumber: p.idNumber, phone: p.phone }, py);
    const created = loadPerson(ctx, id)!;
    audit(ctx, { action: 'create', entity: 'person', entityId: id, after: created });
    return created;
  });
}

export function updatePerson(ctx: ServiceContext, input: z.output<typeof PersonUpdateInput>): Person {
  return write(ctx, () => {
    const { id, ...fields } = input;
    const before = requirePerson(ctx, id);
    const p = prepare(ctx, fields, id);
    const py = namePinyin(p.name);
    run(
      ctx,
      `UPDATE person SET name = ?, name_pinyin = ?, name_initials = ?, sex = ?, id_number = ?, birth_date = ?, ethnicity = ?,
        phone = ?, household_address = ?, residence_address = ?, village_id = ?, grid_id = ?, notes = ?, updated_at = ?
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
      id,
    );
    writeSearchKeys(ctx, { id, name: p.name, idNumber: p.idNumber, phone: p.phone }, py);
    const after = loadPerson(ctx, id)!;
    audit(ctx, { action: 'update', entity: 'person', entityId: id, before, after });
    if (before.name !== after.name) refreshPartyNames(ctx, id);
    return after;
  });
}

/** Keeps the denormalised party names on disputes in step with a renamed person. */
function refreshPartyNames(ctx: ServiceContext, personId: string): void {
  const disputes = all<{ dispute_id: string }>(ctx, 'SELECT DISTINCT dispute_id FROM dispute_party WHERE person_id = ?', personId);
  for (const d of disputes) {
    const names = all<{ name: string }>(
      ctx,
      'SELECT p.name FROM dispute_party dp JOIN person p ON p.id = dp.person_id WHERE dp.dispute_id = ? ORDER BY dp.ord',
      d.dispute_id,
    );
    run(ctx, 'UPDATE dispute SET parties_text = ? WHERE id = ?', names.map((n) => n.name).join('、'), d.dispute_id);
  }
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

export function findByIdNumber(ctx: ServiceContext, idNumber: string | null): PersonHit | null {
  if (!idNumber) return null;
  const [hit] = searchPersons(ctx, idNumber, 1);
  return hit && hit.idNumber === idNumber ? hit : null;
}

export function personDetail(ctx: ServiceContext, id: string): PersonDetail {
  const person = loadPerson(ctx, id);
  if (!person) throw new LedgerError('NOT_FOUND', '该人员不存在。');
  const disputes = all<{ id: string; caseNo: string; role: PartyRole; intakeDate: string; status: DisputeStatus; category: string }>(
    ctx,
    `SELECT d.id, d.case_no AS caseNo, dp.role, d.intake_date AS intakeDate, d.status, coalesce(de.label, d.category) AS category
     FROM dispute_party dp JOIN dispute d ON d.id = dp.dispute_id
     LEFT JOIN dict_entry de ON de.kind = 'dispute_category' AND de.code = d.category
     WHERE dp.person_id = ? AND d.deleted_at IS NULL ORDER BY d.intake_date DESC`,
    id,
  );
  const records: PersonRecord[] = disputes.map((d) => ({
    module: 'dispute',
    id: d.id,
    title: `${d.caseNo}　${d.category}`,
    role: PARTY_ROLE_LABELS[d.role] ?? d.role,
    date: d.intakeDate,
    status: DISPUTE_STATUS_LABELS[d.status] ?? d.status,
  }));
  const cases = all<{ id: string; caseNo: string; role: PartyRole; acceptedDate: string; outcome: CaseOutcome | null }>(
    ctx,
    `SELECT m.id, m.case_no AS caseNo, mp.role, m.accepted_date AS acceptedDate, m.outcome
     FROM mediation_party mp JOIN mediation_case m ON m.id = mp.case_id
     WHERE mp.person_id = ? AND m.deleted_at IS NULL ORDER BY m.accepted_date DESC`,
    id,
  );
  for (const c of cases) {
    records.push({
      module: 'mediation',
      id: c.id,
      title: c.caseNo,
      role: PARTY_ROLE_LABELS[c.role] ?? c.role,
      date: c.acceptedDate,
      status: c.outcome ? CASE_OUTCOME_LABELS[c.outcome] : '调解中',
    });
  }
  return { person, records, warnings: idNumberMismatches(person, ctx.clock.today()) };
}

export function listPersons(ctx: ServiceContext, input: z.output<typeof PersonListInput>): Paged<PersonHit & { deletedAt: string | null }> {
  const { page, pageSize } = input;
  const deleted = input.deleted ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL';
  if (input.q) {
    const hits = searchPersons(ctx, input.q, 100, input.deleted);
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
    return { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
  }
  const village = input.villageId ? 'AND p.village_id = ?' : '';
  const params = input.villageId ? [input.villageId] : [];
  const total = one<{ n: number }>(ctx, `SELECT count(*) AS n FROM person p WHERE ${deleted} ${village}`, ...params)!.n;
  const rows = all<PersonHit & { deletedAt: string | null }>(
    ctx,
    `SELECT p.id, p.name, p.sex, p.id_number AS idNumber, p.phone, p.birth_date AS birthDate, v.name AS villageName,
       p.residence_address AS residenceAddress, p.deleted_at AS deletedAt
     FROM person p LEFT JOIN village v ON v.id = p.village_id
     WHERE ${deleted} ${village} ORDER BY ${input.deleted ? 'p.deleted_at DESC' : 'p.name_pinyin, p.id'} LIMIT ? OFFSET ?`,
    ...params,
    pageSize,
    (page - 1) * pageSize,
  );
  return { rows, total, page, pageSize };
}
