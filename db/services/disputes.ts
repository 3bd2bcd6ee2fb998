/** 矛盾纠纷排查登记: the dispute intake register, its status workflow and its list. */
import type { z } from 'zod';
import { isValidDate, yearOf } from '../../shared/dates';
import {
  canTransition,
  defaultDisputeDeadline,
  DISPUTE_STATUS_LABELS,
  OPEN_STATUSES,
  disputeDueItems,
  type DisputeDeadlineFacts,
  type DisputeStatus,
  type HandlingLevel,
} from '../../shared/domain/disputes';
import { PARTY_ROLE_LABELS, type PartyRole, type RiskLevel, type Satisfaction } from '../../shared/dictionaries';
import { LedgerError } from '../../shared/errors';
import type { Paged } from '../../shared/schemas/common';
import {
  type Dispute,
  type DisputeInput,
  DisputeListInput,
  type DisputeParty,
  type DisputeRow,
  type DisputeStatusChange,
  type DisputeStatusInput,
  type DisputeUpdateInput,
} from '../../shared/schemas/disputes';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { dueSoonCondition, dueSoonParams, holidayTable, loadItemActions, replaceObligations, type DueSource } from './obligations';
import { keepCaseNumber, nextFree, takeCaseNumber } from './case-numbers';
import { applyStatChange, statFacts } from './disputes-stats';
import type { PersonFiles, PersonRenamed } from './persons';
import type { RecycleSource } from './recycle';
import { getSettings, listDicts, requireDictCode, requirePlace, staffNamer, staffWork, type StaffNamer, type StaffWork } from './reference';
import { all, one, run, toFen, toYuan, Where, write } from './sql';
import { indexDispute, SEARCH_CONDITION, searchMatch } from './disputes-search';

type Fields = z.output<typeof DisputeInput>;

// ── case numbers ──────────────────────────────────────────────────────────────────────────────

