import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';

/** Everything of correction starts with 'correction' (the level table too), so one invalidation refreshes all. */
export const correctionKeys = {
  all: moduleKey('correction'),
  list: (f: Input<'correction.list'>) => ['correction', 'list', f] as const,
  detail: (id: string) => ['correction', 'detail', id] as const,
  schedule: ['correction', 'schedule'] as const,
};

/** One page of the ledger with the filters on screen, for 打印台账. */
export function fetchCorrectionPage(f: Input<'correction.list'>, page: number, pageSize: number) {
  return api.correction.list({ ...f, page, pageSize });
}

export function useCorrectionList(f: Input<'correction.list'>) {
  return useQuery({ queryKey: correctionKeys.list(f), queryFn: () => api.correction.list(f), placeholderData: (prev) => prev });
}

export function useCorrectionFile(id: string | undefined) {
  return useQuery({
    queryKey: correctionKeys.detail(id ?? ''),
    queryFn: () => api.correction.get({ id: id! }),
    enabled: !!id,
    retry: false,
  });
}

/** The level × duty table and the term-end reminder, with their defaults and sources. */
export function useCorrectionSchedule() {
  return useQuery({ queryKey: correctionKeys.schedule, queryFn: () => api.correction.schedule({}) });
}

/** 考核奖惩, 期满鉴定 and 解除/终止 of one file (REVIEW §5.4, REVIEW §5.5), with the suggested next step. */
export const correctionEndKey = (id: string) => ['correction', 'end', id] as const;
export const sanctionScheduleKey = ['correction', 'sanctionSchedule'] as const;

export function useCorrectionEnd(id: string) {
  return useQuery({ queryKey: correctionEndKey(id), queryFn: () => api.correction.endView({ id }) });
}

/** The 假释/暂予监外执行 thresholds of the suggestion, with their defaults and source. */
export function useSanctionSchedule() {
  return useQuery({ queryKey: sanctionScheduleKey, queryFn: () => api.correction.sanctionSchedule({}) });
}

/** Under ['correction'], so every write to a file refreshes the figures. */
export function useCorrectionStats(f: Input<'correction.stats'>, enabled: boolean) {
  return useQuery({
    queryKey: ['correction', 'stats', f] as const,
    queryFn: () => api.correction.stats(f),
    enabled,
    placeholderData: (prev) => prev,
  });
}
