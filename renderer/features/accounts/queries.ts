/** The session (who is logged in, locked or not, the password policy) and the 账户 page's lists. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, onSessionLost } from '../../api/client';

export const accountKeys = {
  session: ['accounts', 'session'] as const,
  list: ['accounts', 'list'] as const,
  events: ['accounts', 'events'] as const,
  security: ['accounts', 'security'] as const,
};

export function useSessionStatus() {
  return useQuery({ queryKey: accountKeys.session, queryFn: () => api.session.status({}), staleTime: 0 });
}

export function useAccounts() {
  return useQuery({ queryKey: accountKeys.list, queryFn: () => api.accounts.list({}) });
}

export function useAccountEvents() {
  return useQuery({ queryKey: accountKeys.events, queryFn: () => api.accounts.events({}), staleTime: 0 });
}

/** Whether the ledger file is encrypted (设置 → 账户 → 账本加密). */
export function useEncryption() {
  return useQuery({ queryKey: [...accountKeys.security, 'encryption'], queryFn: () => api.security.encryption({}) });
}

export function useSecurity() {
  return useQuery({ queryKey: accountKeys.security, queryFn: () => api.security.get({}) });
}

/** Asks for the session again whenever the host answers that it is gone (locked by idle time, logged out) or must change its password. */
export function useSessionLost(): void {
  const qc = useQueryClient();
  useEffect(() => onSessionLost(() => void qc.invalidateQueries({ queryKey: accountKeys.session })), [qc]);
}
