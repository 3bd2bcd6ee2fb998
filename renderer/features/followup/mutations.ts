/**
 * Every write to a file: the file goes straight into its page's cache, and everything it can change
 * is refreshed (the ledger, the plan, the dashboard, person pages, audit panels). The cadences change
 * due dates everywhere: the dashboard and every file.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import type { FollowupSchedule, FollowupSubject } from '../../../shared/schemas/followup';
import { api, withJob } from '../../api/client';
import { useDownload, useLedgerDownload } from '../../components/useDownload';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { personKeys } from '../persons/queries';
import { auditKeys } from '../reference/queries';
import { followupKeys } from './queries';

/** What a write to a file can change. */
export const FOLLOWUP_TOUCHES = [followupKeys.all, dashboardKeys.all, personKeys.all, auditKeys.all];

function useFileWrite<I, F>(
  call: (input: I) => Promise<FollowupSubject>,
  form?: UseFormReturnType<F>,
  toFormPath?: (path: string, values: F) => string,
) {
  return useWrite(call, { touches: FOLLOWUP_TOUCHES, put: (qc, s) => qc.setQueryData(followupKeys.detail(s.id), s) }, form, toFormPath);
}

/** 建档 or 修改 (`toFormPath`: the form keeps blank team rows that the input drops). */
export function useSaveFollowup<F>(form?: UseFormReturnType<F>, toFormPath?: (path: string, values: F) => string) {
  return useFileWrite(
    ({ id, input }: { id: string | null; input: Input<'followup.create'> }) =>
      id ? api.followup.update({ id, ...input }) : api.followup.create(input),
    form,
    toFormPath,
  );
}

export function useSaveVisit<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'followup.saveVisit'>) => api.followup.saveVisit(input), form);
}

export function useDeleteVisit() {
  return useFileWrite((id: string) => api.followup.deleteVisit({ id }));
}

/** Drug files: a report to the police (报告公安机关), closing the duties it names. */
export function useSaveReport<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'followup.saveReport'>) => api.followup.saveReport(input), form);
}

export function useDeleteReport() {
  return useFileWrite((id: string) => api.followup.deleteReport({ id }));
}

/** Drug files: a 中止 while detained or arrested, and its release. */
export function useSaveSuspension<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'followup.saveSuspension'>) => api.followup.saveSuspension(input), form);
}

export function useDeleteSuspension() {
  return useFileWrite((id: string) => api.followup.deleteSuspension({ id }));
}

/** Mental-health files: a year's 以奖代补 and 免费服药/救治 (REVIEW row 12). */
export function useSaveYear<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'followup.saveYear'>) => api.followup.saveYear(input), form);
}

export function useDeleteYear() {
  return useFileWrite((id: string) => api.followup.deleteYear({ id }));
}

/** 解除管理. */
export function useEndFollowup<F>(form?: UseFormReturnType<F>) {
  return useFileWrite((input: Input<'followup.end'>) => api.followup.end(input), form);
}

export function useDeleteFollowup() {
  return useWrite((id: string) => api.followup.delete({ id }), { touches: FOLLOWUP_TOUCHES });
}

function useScheduleWrite<I, F>(
  call: (input: I) => Promise<FollowupSchedule>,
  form?: UseFormReturnType<F>,
  toFormPath?: (path: string, values: F) => string,
) {
  return useWrite(
    call,
    // Due dates everywhere follow the new rules.
    { touches: [dashboardKeys.all, followupKeys.all], put: (qc, s) => qc.setQueryData(followupKeys.schedule, s) },
    form,
    toFormPath,
  );
}

export function useSaveCadence<F>(form?: UseFormReturnType<F>, toFormPath?: (path: string, values: F) => string) {
  return useScheduleWrite((input: Input<'followup.saveCadence'>) => api.followup.saveCadence(input), form, toFormPath);
}

export function useSetScheme() {
  return useScheduleWrite((input: Input<'followup.setScheme'>) => api.followup.setScheme(input));
}

/** 建档当期宽限天数. */
export function useSetOpeningGrace<F>(form?: UseFormReturnType<F>) {
  return useScheduleWrite((input: Input<'followup.setOpeningGrace'>) => api.followup.setOpeningGrace(input), form);
}

/** Drug files: "及时" in working days and whether a 中止 pushes the term end back. */
export function useSetDrugSettings<F>(form?: UseFormReturnType<F>) {
  return useScheduleWrite((input: Input<'followup.setDrugSettings'>) => api.followup.setDrugSettings(input), form);
}

/** The ledger as .xlsx with the filters and order on screen, every page of it (the host records the export). */
export function useFollowupLedgerFile() {
  return useLedgerDownload((filter: Input<'followup.exportLedger'>, jobId) => api.followup.exportLedger(withJob(filter, jobId)));
}

/** One month's 走访计划表 as .xlsx. */
export function useVisitPlanFile() {
  return useDownload((input: Input<'followup.exportVisitPlan'>) => api.followup.exportVisitPlan(input));
}
