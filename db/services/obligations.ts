/**
 * The due-date engine on the host. It owns the to-do table (`obligation`): every open due item of
 * every record of every module whose records owe things by date, computed by the pure engine in
 * shared/domain/obligations.ts. Modules register a source (`DueSource`, see db/modules.ts) that
 * computes one record's items from the module's own tables; a write to a record replaces that
 * record's rows in the same transaction, and once a day the whole table is rebuilt from every
 * registered source, so that calendar duties of a new month appear for records nobody touched. The
 * dashboard reads only this table, through its due-date indexes. The engine also keeps the office's
 * 延期/免除 of single items (and 免除 of several at once) and a record's level over time, for any module; it never reads a
 * module's tables itself.
 */
import { addDays } from '../../shared/dates';
import { DEFAULT_HOLIDAYS, type HolidayTable } from '../../shared/domain/holidays';
import {
  actionEvents,
  actionExtensions,
  computeDueItems,
  currentItems,
  DUE_SOON_DAYS,
  extensionError,
  levelAt,
  type DeadlineRule,
  type DueItem,
  type Extension,
  type ObligationEvent,
  waiveDate,
} from '../../shared/domain/obligations';
import { LedgerError } from '../../shared/errors';
import { labelOfEntity, type DueModule } from '../../shared/modules';
import {
  ITEM_ACTION_LABELS,
  type ItemAction,
  type ItemActionInput,
  type ItemActionKind,
  type WaiveItemsInput,
  type LevelChange,
  type LevelSource,
} from '../../shared/schemas/obligations';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { getSetting, putSetting } from './reference';
import { all, one, run, write } from './sql';

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
  /** A closed record (a minor's correction file): the one staff member who sees its items. */
  closedTo?: string | null;
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
  closed_to: string | null;
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
  'closed_to',
] as const;

/**
 * Replaces one file's open items; `items` null removes them all (closed, deleted, ended). Only each
 * duty's current item is kept (`currentItems`: one row per rule, the oldest still open, never a pile
 * of old months). Rows that are already as computed are left alone, so the daily rebuild writes only
 * what changed. Returns whether anything was written.
 */
export function replaceObligations(
  ctx: ServiceContext,
  module: DueModule,
  ownerId: string,
  items: DueItem[] | null,
  meta: OwnerMeta | null,
): boolean {
  const rows: ObligationRow[] =
    items && meta
      ? currentItems(items, ctx.clock.today())
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
            closed_to: meta.closedTo ?? null,
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
      `INSERT INTO obligation (module, owner_id, ${ROW_FIELDS.join(', ')}) VALUES (?, ?, ${ROW_FIELDS.map(() => '?').join(', ')})`,
      module,
      ownerId,
      ...ROW_FIELDS.map((f) => r[f]),
    );
  }
  return true;
}

/**
 * A module's sync, shared: writes one record's open items to the to-do table (null: it owes nothing now,
 * deleted or ended) and keeps the record's own `next_due_date` column (the earliest open item, which its
 * list sorts and filters by) in step. `record` names the module's table and the value stored now. True
 * when anything changed.
 */
export function syncRecordItems(
  ctx: ServiceContext,
  module: DueModule,
  record: { table: string; id: string; nextDueDate: string | null },
  open: { items: DueItem[]; meta: OwnerMeta } | null,
): boolean {
  const changed = replaceObligations(ctx, module, record.id, open?.items ?? null, open?.meta ?? null);
  const next = (open?.items ?? []).reduce<string | null>((m, i) => (m === null || i.dueDate < m ? i.dueDate : m), null);
  if (next === record.nextDueDate) return changed;
  run(ctx, `UPDATE ${record.table} SET next_due_date = ? WHERE id = ?`, next, record.id);
  return true;
}

/**
 * One-off deadlines through the same engine (a dispute's handling deadline, an agreement's
 * performance deadlines), with the office's 延期/免除 of them applied. `own` adds what the module
 * itself records: events that satisfy a rule (a case closed) and extensions it keeps with more than a
 * reason (a mediation period extended with the parties' consent).
 */
