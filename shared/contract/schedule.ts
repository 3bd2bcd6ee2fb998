import { z } from 'zod';
import { HolidaysInput, type ScheduleSettings } from '../schemas/schedule';
import { method } from './define';

export const scheduleContract = {
  /** The working-day calendar the office uses; changes apply from then on. */
  'schedule.get': method<ScheduleSettings>()(z.strictObject({}).optional()),
  'schedule.saveHolidays': method<ScheduleSettings>()(HolidaysInput),
};
