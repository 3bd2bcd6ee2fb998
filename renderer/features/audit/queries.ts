/**
 * The audit trail that proves itself (shared/contract/audit.ts): the chain's state, read at start and
 * asked again while a check runs, and the view log a page at a time. The view log's keys start with
 * 'audit', so every write (which adds an audit row) refreshes it; the chain's state does not (its key is
 * 'auditChain'): the warning on every page changes only with a check, and counting the chain after
 * each save would hold every save up on a large ledger.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';

export const auditLogKeys = {
  status: ['auditChain', 'status'] as const,
  viewLog: (input: Input<'audit.viewLog'>) => ['audit', 'viewLog', input] as const,
  people: (q: string) => ['audit', 'people', q] as const,
};

export function useAuditStatus() {
  return useQuery({
    queryKey: auditLogKeys.status,
    queryFn: () => api.audit.status({}),
    // A check runs after opening and on 立即校验: asked again until it has ended, to show its progress.
    refetchInterval: (q) => (q.state.data?.running ? 1000 : false),
  });
}

export function useViewLog(input: Input<'audit.viewLog'>) {
  return useQuery({ queryKey: auditLogKeys.viewLog(input), queryFn: () => api.audit.viewLog(input), placeholderData: keepPreviousData });
}

/** People to filter the view log by, found as the registry's search finds them. */
export function useAuditPeopleSearch(q: string) {
  return useQuery({
    queryKey: auditLogKeys.people(q),
    queryFn: () => api.persons.search({ q, limit: 12 }),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
  });
}
