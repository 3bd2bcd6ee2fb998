/**
 * Every write to a correction file: the file goes straight into its page's cache, and everything it can
 * change is refreshed (the ledger, the dashboard, person pages, audit panels). The level table changes due
 * dates everywhere.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import { api } from '../../api/client';
import { useDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { personKeys } from '../persons/queries';
import { auditKeys } from '../reference/queries';
import { correctionKeys } from './queries';

export const CORRECTION_TOUCHES = [correctionKeys.all, dashboardKeys.all, personKeys.all, auditKeys.all];

function useFileWrite<I, F>(
  call: (input: I) => Promise<CorrectionFileView>,
  form?: UseFormReturnType<F>,
  toFormPath?: (path: string, values: F) => string,
) {
  return useWrite(call, { touches: CORRECTION_TOUCHES, put: (qc, f) => qc.setQueryData(correctionKeys.detail(f.id), f) }, form, toFormPath);
}

export function useSaveCorrection<F>(form?: UseFormReturnType<F>, toFormPath?: (path: string, values: F) => string) {
  return useFileWrite(
    ({ id, input }: { id: string | null; input: Input<'correction.create'> }) =>
      id ? api.correction.update({ id, ...input }) : api.correction.create(input),
    form,
    toFormPath,
  );
}

export function useSaveReception<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'correction.saveReception'>) => api.correction.saveReception(input), form);
}

export function useSetLevel<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'correction.setLevel'>) => api.correction.setLevel(input), form);
}

export function useSaveEvent<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'correction.saveEvent'>) => api.correction.saveEvent(input), form);
}

export function useDeleteEvent() {
  return useFileWrite((id: string) => api.correction.deleteEvent({ id }));
}

export function useDeleteCorrection() {
  return useWrite((id: string) => api.correction.delete({ id }), { touches: CORRECTION_TOUCHES });
}

export function useSaveCorrectionSchedule<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'correction.saveSchedule'>) => api.correction.saveSchedule(input),
    { touches: CORRECTION_TOUCHES, put: (qc, s) => qc.setQueryData(correctionKeys.schedule, s) },
    form,
  );
}

export const useCorrectionDocumentFile = () => useDownload((f: Input<'correction.document'>) => api.correction.document(f));
