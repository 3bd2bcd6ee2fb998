/**
 * The to-do table (`obligation`): every open due item of every file, computed by the engine in
 * shared/domain/obligations.ts. A write to a file replaces that file's rows in the same transaction;
 * once a day the whole table is rebuilt, so calendar duties of a new month appear for files nobody
 * touched. The dashboard reads only this table, through its due-date indexes.
 */
import { addDays } from '../../shared/dates';
import { disputeDueItems, type DisputeStatus } from '../../shared/domain/dispute-status';
import { DEFAULT_HOLIDAYS, type HolidayTable } from '../../shared/domain/holidays';
import { computeDueItems, type DeadlineRule, type DueItem } from '../../shared/domain/obligations';
import type { DashboardModule } from '../../shared/schemas/followup';
import type { ServiceContext } from '../context';
import { getSetting, putSetting } from './reference';
import { all, one, run } from './sql';

/** Items are generated this far ahead, so a month's duty is on the list before the month begins. */
export const HORIZON_DAYS = 62;

// The engine indexes a table once per object: keep one parsed table per stored text.
let parsed: { raw: string; table: HolidayTable } | null = null;

export function holidayTable(ctx: ServiceContext): HolidayTable {
  const raw = one<{ value: string }>(ctx, "SELECT value FROM setting WHERE key = 'holidays'")?.value;
  if (!raw) return DEFAULT_HOLIDAYS;
  if (parsed?.raw !== raw) parsed = { raw, table: JSON.parse(raw) as HolidayTable };
  return parsed.table;
}

const KIND: Record<DueItem['kind'], string> = { every: 'visit', periodic: 'visit', termEnd: 'term_end', deadline: 'deadline', window: 'deadline' };

export interface OwnerMeta {
  personName: string;
  responsibleStaffId: string | null;
  villageId: string | null;
  link: string;
}

