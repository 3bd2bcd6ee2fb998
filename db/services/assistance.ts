/**
 * 安置帮教: one released person's file (REVIEW §6.2) — the sentence and the release, the 衔接 (必接必送 for a
 * 重点帮教对象), the 1+n 帮教小组 with its 帮教协议, the 安置情况, and what is recorded by date (走访/谈话, 帮扶,
 * 重新违法犯罪). What falls due (REVIEW §6.3) is computed by the engine from shared/domain/assistance-rules.ts
 * and written to the to-do table in the same transaction as every write; an ended file owes nothing after its end.
 */
import type { z } from 'zod';
import {
  ASSISTANCE_LEVELS,
  ASSISTANCE_LEVEL_LABELS,
  assistanceDueItems,
  assistanceSettings,
  DEFAULT_ASSISTANCE,
  END_REASON_LABELS,
  FAMILY_SOURCE,
  HANDOVER_METHOD_LABELS,
  HANDOVER_STATE_LABELS,
  isKeyLevel,
  PERIOD_SOURCE,
  periodEnd,
  PLACEMENT_LABELS,
  RECORD_KIND_LABELS,
  RELEASE_TYPE_LABELS,
  REMIND_SOURCE,
  teamCheck,
  VISIT_SOURCE,
  type AssistanceFile,
  type AssistanceLevel,
  type AssistanceSettings,
  type EndReason,
  type HandoverMethod,
  type HandoverState,
  type Placement,
  type ReleaseType,
} from '../../shared/domain/assistance-rules';
import { intervalText, openItems, type DueItem } from '../../shared/domain/obligations';
import { LedgerError } from '../../shared/errors';
import {
  AssistanceListInput,
  ESCORT_REQUIRED,
  type AssistanceCreateInput,
  type AssistanceFileView,
  type AssistanceLevelInput,
  type AssistanceRecord,
  type AssistanceRecordInput,
  type AssistanceRow,
  type AssistanceSchedule,
  type AssistanceSettingsInput,
  type AssistanceStatus,
  type AssistanceUpdateInput,
  type EndInput,
  type HandoverInput,
  type PlacementInput,
  type TeamInput,
  type TeamMember,
} from '../../shared/schemas/assistance';
import type { Paged } from '../../shared/schemas/common';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import type { AttachmentOwnerLookup } from './attachments';
import { audit } from './audit';
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
import { getSetting, putSetting, responsibleWork, staffNamer, type StaffNamer, type StaffWork } from './reference';
import { all, containsPattern, insertRow, one, run, toFen, toYuan, updateRow, Where, write } from './sql';

const SETTINGS_KEY = 'assistance_settings';

export function assistanceSettingsOf(ctx: ServiceContext): AssistanceSettings {
  return getSetting<AssistanceSettings>(ctx, SETTINGS_KEY) ?? {};
}

interface FileDbRow {
  id: string;
  person_id: string;
  crime: string;
  sentence: string;
  prison: string | null;
  sentence_start: string | null;
  sentence_end: string | null;
  release_type: ReleaseType;
  release_date: string;
  pre_release: number;
  certificate_number: string | null;
  notice_date: string | null;
  village_id: string | null;
  phone: string | null;
  responsible_staff_id: string;
  level: AssistanceLevel;
  level_since: string;
  period_end: string;
  handover_state: HandoverState;
  correction_file_id: string | null;
  handover_method: HandoverMethod | null;
  family_contact_date: string | null;
  return_date: string | null;
  receiver: string | null;
  police_report_date: string | null;
  register_date: string | null;
  missing_since: string | null;
  handover_note: string | null;
  agreement_date: string | null;
  placement: Placement | null;
  placement_date: string | null;
  placement_note: string | null;
  status: AssistanceStatus;
  end_reason: EndReason | null;
  end_date: string | null;
  end_note: string | null;
  notes: string | null;
  next_due_date: string | null;
  created_at: string;
  deleted_at: string | null;
}

const fileRow = (ctx: ServiceContext, id: string) => one<FileDbRow>(ctx, 'SELECT * FROM assistance_file WHERE id = ?', id);

