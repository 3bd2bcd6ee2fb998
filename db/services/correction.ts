/**
 * 社区矫正: the 司法所工作档案 of one subject (REVIEW §5.1) — the case as the documents give it, the reception
 * (报到, 入矫宣告), the 管理等级 over time, and what is recorded by date (REVIEW §5.2). What falls due is
 * computed by the engine from shared/domain/correction-rules.ts and written to the to-do table in the same
 * transaction as every write. A minor's file is closed (社区矫正法 art. 54): only its responsible staff
 * member (the operator) and the administrator see it in the list, on the person page and on its own page.
 */
import type { z } from 'zod';
import {
  correctionDueItems,
  EVENT_KIND_LABELS,
  fileHours,
  HOURS_KINDS,
  levelTable,
  reportingDeadline,
  reportingState,
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_STATUS_LABELS,
  DEFAULT_LEVEL_TABLE,
  DEFAULT_TERM_REMIND_DAYS,
  LEVEL_TABLE_SOURCE,
  TERM_REMIND_SOURCE,
  termRemindDays,
  type CorrectionCategory,
  type CorrectionEventKind,
  type CorrectionEventRecord,
  type CorrectionFile,
  type CorrectionLevel,
  type CorrectionSettings,
  type CorrectionStatus,
  type LevelDuty,
  type OutsideGround,
} from '../../shared/domain/correction-rules';
import { intervalText, openItems, type DueItem } from '../../shared/domain/obligations';
import { LedgerError } from '../../shared/errors';
import type { Paged } from '../../shared/schemas/common';
import {
  CorrectionListInput,
  type CorrectionCreateInput,
  type CorrectionEvent,
  type CorrectionEventInput,
  type CorrectionFileView,
  type CorrectionRow,
  type CorrectionSchedule,
  type CorrectionSettingsInput,
  type CorrectionUpdateInput,
  type LevelDutyView,
  type LevelInput,
  type PriorRecord,
  type ReceptionInput,
} from '../../shared/schemas/correction';
import { isAdmin, type ServiceContext } from '../context';
import { newId } from '../ids';
import type { AttachmentOwnerLookup } from './attachments';
import { audit } from './audit';
import { supervisionDueParts } from './correction-supervision-due';
import {
  addLevel,
  dueSoonCondition,
  dueSoonParams,
  holidayTable,
  horizon,
  levelToday,
  loadItemActions,
  loadLevels,
  markObligationsStale,
  moveStartLevel,
  syncRecordItems,
  type DueSource,
} from './obligations';
import { personCard, requirePerson, type PersonFiles } from './persons';
import { binRecord, listedRecycle, type RecycleSource } from './recycle';
import { getSetting, putSetting, responsibleWork, staffNamer, type StaffWork } from './reference';
import { all, containsPattern, one, run, Where, write } from './sql';

const SETTINGS_KEY = 'correction_settings';

export function correctionSettings(ctx: ServiceContext): CorrectionSettings {
  return getSetting<CorrectionSettings>(ctx, SETTINGS_KEY) ?? {};
}

interface FileDbRow {
  id: string;
  person_id: string;
  category: CorrectionCategory;
  ground: OutsideGround | null;
  crime: string;
  penalty_type: string;
  penalty_term: string | null;
  additional_penalty: string | null;
  prohibition: string | null;
  prohibition_start: string | null;
  prohibition_end: string | null;
  decision_organ: string;
  document_type: CorrectionFileView['documentType'];
  document_number: string;
  effective_date: string;
  notice_date: string | null;
  received_date: string | null;
  term_start: string;
  term_end: string;
  village_id: string | null;
  prior_record: PriorRecord;
  former_name: string | null;
  education: string | null;
  marital: string | null;
  employment: string | null;
  phone: string | null;
  minor: number;
  responsible_staff_id: string;
  level: CorrectionLevel;
  level_since: string;
  report_date: string | null;
  report_note: string | null;
  declaration_date: string | null;
  declaration_host: string | null;
  declaration_attendees: string | null;
  status: CorrectionStatus;
  notes: string | null;
  next_due_date: string | null;
  created_at: string;
  deleted_at: string | null;
}

const fileRow = (ctx: ServiceContext, id: string) => one<FileDbRow>(ctx, 'SELECT * FROM correction_file WHERE id = ?', id);

