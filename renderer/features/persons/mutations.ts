/**
 * Every person write. A person's name and details show in every module (parties, files, the
 * dashboard's names), so each refreshes every module's queries as well as the audit panels.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import { MODULES } from '../../../shared/modules';
import { api, withJob } from '../../api/client';
import { moduleKey } from '../../components/modules';
import { useLedgerDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { auditKeys } from '../reference/queries';

const TOUCHES = [...MODULES.map(moduleKey), dashboardKeys.all, auditKeys.all];

export function useSavePerson<F>(form?: UseFormReturnType<F>, onError?: (e: unknown) => void) {
  return useWrite(
    ({ id, input }: { id: string | null; input: Input<'persons.create'> }) =>
      id ? api.persons.update({ id, ...input }) : api.persons.create(input),
    { touches: TOUCHES, onError },
    form,
  );
}

export function useDeletePerson() {
  return useWrite((id: string) => api.persons.delete({ id }), { touches: TOUCHES });
}

export const usePersonsLedgerFile = () =>
  useLedgerDownload((f: Input<'persons.exportLedger'>, jobId) => api.persons.exportLedger(withJob(f, jobId)));
