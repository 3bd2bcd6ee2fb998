/** Every dispute write, each refreshing what it can change: lists, details, audit panels, person pages, the dashboard. */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import { api, withJob } from '../../api/client';
import { useLedgerDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { personKeys } from '../persons/queries';
import { auditKeys } from '../reference/queries';
import { disputeKeys } from './queries';

const TOUCHES = [disputeKeys.all, auditKeys.all, personKeys.all, dashboardKeys.all];

export function useSaveDispute<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    ({ id, input }: { id: string | null; input: Input<'disputes.create'> }) =>
      id ? api.disputes.update({ id, ...input }) : api.disputes.create(input),
    { touches: TOUCHES },
    form,
  );
}

export function useChangeStatus<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'disputes.changeStatus'>) => api.disputes.changeStatus(input), { touches: TOUCHES }, form);
}

export function useDeleteDispute() {
  return useWrite((id: string) => api.disputes.delete({ id }), { touches: TOUCHES });
}

/** The register as .xlsx with the filters and order on screen, every page of it (the host records the export). */
export function useDisputeLedgerFile() {
  return useLedgerDownload((filter: Input<'disputes.exportLedger'>, jobId) => api.disputes.exportLedger(withJob(filter, jobId)));
}

export function useSaveScreening<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'disputes.saveScreening'>) => api.disputes.saveScreening(input), { touches: TOUCHES }, form);
}

export function useDeleteScreening() {
  return useWrite((id: string) => api.disputes.deleteScreening({ id }), { touches: TOUCHES });
}
