/**
 * Every write to a file's supervision records: the records go straight into their card's cache, and
 * everything they can change is refreshed (the file's due items, the ledger, the dashboard, the audit panel).
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../../shared/contract';
import type { SupervisionView } from '../../../../shared/schemas/correction-supervision';
import { api } from '../../../api/client';
import { useWrite } from '../../../components/useWrite';
import { CORRECTION_TOUCHES } from '../mutations';
import { supervisionKeys } from './queries';

function useSupervisionWrite<I, F>(call: (input: I) => Promise<SupervisionView>, form?: UseFormReturnType<F>) {
  return useWrite(call, { touches: CORRECTION_TOUCHES, put: (qc, v) => qc.setQueryData(supervisionKeys.file(v.fileId), v) }, form);
}

export const useSaveTeam = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.saveTeam'>) => api.correction.saveTeam(i), form);
export const useSavePlan = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.savePlan'>) => api.correction.savePlan(i), form);
export const useDeletePlan = () => useSupervisionWrite((id: string) => api.correction.deletePlan({ id }));
export const useSaveApproval = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.saveApproval'>) => api.correction.saveApproval(i), form);
export const useDeleteApproval = () => useSupervisionWrite((id: string) => api.correction.deleteApproval({ id }));
export const useSaveMonitor = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.saveMonitor'>) => api.correction.saveMonitor(i), form);
export const useDeleteMonitor = () => useSupervisionWrite((id: string) => api.correction.deleteMonitor({ id }));
export const useSaveAssessment = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.saveAssessment'>) => api.correction.saveAssessment(i), form);
export const useSaveIncident = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.saveIncident'>) => api.correction.saveIncident(i), form);
export const useDeleteIncident = () => useSupervisionWrite((id: string) => api.correction.deleteIncident({ id }));
export const useSaveExitReport = <F>(form?: UseFormReturnType<F>) =>
  useSupervisionWrite((i: Input<'correction.saveExitReport'>) => api.correction.saveExitReport(i), form);

export function useSaveSupervisionSettings<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (i: Input<'correction.saveSupervisionSettings'>) => api.correction.saveSupervisionSettings(i),
    { touches: CORRECTION_TOUCHES, put: (qc, s) => qc.setQueryData(supervisionKeys.settings, s) },
    form,
  );
}
