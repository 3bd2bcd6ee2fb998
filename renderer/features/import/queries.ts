/** 导入旧台账 (shared/contract/import.ts): the ledgers that can import, and the batches imported so far. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const importKeys = { all: ['import'] as const, targets: ['import', 'targets'] as const, batches: ['import', 'batches'] as const };

export function useImportTargets() {
  return useQuery({ queryKey: importKeys.targets, queryFn: () => api.import.targets({}), staleTime: Number.POSITIVE_INFINITY });
}

export function useImportBatches() {
  return useQuery({ queryKey: importKeys.batches, queryFn: () => api.import.batches({}), staleTime: 0 });
}

export function useImportItems(id: string | null) {
  return useQuery({
    queryKey: [...importKeys.batches, id],
    queryFn: () => api.import.items({ id: id! }),
    enabled: id !== null,
    staleTime: 0,
  });
}
