/** First run, settings, villages and grids, staff, dictionaries and the current operator. */
import type { z } from 'zod';
import { DEFAULT_DISPUTE_PATTERN, DEFAULT_MEDIATION_PATTERN } from '../../shared/domain/case-number';
import { DICT_KINDS, type DictKind } from '../../shared/dictionaries';
import { LedgerError } from '../../shared/errors';
import type { AuditEntity, ModuleName } from '../../shared/modules';
import { columnChoice } from '../../shared/schemas/common';
import {
  DEFAULT_CATEGORY_DEADLINE_DAYS,
  DEFAULT_DISPUTE_DEADLINE,
  LEGACY_DISPUTE_DEADLINE,
  DEFAULT_FAILURE_VISIT_ENABLED,
  DEFAULT_RETURN_VISIT_DAYS,
  type DictAddInput,
  type DictItem,
  type Checklist,
  type DictToggleInput,
  type Grid,
  type GridInput,
  type GridsAddInput,
  type HandOverInput,
  type NamesAdded,
  type Settings,
  type SettingsInput,
  type SetupInput,
  type SavedStaff,
  type SetupStatus,
  type Staff,
  type StaffKind,
  type StaffInput,
  type StaffWorkload,
  type Village,
  type VillageInput,
  type VillageOrder,
  type VillageOrderInput,
  type VillagesAddInput,
  staffLabels,
} from '../../shared/schemas/reference';
import type { Actor, ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { all, one, run, write } from './sql';

const OPERATOR_KEY = 'operator_id';
const SETTINGS_KEY = 'settings';

export function getSetting<T>(ctx: ServiceContext, key: string): T | null {
  const row = one<{ value: string }>(ctx, 'SELECT value FROM setting WHERE key = ?', key);
  return row ? (JSON.parse(row.value) as T) : null;
}

export function putSetting(ctx: ServiceContext, key: string, value: unknown): void {
  run(
    ctx,
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    key,
    JSON.stringify(value),
  );
}

/** Settings added by later versions get their defaults when an older ledger is read. */
function withDefaults(
  stored: Partial<Settings> & Pick<Settings, 'townshipName' | 'townshipShort' | 'county'> & { disputeDeadlineDays?: number },
): Settings {
  // A ledger from before the deadline had a unit kept it in days.
  const { disputeDeadlineDays, ...s } = stored;
  return {
    disputeNumberPattern: DEFAULT_DISPUTE_PATTERN,
    disputeDeadline: disputeDeadlineDays === undefined ? { ...LEGACY_DISPUTE_DEADLINE } : { count: disputeDeadlineDays, unit: 'day' },
    categoryDeadlineDays: { ...DEFAULT_CATEGORY_DEADLINE_DAYS },
    mediationNumberPattern: DEFAULT_MEDIATION_PATTERN,
    committeeName: `${s.townshipName}人民调解委员会`,
    returnVisitDays: DEFAULT_RETURN_VISIT_DAYS,
    // The visit after a failed mediation: on, at the office's return-visit interval (REVIEW row 19).
    failureVisitEnabled: DEFAULT_FAILURE_VISIT_ENABLED,
    failureVisitDays: s.returnVisitDays ?? DEFAULT_RETURN_VISIT_DAYS,
    ...s,
  };
}

export function getSettings(ctx: ServiceContext): Settings {
  const s = getSetting<Settings>(ctx, SETTINGS_KEY);
  if (!s) throw new LedgerError('NOT_SETUP');
  return withDefaults(s);
}

/** The operator remembered between starts; falls back to a neutral name before first run. */
export function currentActor(ctx: Omit<ServiceContext, 'user'>): Actor {
  const c = { ...ctx, user: { id: null, name: '系统' } };
  const id = getSetting<string>(c, OPERATOR_KEY);
  if (!id) return c.user;
  const s = one<{ id: string; name: string }>(c, 'SELECT id, name FROM staff WHERE id = ?', id);
  return s ? { id: s.id, name: s.name } : c.user;
}

/** The open file: its path and the state of its check (the host knows both). */
export type LedgerFile = Pick<SetupStatus, 'dbPath' | 'integrity'>;

export function setupStatus(ctx: ServiceContext, file: LedgerFile): SetupStatus {
  const s = getSetting<Settings>(ctx, SETTINGS_KEY);
  const actor = currentActor(ctx);
  return {
    initialized: s !== null,
    townshipName: s?.townshipName ?? null,
    operator: actor.id ? { id: actor.id, name: actor.name } : null,
    ...file,
  };
}

function seedDictionaries(ctx: ServiceContext): void {
  for (const [kind, entries] of Object.entries(DICT_KINDS)) {
    entries.forEach((e, i) => {
      run(
        ctx,
        'INSERT OR IGNORE INTO dict_entry (kind, code, label, builtin, active, sort) VALUES (?, ?, ?, 1, 1, ?)',
        kind,
        e.code,
        e.label,
        i,
      );
    });
  }
}

/** Short name used in case numbers: 高寨乡 stays 高寨乡; a blank short name falls back to the full one. */
function shortName(input: { townshipName: string; townshipShort: string | null }): string {
  return input.townshipShort ?? input.townshipName;
}

export function initialize(ctx: ServiceContext, input: z.output<typeof SetupInput>, file: LedgerFile): SetupStatus {
  return write(ctx, () => {
    if (getSetting(ctx, SETTINGS_KEY)) throw new LedgerError('CONFLICT', '本账本已完成首次设置。');
    const settings = withDefaults({
      townshipName: input.townshipName,
      townshipShort: shortName(input),
      county: input.county,
      disputeDeadline: { ...DEFAULT_DISPUTE_DEADLINE },
    });
    putSetting(ctx, SETTINGS_KEY, settings);
    seedDictionaries(ctx);
    const now = ctx.clock.now();
    const staffId = newId();
    run(
      ctx,
      'INSERT INTO staff (id, name, post, phone, active, created_at, updated_at) VALUES (?, ?, ?, NULL, 1, ?, ?)',
      staffId,
      input.operatorName,
      input.operatorPost,
      now,
      now,
    );
    putSetting(ctx, OPERATOR_KEY, staffId);
    const actor = { id: staffId, name: input.operatorName };
    const actx = { ...ctx, user: actor };
    audit(actx, { action: 'setup', entity: 'settings', entityId: 'settings', after: settings });
    audit(actx, { action: 'create', entity: 'staff', entityId: staffId, after: { name: input.operatorName, post: input.operatorPost } });
    return setupStatus(actx, file);
  });
}

export function updateSettings(ctx: ServiceContext, input: z.output<typeof SettingsInput>): Settings {
  return write(ctx, () => {
    const before = getSettings(ctx);
    const after: Settings = { ...before, ...input };
    putSetting(ctx, SETTINGS_KEY, after);
    // Saved on the settings page, the case-number formats are the office's own: the checklist's step is done.
    putSetting(ctx, NUMBERS_CONFIRMED_KEY, true);
    audit(ctx, { action: 'update', entity: 'settings', entityId: 'settings', before, after });
    return after;
  });
}

export function setOperator(ctx: ServiceContext, staffId: string, file: LedgerFile): SetupStatus {
  const s = one<{ id: string; name: string; active: number; kind: StaffKind }>(
    ctx,
    'SELECT id, name, active, kind FROM staff WHERE id = ? AND deleted_at IS NULL',
    staffId,
  );
  if (!s?.active) throw new LedgerError('NOT_FOUND', '所选工作人员不存在或已停用。');
  if (s.kind !== 'staff') throw new LedgerError('VALIDATION', '操作人须为本单位工作人员，人民调解员不能作为操作人。');
  // One audit row per switch, from whom to whom, recorded under the one who hands over (the
  // first choice after setup, or after a colleague's removal, comes from 系统).
  write(ctx, () => {
    putSetting(ctx, OPERATOR_KEY, staffId);
    if (ctx.user.id !== s.id)
      audit(ctx, { action: 'operator', entity: 'staff', entityId: s.id, before: { 操作人: ctx.user.name }, after: { 操作人: s.name } });
  });
  return setupStatus({ ...ctx, user: { id: s.id, name: s.name } }, file);
}

// ── 列设置: an operator's columns of a ledger ───────────────────────────────────────────────────

/**
 * Kept in the ledger file, per operator and ledger, rather than in the window's storage: the desktop
 * app and browser mode open the same file (and a browser's storage is per address, which changes with
 * the port), so whoever works on the ledger finds their columns wherever they open it.
 */
const columnsKey = (ledger: ModuleName, staffId: string) => `ui.listColumns.${ledger}.${staffId}`;

/** The current operator's columns of a ledger, less any the ledger no longer has; null when they kept none. */
export function listColumns(ctx: ServiceContext, ledger: ModuleName, known: readonly string[]): string[] | null {
  if (!ctx.user.id) return null;
  const kept = (getSetting<string[]>(ctx, columnsKey(ledger, ctx.user.id)) ?? []).filter((k) => known.includes(k));
  return kept.length ? kept : null;
}

/**
 * Keeps (or, given null, forgets) the current operator's columns of a ledger, refusing a column the
 * ledger does not have in the words the export uses. A preference of the screen, like the operator
 * itself, so it leaves no audit row.
 */
export function saveListColumns(
  ctx: ServiceContext,
  input: { ledger: ModuleName; columns: string[] | null },
  known: readonly [string, ...string[]],
): string[] | null {
  if (!ctx.user.id) throw new LedgerError('VALIDATION', '请先在右上角选择当前操作人，再保存列设置。');
  const key = columnsKey(input.ledger, ctx.user.id);
  if (input.columns === null) {
    write(ctx, () => run(ctx, 'DELETE FROM setting WHERE key = ?', key));
    return null;
  }
  const checked = columnChoice(known).safeParse(input.columns);
  if (!checked.success) {
    const message = checked.error.issues[0]?.message ?? '列设置不正确';
    throw new LedgerError('VALIDATION', message, { fields: { columns: message } });
  }
  write(ctx, () => putSetting(ctx, key, checked.data));
  return checked.data;
}

// ── villages and grids ────────────────────────────────────────────────────────────────────────

interface GridRow {
  id: string;
  village_id: string;
  name: string;
  worker_name: string | null;
  worker_phone: string | null;
}

const toGrid = (g: GridRow): Grid => ({
  id: g.id,
  villageId: g.village_id,
  name: g.name,
  workerName: g.worker_name,
  workerPhone: g.worker_phone,
});

const VILLAGE_ORDER_KEY = 'village_order';
const NUMBERS_CONFIRMED_KEY = 'numbers_confirmed';
// The pinyin order (ICU's zh collation), not the code points of the characters.
const byPinyin = new Intl.Collator('zh-CN', { numeric: true });

export function villageOrder(ctx: ServiceContext): { mode: VillageOrder } {
  return { mode: getSetting<VillageOrder>(ctx, VILLAGE_ORDER_KEY) ?? 'office' };
}

/** Villages and their grids in the order the office chose: its own (as added, or as arranged) or by pinyin. */
export function listVillages(ctx: ServiceContext): Village[] {
  const order = 'ORDER BY sort IS NULL, sort, rowid';
  const villages = all<{ id: string; name: string }>(ctx, `SELECT id, name FROM village WHERE deleted_at IS NULL ${order}`);
  const grids = all<GridRow>(ctx, `SELECT * FROM grid WHERE deleted_at IS NULL ${order}`);
  if (villageOrder(ctx).mode === 'pinyin') {
    const cmp = (a: { name: string }, b: { name: string }) => byPinyin.compare(a.name, b.name);
    villages.sort(cmp);
    grids.sort(cmp);
  }
  return villages.map((v) => ({ ...v, grids: grids.filter((g) => g.village_id === v.id).map(toGrid) }));
}

/** Sets how lists show villages; with every village's id, in order, also the office's own order. */
export function setVillageOrder(ctx: ServiceContext, input: z.output<typeof VillageOrderInput>): Village[] {
  return write(ctx, () => {
    const before = { mode: villageOrder(ctx).mode, ids: listVillages(ctx).map((v) => v.id) };
    if (input.ids) {
      const live = all<{ id: string }>(ctx, 'SELECT id FROM village WHERE deleted_at IS NULL').map((r) => r.id);
      if (input.ids.length !== live.length || new Set(input.ids).size !== live.length || !input.ids.every((id) => live.includes(id)))
        throw new LedgerError('CONFLICT', '村（社区）列表已有变化，请刷新后重新排列');
      for (const [i, id] of input.ids.entries()) run(ctx, 'UPDATE village SET sort = ? WHERE id = ?', i + 1, id);
    }
    putSetting(ctx, VILLAGE_ORDER_KEY, input.mode);
    const after = listVillages(ctx);
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: VILLAGE_ORDER_KEY,
      before,
      after: { mode: input.mode, ids: after.map((v) => v.id) },
    });
    return after;
  });
}

