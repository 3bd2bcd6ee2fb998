import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { MediationCase } from '../../../shared/schemas/mediation';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/useZodForm';
import { notifyError, notifySaved } from '../../components/notify';
import type { UseFormReturnType } from '@mantine/form';

export const mediationKeys = {
  all: ['mediation'] as const,
  list: (f: Input<'mediation.list'>) => ['mediation', 'list', f] as const,
  detail: (id: string) => ['mediation', 'detail', id] as const,
  ofDispute: (disputeId: string) => ['mediation', 'of-dispute', disputeId] as const,
  stats: (f: Input<'mediation.stats'>) => ['mediation', 'stats', f] as const,
};

export function useMediationList(f: Input<'mediation.list'>) {
  return useQuery({ queryKey: mediationKeys.list(f), queryFn: () => api.mediation.list(f), placeholderData: (prev) => prev });
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

/**
 * Runs one write on a case: saves, refreshes everything that may show it (case, lists, the linked
 * dispute, persons, audit, the dashboard), says so, and maps host field errors back onto the form.
 */
export function useCaseWrite<T>(form?: UseFormReturnType<T>) {
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);
  async function run(call: () => Promise<MediationCase>, message: string): Promise<MediationCase | null> {
    setSaving(true);
    try {
      const c = await call();
      qc.setQueryData(mediationKeys.detail(c.id), c);
      await Promise.all(['mediation', 'disputes', 'persons', 'audit', 'dashboard'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
      notifySaved(message);
      return c;
    } catch (e) {
      if (!form || !applyServerErrors(form, e)) notifyError(e);
      return null;
    } finally {
      setSaving(false);
    }
  }
  return { run, saving };
}
