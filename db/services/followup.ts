/**
 * 重点人员管理: one file per person and group (一人一档), the team that looks after them (专人包保),
 * visits and tests, and what falls due — computed by the engine from the group's rules, never typed
 * in by hand. Every write replaces the file's rows in the to-do table in the same transaction.
 */
import type { z } from 'zod';
import { maskIdNumber } from '../../shared/domain/id-number';
import { earlierOf } from '../../shared/date-math';
import type { DueItem, FactValue, ObligationEvent } from '../../shared/domain/obligations';
import {
  cadenceFor,
  drugTermEndFor,
  followupDueItems,
  groupText,
  isVisitGroup,
  leavesSerious,
  POLICE_RULE_PREFIX,
  policeDuties,
  policeMatterText,
  refusalCount,
  seriousBreach,
  STABILITY_LABELS,
  SUSPENSION_REASON_LABELS,
  SUSPENSION_TERM_SOURCE,
  visitWord,
  type ControlStatus,
  type FileRecord,
  type FollowupGroup,
  type PoliceReason,
} from '../../shared/domain/followup-rules';
import { missedPeriods, openItems } from '../../shared/domain/obligations';
import { LedgerError } from '../../shared/errors';
import type { Paged } from '../../shared/schemas/common';
import {
  controlError,
  FACT_SCHEMAS,
  type FOLLOWUP_FIELD_LABELS,
  FOLLOWUP_STATUS_LABELS,
  FollowupListInput,
  levelLabel,
  MH_TEAM_ROLES,
  type FollowupCreateInput,
  type FollowupEndInput,
  type FollowupLevel,
  type FollowupRow,
  type FollowupStatus,
  type FollowupSubject,
  type FollowupUpdateInput,
  type FollowupReport,
  type FollowupSuspension,
  type FollowupVisit,
  type FollowupVisitInput,
  type FollowupYear,
  type PoliceReportInput,
  type RewardResult,
  type SuspensionInput,
  type YearRecordInput,
} from '../../shared/schemas/followup';
import { isAdmin, type ServiceContext } from '../context';
import { newId } from '../ids';
import type { AttachmentOwnerLookup } from './attachments';
import { audit } from './audit';
import {
  addLevel,
  dropEventLevels,
  dueSoonCondition,
  dueSoonParams,
  holidayTable,
  horizon,
  levelToday,
  loadItemActions,
  loadLevels,
  moveStartLevel,
  syncRecordItems,
  type DueSource,
} from './obligations';
import { requirePerson, type PersonFiles } from './persons';
import type { RecycleSource } from './recycle';
import { staffNamer, staffWork, type StaffNamer, type StaffWork } from './reference';
import { FOLLOWUP_STALE_DUTIES_SQL, keepFollowupDuties } from './followup-duties';
import { followupOverrides } from './followup-cadence';
import { all, containsPattern, one, run, toFen, toYuan, Where, write } from './sql';

export interface SubjectDbRow {
  id: string;
  person_id: string;
  group_code: FollowupGroup;
  group_name: string | null;
  level: FollowupLevel;
  level_since: string;
  control_status: ControlStatus;
  /** JSON [{ date, status }] from the opening; null: the current status since the start. */
  control_history: string | null;
  responsible_staff_id: string;
  village_id: string | null;
  team: string;
  facts: string;
  start_date: string;
  end_date: string | null;
  status: FollowupStatus;
  end_reason: string | null;
  notes: string | null;
  next_due_date: string | null;
  created_at: string;
  deleted_at: string | null;
}

const overrides = followupOverrides;

/**
 * The facts the group's rules read: the stored ones plus the level and the date it was set; a visit
 * group's file adds its attention level and its 管控 status (REVIEW row 11).
 */
export function engineFacts(
  s: Pick<SubjectDbRow, 'group_code' | 'facts' | 'level' | 'level_since'> & { control_status?: ControlStatus },
): Record<string, FactValue> {
  const facts = JSON.parse(s.facts) as Record<string, FactValue>;
  if (s.group_code === 'mental_health') return { ...facts, riskLevel: Number(s.level), riskLevelDate: s.level_since };
  if (isVisitGroup(s.group_code)) return { ...facts, attentionLevel: s.level, control: s.control_status ?? 'controlled' };
  return facts;
}

export interface ControlChange {
  date: string;
  status: ControlStatus;
}

/** The file's 管控 status over time, from its opening (REVIEW row 11). */
export function controlHistory(s: Pick<SubjectDbRow, 'control_status' | 'control_history' | 'start_date'>): ControlChange[] {
  const stored = s.control_history ? (JSON.parse(s.control_history) as ControlChange[]) : [];
  return stored.length ? stored : [{ date: s.start_date, status: s.control_status }];
}

/**
 * The history after an edit: the opening moves with the start date (taking the status in force on it), and
 * a new status holds from `day` (today, or the start when that is later). Null when one status holds throughout.
 */
function nextControlHistory(history: ControlChange[], start: string, status: ControlStatus, day: string): string | null {
  const at = (d: string) => [...history].reverse().find((h) => h.date <= d)?.status ?? history[0]!.status;
  let h: ControlChange[] = [{ date: start, status: at(start) }, ...history.filter((x) => x.date > start)];
  const from = day > start ? day : start;
  if (h[h.length - 1]!.status !== status) {
    h = h.filter((x, i) => i === 0 || x.date < from);
    if (from === start) h[0] = { date: start, status };
    else h.push({ date: from, status });
  }
  // Two stretches of the same status in a row are one.
  h = h.filter((x, i) => i === 0 || x.status !== h[i - 1]!.status);
  return h.length > 1 ? JSON.stringify(h) : null;
}

export function loadVisits(ctx: ServiceContext, subjectId: string): FollowupVisit[] {
  return all<FollowupVisit>(
    ctx,
    `SELECT id, kind, date, method, visitors, findings, level_after AS levelAfter, test_result AS testResult, excuse, stability
     FROM followup_visit WHERE subject_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC`,
    subjectId,
  );
}

interface ReportDbRow {
  id: string;
  date: string;
  policeUnit: string;
  receiver: string;
  note: string | null;
  matters: string;
}