/** The next place at the end of a list kept in the office's order. */
function nextSort(ctx: ServiceContext, table: 'village' | 'grid', villageId?: string): number {
  const where = table === 'grid' ? 'WHERE village_id = ? AND deleted_at IS NULL' : 'WHERE deleted_at IS NULL';
  return one<{ n: number }>(ctx, `SELECT coalesce(max(sort), 0) + 1 AS n FROM ${table} ${where}`, ...(villageId ? [villageId] : []))!.n;
}

/** Villages pasted as a column: the new ones added at the end in the order given, those already there skipped; all or nothing. */
export function addVillages(ctx: ServiceContext, input: z.output<typeof VillagesAddInput>): NamesAdded {
  return write(ctx, () => {
    const existing = new Set(all<{ name: string }>(ctx, 'SELECT name FROM village WHERE deleted_at IS NULL').map((r) => r.name));
    const { added, skipped } = sortOut(input.names, existing);
    let sort = nextSort(ctx, 'village');
    const now = ctx.clock.now();
    for (const name of added) {
      const id = newId();
      run(ctx, 'INSERT INTO village (id, name, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', id, name, sort++, now, now);
      audit(ctx, { action: 'create', entity: 'village', entityId: id, after: { name } });
    }
    return { added, skipped };
  });
}

