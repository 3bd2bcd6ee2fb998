/**
 * Every write to a correction file: the file goes straight into its page's cache, and everything it can
 * change is refreshed (the ledger, the dashboard, person pages, audit panels). The level table changes due
 * dates everywhere.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import { api, withJob } from '../../api/client';
import { useDownload, useLedgerDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { personKeys } from '../persons/queries';
import { auditKeys } from '../reference/queries';
import type { CorrectionEndView } from '../../../shared/schemas/correction-end';
import { correctionEndKey, correctionKeys, sanctionScheduleKey } from './queries';

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
// ── 考核奖惩, 期满鉴定 and 解除/终止 (REVIEW §5.4, REVIEW §5.5): the cards' view put in place, the file refreshed ──

function useEndWrite<I, F>(call: (input: I) => Promise<CorrectionEndView>, form?: UseFormReturnType<F>) {
  return useWrite(call, { touches: CORRECTION_TOUCHES, put: (qc, v) => qc.setQueryData(correctionEndKey(v.fileId), v) }, form);
}

export const useSaveSanction = <F>(form?: UseFormReturnType<F>) =>
  useEndWrite((input: Input<'correction.saveSanction'>) => api.correction.saveSanction(input), form);
export const useDeleteSanction = () => useEndWrite((id: string) => api.correction.deleteSanction({ id }));
export const useSaveAppraisal = <F>(form?: UseFormReturnType<F>) =>
  useEndWrite((input: Input<'correction.saveAppraisal'>) => api.correction.saveAppraisal(input), form);
export const useRelease = <F>(form?: UseFormReturnType<F>) =>
  useEndWrite((input: Input<'correction.release'>) => api.correction.release(input), form);
export const useTerminate = <F>(form?: UseFormReturnType<F>) =>
  useEndWrite((input: Input<'correction.terminate'>) => api.correction.terminate(input), form);
export const useUndoEnd = <F>(form?: UseFormReturnType<F>) =>
  useEndWrite((input: Input<'correction.undoEnd'>) => api.correction.undoEnd(input), form);

export function useSaveSanctionSchedule<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'correction.saveSanctionSchedule'>) => api.correction.saveSanctionSchedule(input),
    { touches: [correctionKeys.all], put: (qc, s) => qc.setQueryData(sanctionScheduleKey, s) },
    form,
  );
}
export const useCorrectionLedgerFile = () =>
  useLedgerDownload((f: Input<'correction.exportLedger'>, jobId) => api.correction.exportLedger(withJob(f, jobId)));