export function previewCaseNumber(ctx: ServiceContext, intakeDate: string): { caseNo: string } {
  if (!isValidDate(intakeDate)) throw new LedgerError('VALIDATION', '登记日期不正确', { fields: { intakeDate: '登记日期不正确' } });
  return { caseNo: nextFree(ctx, 'dispute', yearOf(intakeDate)).caseNo };
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────

interface DisputeDbRow {
  id: string;
  caseNo: string;
  intakeDate: string;
  source: string;
  category: string;
  villageId: string | null;
  villageName: string | null;
  gridId: string | null;
  gridName: string | null;
  summary: string;
  peopleCount: number | null;
  amountFen: number | null;
  riskLevel: RiskLevel | null;
  responsibleStaffId: string | null;
  staffName: string | null;
  deadline: string | null;
  status: DisputeStatus;
  transferUnit: string | null;
  handlingLevel: HandlingLevel | null;
  ticketNo: string | null;
  ticketUnit: string | null;
  ticketDeadline: string | null;
  feedbackDate: string | null;
  satisfaction: Satisfaction | null;
  preventedCriminalPersons: number | null;
  preventedMassPersons: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** The work-order, 调处主体 and prevention columns, written as the form gives them (create and update alike). */
const MORE_COLUMNS = [
  ['handling_level', 'handlingLevel'],
  ['ticket_no', 'ticketNo'],
  ['ticket_unit', 'ticketUnit'],
  ['ticket_deadline', 'ticketDeadline'],
  ['feedback_date', 'feedbackDate'],
  ['satisfaction', 'satisfaction'],
  ['prevented_criminal_persons', 'preventedCriminalPersons'],
  ['prevented_mass_persons', 'preventedMassPersons'],
] as const;
const moreValues = (f: Fields) => MORE_COLUMNS.map(([, key]) => f[key]);

function loadDispute(ctx: ServiceContext, id: string): Dispute | undefined {
  const d = one<DisputeDbRow>(
    ctx,
    `SELECT d.id, d.case_no AS caseNo, d.intake_date AS intakeDate, d.source, d.category, d.village_id AS villageId,
       v.name AS villageName, d.grid_id AS gridId, g.name AS gridName, d.summary, d.people_count AS peopleCount,
       d.amount_fen AS amountFen, d.risk_level AS riskLevel, d.responsible_staff_id AS responsibleStaffId,
       s.name AS staffName, d.deadline, d.status, d.transfer_unit AS transferUnit,
       ${MORE_COLUMNS.map(([column, key]) => `d.${column} AS ${key}`).join(', ')}, d.created_at AS createdAt,
       d.updated_at AS updatedAt, d.deleted_at AS deletedAt
     FROM dispute d LEFT JOIN village v ON v.id = d.village_id LEFT JOIN grid g ON g.id = d.grid_id
       LEFT JOIN staff s ON s.id = d.responsible_staff_id
     WHERE d.id = ?`,
    id,
  );
  if (!d) return undefined;
  const parties = all<DisputeParty>(
    ctx,
    `SELECT dp.person_id AS personId, dp.role, p.name, p.id_number AS idNumber, p.phone
     FROM dispute_party dp JOIN person p ON p.id = dp.person_id WHERE dp.dispute_id = ? ORDER BY dp.ord`,
    id,
  );
  const history = all<DisputeStatusChange>(
    ctx,
    `SELECT id, from_status AS "from", to_status AS "to", date, note, transfer_unit AS transferUnit, actor_name AS actorName, at
     FROM dispute_status_change WHERE dispute_id = ? ORDER BY id`,
    id,
  );
  const { amountFen, ...rest } = d;
  const item = disputeDueItems({ ...d, history }, ctx.clock.today(), holidayTable(ctx), loadItemActions(ctx, 'dispute', id))[0] ?? null;
  return {
    ...rest,
    amountYuan: amountFen === null ? null : amountFen / 100,
    deadlineItem: item,
    overdue: item?.state === 'overdue',
    parties,
    history,
  };
}

export function getDispute(ctx: ServiceContext, id: string): Dispute {
  const d = loadDispute(ctx, id);
  if (!d) throw new LedgerError('NOT_FOUND', '该纠纷登记不存在。');
  return d;
}

function requireLiveDispute(ctx: ServiceContext, id: string): Dispute {
  const d = loadDispute(ctx, id);
  if (!d || d.deletedAt) throw new LedgerError('NOT_FOUND', '该纠纷登记不存在或已删除。');
  return d;
}

/** The audit snapshot: the record without its derived parts. */
function snapshot(d: Dispute): Omit<Dispute, 'history' | 'overdue' | 'deadlineItem'> {
  const { history: _h, overdue: _o, deadlineItem: _i, ...rest } = d;
  return rest;
}

// ── the handling deadline in the to-do table ──────────────────────────────────────────────────

/** What the dispute's items are computed from (a loaded dispute has it all). */
export interface DisputeForSync extends DisputeDeadlineFacts {
  deletedAt: string | null;
  partiesText: string;
  responsibleStaffId: string | null;
  villageId: string | null;
}

export function syncDisputeFrom(ctx: ServiceContext, d: DisputeForSync): boolean {
  if (d.deletedAt) return replaceObligations(ctx, 'dispute', d.id, null, null);
  const items = disputeDueItems(d, ctx.clock.today(), holidayTable(ctx), loadItemActions(ctx, 'dispute', d.id));
  return replaceObligations(ctx, 'dispute', d.id, items, {
    personName: d.partiesText,
    responsibleStaffId: d.responsibleStaffId,
    villageId: d.villageId,
    link: `/disputes/${d.id}`,
  });
}

function loadForSync(ctx: ServiceContext, id: string): DisputeForSync | null {
  const d = one<Omit<DisputeForSync, 'id' | 'history'>>(
    ctx,
    `SELECT intake_date AS intakeDate, deadline, status, deleted_at AS deletedAt, parties_text AS partiesText,
       responsible_staff_id AS responsibleStaffId, village_id AS villageId FROM dispute WHERE id = ?`,
    id,
  );
  if (!d) return null;
  const history = all<{ to: DisputeStatus; date: string }>(
    ctx,
    'SELECT to_status AS "to", date FROM dispute_status_change WHERE dispute_id = ? ORDER BY id',
    id,
  );
  return { ...d, id, history };
}

export function syncDispute(ctx: ServiceContext, id: string): boolean {
  const d = loadForSync(ctx, id);
  return d ? syncDisputeFrom(ctx, d) : replaceObligations(ctx, 'dispute', id, null, null);
}

/** The handling deadline of open disputes, for the to-do dashboard (registered in db/modules.ts). */
export const disputeDueSource: DueSource<'dispute'> = {
  module: 'dispute',
  liveIds: "SELECT id FROM dispute WHERE deleted_at IS NULL AND deadline IS NOT NULL AND status IN ('registered', 'accepted', 'mediating')",
  sync: syncDispute,
  items(ctx, id, asOf) {
    const d = loadForSync(ctx, id);
    return d ? disputeDueItems(d, asOf, holidayTable(ctx), loadItemActions(ctx, 'dispute', id)) : [];
  },
  requireEditable(ctx, id) {
    requireLiveDispute(ctx, id);
  },
};

// ── writing ───────────────────────────────────────────────────────────────────────────────────

function checkReferences(ctx: ServiceContext, f: Fields): void {
  requireDictCode(ctx, 'dispute_source', f.source, 'source', '纠纷来源');
  requireDictCode(ctx, 'dispute_category', f.category, 'category', '纠纷类型');
  requirePlace(ctx, f.villageId, f.gridId);
  if (f.responsibleStaffId && !one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL', f.responsibleStaffId)) {
    throw new LedgerError('VALIDATION', '所选承办人不存在', { fields: { responsibleStaffId: '所选承办人不存在' } });
  }
}

/** The parties' names in order, for the list; each must be a live person in the registry. */
function partiesText(ctx: ServiceContext, parties: Fields['parties']): string {
  return parties
    .map((p) => {
      const person = one<{ name: string }>(ctx, 'SELECT name FROM person WHERE id = ? AND deleted_at IS NULL', p.personId);
      if (!person) throw new LedgerError('NOT_FOUND', '该人员不存在或已删除。');
      return person.name;
    })
    .join('、');
}

function insertParties(ctx: ServiceContext, disputeId: string, parties: Fields['parties']): void {
  for (const [i, p] of parties.entries()) {
    run(
      ctx,
      'INSERT INTO dispute_party (id, dispute_id, person_id, role, ord) VALUES (?, ?, ?, ?, ?)',
      newId(),
      disputeId,
      p.personId,
      p.role,
      i,
    );
  }
}

/** Replaces the parties of an existing dispute; returns their names for the list. */
function writeParties(ctx: ServiceContext, disputeId: string, parties: Fields['parties']): string {
  const names = partiesText(ctx, parties);
  run(ctx, 'DELETE FROM dispute_party WHERE dispute_id = ?', disputeId);
  insertParties(ctx, disputeId, parties);
  return names;
}

export function createDispute(ctx: ServiceContext, f: Fields): Dispute {
  return insertDispute(ctx, f, null);
}

/**
 * A registration of an old ledger, entered as history (导入旧台账): its own 案号 kept when the file gives
 * one, and its steps (受理, 调处, the outcome, 办结) with the dates the file gives, so a dispute closed
 * years ago is closed on its day and owes nothing now. Each step must be one the workflow allows.
 */
export interface DisputeHistory {
  caseNo: string | null;
  steps: readonly { to: DisputeStatus; date: string }[];
  transferUnit?: string | null;
  note: string;
}

export function importDispute(ctx: ServiceContext, f: Fields, history: DisputeHistory): Dispute {
  return insertDispute(ctx, f, history);
}

function insertDispute(ctx: ServiceContext, f: Fields, history: DisputeHistory | null): Dispute {
  return write(ctx, () => {
    checkReferences(ctx, f);
    const settings = getSettings(ctx);
    const id = newId();
    const now = ctx.clock.now();
    const { year, seq, caseNo } = history?.caseNo
      ? keepCaseNumber(ctx, 'dispute', history.caseNo, f.intakeDate, '案号')
      : takeCaseNumber(ctx, 'dispute', f.intakeDate);
    const deadline = f.deadline ?? defaultDisputeDeadline(f.intakeDate, f.category, settings);
    run(
      ctx,
      `INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, village_id, grid_id, summary,
         people_count, amount_fen, risk_level, responsible_staff_id, deadline, status, transfer_unit, parties_text,
         created_at, updated_at, ${MORE_COLUMNS.map(([column]) => column).join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', NULL, ?, ?, ?, ${MORE_COLUMNS.map(() => '?').join(', ')})`,
      id,
      caseNo,
      year,
      seq,
      f.intakeDate,
      f.source,
      f.category,
      f.villageId,
      f.gridId,
      f.summary,
      f.peopleCount,
      toFen(f.amountYuan),
      f.riskLevel,
      f.responsibleStaffId,
      deadline,
      partiesText(ctx, f.parties),
      now,
      now,
      ...moreValues(f),
    );
    insertParties(ctx, id, f.parties);
    indexDispute(ctx, id);
    run(
      ctx,
      `INSERT INTO dispute_status_change (id, dispute_id, from_status, to_status, date, note, transfer_unit, actor_id, actor_name, at)
       VALUES (?, ?, NULL, 'registered', ?, NULL, NULL, ?, ?, ?)`,
      newId(),
      id,
      f.intakeDate,
      ctx.user.id,
      ctx.user.name,
      now,
    );
    if (history) writeHistory(ctx, id, f.intakeDate, history, now);
    const created = loadDispute(ctx, id)!;
    syncDisputeFrom(ctx, { ...created, partiesText: created.parties.map((p) => p.name).join('、') });
    applyStatChange(ctx, null, statFacts(ctx, id));
    audit(ctx, { action: 'create', entity: 'dispute', entityId: id, after: snapshot(created) });
    return created;
  });
}

/** An imported registration's later steps, each a change the workflow allows, on or after the one before. */
function writeHistory(ctx: ServiceContext, id: string, intakeDate: string, history: DisputeHistory, now: string): void {
  let from: DisputeStatus = 'registered';
  let last = intakeDate;
  for (const step of history.steps) {
    if (!canTransition(from, step.to)) {
      const msg = `“${DISPUTE_STATUS_LABELS[from]}”之后不能是“${DISPUTE_STATUS_LABELS[step.to]}”`;
      throw new LedgerError('INVALID_TRANSITION', msg, { fields: { status: msg } });
    }
    if (step.date < last) {
      const msg = `${DISPUTE_STATUS_LABELS[step.to]}日期（${step.date}）早于上一步（${last}）`;
      throw new LedgerError('VALIDATION', msg, { fields: { status: msg } });
    }
    const unit = step.to === 'transferred' ? (history.transferUnit ?? null) : null;
    run(
      ctx,
      `INSERT INTO dispute_status_change (id, dispute_id, from_status, to_status, date, note, transfer_unit, actor_id, actor_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newId(),
      id,
      from,
      step.to,
      step.date,
      history.note,
      unit,
      ctx.user.id,
      ctx.user.name,
      now,
    );
    if (step.to === 'accepted') run(ctx, 'UPDATE dispute SET accepted_date = coalesce(accepted_date, ?) WHERE id = ?', step.date, id);
    if (step.to === 'mediating') run(ctx, 'UPDATE dispute SET mediating_date = coalesce(mediating_date, ?) WHERE id = ?', step.date, id);
    if (step.to === 'resolved' || step.to === 'unresolved') {
      run(ctx, 'UPDATE dispute SET outcome = ?, outcome_date = ? WHERE id = ?', step.to, step.date, id);
    }
    from = step.to;
    last = step.date;
  }
  run(
    ctx,
    'UPDATE dispute SET status = ?, transfer_unit = coalesce(?, transfer_unit) WHERE id = ?',
    from,
    history.transferUnit ?? null,
    id,
  );
}

export function updateDispute(ctx: ServiceContext, input: z.output<typeof DisputeUpdateInput>): Dispute {
  return write(ctx, () => {
    const { id, ...f } = input;
    const before = requireLiveDispute(ctx, id);
    const counted = statFacts(ctx, id);
    checkReferences(ctx, f);
    if (yearOf(f.intakeDate) !== yearOf(before.intakeDate)) {
      throw new LedgerError('VALIDATION', '登记日期不能改到另一年份（案号按年编排）', { fields: { intakeDate: '不能改到另一年份' } });
    }
    run(
      ctx,
      `UPDATE dispute SET intake_date = ?, source = ?, category = ?, village_id = ?, grid_id = ?, summary = ?, people_count = ?,
         amount_fen = ?, risk_level = ?, responsible_staff_id = ?, deadline = ?, parties_text = ?, updated_at = ?,
         ${MORE_COLUMNS.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`,
      f.intakeDate,
      f.source,
      f.category,
      f.villageId,
      f.gridId,
      f.summary,
      f.peopleCount,
      toFen(f.amountYuan),
      f.riskLevel,
      f.responsibleStaffId,
      f.deadline ?? before.deadline,
      writeParties(ctx, id, f.parties),
      ctx.clock.now(),
      ...moreValues(f),
      id,
    );
    indexDispute(ctx, id);
    const after = loadDispute(ctx, id)!;
    syncDispute(ctx, id);
    applyStatChange(ctx, counted, statFacts(ctx, id));
    audit(ctx, { action: 'update', entity: 'dispute', entityId: id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

export function changeDisputeStatus(ctx: ServiceContext, input: z.output<typeof DisputeStatusInput>): Dispute {
  return write(ctx, () => {
    const before = requireLiveDispute(ctx, input.id);
    const counted = statFacts(ctx, input.id);
    if (!canTransition(before.status, input.to)) {
      const msg = `“${DISPUTE_STATUS_LABELS[before.status]}”状态不能改为“${DISPUTE_STATUS_LABELS[input.to]}”`;
      throw new LedgerError('INVALID_TRANSITION', msg, { fields: { to: msg } });
    }
    const lastDate = before.history.at(-1)?.date ?? before.intakeDate;
    if (input.date < lastDate) {
      throw new LedgerError('VALIDATION', `日期不能早于上一步（${lastDate}）`, { fields: { date: `不能早于 ${lastDate}` } });
    }
    const now = ctx.clock.now();
    const transferUnit = input.to === 'transferred' ? input.transferUnit : before.transferUnit;
    run(ctx, 'UPDATE dispute SET status = ?, transfer_unit = ?, updated_at = ? WHERE id = ?', input.to, transferUnit, now, input.id);
    // The steps the statistics count: the first 受理 and 调处, the latest outcome (kept after 办结).
    if (input.to === 'accepted')
      run(ctx, 'UPDATE dispute SET accepted_date = coalesce(accepted_date, ?) WHERE id = ?', input.date, input.id);
    if (input.to === 'mediating')
      run(ctx, 'UPDATE dispute SET mediating_date = coalesce(mediating_date, ?) WHERE id = ?', input.date, input.id);
    if (input.to === 'resolved' || input.to === 'unresolved') {
      run(ctx, 'UPDATE dispute SET outcome = ?, outcome_date = ? WHERE id = ?', input.to, input.date, input.id);
    }
    run(
      ctx,
      `INSERT INTO dispute_status_change (id, dispute_id, from_status, to_status, date, note, transfer_unit, actor_id, actor_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newId(),
      input.id,
      before.status,
      input.to,
      input.date,
      input.note,
      input.to === 'transferred' ? input.transferUnit : null,
      ctx.user.id,
      ctx.user.name,
      now,
    );
    const after = loadDispute(ctx, input.id)!;
    syncDispute(ctx, input.id);
    applyStatChange(ctx, counted, statFacts(ctx, input.id));
    audit(ctx, {
      action: 'status',
      entity: 'dispute',
      entityId: input.id,
      before: { status: before.status },
      after: { status: input.to, date: input.date, note: input.note, transferUnit: input.transferUnit },
    });
    return after;
  });
}

export function deleteDispute(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = requireLiveDispute(ctx, id);
    const counted = statFacts(ctx, id);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE dispute SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    syncDispute(ctx, id);
    applyStatChange(ctx, counted, null);
    audit(ctx, { action: 'delete', entity: 'dispute', entityId: id, before: snapshot(before) });
    return { ok: true as const };
  });
}

export function restoreDispute(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = loadDispute(ctx, id);
    if (!before?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有这条纠纷登记。');
    run(ctx, 'UPDATE dispute SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.clock.now(), id);
    syncDispute(ctx, id);
    applyStatChange(ctx, null, statFacts(ctx, id));
    audit(ctx, { action: 'restore', entity: 'dispute', entityId: id, after: snapshot(loadDispute(ctx, id)!) });
    return { ok: true as const };
  });
}

// ── what the person registry asks of disputes ───────────────────────────────────────────────────

/** Keeps the denormalised party names in step with a renamed person (registered in db/modules.ts). */
export const disputePartyRenamed: PersonRenamed = (ctx, personId) => {
  const disputes = all<{ dispute_id: string }>(ctx, 'SELECT DISTINCT dispute_id FROM dispute_party WHERE person_id = ?', personId);
  for (const d of disputes) {
    const names = all<{ name: string }>(
      ctx,
      'SELECT p.name FROM dispute_party dp JOIN person p ON p.id = dp.person_id WHERE dp.dispute_id = ? ORDER BY dp.ord',
      d.dispute_id,
    );
    run(ctx, 'UPDATE dispute SET parties_text = ? WHERE id = ?', names.map((n) => n.name).join('、'), d.dispute_id);
    indexDispute(ctx, d.dispute_id);
  }
};

/** The open disputes a colleague is 承办人 of, for handing over when they leave (registered in db/modules.ts). */
export const disputesStaffWork: StaffWork = staffWork({
  label: '未办结的纠纷',
  unit: '件',
  open: (ctx, staffId) =>
    all<{ id: string }>(
      ctx,
      `SELECT id FROM dispute WHERE responsible_staff_id = ? AND deleted_at IS NULL AND status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) ORDER BY intake_date`,
      staffId,
      ...OPEN_STATUSES,
    ).map((r) => r.id),
  move(ctx, id, toStaffId) {
    const before = loadDispute(ctx, id)!;
    run(ctx, 'UPDATE dispute SET responsible_staff_id = ?, updated_at = ? WHERE id = ?', toStaffId, ctx.clock.now(), id);
    syncDispute(ctx, id);
    audit(ctx, { action: 'update', entity: 'dispute', entityId: id, before: snapshot(before), after: snapshot(loadDispute(ctx, id)!) });
  },
});

/** The person page's list of a person's disputes, as a party (registered in db/modules.ts). */
export const disputePersonFiles: PersonFiles = (ctx, personId) =>
  all<{ id: string; caseNo: string; role: PartyRole; intakeDate: string; status: DisputeStatus; category: string }>(
    ctx,
    `SELECT d.id, d.case_no AS caseNo, dp.role, d.intake_date AS intakeDate, d.status, coalesce(de.label, d.category) AS category
     FROM dispute_party dp JOIN dispute d ON d.id = dp.dispute_id
     LEFT JOIN dict_entry de ON de.kind = 'dispute_category' AND de.code = d.category
     WHERE dp.person_id = ? AND d.deleted_at IS NULL ORDER BY d.intake_date DESC`,
    personId,
  ).map((d) => ({
    module: 'disputes',
    id: d.id,
    title: `${d.caseNo}　${d.category}`,
    role: PARTY_ROLE_LABELS[d.role] ?? d.role,
    date: d.intakeDate,
    status: DISPUTE_STATUS_LABELS[d.status] ?? d.status,
  }));

// ── the list ──────────────────────────────────────────────────────────────────────────────────

const SORT_SQL: Record<z.output<typeof DisputeListInput>['sort'], string> = {
  intakeDate: 'd.intake_date',
  caseNo: 'd.case_year #, d.case_seq #',
  deadline: 'd.deadline',
  status: 'd.status',
  category: 'd.category',
  updatedAt: 'd.updated_at',
};

/** The list's filter and order, without paging (the ledger export takes every matching row). */
export type DisputeFilter = Omit<z.output<typeof DisputeListInput>, 'page' | 'pageSize'>;

/** WHERE clause and parameters for a filter; shared by the page query, its count and the export. */
export function disputeWhere(f: DisputeFilter, today: string): Where {
  const statuses = Object.fromEntries((f.status ?? []).map((s, i) => [`status${i}`, s]));
  return (
    new Where(f.deleted ? 'd.deleted_at IS NOT NULL' : 'd.deleted_at IS NULL', { today })
      .when(
        f.status?.length,
        `d.status IN (${Object.keys(statuses)
          .map((k) => `@${k}`)
          .join(', ')})`,
        statuses,
      )
      .when(f.category, 'd.category = @category', 'category')
      .when(f.source, 'd.source = @source', 'source')
      .when(f.villageId, 'd.village_id = @villageId', 'villageId')
      .when(f.staffId, 'd.responsible_staff_id = @staffId', 'staffId')
      .when(f.dateFrom, 'd.intake_date >= @dateFrom', 'dateFrom')
      .when(f.dateTo, 'd.intake_date <= @dateTo', 'dateTo')
      // 超期 is the engine's judgement, kept in the to-do table: an open deadline item due before today.
      // A dispute's only item is its deadline, so its overdue items are read from the kind index alone.
      .when(
        f.overdue,
        `d.id IN (SELECT owner_id FROM obligation INDEXED BY obligation_kind_due WHERE kind = 'deadline' AND due_date < @today AND module = 'dispute')`,
      )
      .when(f.due7, dueSoonCondition('dispute', 'd.id'), dueSoonParams(today))
      .when(f.q && searchMatch(f.q), SEARCH_CONDITION, 'match')
  );
}

/**
 * The two statements behind one list page: the total and the page itself. The page is found first,
 * as rowids in the order of an index (the sort and the OFFSET touch nothing else), and only its rows
 * are then read, joined and looked up: the parties' phones (dispute_party_dispute) and, for a
 * dispute that is 办结, the day it was (dispute_status_change_dispute). So a page costs the same on
 * any size of ledger, and a text search sorts its matches' rowids rather than whole rows. The outer
 * ORDER BY keeps the page's order explicitly; it sorts the page's rows only. The list shows the
 * first 60 characters of the summary; the ledger export asks for all of it.
 */
export function disputeListSql(
  f: DisputeFilter,
  today: string,
  { forExport = false } = {},
): { count: string; page: string; params: Record<string, unknown> } {
  const { sql: where, params } = disputeWhere(f, today);
  const dir = f.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${f.sort === 'caseNo' ? SORT_SQL.caseNo.replaceAll('#', dir) : `${SORT_SQL[f.sort]} ${dir}`}, d.rowid ${dir}`;
  return {
    count: `SELECT count(*) AS n FROM dispute d WHERE ${where}`,
    page: `SELECT d.id, d.case_no AS caseNo, d.intake_date AS intakeDate, d.source, d.category, v.name AS villageName, g.name AS gridName,
       d.status, d.risk_level AS riskLevel, d.deadline, d.responsible_staff_id AS staffId, s.name AS staffName, d.parties_text AS parties,
       ${forExport ? 'd.summary' : 'substr(d.summary, 1, 60)'} AS summary, d.people_count AS peopleCount, d.amount_fen AS amountFen,
       d.outcome, d.deleted_at AS deletedAt,
       (SELECT group_concat(p.phone, '、' ORDER BY dp.ord) FROM dispute_party dp JOIN person p ON p.id = dp.person_id
         WHERE dp.dispute_id = d.id AND p.phone IS NOT NULL) AS phones,
       (SELECT group_concat(p.name, '、' ORDER BY dp.ord) FROM dispute_party dp JOIN person p ON p.id = dp.person_id
         WHERE dp.dispute_id = d.id AND dp.role = 'applicant') AS applicants,
       (SELECT group_concat(p.name, '、' ORDER BY dp.ord) FROM dispute_party dp JOIN person p ON p.id = dp.person_id
         WHERE dp.dispute_id = d.id AND dp.role = 'respondent') AS respondents,
       CASE WHEN d.status = 'closed' THEN (SELECT max(c.date) FROM dispute_status_change c
         WHERE c.dispute_id = d.id AND c.to_status = 'closed') END AS closedDate,
       EXISTS (SELECT 1 FROM obligation o INDEXED BY sqlite_autoindex_obligation_1 WHERE o.module = 'dispute' AND o.owner_id = d.id AND o.due_date < @today) AS overdue
     FROM (SELECT d.rowid AS r FROM dispute d WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset) pg
       JOIN dispute d ON d.rowid = pg.r
       LEFT JOIN village v ON v.id = d.village_id LEFT JOIN grid g ON g.id = d.grid_id
       LEFT JOIN staff s ON s.id = d.responsible_staff_id
     ORDER BY ${order}`,
    params,
  };
}

/** One row of the list as the statement reads it. */
export type DisputeListDbRow = Omit<DisputeRow, 'overdue' | 'amountYuan'> & {
  overdue: 0 | 1;
  amountFen: number | null;
  staffId: string | null;
};

/** A row as the list and the export show it: the 承办人 named as everywhere (two of one name told apart). */
export function disputeRow({ overdue, amountFen, staffId, ...r }: DisputeListDbRow, name: StaffNamer): DisputeRow {
  return { ...r, staffName: name(staffId, r.staffName), overdue: overdue === 1, amountYuan: toYuan(amountFen) };
}

export function listDisputes(ctx: ServiceContext, f: z.output<typeof DisputeListInput>): Paged<DisputeRow> {
  const today = ctx.clock.today();
  const q = disputeListSql(f, today);
  const total = one<{ n: number }>(ctx, q.count, q.params)!.n;
  const rows = all<DisputeListDbRow>(ctx, q.page, { ...q.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const name = staffNamer(ctx);
  return { rows: rows.map((r) => disputeRow(r, name)), total, page: f.page, pageSize: f.pageSize };
}

/** The recycle bin's section of deleted registrations (registered in db/modules.ts). */
export const disputesRecycle: RecycleSource = {
  deleted(ctx, limit) {
    const category = new Map(
      listDicts(ctx)
        .filter((d) => d.kind === 'dispute_category')
        .map((d) => [d.code, d.label]),
    );
    const page = listDisputes(ctx, DisputeListInput.parse({ deleted: true, pageSize: limit }));
    return {
      rows: page.rows.map((d) => ({
        id: d.id,
        name: d.caseNo,
        cells: [d.caseNo, category.get(d.category) ?? d.category, d.parties],
        deletedAt: d.deletedAt!,
      })),
      total: page.total,
    };
  },
  restore: (ctx, id) => void restoreDispute(ctx, id),
};