function loadReports(ctx: ServiceContext, subjectId: string): (Omit<FollowupReport, 'matters'> & { matters: string[] })[] {
  return all<ReportDbRow>(
    ctx,
    `SELECT id, date, police_unit AS policeUnit, receiver, note, matters FROM followup_report
     WHERE subject_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC`,
    subjectId,
  ).map((r) => ({ ...r, matters: JSON.parse(r.matters) as string[] }));
}

function loadSuspensions(ctx: ServiceContext, subjectId: string): FollowupSuspension[] {
  return all<FollowupSuspension>(
    ctx,
    `SELECT id, reason, start_date AS startDate, end_date AS endDate, note FROM followup_suspension
     WHERE subject_id = ? AND deleted_at IS NULL ORDER BY start_date DESC, id DESC`,
    subjectId,
  );
}

interface YearDbRow {
  id: string;
  year: number;
  reward_result: RewardResult;
  amount_fen: number | null;
  paid: number;
  paid_date: string | null;
  guardian_name: string | null;
  free_medication: number;
  free_treatment: number;
  note: string | null;
}

const yearOf = (r: YearDbRow): FollowupYear => ({
  id: r.id,
  year: r.year,
  rewardResult: r.reward_result,
  amountYuan: toYuan(r.amount_fen),
  paid: r.paid === 1,
  paidDate: r.paid_date,
  guardianName: r.guardian_name,
  freeMedication: r.free_medication === 1,
  freeTreatment: r.free_treatment === 1,
  note: r.note,
});

/** A mental-health file's years (以奖代补, 免费服药/救治), newest first (REVIEW row 12). */
function loadYears(ctx: ServiceContext, subjectId: string): FollowupYear[] {
  return all<YearDbRow>(
    ctx,
    `SELECT id, year, reward_result, amount_fen, paid, paid_date, guardian_name, free_medication, free_treatment, note
     FROM followup_year WHERE subject_id = ? AND deleted_at IS NULL ORDER BY year DESC`,
    subjectId,
  ).map(yearOf);
}

/** What the file's rules read besides its facts, as known today (never later than `asOf`). */
export function fileRecord(
  ctx: ServiceContext,
  s: Pick<SubjectDbRow, 'id' | 'group_code'>,
  visits: FollowupVisit[],
  asOf?: string,
): FileRecord {
  const today = ctx.clock.today();
  const drug = s.group_code === 'drug';
  return {
    asOf: asOf ? earlierOf(asOf, today) : today,
    holidays: holidayTable(ctx),
    visits,
    reports: drug ? loadReports(ctx, s.id) : [],
    suspensions: drug ? loadSuspensions(ctx, s.id) : [],
    ...visitHistory(ctx, s),
  };
}

/** A visit-group file's level and 管控 status over time: its cadence follows both (REVIEW row 11). */
function visitHistory(
  ctx: ServiceContext,
  s: Pick<SubjectDbRow, 'id' | 'group_code'> & Partial<Pick<SubjectDbRow, 'control_status' | 'control_history' | 'start_date'>>,
): Pick<FileRecord, 'levels' | 'control'> {
  if (!isVisitGroup(s.group_code)) return {};
  const row =
    s.control_status && s.start_date
      ? (s as Pick<SubjectDbRow, 'control_status' | 'control_history' | 'start_date'>)
      : one<SubjectDbRow>(ctx, 'SELECT control_status, control_history, start_date FROM followup_subject WHERE id = ?', s.id)!;
  return { levels: loadLevels<FollowupLevel>(ctx, 'followup', s.id), control: controlHistory(row) };
}

/** The file's due items as of `today`; `extra` adds events that are not recorded visits (the visit plan's projections). */
export function dueItems(
  ctx: ServiceContext,
  s: SubjectDbRow,
  visits: FollowupVisit[],
  today: string,
  extra: ObligationEvent[] = [],
  record: FileRecord = fileRecord(ctx, s, visits),
): DueItem[] {
  return followupDueItems({
    group: s.group_code,
    facts: engineFacts(s),
    overrides: overrides(ctx),
    record,
    subject: { id: s.id, startDate: s.start_date, endDate: s.end_date },
    actions: loadItemActions(ctx, 'followup', s.id),
    today,
    extra,
  });
}

/** Writes one file's open items to the to-do table and its next due date; true when anything changed. */
export function syncFollowup(ctx: ServiceContext, id: string): boolean {
  const s = one<SubjectDbRow>(ctx, 'SELECT * FROM followup_subject WHERE id = ?', id);
  // Generated ahead of today, so next month's duty is listed before the month begins.
  const computed = s && !s.deleted_at ? dueItems(ctx, s, loadVisits(ctx, id), horizon(ctx)) : null;
  // The statistics keep every file's duties, ended ones too (they count for the periods they were in).
  keepFollowupDuties(ctx, id, s && !s.deleted_at ? s : null, computed);
  const live = s && computed && s.status === 'active';
  return syncRecordItems(
    ctx,
    'followup',
    { table: 'followup_subject', id, nextDueDate: s?.next_due_date ?? null },
    live
      ? {
          items: openItems(computed),
          meta: {
            personName: one<{ name: string }>(ctx, 'SELECT name FROM person WHERE id = ?', s.person_id)!.name,
            // A 留守儿童 file is a minor's: its items are on its 包保责任人's dashboard only, as a minor's 社区矫正 file's are.
            closedTo: s.group_code === CLOSED_GROUP ? s.responsible_staff_id : null,
            responsibleStaffId: s.responsible_staff_id,
            villageId: s.village_id,
            link: `/followup/${id}`,
          },
        }
      : null,
  );
}

/** Visits, tests, reports and term ends of files in management (registered in db/modules.ts). */
export const followupDueSource: DueSource<'followup'> = {
  module: 'followup',
  // Files in management, and ended ones whose duties for the statistics were kept under older rules.
  liveIds: `SELECT id FROM followup_subject WHERE deleted_at IS NULL AND (status = 'active' OR ${FOLLOWUP_STALE_DUTIES_SQL})`,
  sync: syncFollowup,
  items(ctx, id, asOf) {
    const s = one<SubjectDbRow>(ctx, 'SELECT * FROM followup_subject WHERE id = ?', id);
    return s ? dueItems(ctx, s, loadVisits(ctx, id), asOf) : [];
  },
  requireEditable(ctx, id) {
    requireLive(ctx, id);
  },
};