function loadRecords(ctx: ServiceContext, fileId: string): AssistanceRecord[] {
  return all<AssistanceRecord & { amountFen: number | null }>(
    ctx,
    `SELECT id, kind, date, method, aid_type AS aidType, amount_fen AS amountFen, offence_type AS offenceType, crime, content, staff
     FROM assistance_record WHERE file_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC`,
    fileId,
  ).map(({ amountFen, ...r }) => ({ ...r, amount: toYuan(amountFen) }));
}

function loadMembers(ctx: ServiceContext, fileId: string): TeamMember[] {
  return all<TeamMember>(
    ctx,
    'SELECT id, name, role, phone FROM assistance_member WHERE file_id = ? AND deleted_at IS NULL ORDER BY id',
    fileId,
  );
}

/** The 衔接 item is done by the return, or by the 查找 of a person who cannot be found (REVIEW §6.3). */
const handoverDone = (r: FileDbRow) =>
  r.handover_state === 'done' ? r.return_date : r.handover_state === 'missing' ? r.missing_since : null;

function engineFile(ctx: ServiceContext, r: FileDbRow): AssistanceFile {
  return {
    id: r.id,
    releaseType: r.release_type,
    releaseDate: r.release_date,
    preRelease: r.pre_release === 1,
    noticeDate: r.notice_date,
    familyContactDate: r.family_contact_date,
    handoverDate: handoverDone(r),
    returnDate: r.handover_state === 'done' ? r.return_date : null,
    levels: loadLevels<AssistanceLevel>(ctx, 'assistance', r.id),
  };
}

/**
 * A file's due items as of a day. With `recordedBy` (the statistics, read as at a period's end) only what
 * was dated by that day counts: a later visit, 衔接 or 查找 is left out, as on that day.
 */
function dueItems(ctx: ServiceContext, r: FileDbRow, asOf: string, recordedBy?: string): DueItem[] {
  const by = (d: string | null) => (recordedBy && d && d > recordedBy ? null : d);
  const file = engineFile(ctx, r);
  return assistanceDueItems({
    file: recordedBy
      ? { ...file, handoverDate: by(file.handoverDate), returnDate: by(file.returnDate), familyContactDate: by(file.familyContactDate) }
      : file,
    visits: loadRecords(ctx, r.id).filter((x) => x.kind === 'visit' && by(x.date)),
    settings: assistanceSettingsOf(ctx),
    actions: loadItemActions(ctx, 'assistance', r.id),
    endDate: by(r.end_date),
    today: asOf,
    holidays: holidayTable(ctx),
  });
}

/** Writes one file's open items to the to-do table, its next due date and its 帮教期满; true when anything changed. */
export function syncAssistance(ctx: ServiceContext, id: string): boolean {
  const r = fileRow(ctx, id);
  const live = r && !r.deleted_at && r.status === 'active';
  if (r) {
    const end = periodEnd(r.release_type, r.release_date, assistanceSettingsOf(ctx)).date;
    if (end !== r.period_end) run(ctx, 'UPDATE assistance_file SET period_end = ? WHERE id = ?', end, id);
  }
  return syncRecordItems(
    ctx,
    'assistance',
    { table: 'assistance_file', id, nextDueDate: r?.next_due_date ?? null },
    live
      ? {
          items: openItems(dueItems(ctx, r, horizon(ctx))),
          meta: {
            personName: one<{ name: string }>(ctx, 'SELECT name FROM person WHERE id = ?', r.person_id)!.name,
            closedTo: null,
            responsibleStaffId: r.responsible_staff_id,
            villageId: r.village_id,
            link: `/assistance/${id}`,
          },
        }
      : null,
  );
}

/** A file's due items as they stood at the end of `asOf` (for the statistics). */
export function assistanceItemsAsOf(ctx: ServiceContext, id: string, asOf: string): DueItem[] {
  const r = fileRow(ctx, id);
  return r ? dueItems(ctx, r, asOf, asOf) : [];
}

/** The family contact before release, 未衔接, the first home visit, visits by level and 帮教期满 (registered in db/modules.ts). */
export const assistanceDueSource: DueSource<'assistance'> = {
  module: 'assistance',
  liveIds: "SELECT id FROM assistance_file WHERE deleted_at IS NULL AND status = 'active'",
  sync: syncAssistance,
  items(ctx, id, asOf) {
    const r = fileRow(ctx, id);
    return r ? dueItems(ctx, r, asOf) : [];
  },
  requireEditable(ctx, id) {
    requireLive(ctx, id);
  },
};