/** A village's grids pasted as a column, the same way. */
export function addGrids(ctx: ServiceContext, input: z.output<typeof GridsAddInput>): NamesAdded {
  return write(ctx, () => {
    if (!one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', input.villageId))
      throw new LedgerError('NOT_FOUND', '所属村（社区）不存在', { fields: { villageId: '所属村（社区）不存在' } });
    const existing = new Set(
      all<{ name: string }>(ctx, 'SELECT name FROM grid WHERE village_id = ? AND deleted_at IS NULL', input.villageId).map((r) => r.name),
    );
    const { added, skipped } = sortOut(input.names, existing);
    let sort = nextSort(ctx, 'grid', input.villageId);
    const now = ctx.clock.now();
    for (const name of added) {
      const id = newId();
      run(
        ctx,
        'INSERT INTO grid (id, village_id, name, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        id,
        input.villageId,
        name,
        sort++,
        now,
        now,
      );
      audit(ctx, { action: 'create', entity: 'grid', entityId: id, after: { villageId: input.villageId, name } });
    }
    return { added, skipped };
  });
}

function sortOut(names: readonly string[], existing: Set<string>): NamesAdded {
  const added: string[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    if (existing.has(name)) skipped.push(name);
    else {
      existing.add(name);
      added.push(name);
    }
  }
  return { added, skipped };
}

/**
 * The records a module puts in a colleague's charge (承办人, 包保责任人), for handing them over when the
 * colleague leaves: registered per module in db/modules.ts; the staff register reads only that list.
 */
export interface StaffWork {
  /** What they are, as the register says it: 未办结的纠纷, 在管的重点人员档案. */
  label: string;
  /** What one is counted as: 件, 份. */
  unit: string;
  /** How many open records are in the colleague's charge. */
  count(ctx: ServiceContext, staffId: string): number;
  /** Puts them in another colleague's charge, each audited and its due items following; how many moved. */
  handOver(ctx: ServiceContext, fromStaffId: string, toStaffId: string): number;
}

/**
 * A module's StaffWork from its two parts: the ids of the open records in a colleague's charge, and the
 * move of one record to another colleague (its own update, due items and audit row).
 */
export function staffWork(w: {
  label: string;
  unit: string;
  open: (ctx: ServiceContext, staffId: string) => string[];
  move: (ctx: ServiceContext, id: string, toStaffId: string) => void;
}): StaffWork {
  return {
    label: w.label,
    unit: w.unit,
    count: (ctx, staffId) => w.open(ctx, staffId).length,
    handOver(ctx, fromStaffId, toStaffId) {
      const ids = w.open(ctx, fromStaffId);
      for (const id of ids) w.move(ctx, id, toStaffId);
      return ids.length;
    },
  };
}

/**
 * The StaffWork of a module whose open files (status 'active', not deleted) each have one responsible staff
 * member in `responsible_staff_id`: moved one by one, each file's due items following (`sync`) and its history
 * told who is responsible now. Table, order and entity come from the module's code, never from input.
 */
export function responsibleWork(w: {
  label: string;
  unit: string;
  table: string;
  orderBy: string;
  entity: AuditEntity;
  sync: (ctx: ServiceContext, id: string) => void;
}): StaffWork {
  return staffWork({
    label: w.label,
    unit: w.unit,
    open: (ctx, staffId) =>
      all<{ id: string }>(
        ctx,
        `SELECT id FROM ${w.table} WHERE responsible_staff_id = ? AND deleted_at IS NULL AND status = 'active' ORDER BY ${w.orderBy}`,
        staffId,
      ).map((r) => r.id),
    move(ctx, id, toStaffId) {
      const before = one<{ staff: string }>(ctx, `SELECT responsible_staff_id AS staff FROM ${w.table} WHERE id = ?`, id)!;
      run(ctx, `UPDATE ${w.table} SET responsible_staff_id = ?, updated_at = ? WHERE id = ?`, toStaffId, ctx.clock.now(), id);
      w.sync(ctx, id);
      const name = staffNamer(ctx);
      audit(ctx, {
        action: 'update',
        entity: w.entity,
        entityId: id,
        before: { responsibleName: name(before.staff, null) },
        after: { responsibleName: name(toStaffId, null) },
      });
    },
  });
}

/** A colleague's open work in each module that keeps some. */
export function staffWorkload(ctx: ServiceContext, works: readonly StaffWork[], staffId: string): StaffWorkload[] {
  if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL', staffId)) throw new LedgerError('NOT_FOUND', '没有这名工作人员');
  return works.map((w) => ({ label: w.label, unit: w.unit, count: w.count(ctx, staffId) }));
}

/** All of a colleague's open work handed to another active colleague in one go: all or nothing. */
export function handOverWork(ctx: ServiceContext, works: readonly StaffWork[], input: z.output<typeof HandOverInput>): StaffWorkload[] {
  return write(ctx, () => {
    if (input.fromStaffId === input.toStaffId)
      throw new LedgerError('VALIDATION', '请选择另一名工作人员', { fields: { toStaffId: '请选择另一名工作人员' } });
    if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL', input.fromStaffId))
      throw new LedgerError('NOT_FOUND', '没有这名工作人员');
    const to = one<{ active: number; kind: StaffKind }>(
      ctx,
      'SELECT active, kind FROM staff WHERE id = ? AND deleted_at IS NULL',
      input.toStaffId,
    );
    if (!to?.active || to.kind !== 'staff')
      throw new LedgerError('VALIDATION', '只能移交给在岗的工作人员', { fields: { toStaffId: '只能移交给在岗的工作人员' } });
    return works.map((w) => ({ label: w.label, unit: w.unit, count: w.handOver(ctx, input.fromStaffId, input.toStaffId) }));
  });
}

/** The start checklist: villages entered, colleagues or mediators beside the operator, the case-number formats confirmed. */
export function checklist(ctx: ServiceContext): Checklist {
  const count = (sql: string) => one<{ n: number }>(ctx, sql)!.n;
  const villages = count('SELECT count(*) AS n FROM village WHERE deleted_at IS NULL') > 0;
  const staff =
    count("SELECT count(*) AS n FROM staff WHERE deleted_at IS NULL AND active = 1 AND kind = 'staff'") > 1 ||
    count("SELECT count(*) AS n FROM staff WHERE deleted_at IS NULL AND active = 1 AND kind = 'mediator'") > 0;
  const numbers = getSetting<boolean>(ctx, NUMBERS_CONFIRMED_KEY) === true;
  return {
    steps: [
      { key: 'villages', done: villages },
      { key: 'staff', done: staff },
      { key: 'numbers', done: numbers },
    ],
  };
}

/** The case-number formats taken as they are (the checklist's 就用这个格式), or saved on the settings page. */
export function confirmNumbers(ctx: ServiceContext): Checklist {
  return write(ctx, () => {
    if (getSetting<boolean>(ctx, NUMBERS_CONFIRMED_KEY) !== true) {
      putSetting(ctx, NUMBERS_CONFIRMED_KEY, true);
      const s = getSettings(ctx);
      audit(ctx, {
        action: 'update',
        entity: 'settings',
        entityId: NUMBERS_CONFIRMED_KEY,
        after: { disputeNumberPattern: s.disputeNumberPattern, mediationNumberPattern: s.mediationNumberPattern },
      });
    }
    return checklist(ctx);
  });
}

export function saveVillage(ctx: ServiceContext, input: z.output<typeof VillageInput>): Village {
  return write(ctx, () => {
    const clash = one<{ id: string }>(
      ctx,
      'SELECT id FROM village WHERE name = ? AND deleted_at IS NULL AND id IS NOT ?',
      input.name,
      input.id,
    );
    if (clash) throw new LedgerError('CONFLICT', '已有同名的村（社区）', { fields: { name: '已有同名的村（社区）' } });
    const now = ctx.clock.now();
    if (input.id) {
      const before = one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ? AND deleted_at IS NULL', input.id);
      if (!before) throw new LedgerError('NOT_FOUND');
      run(ctx, 'UPDATE village SET name = ?, updated_at = ? WHERE id = ?', input.name, now, input.id);
      audit(ctx, { action: 'update', entity: 'village', entityId: input.id, before, after: { name: input.name } });
      return listVillages(ctx).find((v) => v.id === input.id)!;
    }
    const id = newId();
    run(
      ctx,
      'INSERT INTO village (id, name, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      id,
      input.name,
      nextSort(ctx, 'village'),
      now,
      now,
    );
    audit(ctx, { action: 'create', entity: 'village', entityId: id, after: { name: input.name } });
    return { id, name: input.name, grids: [] };
  });
}

export function deleteVillage(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ? AND deleted_at IS NULL', id);
    if (!before) throw new LedgerError('NOT_FOUND');
    const now = ctx.clock.now();
    run(ctx, 'UPDATE village SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    run(ctx, 'UPDATE grid SET deleted_at = ?, updated_at = ? WHERE village_id = ? AND deleted_at IS NULL', now, now, id);
    audit(ctx, { action: 'delete', entity: 'village', entityId: id, before });
    return { ok: true as const };
  });
}

