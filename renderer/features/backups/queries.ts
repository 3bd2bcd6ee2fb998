/** 备份与恢复 (shared/contract/backups.ts): the ledger's backups, read afresh on opening (the app writes some on its own). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const backupKeys = { all: ['backups'] as const };

export function useBackups() {
  return useQuery({ queryKey: backupKeys.all, queryFn: () => api.backups.list({}), staleTime: 0 });
}
