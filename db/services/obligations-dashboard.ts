/**
 * 首页 工作台: what is overdue, what falls due within 7 days, which terms end within 30 days, each
 * module's apart, and the counts by module and by responsible person — of records (files, disputes,
 * cases: a file with two visits overdue counts once), as the ledgers those counts open list them. Reads only the to-do table
 * through its due-date indexes. When the table was built on another day it is rebuilt: in a worker
 * thread when the host runs one (the app), otherwise first, in this thread (scripts, tests).
 */
import type { z } from 'zod';
import { addDays } from '../../shared/dates';
import { DUE_SOON_DAYS } from '../../shared/domain/obligations';
import { DUE_MODULES, type DueModule } from '../../shared/modules';
import type { Dashboard, DashboardInput, DashboardItem, DueList, ModuleDue } from '../../shared/schemas/obligations';
import type { ServiceContext } from '../context';
import type { ObligationRefresher } from '../jobs/refresher';
import { refreshObligationsIfStale, type DueSources } from './obligations';
import { all, one } from './sql';

/**
 * Rows per list of each module; the totals say how many there are in all. The dashboard shows the
 * earliest ten and more on request; past these, the module's ledger lists them all.
 */
export const LIST_LIMIT = 50;

/**
 * The dashboard's statements for one scope (exported for the query-plan tests). `closed`: the same counts
 * of the items closed to the operator only (a minor's correction file is its responsible staff member's
 * alone), which are few and are taken off the counts of the cells that hold any.
 */
export function dashboardSql(f: z.output<typeof DashboardInput>, closed = false) {
  const inVillage = `${f.villageId ? ' AND o.village_id = @villageId' : ''}${closed ? CLOSED_TO_OTHERS : ''}`;
  const scope = `${f.responsibleStaffId ? ' AND o.responsible_staff_id = @staffId' : ''}${inVillage}`;
  const columns = `o.module || ':' || o.owner_id || ':' || o.item_key AS id, o.module, o.kind, o.label,
      o.due_date AS dueDate, o.original_due_date AS originalDueDate, o.person_name AS personName,
      o.responsible_staff_id AS responsibleStaffId, s.name AS responsibleName, v.name AS villageName, o.link, o.closed_to AS closedTo`;
  const joins = 'LEFT JOIN staff s ON s.id = o.responsible_staff_id LEFT JOIN village v ON v.id = o.village_id';
  const item = (index: string) => `SELECT ${columns} FROM obligation o INDEXED BY ${index} ${joins}`;
  // One cell is one person's items of one module: a range of the narrow index the counts walk, in
  // due-date order. A module's list is merged from the first keys of its cells that have any, read
  // from the index alone, and only the rows listed are then read, so that a module with few items
  // is never looked for among thousands of another module's, nor many rows read to list a hundred.
  const cell = 'o.responsible_staff_id IS @staffKey AND o.module = @module';
  const keys = 'SELECT o.rowid AS rowid, o.due_date AS dueDate FROM obligation o INDEXED BY obligation_staff_module_due';
  // One village's items are few: read in due-date order from its own index, the module checked on each.
  const village = 'o.village_id = @villageId AND o.module = @module';
  return {
    overdue: `${keys} WHERE ${cell} AND o.due_date < @today${inVillage} ORDER BY o.due_date LIMIT @limit`,
    // Term ends within 7 days are in this range too (listed apart): the caller asks for as many more keys.
    dueSoon: `${keys} WHERE ${cell} AND o.due_date BETWEEN @today AND @soon${inVillage} ORDER BY o.due_date LIMIT @limit`,
    listed: `SELECT o.rowid AS rowid, ${columns} FROM obligation o ${joins} WHERE o.rowid IN (SELECT value FROM json_each(@rowids))`,
    villageOverdue: `${item('obligation_village_due')} WHERE ${village} AND o.due_date < @today ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    villageDueSoon: `${item('obligation_village_due')} WHERE ${village} AND o.due_date BETWEEN @today AND @soon AND o.kind <> 'term_end'
      ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    // Term ends are few: always found by kind first, never by stepping through one person's (or one
    // village's) thousands of visits in the next 30 days, which the planner may otherwise prefer.
    termEnds: `${item('obligation_kind_due')} WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @termSoon AND o.module = @module${scope}
      ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    termEndCount: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_kind_due
      WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @termSoon AND o.module = @module${scope}`,
    // Plain range counts over a narrow index (see db/schema/obligations.ts) for one person and one
    // module; term ends (few) are taken out of the 7-day count through the kind index.
    overdueCount: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_staff_module_due
      WHERE ${cell} AND o.due_date < @today${inVillage}`,
    soonCount: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_staff_module_due
      WHERE ${cell} AND o.due_date BETWEEN @today AND @soon${inVillage}`,
    soonTermEnds: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_kind_due
      WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @soon AND ${cell}${inVillage}`,
    // The records behind the counts (what the ledgers they open list): the owners of the same ranges,
    // from the same index. A record whose only item within 7 days is its term end (one per record,
    // listed apart) is taken out, found through the kind index: they are few.
    overdueRecords: `SELECT count(DISTINCT o.owner_id) AS n FROM obligation o INDEXED BY obligation_staff_module_due
      WHERE ${cell} AND o.due_date < @today${inVillage}`,
    soonRecords: `SELECT count(DISTINCT o.owner_id) AS n FROM obligation o INDEXED BY obligation_staff_module_due
      WHERE ${cell} AND o.due_date BETWEEN @today AND @soon${inVillage}`,
    soonTermEndOnly: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_kind_due
      WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @soon AND ${cell}${inVillage}
        AND NOT EXISTS (SELECT 1 FROM obligation x WHERE x.module = o.module AND x.owner_id = o.owner_id
          AND x.kind <> 'term_end' AND x.due_date BETWEEN @today AND @soon)`,
  };
}