function loadEvents(ctx: ServiceContext, fileId: string): CorrectionEvent[] {
  return all<CorrectionEvent>(
    ctx,
    `SELECT id, kind, date, method, hours, content, staff FROM correction_event
     WHERE file_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC`,
    fileId,
  );
}

function engineFile(ctx: ServiceContext, r: FileDbRow): CorrectionFile {
  return {
    id: r.id,
    category: r.category,
    ground: r.ground,
    effectiveDate: r.effective_date,
    receivedDate: r.received_date,
    reportDate: r.report_date,
    termStart: r.term_start,
    termEnd: r.term_end,
    levels: loadLevels<CorrectionLevel>(ctx, 'correction', r.id),
    appraisalDate:
      one<{ d: string }>(ctx, 'SELECT appraisal_date AS d FROM correction_appraisal WHERE file_id = ? AND deleted_at IS NULL', r.id)?.d ??
      null,
  };
}

function dueItems(ctx: ServiceContext, r: FileDbRow, events: readonly CorrectionEventRecord[], today: string): DueItem[] {
  return correctionDueItems({
    file: engineFile(ctx, r),
    events,
    settings: correctionSettings(ctx),
    actions: loadItemActions(ctx, 'correction', r.id),
    endDate: null,
    today,
    holidays: holidayTable(ctx),
    extra: supervisionDueParts(ctx, r.id),
  });
}

/**
 * A file's due items as they stood at the end of `asOf` (the statistics, read as at a period's end): only
 * what was dated by that day counts, and an end (解除/终止) dated by it ends the duties.
 */
export function correctionItemsAsOf(ctx: ServiceContext, id: string, asOf: string): DueItem[] {
  const r = fileRow(ctx, id);
  if (!r) return [];
  const by = (d: string | null | undefined) => (d && d <= asOf ? d : null);
  const file = engineFile(ctx, r);
  const end = one<{ date: string }>(ctx, 'SELECT date FROM correction_end WHERE file_id = ? AND deleted_at IS NULL', id)?.date;
  return correctionDueItems({
    file: { ...file, reportDate: by(file.reportDate), appraisalDate: by(file.appraisalDate) },
    events: loadEvents(ctx, id).filter((e) => e.date <= asOf),
    settings: correctionSettings(ctx),
    actions: loadItemActions(ctx, 'correction', r.id),
    endDate: by(end),
    today: asOf,
    holidays: holidayTable(ctx),
  });
}

/** The closed files of minors are shown only to their responsible staff member (社区矫正法 art. 54) and the administrator. */
const mayRead = (ctx: ServiceContext, r: Pick<FileDbRow, 'minor' | 'responsible_staff_id'>) =>
  r.minor === 0 || r.responsible_staff_id === ctx.user.id || isAdmin(ctx.user);

/** Writes one file's open items to the to-do table and its next due date; true when anything changed. */
export function syncCorrection(ctx: ServiceContext, id: string): boolean {
  const r = fileRow(ctx, id);
  const live = r && !r.deleted_at && r.status === 'active';
  return syncRecordItems(
    ctx,
    'correction',
    { table: 'correction_file', id, nextDueDate: r?.next_due_date ?? null },
    live
      ? {
          items: openItems(dueItems(ctx, r, loadEvents(ctx, id), horizon(ctx))),
          meta: {
            personName: one<{ name: string }>(ctx, 'SELECT name FROM person WHERE id = ?', r.person_id)!.name,
            // A minor's file is closed: its items are on its responsible staff member's dashboard only.
            closedTo: r.minor ? r.responsible_staff_id : null,
            responsibleStaffId: r.responsible_staff_id,
            villageId: r.village_id,
            link: `/correction/${id}`,
          },
        }
      : null,
  );
}

/** Reporting, reports, visits, health reports and re-examinations, monthly hours and term ends (registered in db/modules.ts). */
export const correctionDueSource: DueSource<'correction'> = {
  module: 'correction',
  liveIds: "SELECT id FROM correction_file WHERE deleted_at IS NULL AND status = 'active'",
  sync: syncCorrection,
  items(ctx, id, asOf) {
    const r = fileRow(ctx, id);
    return r ? dueItems(ctx, r, loadEvents(ctx, id), asOf) : [];
  },
  requireEditable(ctx, id) {
    requireLive(ctx, id);
  },
};

