/**
 * The to-do table (`obligation`): every open due item of every file, computed by the engine in
 * shared/domain/obligations.ts. A write to a file replaces that file's rows in the same transaction;
 * once a day the whole table is rebuilt, so calendar duties of a new month appear for files nobody
 * touched. The dashboard reads only this table, through its due-date indexes.
 */
import { addDays } from '../../shared/dates';
import { disputeDueItems, type DisputeDeadlineFacts, type DisputeStatus } from '../../shared/domain/dispute-status';
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

const KIND: Record<DueItem['kind'], string> = {
  every: 'visit',
  periodic: 'visit',
  termEnd: 'term_end',
  deadline: 'deadline',
  window: 'deadline',
};

export interface OwnerMeta {
  personName: string;
  responsibleStaffId: string | null;
  villageId: string | null;
  link: string;
}

interface ObligationRow {
  item_key: string;
  rule_id: string;
  kind: string;
  label: string;
  due_date: string;
  original_due_date: string | null;
  person_name: string;
  responsible_staff_id: string | null;
  village_id: string | null;
  link: string;
}

const ROW_FIELDS = [
  'item_key',
  'rule_id',
  'kind',
  'label',
  'due_date',
  'original_due_date',
  'person_name',
  'responsible_staff_id',
  'village_id',
  'link',
] as const;

/**
 * Replaces one file's open items; `items` null removes them all (closed, deleted, ended). Rows that
 * are already as computed are left alone, so the daily rebuild writes only what changed. Returns
 * whether anything was written.
 */