function teamMissing(group: FollowupGroup, team: { role: string }[]): string[] {
  if (group !== 'mental_health') return [];
  return MH_TEAM_ROLES.filter((r) => !team.some((m) => m.role === r));
}

function loadSubject(ctx: ServiceContext, id: string): FollowupSubject | undefined {
  const s = one<SubjectDbRow>(ctx, 'SELECT * FROM followup_subject WHERE id = ?', id);
  if (!s) return undefined;
  const p = one<{
    id: string;
    name: string;
    sex: 'M' | 'F' | null;
    id_number: string | null;
    phone: string | null;
    address: string | null;
  }>(
    ctx,
    'SELECT id, name, sex, id_number, phone, coalesce(residence_address, household_address) AS address FROM person WHERE id = ?',
    s.person_id,
  )!;
  const staffName = one<{ name: string }>(ctx, 'SELECT name FROM staff WHERE id = ?', s.responsible_staff_id)?.name ?? '';
  const villageName = s.village_id
    ? (one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', s.village_id)?.name ?? null)
    : null;
  const visits = loadVisits(ctx, id);
  const today = ctx.clock.today();
  const drug = s.group_code === 'drug';
  const reports = drug ? loadReports(ctx, id) : [];
  const suspensions = drug ? loadSuspensions(ctx, id) : [];
  const record: FileRecord = { asOf: today, holidays: holidayTable(ctx), visits, reports, suspensions, ...visitHistory(ctx, s) };
  const control = controlHistory(s);
  const items = dueItems(ctx, s, visits, today, [], record);
  const open = openItems(items);
  const facts = JSON.parse(s.facts) as Record<string, unknown>;
  const team = JSON.parse(s.team) as FollowupSubject['team'];
  const refusals = refusalCount(visits);
  const breach = drug
    ? {
        ...seriousBreach({
          testRefusals: refusals,
          unauthorizedLeaves: Number(facts.leaveTimes ?? 0),
          daysAway: Number(facts.leaveDays ?? 0),
        }),
        refusals,
        excused: visits.filter((v) => v.kind === 'test' && v.testResult === '未到' && v.excuse).length,
      }
    : null;
  return {
    id: s.id,
    person: { id: p.id, name: p.name, sex: p.sex, idNumber: p.id_number, phone: p.phone, address: p.address },
    group: s.group_code,
    groupName: s.group_name,
    level: s.level,
    levelSince: s.level_since,
    control: s.control_status,
    controlSince: control[control.length - 1]!.date,
    visitWord: visitWord(s.group_code, overrides(ctx).mentalHealthScheme),
    levels: loadLevels<FollowupLevel>(ctx, 'followup', id),
    responsibleStaffId: s.responsible_staff_id,
    responsibleName: staffName,
    villageId: s.village_id,
    villageName,
    team,
    teamMissing: teamMissing(s.group_code, team),
    facts,
    startDate: s.start_date,
    endDate: s.end_date,
    status: s.status,
    endReason: s.end_reason,
    notes: s.notes,
    visits,
    // Open items first (by due date), then what was done, newest first.
    dueItems: [...open, ...items.filter((i) => !open.includes(i)).reverse()],
    itemActions: loadItemActions(ctx, 'followup', id),
    missed: missedPeriods(items),
    cadence: s.status === 'active' ? cadenceFor(s.group_code, engineFacts(s), overrides(ctx), record) : [],
    breach,
    reports: reports.map((r) => ({ ...r, matters: r.matters.map((m) => ({ id: m, label: policeMatterText(m) })) })),
    suspensions,
    years: s.group_code === 'mental_health' ? loadYears(ctx, id) : [],
    drug: drug ? drugState(ctx, s, items, record) : null,
    nextDueDate: open[0]?.dueDate ?? null,
    createdAt: s.created_at,
    deletedAt: s.deleted_at,
  };
}

/** The files in management a colleague is 包保责任人 of, for handing over when they leave (registered in db/modules.ts). */
export const followupStaffWork: StaffWork = staffWork({
  label: '在管的重点人员档案',
  unit: '份',
  open: (ctx, staffId) =>
    all<{ id: string }>(
      ctx,
      "SELECT id FROM followup_subject WHERE responsible_staff_id = ? AND deleted_at IS NULL AND status = 'active' ORDER BY start_date",
      staffId,
    ).map((r) => r.id),
  move(ctx, id, toStaffId) {
    const before = loadSubject(ctx, id)!;
    run(ctx, 'UPDATE followup_subject SET responsible_staff_id = ?, updated_at = ? WHERE id = ?', toStaffId, ctx.clock.now(), id);
    syncFollowup(ctx, id);
    audit(ctx, { action: 'update', entity: 'followup', entityId: id, before: snapshot(before), after: snapshot(loadSubject(ctx, id)!) });
  },
});

/**
 * 留守儿童 files are minors' files: with login, only their 包保责任人 and the administrator open them (a host
 * without login, a script, sees every file). The list, the person page and the file itself keep to it.
 */
const CLOSED_GROUP: FollowupGroup = 'left_behind_child';
const seesClosed = (ctx: ServiceContext) => ctx.user.role === undefined || isAdmin(ctx.user);

function requireReadable(ctx: ServiceContext, s: FollowupSubject): FollowupSubject {
  if (s.group === CLOSED_GROUP && !seesClosed(ctx) && s.responsibleStaffId !== ctx.user.id)
    throw new LedgerError('UNAUTHORIZED', '这是留守儿童的档案，涉及未成年人信息，只有其包保责任人和管理员可以查看和修改。');
  return s;
}

export function getSubject(ctx: ServiceContext, id: string): FollowupSubject {
  const s = loadSubject(ctx, id);
  if (!s) throw new LedgerError('NOT_FOUND', '该重点人员档案不存在。');
  return requireReadable(ctx, s);
}

function requireLive(ctx: ServiceContext, id: string, allowEnded = false): FollowupSubject {
  const s = loadSubject(ctx, id);
  if (!s || s.deletedAt) throw new LedgerError('NOT_FOUND', '该重点人员档案不存在或已删除。');
  requireReadable(ctx, s);
  if (!allowEnded && s.status !== 'active') throw new LedgerError('INVALID_TRANSITION', '该档案已解除管理，不能再修改。');
  return s;
}

/** A drug file's 报告公安 duties (every one that arose, with its state), its term end and whether a 中止 lasts. */
function drugState(ctx: ServiceContext, s: SubjectDbRow, items: DueItem[], record: FileRecord): FollowupSubject['drug'] {
  const facts = engineFacts(s);
  const reasons = new Map<string, PoliceReason>(policeDuties(facts, record).map((d) => [d.id, d.reason]));
  const term = drugTermEndFor(facts, overrides(ctx), record.suspensions);
  return {
    police: items
      .filter((i) => i.ruleId.startsWith(POLICE_RULE_PREFIX))
      .map((i) => ({ ...i, reason: reasons.get(i.ruleId) ?? 'positive' })),
    term: term && {
      ...term,
      source: overrides(ctx).suspensionExtendsTerm ? `本所设定：中止期间顺延期满日期。${SUSPENSION_TERM_SOURCE}` : SUSPENSION_TERM_SOURCE,
    },
    suspended: record.suspensions.some((x) => x.endDate === null),
  };
}

function snapshot(s: FollowupSubject) {
  const {
    visits: _v,
    dueItems: _d,
    itemActions: _a,
    missed: _m,
    levels: _l,
    cadence: _c,
    breach: _b,
    reports: _r,
    suspensions: _s,
    years: _y,
    drug: _g,
    visitWord: _w,
    controlSince: _cs,
    person,
    ...rest
  } = s;
  return { ...rest, name: person.name };
}

type Fields = z.output<typeof FollowupCreateInput>;

/**
 * Drug files: the day the leave counts first reached the serious-breach threshold, kept from the file as it
 * was while they stay there and dropped when they fall below it; never what the form sends.
 */
function stampLeaveBreach(
  ctx: ServiceContext,
  facts: Record<string, unknown>,
  before: Record<string, unknown> | null,
): Record<string, unknown> {
  const { leaveBreachDate: _sent, ...rest } = facts;
  if (!leavesSerious(rest as Record<string, FactValue>)) return rest;
  const kept = before && leavesSerious(before as Record<string, FactValue>) ? before.leaveBreachDate : null;
  return { ...rest, leaveBreachDate: typeof kept === 'string' && kept ? kept : ctx.clock.today() };
}

function checkFields(
  ctx: ServiceContext,
  f: Fields & { control: ControlStatus },
  before: Record<string, unknown> | null = null,
): Record<string, unknown> {
  requirePerson(ctx, f.personId);
  if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL AND active = 1', f.responsibleStaffId)) {
    throw new LedgerError('VALIDATION', '包保责任人不存在或已停用', { fields: { responsibleStaffId: '包保责任人不存在或已停用' } });
  }
  if (f.villageId && !one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', f.villageId)) {
    throw new LedgerError('VALIDATION', '村（社区）不存在', { fields: { villageId: '村（社区）不存在' } });
  }
  const control = controlError(f.group, f.control);
  if (control) throw new LedgerError('VALIDATION', control, { fields: { control } });
  // The schema already checked the facts; parse again to store only known fields with defaults applied.
  const facts = FACT_SCHEMAS[f.group].parse(f.facts) as Record<string, unknown>;
  if (f.group !== 'drug') return facts;
  return stampLeaveBreach(ctx, facts, before);
}

