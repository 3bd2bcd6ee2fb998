import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';

export const disputeKeys = {
  all: ['disputes'] as const,
  list: (f: Input<'disputes.list'>) => ['disputes', 'list', f] as const,
  detail: (id: string) => ['disputes', 'detail', id] as const,
};

export function useDisputeList(f: Input<'disputes.list'>) {
  return useQuery({ queryKey: disputeKeys.list(f), queryFn: () => api.disputes.list(f), placeholderData: (prev) => prev });
}

export function useDispute(id: string | undefined) {
  return useQuery({ queryKey: disputeKeys.detail(id ?? ''), queryFn: () => api.disputes.get({ id: id! }), enabled: !!id });
}

/** After any dispute write: lists, details, audit panels and the parties' person pages. */
export function useInvalidateDisputes() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: disputeKeys.all }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
      qc.invalidateQueries({ queryKey: ['persons'] }),
    ]);
}
