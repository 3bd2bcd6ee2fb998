/**
 * Every write to an assistance file: the file goes straight into its page's cache, and everything it can
 * change is refreshed (the ledger, the dashboard, person pages, audit panels).
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import type { AssistanceFileView } from '../../../shared/schemas/assistance';
import { api, withJob } from '../../api/client';
import { useDownload, useLedgerDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { personKeys } from '../persons/queries';
import { auditKeys } from '../reference/queries';
import { correctionEndKey } from '../correction/queries';
import { CORRECTION_TOUCHES } from '../correction/mutations';
import { assistanceKeys } from './queries';

export const ASSISTANCE_TOUCHES = [assistanceKeys.all, dashboardKeys.all, personKeys.all, auditKeys.all];

function useFileWrite<I, F>(
  call: (input: I) => Promise<AssistanceFileView>,
  form?: UseFormReturnType<F>,
  toFormPath?: (path: string, values: F) => string,
) {
  return useWrite(call, { touches: ASSISTANCE_TOUCHES, put: (qc, f) => qc.setQueryData(assistanceKeys.detail(f.id), f) }, form, toFormPath);
}

export function useSaveAssistance<F>(form?: UseFormReturnType<F>, toFormPath?: (path: string, values: F) => string) {
  return useFileWrite(
    ({ id, input }: { id: string | null; input: Input<'assistance.create'> }) =>
      id ? api.assistance.update({ id, ...input }) : api.assistance.create(input),
    form,
    toFormPath,
  );
}

export const useSaveHandover = <F>(form?: UseFormReturnType<F>) =>
  useFileWrite((input: Input<'assistance.saveHandover'>) => api.assistance.saveHandover(input), form);
export const useSaveTeam = <F>(form?: UseFormReturnType<F>) =>
  useFileWrite((input: Input<'assistance.saveTeam'>) => api.assistance.saveTeam(input), form);
export const useSavePlacement = <F>(form?: UseFormReturnType<F>) =>
  useFileWrite((input: Input<'assistance.savePlacement'>) => api.assistance.savePlacement(input), form);
export const useSaveRecord = <F>(form?: UseFormReturnType<F>) =>
  useFileWrite((input: Input<'assistance.saveRecord'>) => api.assistance.saveRecord(input), form);
export const useEndAssistance = <F>(form?: UseFormReturnType<F>) =>
  useFileWrite((input: Input<'assistance.end'>) => api.assistance.end(input), form);
export const useSetAssistanceLevel = <F>(form?: UseFormReturnType<F>) =>
  useFileWrite((input: Input<'assistance.setLevel'>) => api.assistance.setLevel(input), form);
export const useDeleteRecord = () => useFileWrite((id: string) => api.assistance.deleteRecord({ id }));

export function useDeleteAssistance() {
  return useWrite((id: string) => api.assistance.delete({ id }), { touches: ASSISTANCE_TOUCHES });
}

export function useSaveAssistanceSchedule<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'assistance.saveSchedule'>) => api.assistance.saveSchedule(input),
    { touches: ASSISTANCE_TOUCHES, put: (qc, s) => qc.setQueryData(assistanceKeys.schedule, s) },
    form,
  );
}

export const useAssistanceLedgerFile = () =>
  useLedgerDownload((f: Input<'assistance.exportLedger'>, jobId) => api.assistance.exportLedger(withJob(f, jobId)));
export const useUnlinkedListFile = () => useDownload((f: Input<'assistance.exportUnlinked'>) => api.assistance.exportUnlinked(f));
export const useAssistanceDocumentFile = () => useDownload((f: Input<'assistance.document'>) => api.assistance.document(f));
/** 解除 of a correction file with its hand-over to 安置帮教 in one write: both modules' pages are refreshed. */
export function useFromCorrection<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'assistance.fromCorrection'>) => api.assistance.fromCorrection(input),
    {
      touches: [...ASSISTANCE_TOUCHES, ...CORRECTION_TOUCHES],
      put: (qc, r) => qc.setQueryData(correctionEndKey(r.correction.fileId), r.correction),
    },
    form,
  );
}
