/** Reference data used across modules: dictionaries, villages with grids, staff, township settings. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DictKind } from '../../shared/dictionaries';
import { staffLabel, type Staff, type Village } from '../../shared/schemas/reference';
import { api } from '../api/client';

export const refKeys = {
  status: ['setup', 'status'] as const,
  settings: ['settings'] as const,
  dicts: ['dicts'] as const,
  villages: ['villages'] as const,
  staff: (all: boolean) => ['staff', all] as const,
};

export function useDicts() {
  const q = useQuery({ queryKey: refKeys.dicts, queryFn: () => api.dicts.list({}) });
  return useMemo(() => {
    const items = q.data ?? [];
    const label = (kind: DictKind, code: string) => items.find((d) => d.kind === kind && d.code === code)?.label ?? code;
    const options = (kind: DictKind) => items.filter((d) => d.kind === kind && d.active).map((d) => ({ value: d.code, label: d.label }));
    return { items, label, options, loading: q.isLoading };
  }, [q.data, q.isLoading]);
}

export function useVillages() {
  return useQuery({ queryKey: refKeys.villages, queryFn: () => api.villages.list({}) });
}

export function useStaff(includeInactive = false) {
  return useQuery({ queryKey: refKeys.staff(includeInactive), queryFn: () => api.staff.list({ includeInactive }) });
}

export function useSetupStatus() {
  return useQuery({ queryKey: refKeys.status, queryFn: () => api.setup.status({}) });
}

export function useSettings() {
  return useQuery({ queryKey: refKeys.settings, queryFn: () => api.settings.get({}) });
}

/** Today in the user's local time, 'YYYY-MM-DD'. */
export function todayLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Staff as Select options: 姓名, or 姓名（调委会） for people's mediators. */
export function staffOptions(list: readonly Staff[] | undefined): { value: string; label: string }[] {
  return (list ?? []).map((s) => ({ value: s.id, label: staffLabel(s) }));
}

/** Villages and communities as Select options. */
export function villageOptions(list: readonly Village[] | undefined): { value: string; label: string }[] {
  return (list ?? []).map((v) => ({ value: v.id, label: v.name }));
}
