/**
 * Every write on a case: the case goes straight into its page's cache, and everything that may show
 * it is refreshed (the ledgers, the linked dispute, person pages, audit panels, the dashboard).
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import type { MediationCase } from '../../../shared/schemas/mediation';
import { api, withJob } from '../../api/client';
import { useDownload, useLedgerDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { disputeKeys } from '../disputes/queries';
import { dashboardKeys } from '../obligations/queries';
import { personKeys } from '../persons/queries';
import { auditKeys } from '../reference/queries';
import { mediationKeys } from './queries';

const TOUCHES = [mediationKeys.all, disputeKeys.all, personKeys.all, auditKeys.all, dashboardKeys.all];

function useCaseWrite<I, F>(
  call: (input: I) => Promise<MediationCase>,
  form?: UseFormReturnType<F>,
  toFormPath?: (path: string, values: F) => string,
) {
  return useWrite(call, { touches: TOUCHES, put: (qc, c) => qc.setQueryData(mediationKeys.detail(c.id), c) }, form, toFormPath);
}

export function useCreateCase<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.create'>) => api.mediation.create(input), form);
}

export function useUpdateCase<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.update'>) => api.mediation.update(input), form);
}

/** 受理 of a registered dispute: the case is opened from it and the two stay linked. */
export function useOpenFromDispute<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.openFromDispute'>) => api.mediation.openFromDispute(input), form);
}

export function useSaveRecord<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.saveRecord'>) => api.mediation.saveRecord(input), form);
}

export function useDeleteRecord() {
  return useCaseWrite((id: string) => api.mediation.deleteRecord({ id }));
}

export function useSaveAgreement<F>(form?: UseFormReturnType<F>, toFormPath?: (path: string, values: F) => string) {
  return useCaseWrite((input: Input<'mediation.saveAgreement'>) => api.mediation.saveAgreement(input), form, toFormPath);
}

export function useSetPerformance() {
  return useCaseWrite((input: Input<'mediation.setPerformance'>) => api.mediation.setPerformance(input));
}

export function useSetAgreementPerformance<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.setAgreementPerformance'>) => api.mediation.setAgreementPerformance(input), form);
}

export function useSaveAgent<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.saveAgent'>) => api.mediation.saveAgent(input), form);
}

export function useDeleteAgent() {
  return useCaseWrite((id: string) => api.mediation.deleteAgent({ id }));
}

export function useSaveConfirmation<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.saveConfirmation'>) => api.mediation.saveConfirmation(input), form);
}

export function useCloseCase<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.close'>) => api.mediation.close(input), form);
}

/** 延长调解期限 with the parties' consent (REVIEW row 8). */
export function useExtendDeadline<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.extendDeadline'>) => api.mediation.extendDeadline(input), form);
}

/** A labour dispute's parties told they may apply for arbitration (REVIEW row 7). */
export function useRecordArbitrationNotice<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.recordArbitrationNotice'>) => api.mediation.recordArbitrationNotice(input), form);
}

export function useSaveCaseVisit<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.saveVisit'>) => api.mediation.saveVisit(input), form);
}

/** 纠纷激化报告 (人民调解法 art. 25), and its removal. */
export function useSaveReport<F>(form?: UseFormReturnType<F>) {
  return useCaseWrite((input: Input<'mediation.saveReport'>) => api.mediation.saveReport(input), form);
}

export function useDeleteReport() {
  return useCaseWrite((id: string) => api.mediation.deleteReport({ id }));
}

export function useDeleteCase() {
  return useWrite((id: string) => api.mediation.delete({ id }), { touches: TOUCHES });
}

/** The ledger as .xlsx with the filters on screen, every page of it (the host records the export). */
export function useMediationLedgerFile() {
  return useLedgerDownload((filter: Input<'mediation.exportLedger'>, jobId) => api.mediation.exportLedger(withJob(filter, jobId)));
}

/** One form of the case file as Word (.docx); the host records it in the case's history. */
export function useMediationDocumentFile() {
  return useDownload((input: Input<'mediation.document'>) => api.mediation.document(input));
}
