/**
 * 首页 工作台: what is overdue, what falls due within 7 days, which terms end within 30 days, and
 * the counts by module and by responsible person. Reads only the to-do table through its due-date
 * indexes. When the table was built on another day it is rebuilt: in a worker thread when the host
 * runs one (the app), otherwise first, in this thread (scripts, tests).
 */
import type { z } from 'zod';
import { addDays } from '../../shared/dates';
import { DUE_MODULES } from '../../shared/modules';
import type { Dashboard, DashboardInput, DashboardItem } from '../../shared/schemas/obligations';
import type { ServiceContext } from '../context';
import type { ObligationRefresher } from '../jobs/refresher';
import { refreshObligationsIfStale, type DueSources } from './obligations';
import { all, one } from './sql';

/** Rows per list; the totals say how many there are in all. */
export const LIST_LIMIT = 100;

/** The dashboard's statements for one scope (exported for the query-plan tests). */
export function dashboardSql(f: z.output<typeof DashboardInput>) {
  const parts: string[] = [];
  if (f.responsibleStaffId) parts.push('o.responsible_staff_id = @staffId');
  if (f.villageId) parts.push('o.village_id = @villageId');
  const scope = parts.length ? ` AND ${parts.join(' AND ')}` : '';
  const item = (
    hint = '',
  ) => `SELECT o.module || ':' || o.owner_id || ':' || o.item_key AS id, o.module, o.kind, o.label, o.due_date AS dueDate,
      o.original_due_date AS originalDueDate, o.person_name AS personName, s.name AS responsibleName, v.name AS villageName, o.link
    FROM obligation o ${hint} LEFT JOIN staff s ON s.id = o.responsible_staff_id LEFT JOIN village v ON v.id = o.village_id`;
  return {
    overdue: `${item()} WHERE o.due_date < @today${scope} ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    dueSoon: `${item()} WHERE o.due_date BETWEEN @today AND @soon AND o.kind <> 'term_end'${scope} ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    // Term ends are few: always found by kind first, never by stepping through one person's (or one
    // village's) thousands of visits in the next 30 days, which the planner may otherwise prefer.
    termEnds: `${item('INDEXED BY obligation_kind_due')} WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @termSoon${scope} ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    // Plain range counts over a narrow index (see db/schema/obligations.ts) for one person and one
    // module; term ends (few) are taken out of the 7-day count through the kind index.
    overdueCount: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_staff_module_due
      WHERE o.responsible_staff_id IS @staffKey AND o.module = @module AND o.due_date < @today${f.villageId ? ' AND o.village_id = @villageId' : ''}`,
    soonCount: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_staff_module_due
      WHERE o.responsible_staff_id IS @staffKey AND o.module = @module AND o.due_date BETWEEN @today AND @soon${f.villageId ? ' AND o.village_id = @villageId' : ''}`,
    soonTermEnds: `SELECT count(*) AS n FROM obligation o INDEXED BY obligation_kind_due
      WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @soon AND o.responsible_staff_id IS @staffKey AND o.module = @module${f.villageId ? ' AND o.village_id = @villageId' : ''}`,
  };
}

/** The dashboard's queries only, without the daily rebuild (what the bench measures). */
export function readDashboard(ctx: ServiceContext, f: z.output<typeof DashboardInput>): Dashboard {
  const today = ctx.clock.today();
  const p = { today, soon: addDays(today, 7), termSoon: addDays(today, 30), staffId: f.responsibleStaffId, villageId: f.villageId };
  const q = dashboardSql(f);
  const staff: { staffId: string | null; name: string }[] = f.responsibleStaffId
    ? all(ctx, 'SELECT id AS staffId, name FROM staff WHERE id = ?', f.responsibleStaffId)
    : [...all<{ staffId: string; name: string }>(ctx, 'SELECT id AS staffId, name FROM staff'), { staffId: null, name: '（未指定）' }];
  // Every (person, module) pair once: each due item is counted in exactly one of these ranges.
  const cells = staff.flatMap((s) =>
    DUE_MODULES.map((module) => {
      const params = { ...p, staffKey: s.staffId, module };
      const n = (sql: string) => one<{ n: number }>(ctx, sql, params)!.n;
      return { staffId: s.staffId, module, overdue: n(q.overdueCount), dueSoon: n(q.soonCount) - n(q.soonTermEnds) };
    }),
  );
  const total = (rows: typeof cells) => ({
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    dueSoon: rows.reduce((n, r) => n + r.dueSoon, 0),
  });
  const byModule = DUE_MODULES.map((module) => ({ module, ...total(cells.filter((c) => c.module === module)) }));
  const byStaff = staff
    .map((s) => ({ ...s, ...total(cells.filter((c) => c.staffId === s.staffId)) }))
    .filter((s) => s.overdue + s.dueSoon > 0)
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  return {
    today,
    overdue: all<DashboardItem>(ctx, q.overdue, p),
    overdueTotal: byModule.reduce((n, m) => n + m.overdue, 0),
    dueSoon: all<DashboardItem>(ctx, q.dueSoon, p),
    dueSoonTotal: byModule.reduce((n, m) => n + m.dueSoon, 0),
    termEnds: all<DashboardItem>(ctx, q.termEnds, p),
    byModule,
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
