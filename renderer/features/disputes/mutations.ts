/** Every dispute write, each refreshing what it can change: lists, details, audit panels, person pages, the dashboard. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { disputeKeys } from './queries';

function useInvalidateDisputes() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: disputeKeys.all }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
      qc.invalidateQueries({ queryKey: ['persons'] }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
}

export function useSaveDispute() {
  const invalidate = useInvalidateDisputes();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Input<'disputes.create'> }) =>
      id ? api.disputes.update({ id, ...input }) : api.disputes.create(input),
    onSuccess: invalidate,
  });
}

export function useChangeStatus() {
  const invalidate = useInvalidateDisputes();
  return useMutation({ mutationFn: (input: Input<'disputes.changeStatus'>) => api.disputes.changeStatus(input), onSuccess: invalidate });
}

export function useDeleteDispute() {
  const invalidate = useInvalidateDisputes();
  return useMutation({ mutationFn: (id: string) => api.disputes.delete({ id }), onSuccess: invalidate });
}