export function deadlineItems(
  ctx: ServiceContext,
  module: DueModule,
  ownerId: string,
  start: string,
  rules: DeadlineRule[],
  asOf = ctx.clock.today(),
  own: { events?: ObligationEvent[]; extensions?: Extension[] } = {},
): DueItem[] {
  const actions = rules.length ? loadItemActions(ctx, module, ownerId) : [];
  return computeDueItems({
    rules,
    subject: { id: ownerId, startDate: start, endDate: null, facts: {} },
    events: [...(own.events ?? []), ...actionEvents(actions)],
    extensions: [...(own.extensions ?? []), ...actionExtensions(actions)],
    today: asOf,
    holidays: holidayTable(ctx),
  });
}

// ── the registry of sources ──────────────────────────────────────────────────────────────────

/**
 * How a module's records feed the to-do table. Each module whose records owe things by date
 * registers one in db/modules.ts; the daily rebuild, the dashboard and 延期/免除 go through it.
 */
export interface DueSource<M extends DueModule = DueModule> {
  module: M;
  /**
   * The ids of the records that may owe something today (live and open), as SQL over the module's
   * own table: the daily rebuild recomputes each and sweeps the rows of every other record.
   */
  liveIds: string;
  /** Recomputes one record's rows in the to-do table (and whatever the module keeps from them); true when anything changed. */
  sync(ctx: ServiceContext, id: string): boolean;
  /** The record's items as the engine computes them on `asOf`, its recorded 延期/免除 applied. */
  items(ctx: ServiceContext, id: string, asOf: string): DueItem[];
  /** Throws the module's own message when the record may not be changed now (deleted, ended). */
  requireEditable(ctx: ServiceContext, id: string): void;
  /**
   * Throws the module's own message when this 延期 or 免除 of the item must be made elsewhere (an item
   * whose extension the module records itself, with more than a reason).
   */
  checkAction?(item: DueItem, kind: 'extend' | 'waive'): void;
}

export type DueSources = readonly DueSource[];

function sourceOf(sources: DueSources, module: string): DueSource {
  const s = sources.find((x) => x.module === module);
  if (!s) throw new LedgerError('NOT_FOUND', '该类记录没有到期事项。');
  return s;
}

// ── the daily rebuild ────────────────────────────────────────────────────────────────────────

const REFRESHED_KEY = 'obligations_refreshed_on';
const RULES_VERSION_KEY = 'obligations_rules_version';
/**
 * Raised when the engine reads the same records differently, so that a ledger opened by a new version
 * rebuilds its table at once rather than the next day (2: 漏访 and one row per duty; 3: a mediation
 * case's own 调解期限 and a labour dispute's 15-day point, REVIEW rows 7 and 8; 4: the duties kept for
 * the statistics, db/services/followup-duties.ts, written by the same rebuild).
 */
const ENGINE_EDITION = 4;

/** The version of the rules (holidays, cadences) and of the engine that items are computed under. */
export function rulesBasis(ctx: ServiceContext): string {
  return `${getSetting<number>(ctx, RULES_VERSION_KEY) ?? 0}#${ENGINE_EDITION}`;
}

/** `rulesBasis` as an SQL expression, for a module's `liveIds` that must also reach records computed under older rules. */
export const RULES_BASIS_SQL = `(coalesce((SELECT value FROM setting WHERE key = '${RULES_VERSION_KEY}'), '0') || '#${ENGINE_EDITION}')`;

/** What the table was last built for: the day, the version of the rules (holidays, cadences) and of the engine. */
export function obligationsStamp(ctx: ServiceContext): string {
  return `${ctx.clock.today()}#${rulesBasis(ctx)}`;
}