// ── the level over time ──────────────────────────────────────────────────────────────────────

/** Today's level, and the day it took effect, from the history: the cadence counts from that day. */
function refreshLevel(ctx: ServiceContext, subjectId: string): void {
  const at = levelToday<FollowupLevel>(ctx, 'followup', subjectId);
  if (at) {
    run(
      ctx,
      'UPDATE followup_subject SET level = ?, level_since = ? WHERE id = ? AND (level <> ? OR level_since <> ?)',
      at.level,
      at.since,
      subjectId,
      at.level,
      at.since,
    );
  }
}

export function createSubject(ctx: ServiceContext, input: Fields): FollowupSubject {
  return write(ctx, () => {
    const f = { ...input, control: input.control ?? 'controlled' };
    const facts = checkFields(ctx, f);
    const dup = one<{ id: string }>(
      ctx,
      "SELECT id FROM followup_subject WHERE person_id = ? AND group_code = ? AND status = 'active' AND deleted_at IS NULL",
      f.personId,
      f.group,
    );
    if (dup)
      throw new LedgerError('CONFLICT', '此人在该类别已有在管档案，请在原档案中记录。', {
        fields: { personId: `已有在管档案（${dup.id}）` },
      });
    const id = newId();
    const now = ctx.clock.now();
    run(
      ctx,
      `INSERT INTO followup_subject (id, person_id, group_code, group_name, level, level_since, control_status, responsible_staff_id, village_id, team, facts, start_date, status, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
      id,
      f.personId,
      f.group,
      f.group === 'other' ? f.groupName : null,
      f.level,
      f.startDate,
      f.control,
      f.responsibleStaffId,
      f.villageId,
      JSON.stringify(f.team),
      JSON.stringify(facts),
      f.startDate,
      f.notes,
      now,
      now,
    );
    addLevel(ctx, 'followup', id, { date: f.startDate, level: f.level, source: 'start' });
    syncFollowup(ctx, id);
    const s = getSubject(ctx, id);
    audit(ctx, { action: 'create', entity: 'followup', entityId: id, after: snapshot(s) });
    return s;
  });
}

export function updateSubject(ctx: ServiceContext, sent: z.output<typeof FollowupUpdateInput>): FollowupSubject {
  return write(ctx, () => {
    const before = requireLive(ctx, sent.id);
    // 管控状态 left out: unchanged.
    const input = { ...sent, control: sent.control ?? before.control };
    const facts = checkFields(ctx, input, before.group === input.group ? before.facts : null);
    if (input.group !== before.group)
      throw new LedgerError('VALIDATION', '档案类别建立后不能更改；如需转类，请解除本档案后新建。', { fields: { group: '类别不能更改' } });
    if (input.personId !== before.person.id)
      throw new LedgerError('VALIDATION', '档案对应的人员不能更改', { fields: { personId: '人员不能更改' } });
    // A change of 管控 status holds from today (the months owed before stay owed); the opening moves with the start.
    const row = one<SubjectDbRow>(ctx, 'SELECT * FROM followup_subject WHERE id = ?', input.id)!;
    const history = nextControlHistory(controlHistory(row), input.startDate, input.control, ctx.clock.today());
    run(
      ctx,
      `UPDATE followup_subject SET group_name = ?, control_status = ?, control_history = ?, responsible_staff_id = ?, village_id = ?, team = ?, facts = ?, start_date = ?, notes = ?, updated_at = ? WHERE id = ?`,
      input.group === 'other' ? input.groupName : null,
      input.control,
      history,
      input.responsibleStaffId,
      input.villageId,
      JSON.stringify(input.team),
      JSON.stringify(facts),
      input.startDate,
      input.notes,
      ctx.clock.now(),
      input.id,
    );
    // The level the file was opened with moves with its start; a level changed here holds from today.
    moveStartLevel(ctx, 'followup', input.id, input.startDate);
    if (input.level !== before.level) addLevel(ctx, 'followup', input.id, { date: ctx.clock.today(), level: input.level, source: 'edit' });
    refreshLevel(ctx, input.id);
    syncFollowup(ctx, input.id);
    const after = getSubject(ctx, input.id);
    audit(ctx, { action: 'update', entity: 'followup', entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

export function endSubject(ctx: ServiceContext, input: z.output<typeof FollowupEndInput>): FollowupSubject {
  return write(ctx, () => {
    const before = requireLive(ctx, input.id);
    if (input.endDate < before.startDate)
      throw new LedgerError('VALIDATION', '解除日期不能早于建档日期', { fields: { endDate: '解除日期不能早于建档日期' } });
    if (input.status === 'terminated' && before.group !== 'drug')
      throw new LedgerError('VALIDATION', '只有社区戒毒/社区康复档案可以终止', { fields: { status: '此类档案不适用终止' } });
    run(
      ctx,
      'UPDATE followup_subject SET status = ?, end_date = ?, end_reason = ?, updated_at = ? WHERE id = ?',
      input.status,
      input.endDate,
      input.endReason,
      ctx.clock.now(),
      input.id,
    );
    syncFollowup(ctx, input.id);
    const after = getSubject(ctx, input.id);
    audit(ctx, {
      action: 'status',
      entity: 'followup',
      entityId: input.id,
      before: { status: before.status },
      after: { status: after.status, date: input.endDate, note: input.endReason },
    });
    return after;
  });
}

export function saveVisit(ctx: ServiceContext, input: z.output<typeof FollowupVisitInput>): FollowupSubject {
  return write(ctx, () => {
    const s = requireLive(ctx, input.subjectId);
    if (input.date < s.startDate)
      throw new LedgerError('VALIDATION', '走访日期不能早于建档日期', { fields: { date: '走访日期不能早于建档日期' } });
    if (input.kind === 'test' && s.group !== 'drug')
      throw new LedgerError('VALIDATION', '只有社区戒毒/康复人员记录检测', { fields: { kind: '此类人员不记录检测' } });
    if (input.levelAfter && !((s.group === 'mental_health') === /^\d$/.test(input.levelAfter))) {
      throw new LedgerError('VALIDATION', '重新评估的等级不适用于此类人员', { fields: { levelAfter: '等级不适用于此类人员' } });
    }
    if (input.stability && !(s.group === 'mental_health' && input.kind === 'visit'))
      throw new LedgerError('VALIDATION', '病情稳定情况只用于严重精神障碍患者的随访', {
        fields: { stability: '此类记录不评估病情稳定情况' },
      });
    const now = ctx.clock.now();
    const test = input.kind === 'test';
    const fields = [
      input.kind,
      input.date,
      input.method,
      input.visitors,
      input.findings,
      input.levelAfter,
      test ? input.testResult : null,
      test && input.testResult === '未到' ? input.excuse : null,
      test ? null : input.stability,
    ] as const;
    let id = input.id;
    if (id) {
      const old = one<{ id: string }>(
        ctx,
        'SELECT id FROM followup_visit WHERE id = ? AND subject_id = ? AND deleted_at IS NULL',
        id,
        s.id,
      );
      if (!old) throw new LedgerError('NOT_FOUND', '该走访记录不存在。');
      run(
        ctx,
        'UPDATE followup_visit SET kind = ?, date = ?, method = ?, visitors = ?, findings = ?, level_after = ?, test_result = ?, excuse = ?, stability = ?, updated_at = ? WHERE id = ?',
        ...fields,
        now,
        id,
      );
    } else {
      id = newId();
      run(
        ctx,
        'INSERT INTO followup_visit (id, subject_id, kind, date, method, visitors, findings, level_after, test_result, excuse, stability, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        id,
        s.id,
        ...fields,
        now,
        now,
      );
    }
    // A reassessment counts from the visit's day: today's level (and the cadence) follow the history.
    dropEventLevels(ctx, 'followup', id);
    if (input.levelAfter) addLevel(ctx, 'followup', s.id, { date: input.date, level: input.levelAfter, source: 'visit', eventId: id });
    refreshLevel(ctx, s.id);
    syncFollowup(ctx, s.id);
    const after = getSubject(ctx, s.id);
    const visit = after.visits.find((v) => v.id === id)!;
    audit(ctx, {
      action: 'update',
      entity: 'followup',
      entityId: s.id,
      before: { level: s.level },
      after: {
        level: after.level,
        visit: {
          date: visit.date,
          method: visit.method,
          visitors: visit.visitors,
          findings: visit.findings,
          testResult: visit.testResult,
          ...(visit.excuse ? { excuse: `正当理由：${visit.excuse}` } : {}),
          ...(visit.stability ? { stability: `病情${STABILITY_LABELS[visit.stability]}` } : {}),
        },
      },
    });
    return after;
  });
}

/**
 * Takes one row of a file's record back (a visit, a police report, a 中止): soft-deleted in a file
 * still in management, the file recomputed, and its history told what went (`field`: the row as
 * `describe` words it). `beforeSync` runs first for what goes with the row (a visit's reassessment).
 */
function removeRecordRow<T extends { subject_id: string }>(
  ctx: ServiceContext,
  row: {
    table: 'followup_visit' | 'followup_report' | 'followup_suspension' | 'followup_year';
    columns: string;
    id: string;
    missing: string;
    field: keyof typeof FOLLOWUP_FIELD_LABELS;
    describe: (r: T) => unknown;
    beforeSync?: (r: T) => void;
  },
): FollowupSubject {
  return write(ctx, () => {
    const r = one<T>(ctx, `SELECT subject_id, ${row.columns} FROM ${row.table} WHERE id = ? AND deleted_at IS NULL`, row.id);
    if (!r) throw new LedgerError('NOT_FOUND', row.missing);
    requireLive(ctx, r.subject_id);
    run(ctx, `UPDATE ${row.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`, ctx.clock.now(), ctx.clock.now(), row.id);
    row.beforeSync?.(r);
    syncFollowup(ctx, r.subject_id);
    audit(ctx, {
      action: 'update',
      entity: 'followup',
      entityId: r.subject_id,
      before: { [row.field]: row.describe(r) },
      after: { [row.field]: null },
    });
    return getSubject(ctx, r.subject_id);
  });
}

export function deleteVisit(ctx: ServiceContext, id: string): FollowupSubject {
  return removeRecordRow<{ subject_id: string; date: string; findings: string }>(ctx, {
    table: 'followup_visit',
    columns: 'date, findings',
    id,
    missing: '该走访记录不存在。',
    field: 'visit',
    describe: (v) => ({ date: v.date, findings: v.findings }),
    // A reassessment goes with its visit: the level falls back to what held before it.
    beforeSync: (v) => {
      dropEventLevels(ctx, 'followup', id);
      refreshLevel(ctx, v.subject_id);
    },
  });
}

// ── drug files: reports to the police and 中止 ──────────────────────────────────────────────────

function requireDrug(ctx: ServiceContext, subjectId: string, what: string): FollowupSubject {
  const s = requireLive(ctx, subjectId);
  if (s.group !== 'drug') throw new LedgerError('VALIDATION', `只有社区戒毒/社区康复档案记录${what}`);
  return s;
}

function checkRecordDate(s: FollowupSubject, date: string, field: string, label: string): void {
  if (date < s.startDate)
    throw new LedgerError('VALIDATION', `${label}不能早于建档日期`, { fields: { [field]: `${label}不能早于建档日期` } });
}

/**
 * Writes one row of a drug file's record (new when `id` is null) with the columns given (names from
 * this file, never from input), recomputes the file and tells its history what changed under `field`.
 */
function saveRecordRow(
  ctx: ServiceContext,
  s: FollowupSubject,
  row: {
    table: 'followup_report' | 'followup_suspension' | 'followup_year';
    id: string | null;
    columns: Record<string, string | number | null>;
    field: keyof typeof FOLLOWUP_FIELD_LABELS;
    before: unknown;
    after: unknown;
  },
): FollowupSubject {
  const now = ctx.clock.now();
  const names = Object.keys(row.columns);
  const values = Object.values(row.columns);
  if (row.id) {
    run(ctx, `UPDATE ${row.table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, ...values, now, row.id);
  } else {
    run(
      ctx,
      `INSERT INTO ${row.table} (id, subject_id, ${names.join(', ')}, created_at, updated_at) VALUES (${['?', '?', ...names.map(() => '?'), '?', '?'].join(', ')})`,
      newId(),
      s.id,
      ...values,
      now,
      now,
    );
  }
  syncFollowup(ctx, s.id);
  const after = getSubject(ctx, s.id);
  audit(ctx, {
    action: 'update',
    entity: 'followup',
    entityId: s.id,
    before: { [row.field]: row.before },
    after: { [row.field]: row.after },
  });
  return after;
}

const reportWords = (date: string, policeUnit: string, receiver: string, matters: string[], note: string | null) => ({
  date,
  policeUnit,
  receiver,
  matters: matters.map(policeMatterText).join('、') || '（未关联待办事项）',
  ...(note ? { note } : {}),
});

/**
 * 报告公安机关 (REVIEW row 2): a dated record of a report to the police that closes the duties it names.
 * Each named duty must be one the file has (a stale page gets a clear message); the form names every open one.
 */
export function saveReport(ctx: ServiceContext, input: z.output<typeof PoliceReportInput>): FollowupSubject {
  return write(ctx, () => {
    const s = requireDrug(ctx, input.subjectId, '报告公安机关');
    checkRecordDate(s, input.date, 'date', '报告日期');
    const old = input.id
      ? one<ReportDbRow>(
          ctx,
          'SELECT id, date, police_unit AS policeUnit, receiver, note, matters FROM followup_report WHERE id = ? AND subject_id = ? AND deleted_at IS NULL',
          input.id,
          s.id,
        )
      : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该报告记录不存在。');
    const known = new Set([...(s.drug?.police ?? []).map((d) => d.ruleId), ...(old ? (JSON.parse(old.matters) as string[]) : [])]);
    const matters = [...new Set(input.matters)];
    if (matters.some((m) => !known.has(m)))
      throw new LedgerError('VALIDATION', '报告事由已有变化，请刷新后重试。', { fields: { matters: '报告事由已有变化，请刷新后重试' } });
    return saveRecordRow(ctx, s, {
      table: 'followup_report',
      id: input.id,
      columns: {
        date: input.date,
        police_unit: input.policeUnit,
        receiver: input.receiver,
        note: input.note,
        matters: JSON.stringify(matters),
      },
      field: 'report',
      before: old ? reportWords(old.date, old.policeUnit, old.receiver, JSON.parse(old.matters) as string[], old.note) : null,
      after: reportWords(input.date, input.policeUnit, input.receiver, matters, input.note),
    });
  });
}

export function deleteReport(ctx: ServiceContext, id: string): FollowupSubject {
  return removeRecordRow<{ subject_id: string; date: string; police_unit: string }>(ctx, {
    table: 'followup_report',
    columns: 'date, police_unit',
    id,
    missing: '该报告记录不存在。',
    field: 'report',
    describe: (r) => ({ date: r.date, policeUnit: r.police_unit }),
  });
}

/**
 * 中止 (REVIEW row 13): detained or arrested from a day, released on a later one (blank while it lasts).
 * Periods of one file never overlap, and only one may be open.
 */
export function saveSuspension(ctx: ServiceContext, input: z.output<typeof SuspensionInput>): FollowupSubject {
  return write(ctx, () => {
    const s = requireDrug(ctx, input.subjectId, '中止');
    checkRecordDate(s, input.startDate, 'startDate', '中止日期');
    if (input.endDate) checkRecordDate(s, input.endDate, 'endDate', '释放日期');
    const old = input.id ? s.suspensions.find((x) => x.id === input.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该中止记录不存在。');
    const end = input.endDate ?? '9999-12-31';
    const clash = s.suspensions.find((x) => x.id !== input.id && x.startDate <= end && (x.endDate ?? '9999-12-31') >= input.startDate);
    if (clash) {
      const when = `${clash.startDate}至${clash.endDate ?? '今'}`;
      throw new LedgerError('VALIDATION', `与已有的中止（${when}）重叠`, { fields: { startDate: `与已有的中止（${when}）重叠` } });
    }
    const words = (x: { reason: keyof typeof SUSPENSION_REASON_LABELS; startDate: string; endDate: string | null }) =>
      `${SUSPENSION_REASON_LABELS[x.reason]}，${x.startDate}起${x.endDate ? `，${x.endDate}释放` : ''}`;
    return saveRecordRow(ctx, s, {
      table: 'followup_suspension',
      id: input.id,
      columns: { reason: input.reason, start_date: input.startDate, end_date: input.endDate, note: input.note },
      field: 'suspension',
      before: old ? words(old) : null,
      after: words(input),
    });
  });
}

export function deleteSuspension(ctx: ServiceContext, id: string): FollowupSubject {
  return removeRecordRow<{ subject_id: string; start_date: string }>(ctx, {
    table: 'followup_suspension',
    columns: 'start_date',
    id,
    missing: '该中止记录不存在。',
    field: 'suspension',
    describe: (r) => `${r.start_date}起`,
  });
}

// ── mental-health files: the year's 以奖代补 and free care (REVIEW row 12) ──────────────────────

/** A year in words, for the file's history: 2024年：以奖代补合格，已发放1200元（2025-01-20），监护人赵母；免费服药. */
function yearWords(y: Omit<FollowupYear, 'id' | 'note'>): string {
  const paid = y.paid ? `，已发放${y.amountYuan !== null ? `${y.amountYuan}元` : ''}${y.paidDate ? `（${y.paidDate}）` : ''}` : '';
  const free = [y.freeMedication ? '免费服药' : '', y.freeTreatment ? '免费救治' : ''].filter(Boolean).join('、');
  return `${y.year}年：以奖代补${y.rewardResult}${paid}${y.guardianName ? `，监护人${y.guardianName}` : ''}${free ? `；${free}` : ''}`;
}

/**
 * One year of a severe-mental-disorder file: the 以奖代补 考核结果, payment and guardian, 免费服药 and
 * 免费救治 — one record per year, not after this year nor before the year the file was opened.
 */
export function saveYear(ctx: ServiceContext, input: z.output<typeof YearRecordInput>): FollowupSubject {
  return write(ctx, () => {
    const s = requireLive(ctx, input.subjectId);
    if (s.group !== 'mental_health') throw new LedgerError('VALIDATION', '只有严重精神障碍患者档案记录以奖代补、免费服药和免费救治');
    const startYear = Number(s.startDate.slice(0, 4));
    const field = (name: string, message: string) => new LedgerError('VALIDATION', message, { fields: { [name]: message } });
    if (input.year < startYear) throw field('year', `年度不能早于建档年度（${startYear}年）`);
    const old = input.id ? s.years.find((y) => y.id === input.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该年度记录不存在。');
    if (s.years.some((y) => y.year === input.year && y.id !== input.id)) throw field('year', `${input.year}年已有记录，请修改原记录`);
    return saveRecordRow(ctx, s, {
      table: 'followup_year',
      id: input.id,
      columns: {
        year: input.year,
        reward_result: input.rewardResult,
        amount_fen: toFen(input.amountYuan),
        paid: input.paid ? 1 : 0,
        paid_date: input.paidDate,
        guardian_name: input.guardianName,
        free_medication: input.freeMedication ? 1 : 0,
        free_treatment: input.freeTreatment ? 1 : 0,
        note: input.note,
      },
      field: 'year',
      before: old ? yearWords(old) : null,
      after: yearWords(input),
    });
  });
}

export function deleteYear(ctx: ServiceContext, id: string): FollowupSubject {
  return removeRecordRow<{ subject_id: string } & YearDbRow>(ctx, {
    table: 'followup_year',
    columns: 'id, year, reward_result, amount_fen, paid, paid_date, guardian_name, free_medication, free_treatment, note',
    id,
    missing: '该年度记录不存在。',
    field: 'year',
    describe: (r) => yearWords(yearOf(r)),
  });
}

export function deleteSubject(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const s = requireLive(ctx, id, true);
    run(ctx, 'UPDATE followup_subject SET deleted_at = ?, updated_at = ? WHERE id = ?', ctx.clock.now(), ctx.clock.now(), id);
    syncFollowup(ctx, id);
    audit(ctx, { action: 'delete', entity: 'followup', entityId: id, before: snapshot(s) });
    return { ok: true as const };
  });
}

export function restoreSubject(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const s = loadSubject(ctx, id);
    if (!s?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有该档案。');
    run(ctx, 'UPDATE followup_subject SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.clock.now(), id);
    syncFollowup(ctx, id);
    audit(ctx, { action: 'restore', entity: 'followup', entityId: id, after: snapshot(getSubject(ctx, id)) });
    return { ok: true as const };
  });
}

// ── the ledger ───────────────────────────────────────────────────────────────────────────────

const SORT_SQL = { nextDueDate: 'f.next_due_date', startDate: 'f.start_date', name: 'p.name_initials' } as const;

export function followupWhere(f: Omit<z.output<typeof FollowupListInput>, 'page' | 'pageSize'>, today: string): Where {
  return new Where(f.deleted ? 'f.deleted_at IS NOT NULL' : 'f.deleted_at IS NULL', { today })
    .when(f.group, 'f.group_code = @group', 'group')
    .when(f.level, 'f.level = @level', 'level')
    .when(f.control === 'controlled' ? 'controlled' : undefined, "f.control_status <> 'registered'")
    .when(f.control && f.control !== 'controlled' ? f.control : undefined, 'f.control_status = @control', 'control')
    .when(f.status, 'f.status = @status', 'status')
    .when(f.villageId, 'f.village_id = @villageId', 'villageId')
    .when(f.responsibleStaffId, 'f.responsible_staff_id = @staffId', 'staffId')
    .when(f.overdue, "f.status = 'active' AND f.next_due_date < @today")
    .when(f.due7, `f.status = 'active' AND ${dueSoonCondition('followup', 'f.id')}`, dueSoonParams(today))
    .when(f.q && containsPattern(f.q), "p.name LIKE @q ESCAPE '\\'", 'q');
}

export type FollowupFilter = Omit<z.output<typeof FollowupListInput>, 'page' | 'pageSize'>;
export type FollowupListDbRow = Omit<FollowupRow, 'overdue' | 'idNumberMasked'> & {
  idNumber: string | null;
  responsibleStaffId: string | null;
};

/** The ledger's count and page queries (named parameters, plus @limit/@offset for the page), shared with the export. */
export function followupListSql(
  ctx: ServiceContext,
  f: FollowupFilter,
  today: string,
): { count: string; page: string; params: Record<string, unknown> } {
  const filtered = followupWhere(f, today);
  // 留守儿童 files only for their 包保责任人 and the administrator (requireReadable).
  const { sql: where, params } = seesClosed(ctx)
    ? filtered
    : filtered.and(`(f.group_code <> '${CLOSED_GROUP}' OR f.responsible_staff_id = @operator)`, { operator: ctx.user.id });
  const from = 'FROM followup_subject f JOIN person p ON p.id = f.person_id';
  const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
  return {
    count: `SELECT count(*) AS n ${from} WHERE ${where}`,
    page: `SELECT f.id, f.person_id AS personId, p.name AS personName, p.id_number AS idNumber, f.group_code AS "group", f.group_name AS groupName, f.level, f.control_status AS control,
       f.responsible_staff_id AS responsibleStaffId, (SELECT name FROM staff WHERE id = f.responsible_staff_id) AS responsibleName,
       (SELECT name FROM village WHERE id = f.village_id) AS villageName,
       f.start_date AS startDate, f.status, f.next_due_date AS nextDueDate, f.deleted_at AS deletedAt
     ${from} WHERE ${where}
     ORDER BY ${SORT_SQL[f.sort]} IS NULL, ${SORT_SQL[f.sort]} ${dir}, f.id ${dir} LIMIT @limit OFFSET @offset`,
    params,
  };
}

/** A row as the ledger and its export show it: the 包保责任人 named as everywhere (two of one name told apart). */
export function followupRow({ idNumber, responsibleStaffId, ...r }: FollowupListDbRow, today: string, name: StaffNamer): FollowupRow {
  return {
    ...r,
    responsibleName: name(responsibleStaffId, r.responsibleName) ?? '',
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    overdue: r.status === 'active' && r.nextDueDate !== null && r.nextDueDate < today,
  };
}

export function listSubjects(ctx: ServiceContext, f: z.output<typeof FollowupListInput>): Paged<FollowupRow> {
  const today = ctx.clock.today();
  const q = followupListSql(ctx, f, today);
  const total = one<{ n: number }>(ctx, q.count, q.params)!.n;
  const rows = all<FollowupListDbRow>(ctx, q.page, { ...q.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const name = staffNamer(ctx);
  return { rows: rows.map((r) => followupRow(r, today, name)), total, page: f.page, pageSize: f.pageSize };
}

// ── what the person page and the recycle bin ask of the module ─────────────────────────────────

/** The person page's list of a person's special-group files (registered in db/modules.ts). */
export const followupPersonFiles: PersonFiles = (ctx, personId) =>
  all<{ id: string; group: FollowupGroup; groupName: string | null; level: FollowupLevel; startDate: string; status: FollowupStatus }>(
    ctx,
    `SELECT id, group_code AS "group", group_name AS groupName, level, start_date AS startDate, status
     FROM followup_subject WHERE person_id = ? AND deleted_at IS NULL
       AND (? = 1 OR group_code <> '${CLOSED_GROUP}' OR responsible_staff_id = ?) ORDER BY start_date DESC`,
    personId,
    seesClosed(ctx) ? 1 : 0,
    ctx.user.id,
  ).map((f) => ({
    module: 'followup',
    id: f.id,
    title: `${groupText(f.group, f.groupName)}档案`,
    role: levelLabel(f.level, f.group),
    date: f.startDate,
    status: FOLLOWUP_STATUS_LABELS[f.status],
  }));

/** The recycle bin's section of deleted files (registered in db/modules.ts). */
export const followupRecycle: RecycleSource = {
  deleted(ctx, limit) {
    const page = listSubjects(ctx, FollowupListInput.parse({ deleted: true, pageSize: limit }));
    return {
      rows: page.rows.map((f) => ({
        id: f.id,
        name: `${f.personName}的档案`,
        cells: [f.personName, groupText(f.group, f.groupName), f.startDate],
        deletedAt: f.deletedAt!,
      })),
      total: page.total,
    };
  },
  restore: (ctx, id) => void restoreSubject(ctx, id),
};

/** What names a file as an attachment's owner: the person's name (registered in db/modules.ts). */
export const followupOwner: AttachmentOwnerLookup = (ctx, id) =>
  one(
    ctx,
    'SELECT p.name AS label, f.deleted_at AS deletedAt FROM followup_subject f JOIN person p ON p.id = f.person_id WHERE f.id = ?',
    id,
  );
