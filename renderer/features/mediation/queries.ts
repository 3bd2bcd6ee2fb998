import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';
import { useLedgerRows } from '../../components/useLedgerRows';

export const mediationKeys = {
  all: moduleKey('mediation'),
  list: (f: Input<'mediation.list'>) => ['mediation', 'list', f] as const,
  detail: (id: string) => ['mediation', 'detail', id] as const,
  ofDispute: (disputeId: string) => ['mediation', 'of-dispute', disputeId] as const,
  stats: (f: Input<'mediation.stats'>) => ['mediation', 'stats', f] as const,
};

/** One page of the ledger with the filters on screen, for 打印台账. */
export function fetchMediationPage(f: Input<'mediation.list'>, page: number, pageSize: number) {
  return api.mediation.list({ ...f, page, pageSize });
}

export function useMediationList(f: Input<'mediation.list'>) {
  return useLedgerRows(mediationKeys.list, api.mediation.list, f);
}

export function useMediationCase(id: string | undefined) {
  return useQuery({ queryKey: mediationKeys.detail(id ?? ''), queryFn: () => api.mediation.get({ id: id! }), enabled: !!id });
}

/** The case a registered dispute was handed over to, if any. */
export function useCaseOfDispute(disputeId: string | undefined) {
  return useQuery({
    queryKey: mediationKeys.ofDispute(disputeId ?? ''),
    queryFn: () => api.mediation.ofDispute({ disputeId: disputeId! }),
    enabled: !!disputeId,
  });
}

export function useMediationStats(f: Input<'mediation.stats'>) {
  return useQuery({ queryKey: mediationKeys.stats(f), queryFn: () => api.mediation.stats(f), enabled: f.dateFrom <= f.dateTo });
}
