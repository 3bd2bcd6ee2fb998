import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { FollowupSubject } from '../../../shared/schemas/followup';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../components/notify';
import { applyServerErrors } from '../../components/useZodForm';
import { dashboardKeys } from '../obligations/queries';

export const followupKeys = {
  all: ['followup'] as const,
  list: (f: Input<'followup.list'>) => ['followup', 'list', f] as const,
  detail: (id: string) => ['followup', 'detail', id] as const,
};

export function useFollowupList(f: Input<'followup.list'>) {
  return useQuery({ queryKey: followupKeys.list(f), queryFn: () => api.followup.list(f), placeholderData: (prev) => prev });
}

export function useFollowupSubject(id: string | undefined) {
  return useQuery({ queryKey: followupKeys.detail(id ?? ''), queryFn: () => api.followup.get({ id: id! }), enabled: !!id });
}

/** Everything a write to a file can change: the file, the ledger, the dashboard, person pages, audit panels. */
export function useInvalidateFollowup() {
  const qc = useQueryClient();
  return () =>
    Promise.all([followupKeys.all, dashboardKeys.all, ['persons'], ['audit']].map((queryKey) => qc.invalidateQueries({ queryKey })));
}

/**
 * Runs one write on a file: saves, refreshes everything that may show it, says so, and maps host
 * field errors back onto the form (through `toFormPath` when the form reshapes its rows).
 */
export function useFollowupWrite<T>(form?: UseFormReturnType<T>, toFormPath?: (path: string, values: T) => string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateFollowup();
  const [saving, setSaving] = useState(false);
  async function run(call: () => Promise<FollowupSubject>, message: string): Promise<FollowupSubject | null> {
    setSaving(true);
    try {
      const s = await call();
      qc.setQueryData(followupKeys.detail(s.id), s);
      await invalidate();
      notifySaved(message);
      return s;
    } catch (e) {
      if (!form || !applyServerErrors(form, e, toFormPath)) notifyError(e);
      return null;
    } finally {
      setSaving(false);
    }
  }
  return { run, saving };
}