export function saveGrid(ctx: ServiceContext, input: z.output<typeof GridInput>): Grid {
  return write(ctx, () => {
    if (!one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', input.villageId)) {
      throw new LedgerError('NOT_FOUND', '所属村（社区）不存在', { fields: { villageId: '所属村（社区）不存在' } });
    }
    const now = ctx.clock.now();
    const after = { villageId: input.villageId, name: input.name, workerName: input.workerName, workerPhone: input.workerPhone };
    if (input.id) {
      const before = one<GridRow>(ctx, 'SELECT * FROM grid WHERE id = ? AND deleted_at IS NULL', input.id);
      if (!before) throw new LedgerError('NOT_FOUND');
      run(
        ctx,
        'UPDATE grid SET village_id = ?, name = ?, worker_name = ?, worker_phone = ?, updated_at = ? WHERE id = ?',
        input.villageId,
        input.name,
        input.workerName,
        input.workerPhone,
        now,
        input.id,
      );
      audit(ctx, { action: 'update', entity: 'grid', entityId: input.id, before: toGrid(before), after });
      return { id: input.id, ...after };
    }
    const id = newId();
    run(
      ctx,
      'INSERT INTO grid (id, village_id, name, sort, worker_name, worker_phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      id,
      input.villageId,
      input.name,
      nextSort(ctx, 'grid', input.villageId),
      input.workerName,
      input.workerPhone,
      now,
      now,
    );
    audit(ctx, { action: 'create', entity: 'grid', entityId: id, after });
    return { id, ...after };
  });
}