function dutyView(level: CorrectionLevel, d: LevelDuty, changed: boolean): LevelDutyView {
  return {
    level,
    name: d.name,
    report: d.report,
    visit: d.visit,
    reportText: intervalText(d.report),
    visitText: intervalText(d.visit),
    educationHours: d.educationHours,
    publicHours: d.publicHours,
    changed,
  };
}

function levelName(ctx: ServiceContext, level: CorrectionLevel): string {
  return levelTable(correctionSettings(ctx))[level].name;
}

function loadFile(ctx: ServiceContext, id: string): CorrectionFileView | undefined {
  const r = fileRow(ctx, id);
  if (!r) return undefined;
  const person = personCard(ctx, r.person_id);
  const events = loadEvents(ctx, id);
  const today = ctx.clock.today();
  const items = r.status === 'active' ? dueItems(ctx, r, events, today) : [];
  const open = openItems(items);
  const settings = correctionSettings(ctx);
  const table = levelTable(settings);
  const file = engineFile(ctx, r);
  const facts = { category: r.category, effectiveDate: r.effective_date, receivedDate: r.received_date, reportDate: r.report_date };
  const deadline = reportingDeadline(facts);
  return {
    id: r.id,
    person,
    category: r.category,
    ground: r.ground,
    crime: r.crime,
    penaltyType: r.penalty_type,
    penaltyTerm: r.penalty_term,
    additionalPenalty: r.additional_penalty,
    prohibition: r.prohibition,
    prohibitionStart: r.prohibition_start,
    prohibitionEnd: r.prohibition_end,
    decisionOrgan: r.decision_organ,
    documentType: r.document_type,
    documentNumber: r.document_number,
    effectiveDate: r.effective_date,
    noticeDate: r.notice_date,
    receivedDate: r.received_date,
    termStart: r.term_start,
    termEnd: r.term_end,
    villageId: r.village_id,
    villageName: r.village_id ? (one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', r.village_id)?.name ?? null) : null,
    priorRecord: r.prior_record,
    formerName: r.former_name,
    education: r.education,
    marital: r.marital,
    employment: r.employment,
    phone: r.phone,
    minor: r.minor === 1,
    responsibleStaffId: r.responsible_staff_id,
    responsibleName: staffNamer(ctx)(r.responsible_staff_id, null) ?? '',
    level: r.level,
    levelName: table[r.level].name,
    levelSince: r.level_since,
    levels: file.levels as CorrectionFileView['levels'],
    status: r.status,
    notes: r.notes,
    reception: {
      deadline: deadline?.date ?? null,
      deadlineFrom: deadline?.from ?? null,
      deadlineSource: deadline?.source ?? null,
      reportDate: r.report_date,
      reportNote: r.report_note,
      reportState: reportingState(facts)?.text ?? null,
      declarationDate: r.declaration_date,
      declarationHost: r.declaration_host,
      declarationAttendees: r.declaration_attendees,
    },
    events,
    hours: HOURS_KINDS.map((kind) => ({ kind, months: fileHours(file, events, table, kind).reverse() })),
    duty: dutyView(r.level, table[r.level], !!settings.levels?.[r.level]),
    // Open items first (by due date), then what was done, newest first.
    dueItems: [...open, ...items.filter((i) => !open.includes(i)).reverse()],
    itemActions: loadItemActions(ctx, 'correction', id),
    nextDueDate: open[0]?.dueDate ?? null,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

/** Refuses a minor's closed file to anyone but its responsible staff member. */
export function requireReadable(ctx: ServiceContext, f: CorrectionFileView): CorrectionFileView {
  if (!mayRead(ctx, { minor: f.minor ? 1 : 0, responsible_staff_id: f.responsibleStaffId }))
    throw new LedgerError('UNAUTHORIZED', '这是未成年社区矫正对象的档案，依法不公开，只有其责任人和管理员可以查看和修改。');
  return f;
}

export function getFile(ctx: ServiceContext, id: string): CorrectionFileView {
  const f = loadFile(ctx, id);
  if (!f) throw new LedgerError('NOT_FOUND', '该社区矫正档案不存在。');
  return requireReadable(ctx, f);
}

export function requireLive(ctx: ServiceContext, id: string): CorrectionFileView {
  const f = loadFile(ctx, id);
  if (!f || f.deletedAt) throw new LedgerError('NOT_FOUND', '该社区矫正档案不存在或已删除。');
  requireReadable(ctx, f);
  if (f.status !== 'active') throw new LedgerError('INVALID_TRANSITION', '该档案已解除或终止，不能再修改。');
  return f;
}

/** The file as its history shows it: its own fields, the person's name, the staff member's. */
function snapshot(f: CorrectionFileView) {
  const { events: _e, hours: _h, duty: _d, dueItems: _i, itemActions: _a, levels: _l, reception, person, levelName: _n, ...rest } = f;
  const { deadline: _dl, deadlineFrom: _df, deadlineSource: _ds, reportState: _rs, ...kept } = reception;
  return { ...rest, ...kept, name: person.name };
}

type Fields = z.output<typeof CorrectionCreateInput>;

function checkFields(ctx: ServiceContext, f: Fields): void {
  requirePerson(ctx, f.personId);
  if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL AND active = 1', f.responsibleStaffId)) {
    throw new LedgerError('VALIDATION', '责任人不存在或已停用', { fields: { responsibleStaffId: '责任人不存在或已停用' } });
  }
  if (f.villageId && !one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', f.villageId)) {
    throw new LedgerError('VALIDATION', '执行地（村、社区）不存在', { fields: { villageId: '执行地（村、社区）不存在' } });
  }
}

/** The columns a form writes, in one order for INSERT and UPDATE (names from this file, never from input). */
function formColumns(f: Fields): Record<string, string | number | null> {
  return {
    category: f.category,
    ground: f.category === 'outside' ? f.ground : null,
    crime: f.crime,
    penalty_type: f.penaltyType,
    penalty_term: f.penaltyTerm,
    additional_penalty: f.additionalPenalty,
    prohibition: f.prohibition,
    prohibition_start: f.prohibitionStart,
    prohibition_end: f.prohibitionEnd,
    decision_organ: f.decisionOrgan,
    document_type: f.documentType,
    document_number: f.documentNumber,
    effective_date: f.effectiveDate,
    notice_date: f.noticeDate,
    received_date: f.receivedDate,
    term_start: f.termStart,
    term_end: f.termEnd,
    village_id: f.villageId,
    prior_record: f.priorRecord,
    former_name: f.formerName,
    education: f.education,
    marital: f.marital,
    employment: f.employment,
    phone: f.phone,
    minor: f.minor ? 1 : 0,
    responsible_staff_id: f.responsibleStaffId,
    notes: f.notes,
  };
}

/** Today's level and the day it took effect, from the history (the cadences count from that day). */
function refreshLevel(ctx: ServiceContext, id: string): void {
  const at = levelToday<CorrectionLevel>(ctx, 'correction', id);
  if (at) run(ctx, 'UPDATE correction_file SET level = ?, level_since = ? WHERE id = ?', at.level, at.since, id);
}

/** What a later module does when a correction file is opened (安置帮教 records a 重新犯罪), in the same transaction. */
export type CorrectionOpened = (ctx: ServiceContext, file: { id: string; personId: string; effectiveDate: string; crime: string }) => void;

export function createFile(ctx: ServiceContext, input: Fields, opened: readonly CorrectionOpened[] = []): CorrectionFileView {
  return write(ctx, () => {
    checkFields(ctx, input);
    const dup = one<{ id: string }>(
      ctx,
      "SELECT id FROM correction_file WHERE person_id = ? AND status = 'active' AND deleted_at IS NULL",
      input.personId,
    );
    if (dup) throw new LedgerError('CONFLICT', '此人已有在矫档案，请在原档案中记录。', { fields: { personId: '此人已有在矫档案' } });
    const id = newId();
    const now = ctx.clock.now();
    const cols = { ...formColumns(input), level: input.level, level_since: input.termStart };
    const names = Object.keys(cols);
    run(
      ctx,
      `INSERT INTO correction_file (id, person_id, ${names.join(', ')}, status, created_at, updated_at)
       VALUES (?, ?, ${names.map(() => '?').join(', ')}, 'active', ?, ?)`,
      id,
      input.personId,
      ...Object.values(cols),
      now,
      now,
    );
    addLevel(ctx, 'correction', id, { date: input.termStart, level: input.level, source: 'start' });
    syncCorrection(ctx, id);
    // Its creator typed it: the file is returned even when a colleague is responsible for a minor's file.
    const f = loadFile(ctx, id)!;
    audit(ctx, { action: 'create', entity: 'correction', entityId: id, after: snapshot(f) });
    for (const o of opened) o(ctx, { id, personId: input.personId, effectiveDate: input.effectiveDate, crime: input.crime });
    return f;
  });
}

export function updateFile(ctx: ServiceContext, input: z.output<typeof CorrectionUpdateInput>): CorrectionFileView {
  return write(ctx, () => {
    const before = requireLive(ctx, input.id);
    if (input.personId !== before.person.id)
      throw new LedgerError('VALIDATION', '档案对应的人员不能更改', { fields: { personId: '人员不能更改' } });
    checkFields(ctx, input);
    const cols = formColumns(input);
    run(
      ctx,
      `UPDATE correction_file SET ${Object.keys(cols)
        .map((n) => `${n} = ?`)
        .join(', ')}, updated_at = ? WHERE id = ?`,
      ...Object.values(cols),
      ctx.clock.now(),
      input.id,
    );
    moveStartLevel(ctx, 'correction', input.id, input.termStart);
    if (input.level !== before.level)
      addLevel(ctx, 'correction', input.id, { date: ctx.clock.today(), level: input.level, source: 'edit' });
    refreshLevel(ctx, input.id);
    syncCorrection(ctx, input.id);
    // A minor's file handed to a colleague is no longer the editor's to read; what was written is returned.
    const after = loadFile(ctx, input.id)!;
    audit(ctx, { action: 'update', entity: 'correction', entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

const fieldError = (field: string, message: string) => new LedgerError('VALIDATION', message, { fields: { [field]: message } });

/** 报到 and 入矫宣告 (REVIEW §5.1): neither before the judgment took effect. */
export function saveReception(ctx: ServiceContext, input: z.output<typeof ReceptionInput>): CorrectionFileView {
  return write(ctx, () => {
    const before = requireLive(ctx, input.id);
    if (input.reportDate && input.reportDate < before.effectiveDate) throw fieldError('reportDate', '报到日期不能早于生效日期');
    if (input.declarationDate && input.declarationDate < before.effectiveDate)
      throw fieldError('declarationDate', '宣告日期不能早于生效日期');
    if (input.declarationDate && !input.declarationHost) throw fieldError('declarationHost', '请填写宣告主持人');
    run(
      ctx,
      `UPDATE correction_file SET report_date = ?, report_note = ?, declaration_date = ?, declaration_host = ?, declaration_attendees = ?, updated_at = ?
       WHERE id = ?`,
      input.reportDate,
      input.reportNote,
      input.declarationDate,
      input.declarationHost,
      input.declarationAttendees,
      ctx.clock.now(),
      input.id,
    );
    syncCorrection(ctx, input.id);
    const after = getFile(ctx, input.id);
    audit(ctx, { action: 'update', entity: 'correction', entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** A change of level from a day on (not before the term began nor after today): the cadences count from it. */
export function setLevel(ctx: ServiceContext, input: z.output<typeof LevelInput>): CorrectionFileView {
  return write(ctx, () => {
    const before = requireLive(ctx, input.id);
    if (input.date < before.termStart) throw fieldError('date', '调整日期不能早于矫正期限起日');
    addLevel(ctx, 'correction', input.id, { date: input.date, level: input.level, source: 'edit' });
    refreshLevel(ctx, input.id);
    syncCorrection(ctx, input.id);
    const after = getFile(ctx, input.id);
    audit(ctx, {
      action: 'update',
      entity: 'correction',
      entityId: input.id,
      before: { level: before.level },
      after: { level: input.level, date: input.date },
    });
    return after;
  });
}

const eventWords = (e: Pick<CorrectionEvent, 'kind' | 'date' | 'method' | 'hours' | 'content'>) =>
  `${e.date} ${EVENT_KIND_LABELS[e.kind]}${e.method ? `（${e.method}）` : ''}${e.hours ? ` ${e.hours}小时` : ''}：${e.content}`;

/** One dated record (new when `id` is null): not before the term began; a health report or re-examination only where it applies. */
export function saveEvent(ctx: ServiceContext, input: z.output<typeof CorrectionEventInput>): CorrectionFileView {
  return write(ctx, () => {
    const f = requireLive(ctx, input.fileId);
    if (input.date < f.termStart) throw fieldError('date', '日期不能早于矫正期限起日');
    const kind: CorrectionEventKind = input.kind;
    if (kind === 'health' && f.category !== 'outside') throw fieldError('kind', '只有暂予监外执行的对象报告病情（健康）情况');
    if (kind === 'recheck' && f.ground !== 'medical') throw fieldError('kind', '只有保外就医的对象提交病情复查');
    const old = input.id ? f.events.find((e) => e.id === input.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该记录不存在。');
    const hours = kind === 'education' || kind === 'public' ? (input.hours ?? null) : null;
    const now = ctx.clock.now();
    const cols = { kind, date: input.date, method: input.method, hours, content: input.content, staff: input.staff, updated_at: now };
    const names = Object.keys(cols);
    if (old) {
      run(ctx, `UPDATE correction_event SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`, ...Object.values(cols), old.id);
    } else {
      const all = { id: newId(), file_id: f.id, created_at: now, ...cols };
      run(
        ctx,
        `INSERT INTO correction_event (${Object.keys(all).join(', ')}) VALUES (${Object.keys(all)
          .map(() => '?')
          .join(', ')})`,
        ...Object.values(all),
      );
    }
    syncCorrection(ctx, f.id);
    audit(ctx, {
      action: 'update',
      entity: 'correction',
      entityId: f.id,
      before: { event: old ? eventWords(old) : null },
      after: { event: eventWords({ kind, date: input.date, method: input.method, hours, content: input.content }) },
    });
    return getFile(ctx, f.id);
  });
}

/** Takes a record back (soft-deleted; the file is recomputed and its history told what went). */
export function deleteEvent(ctx: ServiceContext, id: string): CorrectionFileView {
  return write(ctx, () => {
    const e = one<CorrectionEvent & { fileId: string }>(
      ctx,
      'SELECT id, file_id AS fileId, kind, date, method, hours, content FROM correction_event WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!e) throw new LedgerError('NOT_FOUND', '该记录不存在。');
    requireLive(ctx, e.fileId);
    run(ctx, 'UPDATE correction_event SET deleted_at = ?, updated_at = ? WHERE id = ?', ctx.clock.now(), ctx.clock.now(), id);
    syncCorrection(ctx, e.fileId);
    audit(ctx, { action: 'update', entity: 'correction', entityId: e.fileId, before: { event: eventWords(e) }, after: { event: null } });
    return getFile(ctx, e.fileId);
  });
}

export function deleteFile(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const f = getFile(ctx, id);
    if (f.deletedAt) throw new LedgerError('NOT_FOUND', '该社区矫正档案已删除。');
    return binRecord(ctx, { table: 'correction_file', entity: 'correction', id, sync: syncCorrection }, 'delete', () => snapshot(f));
  });
}

export function restoreFile(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const f = loadFile(ctx, id);
    if (!f?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有该档案。');
    requireReadable(ctx, f);
    return binRecord(ctx, { table: 'correction_file', entity: 'correction', id, sync: syncCorrection }, 'restore', () =>
      snapshot(loadFile(ctx, id)!),
    );
  });
}

// ── the ledger ───────────────────────────────────────────────────────────────────────────────

const SORT_SQL = { nextDueDate: 'c.next_due_date', termEnd: 'c.term_end', name: 'p.name_initials' } as const;

/** The list's filter: the ledger, its print and its export read the same rows. */
export type CorrectionFilter = Omit<z.output<typeof CorrectionListInput>, 'page' | 'pageSize'>;

/** A row of the list as read, before the level and the 责任人 are named. */
export type CorrectionListDbRow = Omit<CorrectionRow, 'overdue' | 'levelName' | 'minor' | 'responsibleName'> & {
  minor: number;
  staffId: string;
};

/**
 * The list's SQL for a filter: its count, and its page in the chosen order (@limit, @offset). A minor's file
 * is listed only for its responsible staff member (the operator), in the list, its print and its export.
 */
export function correctionListSql(
  ctx: ServiceContext,
  f: CorrectionFilter,
  today: string,
): { count: string; page: string; params: Record<string, unknown> } {
  const { sql: where, params } = new Where(f.deleted ? 'c.deleted_at IS NOT NULL' : 'c.deleted_at IS NULL', {
    today,
    operator: ctx.user.id,
    admin: isAdmin(ctx.user) ? 1 : 0,
  })
    .when(true, '(c.minor = 0 OR c.responsible_staff_id = @operator OR @admin = 1)')
    .when(f.category, 'c.category = @category', 'category')
    .when(f.level, 'c.level = @level', 'level')
    .when(f.status, 'c.status = @status', 'status')
    .when(f.villageId, 'c.village_id = @villageId', 'villageId')
    .when(f.responsibleStaffId, 'c.responsible_staff_id = @staffId', 'staffId')
    .when(f.overdue, "c.status = 'active' AND c.next_due_date < @today")
    .when(f.due7, `c.status = 'active' AND ${dueSoonCondition('correction', 'c.id')}`, dueSoonParams(today))
    .when(f.q && containsPattern(f.q), "p.name LIKE @q ESCAPE '\\'", 'q');
  const from = 'FROM correction_file c JOIN person p ON p.id = c.person_id';
  const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
  return {
    count: `SELECT count(*) AS n ${from} WHERE ${where}`,
    page: `SELECT c.id, c.person_id AS personId, p.name AS personName, c.category, c.crime, c.term_start AS termStart, c.term_end AS termEnd,
       c.level, c.responsible_staff_id AS staffId, (SELECT name FROM village WHERE id = c.village_id) AS villageName, c.minor,
       c.status, c.next_due_date AS nextDueDate, c.deleted_at AS deletedAt
     ${from} WHERE ${where}
     ORDER BY ${SORT_SQL[f.sort]} IS NULL, ${SORT_SQL[f.sort]} ${dir}, c.id ${dir} LIMIT @limit OFFSET @offset`,
    params,
  };
}

/** How the list's rows are named: the office's level names and the 责任人 as everywhere. */
export function correctionRows(ctx: ServiceContext, today: string): (r: CorrectionListDbRow) => CorrectionRow {
  const name = staffNamer(ctx);
  const table = levelTable(correctionSettings(ctx));
  return ({ staffId, minor, ...r }) => ({
    ...r,
    minor: minor === 1,
    levelName: table[r.level].name,
    responsibleName: name(staffId, null) ?? '',
    overdue: r.status === 'active' && r.nextDueDate !== null && r.nextDueDate < today,
  });
}

export function listFiles(ctx: ServiceContext, f: z.output<typeof CorrectionListInput>): Paged<CorrectionRow> {
  const today = ctx.clock.today();
  const q = correctionListSql(ctx, f, today);
  const total = one<{ n: number }>(ctx, q.count, q.params)!.n;
  const rows = all<CorrectionListDbRow>(ctx, q.page, { ...q.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  return { rows: rows.map(correctionRows(ctx, today)), total, page: f.page, pageSize: f.pageSize };
}

// ── the level × duty table ───────────────────────────────────────────────────────────────────

export function getSchedule(ctx: ServiceContext): CorrectionSchedule {
  const s = correctionSettings(ctx);
  const table = levelTable(s);
  const levels = (['strict', 'normal', 'lenient'] as const).map((l) => dutyView(l, table[l], !!s.levels?.[l]));
  return {
    levels,
    defaults: (['strict', 'normal', 'lenient'] as const).map((l) => dutyView(l, DEFAULT_LEVEL_TABLE[l], false)),
    levelSource: LEVEL_TABLE_SOURCE,
    termRemindDays: termRemindDays(s),
    termRemindDefault: DEFAULT_TERM_REMIND_DAYS,
    termRemindSource: TERM_REMIND_SOURCE,
  };
}

const sameDuty = (a: LevelDuty, b: LevelDuty) => JSON.stringify(a) === JSON.stringify(b);

/** The office's table and reminder: a value equal to the default is stored as none. Every file is recomputed at the next dashboard visit. */
export function saveSchedule(ctx: ServiceContext, input: z.output<typeof CorrectionSettingsInput>): CorrectionSchedule {
  return write(ctx, () => {
    const before = getSchedule(ctx);
    const levels: Partial<Record<CorrectionLevel, LevelDuty>> = {};
    for (const l of ['strict', 'normal', 'lenient'] as const) {
      const d = input.levels[l];
      const duty: LevelDuty = {
        name: d.name,
        report: d.report.days ? { days: d.report.days } : { months: d.report.months! },
        visit: d.visit.days ? { days: d.visit.days } : { months: d.visit.months! },
        educationHours: d.educationHours,
        publicHours: d.publicHours,
      };
      if (!sameDuty(duty, DEFAULT_LEVEL_TABLE[l])) levels[l] = duty;
    }
    const names = Object.values(levelTable({ levels })).map((d) => d.name);
    if (new Set(names).size !== names.length) throw new LedgerError('VALIDATION', '各等级的名称不能相同');
    const settings: CorrectionSettings = {
      ...(Object.keys(levels).length ? { levels } : {}),
      ...(input.termRemindDays !== DEFAULT_TERM_REMIND_DAYS ? { termRemindDays: input.termRemindDays } : {}),
    };
    putSetting(ctx, SETTINGS_KEY, settings);
    markObligationsStale(ctx);
    const after = getSchedule(ctx);
    const words = (s: CorrectionSchedule) =>
      `${s.levels.map((l) => `${l.name}：报告${l.reportText}，走访${l.visitText}，教育学习${l.educationHours}小时/月，公益活动${l.publicHours}小时/月`).join('；')}；期满前${s.termRemindDays}天提醒`;
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: SETTINGS_KEY,
      before: { correction: words(before) },
      after: { correction: words(after) },
    });
    return after;
  });
}

// ── what the registries ask for ──────────────────────────────────────────────────────────────

/** The person page's list of a person's correction files (a minor's only for its responsible staff member; db/modules.ts). */
export const correctionPersonFiles: PersonFiles = (ctx, personId) =>
  all<{ id: string; category: CorrectionCategory; level: CorrectionLevel; termStart: string; status: CorrectionStatus }>(
    ctx,
    `SELECT id, category, level, term_start AS termStart, status FROM correction_file
     WHERE person_id = ? AND deleted_at IS NULL AND (minor = 0 OR responsible_staff_id = ? OR ? = 1) ORDER BY term_start DESC`,
    personId,
    ctx.user.id,
    isAdmin(ctx.user) ? 1 : 0,
  ).map((f) => ({
    module: 'correction',
    id: f.id,
    title: `社区矫正档案（${CORRECTION_CATEGORY_LABELS[f.category]}）`,
    role: levelName(ctx, f.level),
    date: f.termStart,
    status: CORRECTION_STATUS_LABELS[f.status],
  }));

/** The recycle bin's section of deleted files (registered in db/modules.ts). */
export const correctionRecycle: RecycleSource = listedRecycle(
  (ctx, limit) => listFiles(ctx, CorrectionListInput.parse({ deleted: true, pageSize: limit })),
  (f) => ({
    name: `${f.personName}的社区矫正档案`,
    cells: [f.personName, CORRECTION_CATEGORY_LABELS[f.category], `${f.termStart}至${f.termEnd}`],
  }),
  restoreFile,
);

/** The files in correction a colleague is responsible for, to hand over when they leave (设置 → 移交工作). */
export const correctionStaffWork: StaffWork = responsibleWork({
  label: '在矫的社区矫正档案',
  unit: '份',
  table: 'correction_file',
  orderBy: 'term_start',
  entity: 'correction',
  sync: syncCorrection,
});

/**
 * What names a file as an attachment's owner (registered in db/modules.ts). A minor's closed file and its
 * papers are refused to everyone but its responsible staff member, as the file itself is.
 */
export const correctionOwner: AttachmentOwnerLookup = (ctx, id) => {
  const r = one<{ label: string; deletedAt: string | null; minor: number; staffId: string }>(
    ctx,
    `SELECT p.name AS label, c.deleted_at AS deletedAt, c.minor, c.responsible_staff_id AS staffId
     FROM correction_file c JOIN person p ON p.id = c.person_id WHERE c.id = ?`,
    id,
  );
  if (r && !mayRead(ctx, { minor: r.minor, responsible_staff_id: r.staffId }))
    throw new LedgerError('UNAUTHORIZED', '该档案为未成年人社区矫正档案，依法不公开，只有其责任人可以查看。');
  return r && { label: r.label, deletedAt: r.deletedAt };
};
