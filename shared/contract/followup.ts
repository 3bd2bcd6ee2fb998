import { z } from 'zod';
import { Id, type Paged } from '../schemas/common';
import {
  CadenceInput,
  DashboardInput,
  HolidaysInput,
  SchemeInput,
  FollowupCreateInput,
  FollowupEndInput,
  FollowupListInput,
  FollowupUpdateInput,
  FollowupVisitInput,
  type Dashboard,
  type FollowupRow,
  type FollowupSubject,
  type ScheduleSettings,
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
  'followup.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'followup.restore': method<{ ok: true }>()(z.strictObject({ id: Id })),
  /** The to-do dashboard (首页 工作台): overdue, due within 7 days, term ends within 30 days. */
  'dashboard.get': method<Dashboard>()(DashboardInput),
  /** The working-day calendar and the visit cadences the office uses; changes apply from then on. */
  'schedule.get': method<ScheduleSettings>()(z.strictObject({}).optional()),
  'schedule.saveHolidays': method<ScheduleSettings>()(HolidaysInput),
  'schedule.saveCadence': method<ScheduleSettings>()(CadenceInput),
  'schedule.setScheme': method<ScheduleSettings>()(SchemeInput),
};