export function deleteGrid(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = one<GridRow>(ctx, 'SELECT * FROM grid WHERE id = ? AND deleted_at IS NULL', id);
    if (!before) throw new LedgerError('NOT_FOUND');
    const now = ctx.clock.now();
    run(ctx, 'UPDATE grid SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    audit(ctx, { action: 'delete', entity: 'grid', entityId: id, before: toGrid(before) });
    return { ok: true as const };
  });
}

// ── staff ─────────────────────────────────────────────────────────────────────────────────────

interface StaffRow {
  id: string;
  name: string;
  post: string | null;
  phone: string | null;
  active: number;
  kind: StaffKind;
  committee: string | null;
}
const STAFF_COLUMNS = 'id, name, post, phone, active, kind, committee';
const toStaff = (s: StaffRow): Staff => ({
  id: s.id,
  name: s.name,
  post: s.post,
  phone: s.phone,
  active: s.active === 1,
  kind: s.kind,
  committee: s.committee,
});

export function listStaff(ctx: ServiceContext, includeInactive = false): Staff[] {
  const rows = all<StaffRow>(ctx, `SELECT ${STAFF_COLUMNS} FROM staff WHERE deleted_at IS NULL ORDER BY kind DESC, active DESC, name`);
  return rows.map(toStaff).filter((s) => includeInactive || s.active);
}