/** Items of a closed record that the operator may not see (`@operator`: the acting staff member). */
const CLOSED_TO_OTHERS = ' AND o.closed_to IS NOT NULL AND o.closed_to IS NOT @operator';

/** The cells (person responsible, module) holding items closed to the operator, from the closed items' own index. */
const CLOSED_CELLS = `SELECT DISTINCT responsible_staff_id AS staffId, module FROM obligation INDEXED BY obligation_closed
  WHERE closed_to IS NOT NULL AND closed_to IS NOT @operator`;

/** A listed row as the dashboard shows it, or null when it is closed to the operator. */
function shown<T extends DashboardItem & { closedTo?: string | null }>(row: T, operator: string | null): DashboardItem | null {
  const { closedTo, ...item } = row;
  return closedTo && closedTo !== operator ? null : item;
}

/** Keys of the to-do table in due-date order (then by row, so the order is stable). */
interface ItemKey {
  rowid: number;
  dueDate: string;
}
const byDate = (a: ItemKey, b: ItemKey) => (a.dueDate === b.dueDate ? a.rowid - b.rowid : a.dueDate < b.dueDate ? -1 : 1);

/**
 * The dashboard's queries only, without the daily rebuild (what the bench measures). One read
 * transaction, so that the counts and the lists are of one state of the table while the rebuild
 * writes it from its worker thread.
 */
export function readDashboard(ctx: ServiceContext, f: z.output<typeof DashboardInput>): Dashboard {
  return ctx.db.transaction(() => read(ctx, f))();
}

