import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';

/** Every write that can add or clear a due item (follow-up, disputes, mediation) invalidates `all`. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  get: (f: Input<'obligations.dashboard'>) => ['dashboard', f] as const,
};

export function useDashboard(f: Input<'obligations.dashboard'>) {
  return useQuery({
    queryKey: dashboardKeys.get(f),
    queryFn: () => api.obligations.dashboard(f),
    placeholderData: (prev) => prev,
    // While the day's rebuild runs in the background: ask again each second for its progress and result.
    refetchInterval: (query) => (query.state.data?.refreshing ? 1000 : false),
  });
}