/** The day the whole table was last rebuilt under the current rules (null: never, or under older rules). */
export function rebuiltOn(ctx: ServiceContext): string | null {
  const stamp = getSetting<string>(ctx, REFRESHED_KEY);
  const basis = rulesBasis(ctx);
  return stamp?.endsWith(`#${basis}`) ? stamp.slice(0, -basis.length - 1) : null;
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
 * anything are swept at the end. Every registered source is rebuilt (db/modules.ts: a module
 * whose records owe things cannot be left out). `builtFor` is the stamp taken when the job was asked
 * for (a background job starts a moment later): rules changed after it leave the table stale.
 * Returns how many files had rows written.
 */
export function refreshObligations(
  ctx: ServiceContext,
  sources: DueSources,
  onProgress: (p: RefreshProgress) => void = () => undefined,
  builtFor: string = obligationsStamp(ctx),
): number {
  const lists = sources.map((source) => ({
    module: source.module,
    sql: source.liveIds,
    sync: (id: string) => source.sync(ctx, id),
    ids: all<{ id: string }>(ctx, source.liveIds).map((r) => r.id),
  }));
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
export function refreshObligationsIfStale(ctx: ServiceContext, sources: DueSources): boolean {
  if (!obligationsStale(ctx)) return false;
  refreshObligations(ctx, sources);
  return true;
}

// ── what the dashboard's counts open ─────────────────────────────────────────────────────────

/**
 * A ledger's 仅看有逾期事项 as the dashboard counts it: the record has an item due before today in the
 * to-do table (read per record through the primary key; `@today` bound by the ledger's Where).
 */
export function overdueCondition(module: DueModule, idColumn: string): string {
  return `EXISTS (SELECT 1 FROM obligation o INDEXED BY sqlite_autoindex_obligation_1
    WHERE o.module = '${module}' AND o.owner_id = ${idColumn} AND o.due_date < @today)`;
}

/**
 * A ledger's 仅看7日内到期 as the dashboard counts it: the records with an item other than a term end
 * (listed apart, 30 days ahead) due from today to DUE_SOON_DAYS on, found in the to-do table's
 * due-date index (a week of items). `@today` is bound by the ledger's Where; bind dueSoonParams too.
 */
export function dueSoonCondition(module: DueModule, idColumn: string): string {
  return `${idColumn} IN (SELECT owner_id FROM obligation INDEXED BY obligation_due
    WHERE due_date BETWEEN @today AND @dueSoon AND module = '${module}' AND kind <> 'term_end')`;
}

export function dueSoonParams(today: string): { dueSoon: string } {
  return { dueSoon: addDays(today, DUE_SOON_DAYS) };
}

export function horizon(ctx: ServiceContext): string {
  return addDays(ctx.clock.today(), HORIZON_DAYS);
}

// ── 延期 and 免除 of single items ───────────────────────────────────────────────────────────────

/** The office's live 延期/免除 decisions on one record's items, newest first. */
export function loadItemActions(ctx: ServiceContext, module: DueModule, ownerId: string): ItemAction[] {
  return all<ItemAction>(
    ctx,
    `SELECT id, kind, rule_id AS ruleId, item_key AS itemKey, label, date, new_date AS newDate, reason, created_at AS createdAt
     FROM obligation_action WHERE module = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC`,
    module,
    ownerId,
  );
}

/** Which item of which record: the engine's occurrence key within its rule. */
interface ItemRef {
  ownerId: string;
  ruleId: string;
  itemKey: string;
}

/**
 * The item as the engine sees it now (a stale page gets a clear message), when it may still be
 * extended or excused: the module's own refusals first (a record deleted or ended, an item whose
 * extension the module records itself).
 */
function actionableItem(ctx: ServiceContext, source: DueSource, ref: ItemRef, kind: ItemActionKind): DueItem {
  source.requireEditable(ctx, ref.ownerId);
  const item = source.items(ctx, ref.ownerId, horizon(ctx)).find((i) => i.ruleId === ref.ruleId && i.key === ref.itemKey);
  if (!item) throw new LedgerError('NOT_FOUND', '该事项不存在或已有变化，请刷新后重试。');
  if (item.state === 'done' || item.state === 'waived') throw new LedgerError('VALIDATION', `“${item.label}”已完成或已免除。`);
  source.checkAction?.(item, kind);
  return item;
}

/**
 * Records one decision and its audit row (the caller recomputes the record's rows): the record's
 * history says what and why.
 */
function recordAction(
  ctx: ServiceContext,
  module: DueModule,
  ownerId: string,
  item: DueItem,
  decision: { kind: ItemActionKind; date: string; newDate: string | null; reason: string },
): void {
  const now = ctx.clock.now();
  run(
    ctx,
    `INSERT INTO obligation_action (id, module, owner_id, kind, rule_id, item_key, label, date, new_date, reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    newId(),
    module,
    ownerId,
    decision.kind,
    item.ruleId,
    item.key,
    item.label,
    decision.date,
    decision.newDate,
    decision.reason,
    now,
    now,
  );
  audit(ctx, {
    action: 'update',
    entity: module,
    entityId: ownerId,
    before: { item: { label: item.label, dueDate: item.dueDate } },
    after: {
      item: {
        label: item.label,
        action: ITEM_ACTION_LABELS[decision.kind],
        date: decision.newDate ?? decision.date,
        reason: decision.reason,
      },
    },
  });
}

/**
 * 延期 or 免除 of one open or missed (漏访) item. An extension must be later than the current due
 * date and a term end cannot be extended here; an excused item counts as excused on its due date, or
 * today when that is earlier. Recorded, then the record's rows are recomputed.
 */
export function actOnItem(ctx: ServiceContext, input: z.output<typeof ItemActionInput>, sources: DueSources): { ok: true } {
  const source = sourceOf(sources, input.module);
  return write(ctx, () => {
    const item = actionableItem(ctx, source, input, input.kind);
    // A missed period (漏访) may still be excused with its reason; extending it is refused below.
    const today = ctx.clock.today();
    if (input.kind === 'extend') {
      if (item.kind === 'termEnd') {
        throw new LedgerError('VALIDATION', '期满日期依决定或判决确定，不能在此延期。', { fields: { newDate: '期满日期不能延期' } });
      }
      const problem = extensionError(item, input.newDate!, input.reason);
      if (problem) throw new LedgerError('VALIDATION', problem, { fields: { newDate: problem } });
    }
    const extend = input.kind === 'extend';
    recordAction(ctx, input.module, input.ownerId, item, {
      kind: input.kind,
      date: extend ? today : waiveDate(item, today),
      newDate: extend ? input.newDate! : null,
      reason: input.reason,
    });
    source.sync(ctx, input.ownerId);
    return { ok: true as const };
  });
}

/**
 * 批量免除: several items of one module excused with one reason, in one transaction — every item is
 * looked up as the engine sees it before anything is written, so that one item no longer open (or of
 * another module, or of a record that may not be changed) leaves every item as it was. Each is then
 * recorded with its own audit row, exactly as a single 免除, and each record's rows are recomputed once.
 */
export function waiveItems(ctx: ServiceContext, input: z.output<typeof WaiveItemsInput>, sources: DueSources): { ok: true; count: number } {
  const source = sourceOf(sources, input.module);
  return write(ctx, () => {
    const foreign = input.items.find((i) => i.module !== input.module);
    if (foreign) {
      throw new LedgerError(
        'VALIDATION',
        `所选事项中有${labelOfEntity(foreign.module)}的事项，一次只能免除${labelOfEntity(input.module)}的事项；所选事项均未免除。`,
        { fields: { items: '所选事项须属于同一模块' } },
      );
    }
    const keys = input.items.map((i) => `${i.ownerId}|${i.ruleId}|${i.itemKey}`);
    if (new Set(keys).size !== keys.length) throw new LedgerError('VALIDATION', '所选事项有重复，请刷新后重试；所选事项均未免除。');
    const today = ctx.clock.today();
    const found = input.items.map((ref) => {
      try {
        return { ref, item: actionableItem(ctx, source, ref, 'waive') };
      } catch (e) {
        if (!(e instanceof LedgerError)) throw e;
        throw new LedgerError(e.code, `${e.message.replace(/。$/, '')}；所选事项均未免除。`);
      }
    });
    for (const { ref, item } of found) {
      recordAction(ctx, input.module, ref.ownerId, item, {
        kind: 'waive',
        date: waiveDate(item, today),
        newDate: null,
        reason: input.reason,
      });
    }
    for (const ownerId of new Set(input.items.map((i) => i.ownerId))) source.sync(ctx, ownerId);
    return { ok: true as const, count: found.length };
  });
}

/**
 * A record entered from an old ledger (导入旧台账) owes nothing for the periods before it came in: every
 * item still open and due before `before` is excused with the reason given (each with its own audit row,
 * as a 免除 on screen, and taken back the same way), the record's items computed once. Returns how many.
 */
export function waivePast(ctx: ServiceContext, source: DueSource, ownerId: string, before: string, reason: string): number {
  return write(ctx, () => {
    const today = ctx.clock.today();
    let count = 0;
    // An item counted from the one before it (a follow-up two weeks after the last) falls due again once
    // that one is excused: computed again until nothing before the day is left (a bound for safety).
    for (let round = 0; round < 1000; round++) {
      const past = source.items(ctx, ownerId, horizon(ctx)).filter((i) => i.state !== 'done' && i.state !== 'waived' && i.dueDate < before);
      if (past.length === 0) break;
      for (const item of past)
        recordAction(ctx, source.module, ownerId, item, { kind: 'waive', date: waiveDate(item, today), newDate: null, reason });
      count += past.length;
    }
    if (count > 0) source.sync(ctx, ownerId);
    return count;
  });
}

/** Takes back a 延期/免除 entered by mistake: the item is owed again as the engine computes it. */
export function undoItemAction(ctx: ServiceContext, id: string, sources: DueSources): { ok: true } {
  return write(ctx, () => {
    const a = one<{ module: DueModule; owner_id: string; kind: 'extend' | 'waive'; label: string; reason: string }>(
      ctx,
      'SELECT module, owner_id, kind, label, reason FROM obligation_action WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!a) throw new LedgerError('NOT_FOUND', '该延期或免除记录不存在。');
    const source = sourceOf(sources, a.module);
    source.requireEditable(ctx, a.owner_id);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE obligation_action SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    source.sync(ctx, a.owner_id);
    audit(ctx, {
      action: 'update',
      entity: a.module,
      entityId: a.owner_id,
      before: { item: { label: a.label, action: ITEM_ACTION_LABELS[a.kind], reason: a.reason } },
      after: { item: { label: a.label, action: `撤销${ITEM_ACTION_LABELS[a.kind]}` } },
    });
    return { ok: true as const };
  });
}

// ── the level over time ──────────────────────────────────────────────────────────────────────

/** A record's level history in the order it took effect (by date, then as recorded). */
export function loadLevels<L extends string>(ctx: ServiceContext, module: DueModule, ownerId: string): LevelChange<L>[] {
  return all<LevelChange<L>>(
    ctx,
    'SELECT date, level, source FROM level_change WHERE module = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY date, id',
    module,
    ownerId,
  );
}

export function addLevel(
  ctx: ServiceContext,
  module: DueModule,
  ownerId: string,
  change: { date: string; level: string; source: LevelSource; eventId?: string | null },
): void {
  const now = ctx.clock.now();
  run(
    ctx,
    'INSERT INTO level_change (id, module, owner_id, date, level, source, event_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    newId(),
    module,
    ownerId,
    change.date,
    change.level,
    change.source,
    change.eventId ?? null,
    now,
    now,
  );
}

/** The level recorded with an event goes with it (a deleted or re-recorded visit). */
export function dropEventLevels(ctx: ServiceContext, module: DueModule, eventId: string): void {
  const now = ctx.clock.now();
  run(
    ctx,
    'UPDATE level_change SET deleted_at = ?, updated_at = ? WHERE module = ? AND event_id = ? AND deleted_at IS NULL',
    now,
    now,
    module,
    eventId,
  );
}

/** The level a record was opened with moves with its start date. */
export function moveStartLevel(ctx: ServiceContext, module: DueModule, ownerId: string, date: string): void {
  run(
    ctx,
    "UPDATE level_change SET date = ?, updated_at = ? WHERE module = ? AND owner_id = ? AND source = 'start' AND date <> ?",
    date,
    ctx.clock.now(),
    module,
    ownerId,
    date,
  );
}

/** The level in force today and the day it took effect, from the history. */
export function levelToday<L extends string>(ctx: ServiceContext, module: DueModule, ownerId: string): { level: L; since: string } | null {
  return levelAt(loadLevels<L>(ctx, module, ownerId), ctx.clock.today());
}
