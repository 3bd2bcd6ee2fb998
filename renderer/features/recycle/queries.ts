import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const recycleKeys = { all: ['recycle'] as const };

/** Every module's deleted records and the deleted attachments; read afresh on opening, since any module's delete puts something here. */
export function useRecycleBin() {
  return useQuery({ queryKey: recycleKeys.all, queryFn: () => api.recycle.list({}), staleTime: 0 });
}
