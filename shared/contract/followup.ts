import { z } from 'zod';
import { Id, type FileResult, type Paged } from '../schemas/common';
import {
  CadenceInput,
  DrugSettingsInput,
  PoliceReportInput,
  PoliceReportInputAsOf,
  SchemeInput,
  OpeningGraceInput,
  SuspensionInput,
  SuspensionInputAsOf,
  FollowupCreateInput,
  FollowupCreateInputAsOf,
  FollowupEndInput,
  FollowupEndInputAsOf,
  FollowupExportInput,
  FollowupListInput,
  FollowupStatsInput,
  FollowupUpdateInput,
  FollowupUpdateInputAsOf,
  FollowupVisitInput,
  FollowupVisitInputAsOf,
  VisitPlanInput,
  YearRecordInput,
  YearRecordInputAsOf,
  type FollowupRow,
  type FollowupStats,
  type FollowupSubject,
  type FollowupSchedule,
  type VisitPlan,
} from '../schemas/followup';
import { job, method } from './define';

export const followupContract = {
  'followup.list': method<Paged<FollowupRow>>()(FollowupListInput),
  'followup.get': method<FollowupSubject>()(z.strictObject({ id: Id })),
  'followup.create': method<FollowupSubject>()(FollowupCreateInput, FollowupCreateInputAsOf),
  'followup.update': method<FollowupSubject>()(FollowupUpdateInput, FollowupUpdateInputAsOf),
  'followup.end': method<FollowupSubject>()(FollowupEndInput, FollowupEndInputAsOf),
  'followup.saveVisit': method<FollowupSubject>()(FollowupVisitInput, FollowupVisitInputAsOf),
  'followup.deleteVisit': method<FollowupSubject>()(z.strictObject({ id: Id })),
  'followup.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  /** Drug files: a dated 报告公安机关 record, closing the 报告公安 duties it names (REVIEW row 2). */
  'followup.saveReport': method<FollowupSubject>()(PoliceReportInput, PoliceReportInputAsOf),
  'followup.deleteReport': method<FollowupSubject>()(z.strictObject({ id: Id })),
  /** Drug files: a 中止 while detained or arrested, and the day of release (REVIEW row 13). */
  'followup.saveSuspension': method<FollowupSubject>()(SuspensionInput, SuspensionInputAsOf),
  'followup.deleteSuspension': method<FollowupSubject>()(z.strictObject({ id: Id })),
  /** Mental-health files: a year's 以奖代补 (考核结果, amount, payment, guardian) and 免费服药/救治 (REVIEW row 12). */
  'followup.saveYear': method<FollowupSubject>()(YearRecordInput, YearRecordInputAsOf),
  'followup.deleteYear': method<FollowupSubject>()(z.strictObject({ id: Id })),
  /** The visit cadences the office uses (defaults with their sources, its own changes) and its mental-health scheme. */
  'followup.schedule': method<FollowupSchedule>()(z.strictObject({}).optional()),
  'followup.saveCadence': method<FollowupSchedule>()(CadenceInput),
  'followup.setScheme': method<FollowupSchedule>()(SchemeInput),
  /** 建档当期宽限: how many last days of a month (quarter, year) a file may be opened in without owing that period. */
  'followup.setOpeningGrace': method<FollowupSchedule>()(OpeningGraceInput),
  /** Drug files: "及时" in working days and whether a 中止 pushes the term end back (both unconfirmed, so the office's). */
  'followup.setDrugSettings': method<FollowupSchedule>()(DrugSettingsInput),
  /** The special-group ledger as .xlsx: the list's own filter and order, every matching file. */
  'followup.exportLedger': job<FileResult>()(FollowupExportInput),
  /** 走访计划表: each active file's items due in the month (and those still overdue), by responsible person. */
  'followup.visitPlan': method<VisitPlan>()(VisitPlanInput),
  'followup.exportVisitPlan': method<FileResult>()(VisitPlanInput),
  /** 重点人员统计 for a period: in management, new and ended, visits due and done, overdue, serious breaches. */
  'followup.stats': method<FollowupStats>()(FollowupStatsInput),
};