function read(ctx: ServiceContext, f: z.output<typeof DashboardInput>): Dashboard {
  const today = ctx.clock.today();
  const operator = ctx.user.id;
  const p = {
    today,
    soon: addDays(today, DUE_SOON_DAYS),
    termSoon: addDays(today, 30),
    staffId: f.responsibleStaffId,
    villageId: f.villageId,
    operator,
  };
  const q = dashboardSql(f);
  // Closed items of others' records are few (usually none): their cells are counted again over them alone, and taken off.
  const closedCells = new Set(
    all<{ staffId: string | null; module: string }>(ctx, CLOSED_CELLS, { operator }).map((c) => `${c.staffId}|${c.module}`),
  );
  const qc = closedCells.size ? dashboardSql(f, true) : null;
  const staff: { staffId: string | null; name: string }[] = f.responsibleStaffId
    ? all(ctx, 'SELECT id AS staffId, name FROM staff WHERE id = ?', f.responsibleStaffId)
    : [...all<{ staffId: string; name: string }>(ctx, 'SELECT id AS staffId, name FROM staff'), { staffId: null, name: '（未指定）' }];
  // Every (person, module) pair once: each due item is counted in exactly one of these ranges.
  const cells = staff.flatMap((s) =>
    DUE_MODULES.map((module) => {
      const params = { ...p, staffKey: s.staffId, module };
      const hidden = qc && closedCells.has(`${s.staffId}|${module}`) ? qc : null;
      const n = (sql: keyof typeof q) =>
        one<{ n: number }>(ctx, q[sql], params)!.n - (hidden ? one<{ n: number }>(ctx, hidden[sql], params)!.n : 0);
      const soonTermEnds = n('soonTermEnds');
      const overdue = n('overdueCount');
      const soon = n('soonCount') - soonTermEnds;
      return {
        staffId: s.staffId,
        module,
        params,
        soonTermEnds,
        overdue,
        dueSoon: soon,
        // Records only where there are items: most cells of most days have none.
        records: {
          overdue: overdue ? n('overdueRecords') : 0,
          dueSoon: soon ? n('soonRecords') - n('soonTermEndOnly') : 0,
        },
      };
    }),
  );
  const modules = DUE_MODULES.map((module): ModuleDue => {
    const mine = cells.filter((c) => c.module === module);
    const list = (key: 'overdue' | 'dueSoon'): DueList => {
      const total = mine.reduce((n, c) => n + c[key], 0);
      if (total === 0) return { items: [], total };
      // A village's own (everyone's in it): from the village index.
      if (f.villageId && !f.responsibleStaffId) {
        const rows = all<DashboardItem>(ctx, key === 'overdue' ? q.villageOverdue : q.villageDueSoon, { ...p, module });
        return { items: rows.flatMap((r) => shown(r, operator) ?? []), total };
      }
      // Otherwise the earliest keys of the cells that have any (a 7-day range holds its term ends
      // too, listed apart: as many more keys), then the rows of those listed, in the keys' order.
      const extra = key === 'dueSoon' ? mine.reduce((n, c) => n + c.soonTermEnds, 0) : 0;
      const first = mine
        .filter((c) => c[key] > 0)
        .flatMap((c) => all<ItemKey>(ctx, q[key], { ...c.params, limit: LIST_LIMIT + (key === 'dueSoon' ? c.soonTermEnds : 0) }))
        .sort(byDate)
        .slice(0, LIST_LIMIT + extra);
      const order = new Map(first.map((k, i) => [k.rowid, i]));
      const rows = all<DashboardItem & { rowid: number }>(ctx, q.listed, { rowids: JSON.stringify(first.map((k) => k.rowid)) });
      const items = rows
        .filter((r) => key === 'overdue' || r.kind !== 'term_end')
        .sort((a, b) => order.get(a.rowid)! - order.get(b.rowid)!)
        .flatMap(({ rowid: _, ...item }) => shown(item, operator) ?? [])
        .slice(0, LIST_LIMIT);
      return { items, total };
    };
    const params = { ...p, module };
    // A record is one person's (its owner's rows share its person responsible): the cells' records add up.
    const records = (key: 'overdue' | 'dueSoon') => mine.reduce((n, c) => n + c.records[key], 0);
    return {
      module,
      records: { overdue: records('overdue'), dueSoon: records('dueSoon') },
      overdue: list('overdue'),
      dueSoon: list('dueSoon'),
      termEnds: {
        items: all<DashboardItem>(ctx, q.termEnds, params).flatMap((r) => shown(r, operator) ?? []),
        total: one<{ n: number }>(ctx, q.termEndCount, params)!.n - (qc ? one<{ n: number }>(ctx, qc.termEndCount, params)!.n : 0),
      },
    };
  });
  const byStaff = staff
    .map((s) => {
      const own = cells.filter((c) => c.staffId === s.staffId);
      const count = (key: 'overdue' | 'dueSoon') => own.reduce((n, c) => n + c.records[key], 0);
      return {
        ...s,
        overdue: count('overdue'),
        dueSoon: count('dueSoon'),
        modules: own.map((c) => ({ module: c.module as DueModule, overdue: c.records.overdue, dueSoon: c.records.dueSoon })),
      };
    })
    .filter((s) => s.overdue + s.dueSoon > 0)
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  const total = (key: 'overdue' | 'dueSoon' | 'termEnds') => modules.reduce((n, m) => n + m[key].total, 0);
  return {
    today,
    overdueTotal: total('overdue'),
    dueSoonTotal: total('dueSoon'),
    termEndsTotal: total('termEnds'),
    modules,
    byStaff,
    refreshing: null,
    refreshError: null,
  };
}

export function getDashboard(
  ctx: ServiceContext,
  f: z.output<typeof DashboardInput>,
  sources: DueSources,
  background?: ObligationRefresher,
): Dashboard {
  if (!background) {
    refreshObligationsIfStale(ctx, sources);
    return readDashboard(ctx, f);
  }
  const state = background.ensure(ctx);
  return { ...readDashboard(ctx, f), refreshing: state.running, refreshError: state.error };
}
