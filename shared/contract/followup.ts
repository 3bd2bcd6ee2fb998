import { z } from 'zod';
import { Id, type FileResult, type Paged } from '../schemas/common';
import {
  CadenceInput,
  DashboardInput,
  HolidaysInput,
  SchemeInput,
  FollowupCreateInput,
  FollowupEndInput,
  FollowupExportInput,
  FollowupItemActionInput,
  FollowupListInput,
  FollowupStatsInput,
  FollowupUpdateInput,
  FollowupVisitInput,
  VisitPlanInput,
  type Dashboard,
  type FollowupRow,
  type FollowupStats,
  type FollowupSubject,
  type ScheduleSettings,
  type VisitPlan,
} from '../schemas/followup';
import { method } from './define';

export const followupContract = {
  'followup.list': method<Paged<FollowupRow>>()(FollowupListInput),
  'followup.get': method<FollowupSubject>()(z.strictObject({ id: Id })),
  'followup.create': method<FollowupSubject>()(FollowupCreateInput),
  'followup.update': method<FollowupSubject>()(FollowupUpdateInput),
  'followup.end': method<FollowupSubject>()(FollowupEndInput),
  'followup.saveVisit': method<FollowupSubject>()(FollowupVisitInput),
  'followup.deleteVisit': method<FollowupSubject>()(z.strictObject({ id: Id })),
  /** 延期 or 免除 of one due item, with the reason: never shortens a date; recorded and audited. */
  'followup.actOnItem': method<FollowupSubject>()(FollowupItemActionInput),
  /** Takes back a 延期 or 免除 entered by mistake (kept in the history). */
  'followup.undoItemAction': method<FollowupSubject>()(z.strictObject({ id: Id })),
  'followup.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'followup.restore': method<{ ok: true }>()(z.strictObject({ id: Id })),
  /** The to-do dashboard (首页 工作台): overdue, due within 7 days, term ends within 30 days. */
  'dashboard.get': method<Dashboard>()(DashboardInput),
  /** The working-day calendar and the visit cadences the office uses; changes apply from then on. */
  'schedule.get': method<ScheduleSettings>()(z.strictObject({}).optional()),
  'schedule.saveHolidays': method<ScheduleSettings>()(HolidaysInput),
  'schedule.saveCadence': method<ScheduleSettings>()(CadenceInput),
  'schedule.setScheme': method<ScheduleSettings>()(SchemeInput),
  /** The special-group ledger as .xlsx: the list's own filter and order, every matching file. */
  'followup.exportLedger': method<FileResult>()(FollowupExportInput),
  /** 走访计划表: each active file's items due in the month (and those still overdue), by responsible person. */
  'followup.visitPlan': method<VisitPlan>()(VisitPlanInput),
  'followup.exportVisitPlan': method<FileResult>()(VisitPlanInput),
  /** 重点人员统计 for a period: in management, new and ended, visits due and done, overdue, serious breaches. */
  'followup.stats': method<FollowupStats>()(FollowupStatsInput),
};
