/** 上报包 and 县级汇总 (shared/contract/county.ts): what the forms offer and what the county has received. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';

export const countyKeys = {
  all: ['county'] as const,
  options: () => ['county', 'options'] as const,
  overview: (period?: string) => ['county', 'overview', period ?? ''] as const,
  stats: (period: string) => ['county', 'stats', period] as const,
  list: (input: Input<'county.list'>) => ['county', 'list', input] as const,
};

export function useReportPackageOptions() {
  return useQuery({ queryKey: countyKeys.options(), queryFn: () => api.reportPackage.options({}), staleTime: 0 });
}

export function useCountyOverview(period?: string) {
  return useQuery({ queryKey: countyKeys.overview(period), queryFn: () => api.county.overview({ period }) });
}

export function useCountyStats(period: string) {
  return useQuery({ queryKey: countyKeys.stats(period), queryFn: () => api.county.stats({ period }), enabled: Boolean(period) });
}

export function useCountyList(input: Input<'county.list'>) {
  return useQuery({
    queryKey: countyKeys.list(input),
    queryFn: () => api.county.list(input),
    enabled: Boolean(input.period),
    placeholderData: keepPreviousData,
  });
}
