/**
 * The due-date engine's inputs and outputs: the to-do dashboard (首页 工作台), the office's 延期 and
 * 免除 of single items, and a record's level over time. Any module whose records owe things by date
 * (shared/modules.ts, `due`) uses them; the rules themselves are in shared/domain/obligations.ts.
 */
import { z } from 'zod';
import { DUE_MODULES, type DueModule } from '../modules';
import { Id, OptDate, reqText } from './common';

// ── the dashboard ────────────────────────────────────────────────────────────────────────────

export const DashboardInput = z.strictObject({ responsibleStaffId: Id.optional(), villageId: Id.optional() });

export interface DashboardItem {
  id: string;
  module: DueModule;
  kind: string;
  label: string;
  dueDate: string;
  originalDueDate: string | null;
  personName: string;
  /** Who is responsible, by id, so that the window can tell two staff of one name apart. */
  responsibleStaffId: string | null;
  responsibleName: string | null;
  villageName: string | null;
  link: string;
}

/** The earliest items of one list (at most LIST_LIMIT in db/services/obligations-dashboard.ts), and how many there are in all. */
export interface DueList {
  items: DashboardItem[];
  total: number;
}

/** One module's items: overdue, due within 7 days (term ends aside), terms ending within 30 days. */
export interface ModuleDue {
  module: DueModule;
  /**
   * How many of its records (files, disputes, cases) have anything overdue, or anything but a term end
   * due within 7 days: what the counts by module show and the module's ledger lists when they are clicked.
   */
  records: { overdue: number; dueSoon: number };
  overdue: DueList;
  dueSoon: DueList;
  termEnds: DueList;
}

/**
 * One person's counts (staffId null: records nobody is responsible for), in all and by module, of
 * records as ModuleDue.records counts them (a file with two visits overdue counts once).
 */
export interface StaffDue {
  staffId: string | null;
  name: string;
  overdue: number;
  dueSoon: number;
  modules: { module: DueModule; overdue: number; dueSoon: number }[];
}

export interface Dashboard {
  today: string;
  overdueTotal: number;
  dueSoonTotal: number;
  termEndsTotal: number;
  /** Every module whose records owe things by date, in the modules' order, each with its own lists. */
  modules: ModuleDue[];
  /** The people with anything overdue or due within 7 days, most overdue first. */
  byStaff: StaffDue[];
  /** The daily rebuild of the to-do table, while it runs in the background (files done of total). */
  refreshing: { done: number; total: number } | null;
  /** Today's rebuild failed: the items shown are from the last one that succeeded. */
  refreshError: string | null;
}

// ── 延期 and 免除 of one item ─────────────────────────────────────────────────────────────────

/** 延期: a later due date for one item, with the reason; 免除: the item excused, with the reason. */
export const ITEM_ACTION_KINDS = ['extend', 'waive'] as const;
export type ItemActionKind = (typeof ITEM_ACTION_KINDS)[number];
export const ITEM_ACTION_LABELS: Record<ItemActionKind, string> = { extend: '延期', waive: '免除' };

export const ItemActionInput = z
  .strictObject({
    module: z.enum(DUE_MODULES as [DueModule, ...DueModule[]], { error: '事项所属的模块不正确' }),
    ownerId: Id,
    kind: z.enum(ITEM_ACTION_KINDS, { error: '请选择延期或免除' }),
    ruleId: reqText('事项', 60),
    itemKey: reqText('事项', 80),
    newDate: OptDate,
    reason: reqText('理由', 200),
  })
  .refine((v) => v.kind !== 'extend' || v.newDate, { path: ['newDate'], message: '请填写延期后的到期日' });
export type ItemActionInput = z.input<typeof ItemActionInput>;

/** How many items one 批量免除 may name: a page of a file's items, or of the dashboard's, with room to spare. */
export const MAX_WAIVE_ITEMS = 100;

/** One due item named in a 批量免除: its module (every item must be of the batch's), its record and the occurrence. */
export const WaiveItemRef = z.strictObject({
  module: z.enum(DUE_MODULES as [DueModule, ...DueModule[]], { error: '事项所属的模块不正确' }),
  ownerId: Id,
  ruleId: reqText('事项', 60),
  itemKey: reqText('事项', 80),
});

/**
 * 批量免除: several open (or missed) items excused at once with one reason (a patient in hospital: the
 * visits falling due meanwhile), all or none; each is recorded and audited as a single 免除 is, on
 * its own date (its due date, or today when that is earlier).
 */
export const WaiveItemsInput = z
  .strictObject({
    module: z.enum(DUE_MODULES as [DueModule, ...DueModule[]], { error: '事项所属的模块不正确' }),
    items: z.array(WaiveItemRef).min(1, '请勾选要免除的事项').max(MAX_WAIVE_ITEMS, `一次最多免除${MAX_WAIVE_ITEMS}项`),
    reason: reqText('免除理由', 200),
  })
  .refine((v) => v.items.every((i) => i.module === v.module), { path: ['items'], message: '所选事项须属于同一模块，未作任何免除' });
export type WaiveItemsInput = z.input<typeof WaiveItemsInput>;

/** One 延期 or 免除 as recorded (live ones only; one taken back stays in the audit trail). */
export interface ItemAction {
  id: string;
  kind: ItemActionKind;
  ruleId: string;
  itemKey: string;
  label: string;
  date: string;
  newDate: string | null;
  reason: string;
  createdAt: string;
}

// ── the level over time ──────────────────────────────────────────────────────────────────────

/** Where a level change came from: the level the record was opened with, an event, or the form. */
export const LEVEL_SOURCES = ['start', 'visit', 'edit'] as const;
export type LevelSource = (typeof LEVEL_SOURCES)[number];
/** Each change in a level history, in words (2024-06-01 建档3级 → 2024-06-10 走访评估4级). */
export const LEVEL_SOURCE_LABELS: Record<LevelSource, string> = { start: '建档', visit: '走访评估', edit: '修改为' };

export interface LevelChange<L extends string = string> {
  date: string;
  level: L;
  source: LevelSource;
}