export function replaceObligations(
  ctx: ServiceContext,
  module: DashboardModule,
  ownerId: string,
  items: DueItem[] | null,
  meta: OwnerMeta | null,
): boolean {
  const rows: ObligationRow[] =
    items && meta
      ? items
          .filter((it) => it.state !== 'done' && it.state !== 'waived')
          .map((it) => ({
            item_key: it.key,
            rule_id: it.ruleId,
            kind: KIND[it.kind],
            label: it.label,
            due_date: it.dueDate,
            original_due_date: it.originalDueDate,
            person_name: meta.personName,
            responsible_staff_id: meta.responsibleStaffId,
            village_id: meta.villageId,
            link: meta.link,
          }))
          .sort((a, b) => (a.item_key < b.item_key ? -1 : a.item_key > b.item_key ? 1 : 0))
      : [];
  const stored = all<ObligationRow>(
    ctx,
    `SELECT ${ROW_FIELDS.join(', ')} FROM obligation WHERE module = ? AND owner_id = ? ORDER BY item_key`,
    module,
    ownerId,
  );
  if (stored.length === rows.length && stored.every((r, i) => ROW_FIELDS.every((f) => r[f] === rows[i]![f]))) return false;
  run(ctx, 'DELETE FROM obligation WHERE module = ? AND owner_id = ?', module, ownerId);
  for (const r of rows) {
    run(
      ctx,
      `INSERT INTO obligation (module, owner_id, ${ROW_FIELDS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      module,
      ownerId,
      ...ROW_FIELDS.map((f) => r[f]),
    );
  }
  return true;
}

/** One-off deadlines through the same engine (disputes, mediation agreements). */
function deadlines(ctx: ServiceContext, ownerId: string, start: string, rules: DeadlineRule[]): DueItem[] {
  return computeDueItems({
    rules,
    subject: { id: ownerId, startDate: start, endDate: null, facts: {} },
    events: [],
    extensions: [],
    today: ctx.clock.today(),
    holidays: holidayTable(ctx),
  });
}

// ── disputes: the handling deadline ─────────────────────────────────────────────────────────

/** What the dispute's items are computed from (a loaded dispute has it all). */
export interface DisputeForSync extends DisputeDeadlineFacts {
  deletedAt: string | null;
  partiesText: string;
  responsibleStaffId: string | null;
  villageId: string | null;
}

export function syncDisputeFrom(ctx: ServiceContext, d: DisputeForSync): boolean {
  if (d.deletedAt) return replaceObligations(ctx, 'dispute', d.id, null, null);
  const items = disputeDueItems(d, ctx.clock.today(), holidayTable(ctx));
  return replaceObligations(ctx, 'dispute', d.id, items, {
    personName: d.partiesText,
    responsibleStaffId: d.responsibleStaffId,
    villageId: d.villageId,
    link: `/disputes/${d.id}`,
  });
}

export function syncDispute(ctx: ServiceContext, id: string): boolean {
  const d = one<Omit<DisputeForSync, 'id' | 'history'>>(
    ctx,
    `SELECT intake_date AS intakeDate, deadline, status, deleted_at AS deletedAt, parties_text AS partiesText,
       responsible_staff_id AS responsibleStaffId, village_id AS villageId FROM dispute WHERE id = ?`,
    id,
  );
  if (!d) return replaceObligations(ctx, 'dispute', id, null, null);
  const history = all<{ to: DisputeStatus; date: string }>(
    ctx,
    'SELECT to_status AS "to", date FROM dispute_status_change WHERE dispute_id = ? ORDER BY id',
    id,
  );
  return syncDisputeFrom(ctx, { ...d, id, history });
}

/**
 * A mediation case's items through the engine: planned return visits, agreed performance deadlines
 * and the 30-day window to apply for judicial confirmation (both moved past rest days, as periods
 * ending on a holiday are); null for a deleted case. The case page and the ledger judge 逾期履行 from
 * these, the dashboard from the rows they leave in the to-do table.
 */
export function mediationDueItems(ctx: ServiceContext, id: string): { items: DueItem[]; meta: OwnerMeta } | null {
  const c = one<{ accepted_date: string; deleted_at: string | null; parties_text: string; staff_id: string | null }>(
    ctx,
    `SELECT accepted_date, deleted_at, parties_text,
       (SELECT staff_id FROM mediation_mediator WHERE case_id = m.id ORDER BY ord LIMIT 1) AS staff_id
     FROM mediation_case m WHERE id = ?`,
    id,
  );
  if (!c || c.deleted_at) return null;
  const rules: DeadlineRule[] = [];
  for (const v of all<{ id: string; planned_date: string }>(
    ctx,
    'SELECT id, planned_date FROM return_visit WHERE case_id = ? AND deleted_at IS NULL AND visit_date IS NULL AND planned_date IS NOT NULL',
    id,
  )) {
    rules.push({ kind: 'deadline', id: `visit.${v.id}`, label: '调解回访', date: v.planned_date, source: '调解协议生效后按设定间隔回访' });
  }
  const items = all<{ id: string; description: string; deadline: string }>(
    ctx,
    `SELECT i.id, i.description, i.deadline FROM performance_item i JOIN agreement a ON a.id = i.agreement_id
     WHERE a.case_id = ? AND a.deleted_at IS NULL AND i.deadline IS NOT NULL AND i.state IN ('unperformed', 'partial')`,
    id,
  );
  for (const i of items) {
    rules.push({
      kind: 'deadline',
      id: `perform.${i.id}`,
      label: `协议履行：${i.description.slice(0, 30)}`,
      date: i.deadline,
      source: '调解协议约定的履行期限；期限最后一日为法定休假日的，顺延至其后第一个工作日',
      rollForward: true,
    });
  }
  const a = one<{ effective_date: string | null; confirmation_intent: number | null; confirmation_applied_date: string | null }>(
    ctx,
    'SELECT effective_date, confirmation_intent, confirmation_applied_date FROM agreement WHERE case_id = ? AND deleted_at IS NULL',
    id,
  );
  if (a?.effective_date && a.confirmation_intent === 1 && !a.confirmation_applied_date) {
    rules.push({
      kind: 'deadline',
      id: 'confirmation',
      label: '申请司法确认',
      date: addDays(a.effective_date, 30),
      source: '人民调解法第三十三条：自调解协议生效之日起三十日内共同申请',
      rollForward: true,
    });
  }
  return {
    items: deadlines(ctx, id, c.accepted_date, rules),
    meta: { personName: c.parties_text, responsibleStaffId: c.staff_id, villageId: null, link: `/mediation/${id}` },
  };
}

export function syncMediation(ctx: ServiceContext, id: string): boolean {
  const due = mediationDueItems(ctx, id);
  return replaceObligations(ctx, 'mediation', id, due?.items ?? null, due?.meta ?? null);
}

// ── the daily rebuild ────────────────────────────────────────────────────────────────────────

const REFRESHED_KEY = 'obligations_refreshed_on';
const RULES_VERSION_KEY = 'obligations_rules_version';

/** What the table was last built for: the day and the version of the rules (holidays, cadences). */
export function obligationsStamp(ctx: ServiceContext): string {
  return `${ctx.clock.today()}#${getSetting<number>(ctx, RULES_VERSION_KEY) ?? 0}`;
}

/**
 * After a change of rules (holidays, cadences) the table is rebuilt at the next dashboard visit. A
 * rebuild already running when the rules change does not count as done for the new rules.
 */
export function markObligationsStale(ctx: ServiceContext): void {
  putSetting(ctx, RULES_VERSION_KEY, (getSetting<number>(ctx, RULES_VERSION_KEY) ?? 0) + 1);
  run(ctx, 'DELETE FROM setting WHERE key = ?', REFRESHED_KEY);
}

/** True when the table was last built on another day, under other rules, or never. */
export function obligationsStale(ctx: ServiceContext): boolean {
  return getSetting<string>(ctx, REFRESHED_KEY) !== obligationsStamp(ctx);
}

export interface RefreshProgress {
  done: number;
  total: number;
}

/** Files per transaction: short enough that a save made meanwhile waits a fraction of a second. */
const BATCH = 250;

/**
 * Rebuilds every file's items: calendar duties of a new month appear for files nobody touched, and
 * overdue states move with the day. Each batch reads and writes in one immediate transaction, so a
 * file saved meanwhile is either fully before or fully after it. Rows of files that no longer owe
 * anything are swept at the end. `syncFollowup` is passed in to keep this module free of the
 * follow-up service. `builtFor` is the stamp taken when the job was asked for (a background job
 * starts a moment later): rules changed after it leave the table stale. Returns how many files had
 * rows written.
 */
export function refreshObligations(
  ctx: ServiceContext,
  syncFollowup: (ctx: ServiceContext, id: string) => boolean,
  onProgress: (p: RefreshProgress) => void = () => undefined,
  builtFor: string = obligationsStamp(ctx),
): number {
  const batches: [string, string, (id: string) => boolean][] = [
    [
      'dispute',
      "SELECT id FROM dispute WHERE deleted_at IS NULL AND deadline IS NOT NULL AND status IN ('registered', 'accepted', 'mediating')",
      (id) => syncDispute(ctx, id),
    ],
    ['mediation', 'SELECT id FROM mediation_case WHERE deleted_at IS NULL', (id) => syncMediation(ctx, id)],
    ['followup', "SELECT id FROM followup_subject WHERE deleted_at IS NULL AND status = 'active'", (id) => syncFollowup(ctx, id)],
  ];
  const lists = batches.map(([module, sql, sync]) => ({ module, sql, sync, ids: all<{ id: string }>(ctx, sql).map((r) => r.id) }));
  const total = lists.reduce((n, l) => n + l.ids.length, 0);
  let done = 0;
  let changed = 0;
  onProgress({ done, total });
  for (const { ids, sync } of lists) {
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      ctx.db
        .transaction(() => {
          for (const id of slice) if (sync(id)) changed++;
        })
        .immediate();
      done += slice.length;
      onProgress({ done, total });
    }
  }
  ctx.db
    .transaction(() => {
      for (const { module, sql } of lists) run(ctx, `DELETE FROM obligation WHERE module = ? AND owner_id NOT IN (${sql})`, module);
      putSetting(ctx, REFRESHED_KEY, builtFor);
    })
    .immediate();
  return changed;
}

/** The rebuild in the caller's thread, when stale (scripts, tests, the bench). */
export function refreshObligationsIfStale(ctx: ServiceContext, syncFollowup: (ctx: ServiceContext, id: string) => boolean): boolean {
  if (!obligationsStale(ctx)) return false;
  refreshObligations(ctx, syncFollowup);
  return true;
}

export function horizon(ctx: ServiceContext): string {
  return addDays(ctx.clock.today(), HORIZON_DAYS);
}
