/**
 * Reference data every module reads (shared/contract/reference.ts): dictionaries, villages with
 * their grids, staff, the township's settings, the setup status with the current operator, and the
 * audit trail of one record.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input } from '../../../shared/contract';
import type { DictKind } from '../../../shared/dictionaries';
import type { ModuleName } from '../../../shared/modules';
import { staffLabels, type Staff, type Village } from '../../../shared/schemas/reference';
import { api } from '../../api/client';

export const refKeys = {
  status: ['setup', 'status'] as const,
  settings: ['settings'] as const,
  dicts: ['dicts'] as const,
  villages: ['villages'] as const,
  villageOrder: ['villages', 'order'] as const,
  checklist: ['setup', 'checklist'] as const,
  staff: (all: boolean) => ['staff', all] as const,
  /** 列设置 is the operator's own: switching the operator asks for theirs. */
  listColumns: (ledger: ModuleName, operatorId: string | null) => ['ui', 'listColumns', ledger, operatorId] as const,
};

/** Every record's history starts with 'audit': each write refreshes the history panels with one key. */
export const auditKeys = {
  all: ['audit'] as const,
  of: (entity: string, id: string) => ['audit', entity, id] as const,
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

/** What is open in one colleague's charge, module by module (移交工作). */
export function useWorkload(staffId: string) {
  return useQuery({ queryKey: ['staff', 'workload', staffId], queryFn: () => api.staff.workload({ staffId }), staleTime: 0 });
}

export function useVillageOrder() {
  return useQuery({ queryKey: refKeys.villageOrder, queryFn: () => api.villages.order({}) });
}

/** The start checklist on the dashboard; any write may tick a step, so it is read afresh on each visit. */
export function useChecklist() {
  return useQuery({ queryKey: refKeys.checklist, queryFn: () => api.setup.checklist({}), staleTime: 0 });
}

export function useVillages() {
  return useQuery({ queryKey: refKeys.villages, queryFn: () => api.villages.list({}) });
}

export function useStaff(includeInactive = false) {
  return useQuery({ queryKey: refKeys.staff(includeInactive), queryFn: () => api.staff.list({ includeInactive }) });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: refKeys.status,
    queryFn: () => api.setup.status({}),
    // A large file is checked in the background after opening: asked again until the check has ended.
    refetchInterval: (q) => (q.state.data?.integrity.state === 'checking' ? 3000 : false),
  });
}

export function useSettings() {
  return useQuery({ queryKey: refKeys.settings, queryFn: () => api.settings.get({}) });
}

/** Who changed what and when on one record, newest first (its attachments' uploads and deletions included). */
export function useAuditTrail(of: Input<'audit.forEntity'>) {
  return useQuery({ queryKey: auditKeys.of(of.entity, of.id), queryFn: () => api.audit.forEntity(of) });
}

/**
 * Staff as Select options, named as everywhere (staffLabels: 姓名, a mediator's 姓名（调委会）, two
 * people of one name told apart). Give it the whole register (useStaff(true)); a picker that offers
 * only the active entries takes them from useStaffNames, so that nobody is named differently there.
 */
export function staffOptions(list: readonly Staff[] | undefined): { value: string; label: string }[] {
  const labels = staffLabels(list ?? []);
  return (list ?? []).map((s) => ({ value: s.id, label: labels.get(s.id)! }));
}

/**
 * The staff register as every picker and page names it: `name` of anyone by id (the host's plain name
 * until the register has loaded), and `options` of the entries a picker offers (the active ones
 * unless told otherwise), all labelled against the whole register.
 */
export function useStaffNames() {
  const q = useStaff(true);
  return useMemo(() => {
    const list = q.data ?? [];
    const labels = staffLabels(list);
    return {
      name: (id: string | null | undefined, fallback?: string | null) => (id ? labels.get(id) : undefined) ?? fallback ?? '',
      options: (keep: (s: Staff) => boolean = (s) => s.active) => list.filter(keep).map((s) => ({ value: s.id, label: labels.get(s.id)! })),
    };
  }, [q.data]);
}

/** Villages and communities as Select options. */
export function villageOptions(list: readonly Village[] | undefined): { value: string; label: string }[] {
  return (list ?? []).map((v) => ({ value: v.id, label: v.name }));
}

/** 列设置: the current operator's columns of a ledger (null: its usual ones), asked for once the operator is known. */
export function useListColumns(ledger: ModuleName) {
  const status = useSetupStatus();
  const operatorId = status.data?.operator?.id ?? null;
  const query = useQuery({
    queryKey: refKeys.listColumns(ledger, operatorId),
    queryFn: () => api.ui.listColumns({ ledger }),
    enabled: status.isSuccess,
  });
  return { operatorId, columns: query.data ?? null, loading: !status.isError && !query.isSuccess && !query.isError };
}