function loadFile(ctx: ServiceContext, id: string): AssistanceFileView | undefined {
  const r = fileRow(ctx, id);
  if (!r) return undefined;
  const person = personCard(ctx, r.person_id);
  const today = ctx.clock.today();
  const items = r.status === 'active' ? dueItems(ctx, r, today) : [];
  const open = openItems(items);
  const settings = assistanceSettingsOf(ctx);
  const period = periodEnd(r.release_type, r.release_date, settings);
  const members = loadMembers(ctx, id);
  const records = loadRecords(ctx, id);
  const aidFen = records.reduce((s, x) => s + (toFen(x.amount) ?? 0), 0);
  return {
    id: r.id,
    person,
    crime: r.crime,
    sentence: r.sentence,
    prison: r.prison,
    sentenceStart: r.sentence_start,
    sentenceEnd: r.sentence_end,
    releaseType: r.release_type,
    releaseDate: r.release_date,
    preRelease: r.pre_release === 1,
    released: r.release_date <= today,
    certificateNumber: r.certificate_number,
    noticeDate: r.notice_date,
    villageId: r.village_id,
    villageName: r.village_id ? (one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', r.village_id)?.name ?? null) : null,
    phone: r.phone,
    responsibleStaffId: r.responsible_staff_id,
    responsibleName: staffNamer(ctx)(r.responsible_staff_id, null) ?? '',
    level: r.level,
    levelSince: r.level_since,
    levels: loadLevels<AssistanceLevel>(ctx, 'assistance', id),
    key: isKeyLevel(r.level),
    period: { end: period.date, years: period.years, source: PERIOD_SOURCE },
    handover: {
      state: r.handover_state,
      method: r.handover_method,
      familyContactDate: r.family_contact_date,
      returnDate: r.return_date,
      receiver: r.receiver,
      policeReportDate: r.police_report_date,
      registerDate: r.register_date,
      missingSince: r.missing_since,
      note: r.handover_note,
    },
    team: { members, agreementDate: r.agreement_date, check: teamCheck(members, r.agreement_date) },
    placement: r.placement,
    placementDate: r.placement_date,
    placementNote: r.placement_note,
    records,
    aidTotal: aidFen / 100,
    status: r.status,
    endReason: r.end_reason,
    endDate: r.end_date,
    endNote: r.end_note,
    notes: r.notes,
    correctionFileId: r.correction_file_id,
    // Open items first (by due date), then what was done, newest first.
    dueItems: [...open, ...items.filter((i) => !open.includes(i)).reverse()],
    itemActions: loadItemActions(ctx, 'assistance', id),
    nextDueDate: open[0]?.dueDate ?? null,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

export function getFile(ctx: ServiceContext, id: string): AssistanceFileView {
  const f = loadFile(ctx, id);
  if (!f) throw new LedgerError('NOT_FOUND', '该安置帮教档案不存在。');
  return f;
}

function requireLive(ctx: ServiceContext, id: string): AssistanceFileView {
  const f = loadFile(ctx, id);
  if (!f || f.deletedAt) throw new LedgerError('NOT_FOUND', '该安置帮教档案不存在或已删除。');
  if (f.status !== 'active') throw new LedgerError('INVALID_TRANSITION', '该档案已结束帮教，不能再修改。');
  return f;
}

/** The file as its history shows it: its own fields, the person's name, the staff member's. */
function snapshot(f: AssistanceFileView) {
  const {
    person,
    handover,
    team,
    records: _r,
    dueItems: _d,
    itemActions: _a,
    levels: _l,
    period: _p,
    key: _k,
    released: _x,
    aidTotal: _t,
    ...rest
  } = f;
  return {
    ...rest,
    name: person.name,
    handoverState: handover.state,
    handoverMethod: handover.method,
    familyContactDate: handover.familyContactDate,
    returnDate: handover.returnDate,
    receiver: handover.receiver,
    policeReportDate: handover.policeReportDate,
    registerDate: handover.registerDate,
    missingSince: handover.missingSince,
    handoverNote: handover.note,
    agreementDate: team.agreementDate,
    team: teamWords(team.members),
  };
}

const teamWords = (members: readonly Pick<TeamMember, 'name' | 'role'>[]) =>
  members.map((m) => `${m.name}（${m.role}）`).join('、') || null;

const fieldError = (field: string, message: string) => new LedgerError('VALIDATION', message, { fields: { [field]: message } });

type Fields = z.output<typeof AssistanceCreateInput>;

function checkFields(ctx: ServiceContext, f: Fields): void {
  requirePerson(ctx, f.personId);
  if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL AND active = 1', f.responsibleStaffId))
    throw fieldError('responsibleStaffId', '责任人不存在或已停用');
  if (f.villageId && !one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', f.villageId))
    throw fieldError('villageId', '村（社区）不存在');
}

function formColumns(f: Fields): Record<string, string | number | null> {
  return {
    crime: f.crime,
    sentence: f.sentence,
    prison: f.prison,
    sentence_start: f.sentenceStart,
    sentence_end: f.sentenceEnd,
    release_type: f.releaseType,
    release_date: f.releaseDate,
    certificate_number: f.certificateNumber,
    notice_date: f.noticeDate,
    village_id: f.villageId,
    phone: f.phone,
    responsible_staff_id: f.responsibleStaffId,
    notes: f.notes,
  };
}

function refreshLevel(ctx: ServiceContext, id: string): void {
  const at = levelToday<AssistanceLevel>(ctx, 'assistance', id);
  if (at) run(ctx, 'UPDATE assistance_file SET level = ?, level_since = ? WHERE id = ?', at.level, at.since, id);
}

/** A 重点帮教对象 already 衔接 otherwise than 必接必送 cannot become one without the 衔接 being corrected. */
function checkEscort(level: AssistanceLevel, state: HandoverState, method: HandoverMethod | null): void {
  if (isKeyLevel(level) && state === 'done' && method !== 'escort')
    throw fieldError(
      'level',
      `${ESCORT_REQUIRED}：本档案的衔接方式为${method ? HANDOVER_METHOD_LABELS[method] : '未填写'}，请先更正衔接记录`,
    );
}

export function createFile(ctx: ServiceContext, input: Fields): AssistanceFileView {
  return write(ctx, () => {
    checkFields(ctx, input);
    const dup = one(ctx, "SELECT 1 FROM assistance_file WHERE person_id = ? AND status = 'active' AND deleted_at IS NULL", input.personId);
    if (dup)
      throw new LedgerError('CONFLICT', '此人已有在册的安置帮教档案，请在原档案中记录。', { fields: { personId: '此人已有在册档案' } });
    const id = newId();
    const now = ctx.clock.now();
    insertRow(ctx, 'assistance_file', {
      id,
      person_id: input.personId,
      ...formColumns(input),
      pre_release: input.releaseDate > ctx.clock.today() ? 1 : 0,
      level: input.level,
      level_since: input.releaseDate,
      period_end: periodEnd(input.releaseType, input.releaseDate, assistanceSettingsOf(ctx)).date,
      status: 'active',
      created_at: now,
      updated_at: now,
    });
    addLevel(ctx, 'assistance', id, { date: input.releaseDate, level: input.level, source: 'start' });
    syncAssistance(ctx, id);
    const f = loadFile(ctx, id)!;
    audit(ctx, { action: 'create', entity: 'assistance', entityId: id, after: snapshot(f) });
    return f;
  });
}

export function updateFile(ctx: ServiceContext, input: z.output<typeof AssistanceUpdateInput>): AssistanceFileView {
  return write(ctx, () => {
    const before = requireLive(ctx, input.id);
    if (input.personId !== before.person.id) throw fieldError('personId', '档案对应的人员不能更改');
    checkFields(ctx, input);
    checkEscort(input.level, before.handover.state, before.handover.method);
    updateRow(ctx, 'assistance_file', input.id, { ...formColumns(input), updated_at: ctx.clock.now() });
    moveStartLevel(ctx, 'assistance', input.id, input.releaseDate);
    if (input.level !== before.level)
      addLevel(ctx, 'assistance', input.id, { date: ctx.clock.today(), level: input.level, source: 'edit' });
    refreshLevel(ctx, input.id);
    syncAssistance(ctx, input.id);
    const after = loadFile(ctx, input.id)!;
    audit(ctx, { action: 'update', entity: 'assistance', entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** A write to a live file: checks, the columns, the sync and the audit row of before and after, in one transaction. */
function change(ctx: ServiceContext, id: string, apply: (f: AssistanceFileView) => void): AssistanceFileView {
  return write(ctx, () => {
    const before = requireLive(ctx, id);
    apply(before);
    syncAssistance(ctx, id);
    const after = getFile(ctx, id);
    audit(ctx, { action: 'update', entity: 'assistance', entityId: id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** 衔接 (REVIEW §6.2): 必接必送 for a 重点帮教对象; nothing before the notice or after today (the contract). */
export function saveHandover(ctx: ServiceContext, input: z.output<typeof HandoverInput>): AssistanceFileView {
  return change(ctx, input.id, (f) => {
    if (input.state !== 'pending' && !f.released) throw fieldError('state', '尚未释放，只能登记联系家属情况');
    const done = input.state === 'done';
    if (done && f.key && input.method !== 'escort') throw fieldError('method', ESCORT_REQUIRED);
    if (done && input.returnDate && input.returnDate < f.releaseDate) throw fieldError('returnDate', '接回日期不能早于释放日期');
    if (input.state === 'missing' && input.missingSince && input.missingSince < f.releaseDate)
      throw fieldError('missingSince', '查找登记日期不能早于释放日期');
    updateRow(ctx, 'assistance_file', f.id, {
      handover_state: input.state,
      handover_method: done ? input.method : null,
      family_contact_date: input.familyContactDate,
      return_date: done ? input.returnDate : null,
      receiver: done ? input.receiver : null,
      police_report_date: done ? input.policeReportDate : null,
      register_date: done ? input.registerDate : null,
      missing_since: input.state === 'missing' ? input.missingSince : null,
      handover_note: input.note,
      updated_at: ctx.clock.now(),
    });
  });
}

/** The 1+n team, replaced as a whole, and its 帮教协议. */
export function saveTeam(ctx: ServiceContext, input: z.output<typeof TeamInput>): AssistanceFileView {
  return change(ctx, input.id, (f) => {
    if (input.agreementDate && input.agreementDate < f.releaseDate && f.released)
      throw fieldError('agreementDate', '帮教协议日期不能早于释放日期');
    const now = ctx.clock.now();
    run(ctx, 'UPDATE assistance_member SET deleted_at = ?, updated_at = ? WHERE file_id = ? AND deleted_at IS NULL', now, now, f.id);
    for (const m of input.members)
      insertRow(ctx, 'assistance_member', {
        id: newId(),
        file_id: f.id,
        name: m.name,
        role: m.role,
        phone: m.phone,
        created_at: now,
        updated_at: now,
      });
    updateRow(ctx, 'assistance_file', f.id, { agreement_date: input.agreementDate, updated_at: now });
  });
}

/** 安置情况; 未安置 only with its reason (the schema and here). */
export function savePlacement(ctx: ServiceContext, input: z.output<typeof PlacementInput>): AssistanceFileView {
  return change(ctx, input.id, (f) => {
    if (input.placement === 'none' && !input.placementNote) throw fieldError('placementNote', '未安置的，请写明原因');
    updateRow(ctx, 'assistance_file', f.id, {
      placement: input.placement,
      placement_date: input.placementDate,
      placement_note: input.placementNote,
      updated_at: ctx.clock.now(),
    });
  });
}

/** A change of level from a day on (not before the release): 必接必送 is checked against the 衔接 recorded. */
export function setLevel(ctx: ServiceContext, input: z.output<typeof AssistanceLevelInput>): AssistanceFileView {
  return write(ctx, () => {
    const before = requireLive(ctx, input.id);
    if (input.date < before.releaseDate) throw fieldError('date', '调整日期不能早于释放日期');
    checkEscort(input.level, before.handover.state, before.handover.method);
    addLevel(ctx, 'assistance', input.id, { date: input.date, level: input.level, source: 'edit' });
    refreshLevel(ctx, input.id);
    syncAssistance(ctx, input.id);
    const after = getFile(ctx, input.id);
    audit(ctx, {
      action: 'update',
      entity: 'assistance',
      entityId: input.id,
      before: { level: before.level },
      after: { level: input.level, date: input.date },
    });
    return after;
  });
}

const recordWords = (r: Pick<AssistanceRecord, 'kind' | 'date' | 'method' | 'aidType' | 'amount' | 'offenceType' | 'crime' | 'content'>) =>
  `${r.date} ${RECORD_KIND_LABELS[r.kind]}${[r.method, r.aidType, r.offenceType, r.crime]
    .filter(Boolean)
    .map((x) => `（${x}）`)
    .join('')}${r.amount != null ? ` ${r.amount}元` : ''}：${r.content}`;

/** One dated record (new when `id` is null), not before the release. */
export function saveRecord(ctx: ServiceContext, input: z.output<typeof AssistanceRecordInput>): AssistanceFileView {
  return write(ctx, () => {
    const f = requireLive(ctx, input.fileId);
    if (input.date < f.releaseDate) throw fieldError('date', '日期不能早于释放日期');
    if (input.kind === 'aid' && input.aidType === '临时救助' && !input.amount) throw fieldError('amount', '临时救助请填写金额（元）');
    const old = input.id ? f.records.find((r) => r.id === input.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该记录不存在。');
    const aid = input.kind === 'aid';
    const rec = {
      kind: input.kind,
      date: input.date,
      method: input.kind === 'visit' ? input.method : null,
      aidType: aid ? input.aidType : null,
      amount: aid && input.aidType === '临时救助' ? (input.amount ?? null) : null,
      offenceType: input.kind === 'reoffence' ? input.offenceType : null,
      crime: input.kind === 'reoffence' ? input.crime : null,
      content: input.content,
    };
    const now = ctx.clock.now();
    const cols = {
      kind: rec.kind,
      date: rec.date,
      method: rec.method,
      aid_type: rec.aidType,
      amount_fen: toFen(rec.amount),
      offence_type: rec.offenceType,
      crime: rec.crime,
      content: rec.content,
      staff: input.staff,
      updated_at: now,
    };
    if (old) updateRow(ctx, 'assistance_record', old.id, cols);
    else insertRow(ctx, 'assistance_record', { id: newId(), file_id: f.id, created_at: now, ...cols });
    syncAssistance(ctx, f.id);
    audit(ctx, {
      action: 'update',
      entity: 'assistance',
      entityId: f.id,
      before: { record: old ? recordWords(old) : null },
      after: { record: recordWords(rec) },
    });
    return getFile(ctx, f.id);
  });
}

export function deleteRecord(ctx: ServiceContext, id: string): AssistanceFileView {
  return write(ctx, () => {
    const r = one<{ fileId: string }>(ctx, 'SELECT file_id AS fileId FROM assistance_record WHERE id = ? AND deleted_at IS NULL', id);
    if (!r) throw new LedgerError('NOT_FOUND', '该记录不存在。');
    const f = requireLive(ctx, r.fileId);
    const old = f.records.find((x) => x.id === id)!;
    run(ctx, 'UPDATE assistance_record SET deleted_at = ?, updated_at = ? WHERE id = ?', ctx.clock.now(), ctx.clock.now(), id);
    syncAssistance(ctx, f.id);
    audit(ctx, { action: 'update', entity: 'assistance', entityId: f.id, before: { record: recordWords(old) }, after: { record: null } });
    return getFile(ctx, f.id);
  });
}

/** 帮教期满 / 死亡 / 迁出 / 再次收监: not before the release; 帮教期满 not before the period ends. */
export function endFile(ctx: ServiceContext, input: z.output<typeof EndInput>): AssistanceFileView {
  return change(ctx, input.id, (f) => {
    if (input.endDate < f.releaseDate) throw fieldError('endDate', '结束日期不能早于释放日期');
    if (input.endReason === 'expired' && input.endDate < f.period.end)
      throw fieldError('endDate', `帮教期至 ${f.period.end} 届满，不能提前以“帮教期满”结束`);
    updateRow(ctx, 'assistance_file', f.id, {
      status: 'ended',
      end_reason: input.endReason,
      end_date: input.endDate,
      end_note: input.endNote,
      updated_at: ctx.clock.now(),
    });
  });
}

export function deleteFile(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const f = getFile(ctx, id);
    if (f.deletedAt) throw new LedgerError('NOT_FOUND', '该安置帮教档案已删除。');
    return binRecord(ctx, { table: 'assistance_file', entity: 'assistance', id, sync: syncAssistance }, 'delete', () => snapshot(f));
  });
}

export function restoreFile(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const f = loadFile(ctx, id);
    if (!f?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有该档案。');
    return binRecord(ctx, { table: 'assistance_file', entity: 'assistance', id, sync: syncAssistance }, 'restore', () =>
      snapshot(loadFile(ctx, id)!),
    );
  });
}

// ── the ledger ───────────────────────────────────────────────────────────────────────────────

const SORT_SQL = {
  nextDueDate: 'a.next_due_date',
  releaseDate: 'a.release_date',
  periodEnd: 'a.period_end',
  name: 'p.name_initials',
} as const;

/** The list's filter: the ledger, its print and its export read the same rows. */
export type AssistanceFilter = Omit<z.output<typeof AssistanceListInput>, 'page' | 'pageSize'>;

/** A row of the list as read, before the 责任人 is named. */
export type AssistanceListDbRow = Omit<AssistanceRow, 'overdue' | 'responsibleName'> & { staffId: string };

/** The list's SQL for a filter: its count, and its page in the chosen order (@limit, @offset). */
export function assistanceListSql(f: AssistanceFilter, today: string): { count: string; page: string; params: Record<string, unknown> } {
  const { sql: where, params } = new Where(f.deleted ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL', { today })
    .when(f.releaseType, 'a.release_type = @releaseType', 'releaseType')
    .when(f.handover, 'a.handover_state = @handover', 'handover')
    .when(f.notHandedOver, "a.status = 'active' AND a.handover_state = 'pending' AND a.release_date <= @today")
    .when(f.preRelease, "a.status = 'active' AND a.release_date > @today")
    .when(f.key === true, "a.level <> 'normal'")
    .when(f.key === false, "a.level = 'normal'")
    .when(f.placement, 'a.placement = @placement', 'placement')
    .when(f.status, 'a.status = @status', 'status')
    .when(f.villageId, 'a.village_id = @villageId', 'villageId')
    .when(f.responsibleStaffId, 'a.responsible_staff_id = @staffId', 'staffId')
    .when(f.overdue, "a.status = 'active' AND a.next_due_date < @today")
    .when(f.due7, `a.status = 'active' AND ${dueSoonCondition('assistance', 'a.id')}`, dueSoonParams(today))
    .when(f.q && containsPattern(f.q), "p.name LIKE @q ESCAPE '\\'", 'q');
  const from = 'FROM assistance_file a JOIN person p ON p.id = a.person_id';
  const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
  return {
    count: `SELECT count(*) AS n ${from} WHERE ${where}`,
    page: `SELECT a.id, a.person_id AS personId, p.name AS personName, a.crime, a.release_type AS releaseType, a.release_date AS releaseDate,
       a.handover_state AS handoverState, a.level, a.placement, a.period_end AS periodEnd, a.responsible_staff_id AS staffId,
       (SELECT name FROM village WHERE id = a.village_id) AS villageName, a.status, a.next_due_date AS nextDueDate, a.deleted_at AS deletedAt
     ${from} WHERE ${where}
     ORDER BY ${SORT_SQL[f.sort]} IS NULL, ${SORT_SQL[f.sort]} ${dir}, a.id ${dir} LIMIT @limit OFFSET @offset`,
    params,
  };
}

/** A row as the ledger and its export show it: the 责任人 named as everywhere (two of one name told apart). */
export function assistanceRow({ staffId, ...r }: AssistanceListDbRow, today: string, name: StaffNamer): AssistanceRow {
  return {
    ...r,
    responsibleName: name(staffId, null) ?? '',
    overdue: r.status === 'active' && r.nextDueDate !== null && r.nextDueDate < today,
  };
}

export function listFiles(ctx: ServiceContext, f: z.output<typeof AssistanceListInput>): Paged<AssistanceRow> {
  const today = ctx.clock.today();
  const q = assistanceListSql(f, today);
  const total = one<{ n: number }>(ctx, q.count, q.params)!.n;
  const rows = all<AssistanceListDbRow>(ctx, q.page, { ...q.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const name = staffNamer(ctx);
  return { rows: rows.map((r) => assistanceRow(r, today, name)), total, page: f.page, pageSize: f.pageSize };
}

// ── settings ─────────────────────────────────────────────────────────────────────────────────

export function getSchedule(ctx: ServiceContext): AssistanceSchedule {
  const stored = assistanceSettingsOf(ctx);
  const s = assistanceSettings(stored);
  const { visits: _v, ...defaults } = DEFAULT_ASSISTANCE;
  return {
    years: s.years,
    correctionYears: s.correctionYears,
    familyDays: s.familyDays,
    firstVisitDays: s.firstVisitDays,
    remindDays: s.remindDays,
    visits: ASSISTANCE_LEVELS.map((level) => ({
      level,
      label: ASSISTANCE_LEVEL_LABELS[level],
      interval: s.visits[level],
      text: intervalText(s.visits[level]),
      changed: !!stored.visits?.[level],
    })),
    defaults,
    periodSource: PERIOD_SOURCE,
    familySource: FAMILY_SOURCE,
    visitSource: VISIT_SOURCE,
    remindSource: REMIND_SOURCE,
  };
}

/** The office's values: one equal to the default is stored as none. Every file is recomputed at the next dashboard visit. */
export function saveSchedule(ctx: ServiceContext, input: z.output<typeof AssistanceSettingsInput>): AssistanceSchedule {
  return write(ctx, () => {
    const before = getSchedule(ctx);
    const settings: AssistanceSettings = {};
    for (const k of ['years', 'correctionYears', 'familyDays', 'firstVisitDays', 'remindDays'] as const)
      if (input[k] !== DEFAULT_ASSISTANCE[k]) settings[k] = input[k];
    for (const l of ASSISTANCE_LEVELS)
      if (input.visitMonths[l] !== DEFAULT_ASSISTANCE.visits[l].months)
        settings.visits = { ...settings.visits, [l]: { months: input.visitMonths[l] } };
    putSetting(ctx, SETTINGS_KEY, settings);
    markObligationsStale(ctx);
    // The 帮教期满 kept for the list follows the period at once.
    for (const { id } of all<{ id: string }>(ctx, 'SELECT id FROM assistance_file WHERE deleted_at IS NULL')) syncAssistance(ctx, id);
    const after = getSchedule(ctx);
    const words = (s: AssistanceSchedule) =>
      `帮教期${s.years}年（社区矫正期满${s.correctionYears}年）；收到通知书${s.familyDays}日内联系家属；回归后${s.firstVisitDays}日内首次家访；${s.visits
        .map((v) => `${v.label}${v.text}走访`)
        .join('，')}；期满前${s.remindDays}日提醒`;
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: SETTINGS_KEY,
      before: { assistance: words(before) },
      after: { assistance: words(after) },
    });
    return after;
  });
}

// ── what the registries ask for ──────────────────────────────────────────────────────────────

export const assistancePersonFiles: PersonFiles = (ctx, personId) =>
  all<{
    id: string;
    releaseType: ReleaseType;
    level: AssistanceLevel;
    releaseDate: string;
    status: AssistanceStatus;
    endReason: EndReason | null;
  }>(
    ctx,
    `SELECT id, release_type AS releaseType, level, release_date AS releaseDate, status, end_reason AS endReason FROM assistance_file
     WHERE person_id = ? AND deleted_at IS NULL ORDER BY release_date DESC`,
    personId,
  ).map((f) => ({
    module: 'assistance',
    id: f.id,
    title: `安置帮教档案（${RELEASE_TYPE_LABELS[f.releaseType]}）`,
    role: ASSISTANCE_LEVEL_LABELS[f.level],
    date: f.releaseDate,
    status: f.endReason ? END_REASON_LABELS[f.endReason] : '在册',
  }));

export const assistanceRecycle: RecycleSource = listedRecycle(
  (ctx, limit) => listFiles(ctx, AssistanceListInput.parse({ deleted: true, pageSize: limit })),
  (f) => ({ name: `${f.personName}的安置帮教档案`, cells: [f.personName, RELEASE_TYPE_LABELS[f.releaseType], f.releaseDate] }),
  restoreFile,
);

export const assistanceStaffWork: StaffWork = responsibleWork({
  label: '在册的安置帮教档案',
  unit: '份',
  table: 'assistance_file',
  orderBy: 'release_date',
  entity: 'assistance',
  sync: syncAssistance,
});

export { HANDOVER_STATE_LABELS, PLACEMENT_LABELS };

/** What names a file as an attachment's owner (registered in db/modules.ts): the 通知书 and other papers, scanned. */
export const assistanceOwner: AttachmentOwnerLookup = (ctx, id) =>
  one(
    ctx,
    'SELECT p.name AS label, a.deleted_at AS deletedAt FROM assistance_file a JOIN person p ON p.id = a.person_id WHERE a.id = ?',
    id,
  );
