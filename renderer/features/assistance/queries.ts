import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';

/** Everything of assistance starts with 'assistance' (its settings too), so one invalidation refreshes all. */
export const assistanceKeys = {
  all: moduleKey('assistance'),
  list: (f: Input<'assistance.list'>) => ['assistance', 'list', f] as const,
  detail: (id: string) => ['assistance', 'detail', id] as const,
  schedule: ['assistance', 'schedule'] as const,
  stats: (f: Input<'assistance.stats'>) => ['assistance', 'stats', f] as const,
};

/** One page of the ledger with the filters on screen, for 打印台账. */
export function fetchAssistancePage(f: Input<'assistance.list'>, page: number, pageSize: number) {
  return api.assistance.list({ ...f, page, pageSize });
}

export function useAssistanceList(f: Input<'assistance.list'>) {
  return useQuery({ queryKey: assistanceKeys.list(f), queryFn: () => api.assistance.list(f), placeholderData: (prev) => prev });
}

export function useAssistanceFile(id: string | undefined) {
  return useQuery({
    queryKey: assistanceKeys.detail(id ?? ''),
    queryFn: () => api.assistance.get({ id: id! }),
    enabled: !!id,
    retry: false,
  });
}

/** The 帮教期, the local windows and the visit cadences, with their defaults and sources. */
export function useAssistanceSchedule() {
  return useQuery({ queryKey: assistanceKeys.schedule, queryFn: () => api.assistance.schedule({}) });
}

/** Under ['assistance'], so every write to a file refreshes the figures. */
export function useAssistanceStats(f: Input<'assistance.stats'>, enabled: boolean) {
  return useQuery({ queryKey: assistanceKeys.stats(f), queryFn: () => api.assistance.stats(f), enabled, placeholderData: (prev) => prev });
}

/** The file a correction file was handed over to at 解除, and the person's live file (REVIEW §5.5). */
export const correctionHandOverKey = (correctionFileId: string) => ['assistance', 'fromCorrection', correctionFileId] as const;

export function useCorrectionHandOver(correctionFileId: string) {
  return useQuery({
    queryKey: correctionHandOverKey(correctionFileId),
    queryFn: () => api.assistance.correctionHandOver({ id: correctionFileId }),
  });
}