/** A staff member's name as every screen shows it, by id; `fallback` (the stored name) when the register has no such entry. */
export type StaffNamer = (id: string | null | undefined, fallback: string | null) => string | null;

/**
 * Staff named as the pickers and the dashboard name them (staffLabels over the whole register,
 * inactive entries included): two people of one name told apart by post or （二）. The ledgers'
 * 承办人/包保责任人/调解员 columns, their exports and what is printed from them use it, so that a
 * name reads the same in the window and on paper.
 */
export function staffNamer(ctx: ServiceContext): StaffNamer {
  const labels = staffLabels(listStaff(ctx, true));
  return (id, fallback) => (id ? (labels.get(id) ?? fallback) : fallback);
}

/**
 * Adds or changes an entry of the staff register. Two people of one name are allowed (they are told
 * apart wherever names are listed: staffLabels), but a save that makes a second active entry of a
 * name (a new entry, a rename, an entry put back in service) says so, in case it is the same person
 * entered twice.
 */
export function saveStaff(ctx: ServiceContext, input: z.output<typeof StaffInput>): SavedStaff {
  const saved = write(ctx, (): Staff & { namesake: boolean } => {
    const now = ctx.clock.now();
    // A mediator's committee is kept only for mediators: office staff belong to the office.
    const committee = input.kind === 'mediator' ? input.committee : null;
    const after = { name: input.name, post: input.post, phone: input.phone, active: input.active, kind: input.kind, committee };
    if (input.id) {
      const before = one<StaffRow>(ctx, `SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ? AND deleted_at IS NULL`, input.id);
      if (!before) throw new LedgerError('NOT_FOUND');
      if (!input.active && ctx.user.id === input.id) {
        throw new LedgerError('VALIDATION', '不能停用当前操作人员，请先切换操作人员。', { fields: { active: '不能停用当前操作人员' } });
      }
      if (input.kind === 'mediator' && ctx.user.id === input.id) {
        throw new LedgerError('VALIDATION', '当前操作人员须为工作人员，请先切换操作人员。', {
          fields: { kind: '当前操作人员须为工作人员' },
        });
      }
      run(
        ctx,
        'UPDATE staff SET name = ?, post = ?, phone = ?, active = ?, kind = ?, committee = ?, updated_at = ? WHERE id = ?',
        input.name,
        input.post,
        input.phone,
        input.active ? 1 : 0,
        input.kind,
        committee,
        now,
        input.id,
      );
      audit(ctx, { action: 'update', entity: 'staff', entityId: input.id, before: toStaff(before), after });
      return { id: input.id, ...after, namesake: input.active && (before.name !== input.name || before.active !== 1) };
    }
    const id = newId();
    run(
      ctx,
      'INSERT INTO staff (id, name, post, phone, active, kind, committee, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      id,
      input.name,
      input.post,
      input.phone,
      input.active ? 1 : 0,
      input.kind,
      committee,
      now,
      now,
    );
    audit(ctx, { action: 'create', entity: 'staff', entityId: id, after });
    return { id, ...after, namesake: input.active };
  });
  const { namesake, ...staff } = saved;
  return { ...staff, warning: namesake ? namesakeWarning(ctx, staff) : null };
}

