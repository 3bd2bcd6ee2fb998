import type { Dashboard, DashboardItem } from '../../shared/schemas/obligations';

/** One of the dashboard's lists across every module, earliest first: what a test that follows one record's items reads. */
export function dueItems(d: Dashboard, list: 'overdue' | 'dueSoon' | 'termEnds'): DashboardItem[] {
  return d.modules
    .flatMap((m) => m[list].items)
    .sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
}