/** Replaces one file's open items; `items` null removes them all (closed, deleted, ended). */
export function replaceObligations(ctx: ServiceContext, module: DashboardModule, ownerId: string, items: DueItem[] | null, meta: OwnerMeta | null): void {
  run(ctx, 'DELETE FROM obligation WHERE module = ? AND owner_id = ?', module, ownerId);
  if (!items || !meta) return;
  for (const it of items) {
    if (it.state === 'done' || it.state === 'waived') continue;
    run(
      ctx,
      `INSERT INTO obligation (module, owner_id, item_key, rule_id, kind, label, due_date, original_due_date, person_name, responsible_staff_id, village_id, link)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      module, ownerId, it.key, it.ruleId, KIND[it.kind], it.label, it.dueDate, it.originalDueDate, meta.personName, meta.responsibleStaffId, meta.villageId, meta.link,
    );
  }
}

/** One-off deadlines through the same engine (disputes, mediation agreements). */
function deadlines(ctx: ServiceContext, ownerId: string, start: string, rules: DeadlineRule[]): DueItem[] {
  return computeDueItems({ rules, subject: { id: ownerId, startDate: start, endDate: null, facts: {} }, events: [], extensions: [], today: ctx.clock.today(), holidays: holidayTable(ctx) });
}

// ── disputes: the handling deadline ─────────────────────────────────────────────────────────

export function syncDispute(ctx: ServiceContext, id: string): void {
  const d = one<{ intake_date: string; deadline: string | null; status: DisputeStatus; deleted_at: string | null; parties_text: string; responsible_staff_id: string | null; village_id: string | null }>(
    ctx,
    'SELECT intake_date, deadline, status, deleted_at, parties_text, responsible_staff_id, village_id FROM dispute WHERE id = ?',
    id,
  );
  if (!d || d.deleted_at) return replaceObligations(ctx, 'dispute', id, null, null);
  const history = all<{ to: DisputeStatus; date: string }>(ctx, 'SELECT to_status AS "to", date FROM dispute_status_change WHERE dispute_id = ? ORDER BY id', id);
  const items = disputeDueItems({ id, intakeDate: d.intake_date, deadline: d.deadline, status: d.status, history }, ctx.clock.today(), holidayTable(ctx));
  replaceObligations(ctx, 'dispute', id, items, { personName: d.parties_text, responsibleStaffId: d.responsible_staff_id, villageId: d.village_id, link: `/disputes/${id}` });
}

// ── mediation: return visits, performance deadlines, the confirmation window ──────────────────

export function syncMediation(ctx: ServiceContext, id: string): void {
  const c = one<{ accepted_date: string; deleted_at: string | null; parties_text: string; staff_id: string | null }>(
    ctx,
    `SELECT accepted_date, deleted_at, parties_text,
       (SELECT staff_id FROM mediation_mediator WHERE case_id = m.id ORDER BY ord LIMIT 1) AS staff_id
     FROM mediation_case m WHERE id = ?`,
    id,
  );
  if (!c || c.deleted_at) return replaceObligations(ctx, 'mediation', id, null, null);
  const rules: DeadlineRule[] = [];
  for (const v of all<{ id: string; planned_date: string }>(ctx, 'SELECT id, planned_date FROM return_visit WHERE case_id = ? AND deleted_at IS NULL AND visit_date IS NULL AND planned_date IS NOT NULL', id)) {
    rules.push({ kind: 'deadline', id: `visit.${v.id}`, label: '调解回访', date: v.planned_date, source: '调解协议生效后按设定间隔回访' });
  }
  const items = all<{ id: string; description: string; deadline: string }>(
    ctx,
    `SELECT i.id, i.description, i.deadline FROM performance_item i JOIN agreement a ON a.id = i.agreement_id
     WHERE a.case_id = ? AND i.deadline IS NOT NULL AND i.state IN ('unperformed', 'partial')`,
    id,
  );
  for (const i of items) rules.push({ kind: 'deadline', id: `perform.${i.id}`, label: `协议履行：${i.description.slice(0, 30)}`, date: i.deadline, source: '调解协议约定的履行期限' });
  const a = one<{ effective_date: string | null; confirmation_intent: number | null; confirmation_applied_date: string | null }>(
    ctx,
    'SELECT effective_date, confirmation_intent, confirmation_applied_date FROM agreement WHERE case_id = ?',
    id,
  );
  if (a?.effective_date && a.confirmation_intent === 1 && !a.confirmation_applied_date) {
    rules.push({ kind: 'deadline', id: 'confirmation', label: '申请司法确认', date: addDays(a.effective_date, 30), source: '人民调解法第三十三条：自调解协议生效之日起三十日内共同申请' });
  }
  replaceObligations(ctx, 'mediation', id, deadlines(ctx, id, c.accepted_date, rules), { personName: c.parties_text, responsibleStaffId: c.staff_id, villageId: null, link: `/mediation/${id}` });
}

// ── the daily rebuild ────────────────────────────────────────────────────────────────────────

const REFRESHED_KEY = 'obligations_refreshed_on';

/** After a change of rules (holidays, cadences) the table is rebuilt at the next dashboard visit. */
export function markObligationsStale(ctx: ServiceContext): void {
  run(ctx, 'DELETE FROM setting WHERE key = ?', REFRESHED_KEY);
}

/**
 * Rebuilds every file's items when the table was last built on another day (or never, e.g. a ledger
 * from before this table existed). `syncFollowup` is passed in to keep this module free of the
 * follow-up service. Runs in batches of one transaction each.
 */
export function refreshObligationsIfStale(ctx: ServiceContext, syncFollowup: (ctx: ServiceContext, id: string) => void): boolean {
  const today = ctx.clock.today();
  if (getSetting<string>(ctx, REFRESHED_KEY) === today) return false;
  const batches: [string, (id: string) => void][] = [
    ["SELECT id FROM dispute WHERE deleted_at IS NULL AND deadline IS NOT NULL AND status IN ('registered', 'accepted', 'mediating')", (id) => syncDispute(ctx, id)],
    ['SELECT id FROM mediation_case WHERE deleted_at IS NULL', (id) => syncMediation(ctx, id)],
    ["SELECT id FROM followup_subject WHERE deleted_at IS NULL AND status = 'active'", (id) => syncFollowup(ctx, id)],
  ];
  ctx.db.transaction(() => run(ctx, 'DELETE FROM obligation'))();
  for (const [sql, sync] of batches) {
    const ids = all<{ id: string }>(ctx, sql).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 2000) {
      ctx.db.transaction(() => ids.slice(i, i + 2000).forEach(sync))();
    }
  }
  ctx.db.transaction(() => putSetting(ctx, REFRESHED_KEY, today))();
  return true;
}

export function horizon(ctx: ServiceContext): string {
  return addDays(ctx.clock.today(), HORIZON_DAYS);
}