/** Who else in service has the entry's name, and how the entries are named from now on; null when nobody does. */
function namesakeWarning(ctx: ServiceContext, saved: Staff): string | null {
  const register = listStaff(ctx, true);
  const others = register.filter((s) => s.active && s.name === saved.name && s.id !== saved.id);
  if (others.length === 0) return null;
  const labels = staffLabels(register);
  const label = labels.get(saved.id)!;
  const word = (saved.kind === 'mediator' ? saved.committee : saved.post)?.trim();
  const byWord = word && label === `${saved.name}（${word}）`;
  return (
    `在岗人员中已有同名的${others.map((s) => `“${labels.get(s.id)}”`).join('、')}。` +
    `已照常保存，这一条在各处显示为“${label}”以示区分${byWord ? '' : '（各自填写不同的职务后，改以职务区分）'}；` +
    '如是同一个人重复登记，请停用多余的一条。'
  );
}

// ── dictionaries ──────────────────────────────────────────────────────────────────────────────

interface DictRow {
  kind: DictKind;
  code: string;
  label: string;
  builtin: number;
  active: number;
}
const toDict = (r: DictRow): DictItem => ({ kind: r.kind, code: r.code, label: r.label, builtin: r.builtin === 1, active: r.active === 1 });

export function listDicts(ctx: ServiceContext): DictItem[] {
  return all<DictRow>(ctx, 'SELECT kind, code, label, builtin, active FROM dict_entry ORDER BY kind, sort').map(toDict);
}

