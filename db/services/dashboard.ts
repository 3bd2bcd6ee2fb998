/**
 * 首页 工作台: what is overdue, what falls due within 7 days, which terms end within 30 days, and
 * the counts by module and by responsible person. Reads only the to-do table through its due-date
 * indexes; rebuilds it first when it was built on another day.
 */
import type { z } from 'zod';
import { addDays } from '../../shared/dates';
import { DASHBOARD_MODULES, type Dashboard, type DashboardInput, type DashboardItem, type DashboardModule } from '../../shared/schemas/followup';
import type { ServiceContext } from '../context';
import { syncFollowup } from './followup';
import { refreshObligationsIfStale } from './obligations';
import { all, one } from './sql';

export const LIST_LIMIT = 200;

function dashboardSql(f: z.output<typeof DashboardInput>) {
  const parts: string[] = [];
  if (f.responsibleStaffId) parts.push('o.responsible_staff_id = @staffId');
  if (f.villageId) parts.push('o.village_id = @villageId');
  const scope = parts.length ? ` AND ${parts.join(' AND ')}` : '';
  const item = `SELECT o.module || ':' || o.owner_id || ':' || o.item_key AS id, o.module, o.kind, o.label, o.due_date AS dueDate,
      o.original_due_date AS originalDueDate, o.person_name AS personName, s.name AS responsibleName, v.name AS villageName, o.link
    FROM obligation o LEFT JOIN staff s ON s.id = o.responsible_staff_id LEFT JOIN village v ON v.id = o.village_id`;
  return {
    overdue: `${item} WHERE o.due_date < @today${scope} ORDER BY o.due_date, o.owner_id LIMIT ${LIST_LIMIT}`,
    overdueTotal: `SELECT count(*) AS n FROM obligation o WHERE o.due_date < @today${scope}`,
    dueSoon: `${item} WHERE o.due_date BETWEEN @today AND @soon AND o.kind <> 'term_end'${scope} ORDER BY o.due_date, o.owner_id LIMIT ${LIST_LIMIT}`,
    dueSoonTotal: `SELECT count(*) AS n FROM obligation o WHERE o.due_date BETWEEN @today AND @soon AND o.kind <> 'term_end'${scope}`,
    termEnds: `${item} WHERE o.kind = 'term_end' AND o.due_date BETWEEN @today AND @termSoon${scope} ORDER BY o.due_date LIMIT ${LIST_LIMIT}`,
    byModule: `SELECT o.module, sum(o.due_date < @today) AS overdue, sum(o.due_date >= @today AND o.kind <> 'term_end') AS dueSoon
      FROM obligation o WHERE o.due_date <= @soon${scope} GROUP BY o.module`,
    byStaff: `SELECT o.responsible_staff_id AS staffId, coalesce(s.name, '（未指定）') AS name, sum(o.due_date < @today) AS overdue,
        sum(o.due_date >= @today AND o.kind <> 'term_end') AS dueSoon
      FROM obligation o LEFT JOIN staff s ON s.id = o.responsible_staff_id WHERE o.due_date <= @soon${scope}
      GROUP BY o.responsible_staff_id ORDER BY overdue DESC, dueSoon DESC`,
  };
}

/** The dashboard's queries only, without the daily rebuild (what the bench measures). */
export function readDashboard(ctx: ServiceContext, f: z.output<typeof DashboardInput>): Dashboard {
  const today = ctx.clock.today();
  const p = { today, soon: addDays(today, 7), termSoon: addDays(today, 30), staffId: f.responsibleStaffId, villageId: f.villageId };
  const q = dashboardSql(f);
  const counts = new Map(all<{ module: DashboardModule; overdue: number; dueSoon: number }>(ctx, q.byModule, p).map((r) => [r.module, r]));
  return {
    today,
    overdue: all<DashboardItem>(ctx, q.overdue, p),
    overdueTotal: one<{ n: number }>(ctx, q.overdueTotal, p)!.n,
    dueSoon: all<DashboardItem>(ctx, q.dueSoon, p),
    dueSoonTotal: one<{ n: number }>(ctx, q.dueSoonTotal, p)!.n,
    termEnds: all<DashboardItem>(ctx, q.termEnds, p),
    byModule: DASHBOARD_MODULES.map((module) => ({ module, overdue: counts.get(module)?.overdue ?? 0, dueSoon: counts.get(module)?.dueSoon ?? 0 })),
    byStaff: all<Dashboard['byStaff'][number]>(ctx, q.byStaff, p),
  };
}

export function getDashboard(ctx: ServiceContext, f: z.output<typeof DashboardInput>): Dashboard {
  refreshObligationsIfStale(ctx, syncFollowup);
  return readDashboard(ctx, f);
}
