import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';
import { useLedgerRows } from '../../components/useLedgerRows';

/** Everything of follow-up starts with 'followup' (the plan, the figures and the cadences too), so one invalidation refreshes all. */
export const followupKeys = {
  all: moduleKey('followup'),
  list: (f: Input<'followup.list'>) => ['followup', 'list', f] as const,
  detail: (id: string) => ['followup', 'detail', id] as const,
  plan: (f: Input<'followup.visitPlan'>) => ['followup', 'plan', f] as const,
  stats: (f: Input<'followup.stats'>) => ['followup', 'stats', f] as const,
  schedule: ['followup', 'schedule'] as const,
};

/** One page of the ledger with the filters on screen, for 打印台账. */
export function fetchFollowupPage(f: Input<'followup.list'>, page: number, pageSize: number) {
  return api.followup.list({ ...f, page, pageSize });
}

export function useFollowupList(f: Input<'followup.list'>) {
  return useLedgerRows(followupKeys.list, api.followup.list, f);
}

export function useFollowupSubject(id: string | undefined) {
  return useQuery({ queryKey: followupKeys.detail(id ?? ''), queryFn: () => api.followup.get({ id: id! }), enabled: !!id });
}

/** One month's 走访计划表; every write to a file refreshes it as well. */
export function useVisitPlan(f: Input<'followup.visitPlan'>) {
  return useQuery({ queryKey: followupKeys.plan(f), queryFn: () => api.followup.visitPlan(f), placeholderData: (prev) => prev });
}

export function useFollowupStats(f: Input<'followup.stats'>, enabled: boolean) {
  return useQuery({ queryKey: followupKeys.stats(f), queryFn: () => api.followup.stats(f), enabled, placeholderData: (prev) => prev });
}

/** The visit cadences with their sources and the mental-health scheme (走访频次). */
export function useFollowupSchedule() {
  return useQuery({ queryKey: followupKeys.schedule, queryFn: () => api.followup.schedule({}) });
}