export function addDict(ctx: ServiceContext, input: z.output<typeof DictAddInput>): DictItem {
  return write(ctx, () => {
    if (one(ctx, 'SELECT 1 FROM dict_entry WHERE kind = ? AND label = ?', input.kind, input.label)) {
      throw new LedgerError('CONFLICT', '已有同名条目', { fields: { label: '已有同名条目' } });
    }
    const n = one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM dict_entry WHERE kind = ? AND builtin = 0', input.kind)!.n;
    const code = `L${String(n + 1).padStart(2, '0')}`;
    const sort = one<{ s: number }>(ctx, 'SELECT coalesce(max(sort), 0) + 1 AS s FROM dict_entry WHERE kind = ?', input.kind)!.s;
    run(
      ctx,
      'INSERT INTO dict_entry (kind, code, label, builtin, active, sort) VALUES (?, ?, ?, 0, 1, ?)',
      input.kind,
      code,
      input.label,
      sort,
    );
    const item: DictItem = { kind: input.kind, code, label: input.label, builtin: false, active: true };
    audit(ctx, { action: 'create', entity: 'dict', entityId: `${input.kind}:${code}`, after: item });
    return item;
  });
}

export function setDictActive(ctx: ServiceContext, input: z.output<typeof DictToggleInput>): DictItem {
  return write(ctx, () => {
    const before = one<DictRow>(
      ctx,
      'SELECT kind, code, label, builtin, active FROM dict_entry WHERE kind = ? AND code = ?',
      input.kind,
      input.code,
    );
    if (!before) throw new LedgerError('NOT_FOUND');
    run(ctx, 'UPDATE dict_entry SET active = ? WHERE kind = ? AND code = ?', input.active ? 1 : 0, input.kind, input.code);
    const after = { ...toDict(before), active: input.active };
    audit(ctx, { action: 'update', entity: 'dict', entityId: `${input.kind}:${input.code}`, before: toDict(before), after });
    return after;
  });
}

/** Throws a field error unless `code` is an active entry of `kind`. */
export function requireDictCode(ctx: ServiceContext, kind: DictKind, code: string, field: string, label: string): void {
  if (!one(ctx, 'SELECT 1 FROM dict_entry WHERE kind = ? AND code = ? AND active = 1', kind, code)) {
    throw new LedgerError('VALIDATION', `${label}不在字典中`, { fields: { [field]: `${label}不在字典中` } });
  }
}

/** Throws a field error unless the village exists and the grid (if any) belongs to it. */
export function requirePlace(ctx: ServiceContext, villageId: string | null, gridId: string | null): void {
  if (villageId && !one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', villageId)) {
    throw new LedgerError('VALIDATION', '所选村（社区）不存在', { fields: { villageId: '所选村（社区）不存在' } });
  }
  if (gridId) {
    const g = one<{ village_id: string }>(ctx, 'SELECT village_id FROM grid WHERE id = ? AND deleted_at IS NULL', gridId);
    if (!g || (villageId && g.village_id !== villageId)) {
      throw new LedgerError('VALIDATION', '所选网格不属于该村（社区）', { fields: { gridId: '所选网格不属于该村（社区）' } });
    }
  }
}

/** The office's label for a dictionary code (its own added entries included); the code itself when unknown. */
export function dictLabel(ctx: ServiceContext, kind: string, code: string): string {
  return one<{ label: string }>(ctx, 'SELECT label FROM dict_entry WHERE kind = ? AND code = ?', kind, code)?.label ?? code;
}
