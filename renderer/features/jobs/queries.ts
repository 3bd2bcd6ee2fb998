/** Long calls the window follows (shared/contract/jobs.ts): how far one has got, asked again while it runs. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const jobKeys = { one: (id: string) => ['jobs', id] as const };

export function useJobProgress(id: string) {
  return useQuery({ queryKey: jobKeys.one(id), queryFn: () => api.jobs.progress({ id }), refetchInterval: 400, staleTime: 0, gcTime: 0 });
}
