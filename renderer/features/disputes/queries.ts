import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';
import { useLedgerRows } from '../../components/useLedgerRows';

/** Query keys: everything about disputes starts with 'disputes', so one invalidation refreshes all. */
export const disputeKeys = {
  all: moduleKey('disputes'),
  list: (f: Input<'disputes.list'>) => ['disputes', 'list', f] as const,
  detail: (id: string) => ['disputes', 'detail', id] as const,
  nextCaseNumber: (intakeDate: string) => ['disputes', 'next-number', intakeDate] as const,
  stats: (f: Input<'disputes.stats'>) => ['disputes', 'stats', f] as const,
  screenings: (month: string) => ['disputes', 'screenings', month] as const,
};

export function useDisputeList(f: Input<'disputes.list'>) {
  return useLedgerRows(disputeKeys.list, api.disputes.list, f);
}

/** One page of the register with the filters on screen, for 打印台账. */
export function fetchDisputePage(f: Input<'disputes.list'>, page: number, pageSize: number) {
  return api.disputes.list({ ...f, page, pageSize });
}

export function useDispute(id: string | undefined) {
  return useQuery({ queryKey: disputeKeys.detail(id ?? ''), queryFn: () => api.disputes.get({ id: id! }), enabled: !!id });
}

/** The number the next dispute registered on `intakeDate` would get (fixed only when saved). */
export function useNextCaseNumber(intakeDate: string, enabled: boolean) {
  return useQuery({
    queryKey: disputeKeys.nextCaseNumber(intakeDate),
    queryFn: () => api.disputes.nextCaseNumber({ intakeDate }),
    enabled: enabled && /^\d{4}-\d{2}-\d{2}$/.test(intakeDate),
    staleTime: 0,
  });
}

/** 排查调处统计 for a period (placeholder: the previous period's figures while the next load). */
export function useDisputeStats(f: Input<'disputes.stats'>) {
  return useQuery({
    queryKey: disputeKeys.stats(f),
    queryFn: () => api.disputes.stats(f),
    enabled: f.dateFrom <= f.dateTo,
    placeholderData: (prev) => prev,
  });
}

/** 排查活动 of a month, with the villages that have not reported yet. */
export function useScreenings(month: string) {
  return useQuery({
    queryKey: disputeKeys.screenings(month),
    queryFn: () => api.disputes.screenings({ month }),
    placeholderData: (prev) => prev,
  });
}
