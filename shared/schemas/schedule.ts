/**
 * The working-day calendar every due date is counted on (法定节假日 and 调休上班 days), edited each
 * year when the State Council publishes the next year's holidays. Changes apply from then on: the
 * to-do table is rebuilt at the next dashboard visit.
 */
import { z } from 'zod';
import { DateStr, reqText } from './common';

const HolidayEntryInput = z.strictObject({
  date: DateStr,
  kind: z.enum(['holiday', 'workday'], { error: '请选择放假或调休上班' }),
  name: reqText('名称', 20),
});
export const HolidaysInput = z.strictObject({ entries: z.array(HolidayEntryInput).max(400, '节假日条目过多') });

export interface ScheduleSettings {
  holidays: { date: string; kind: 'holiday' | 'workday'; name: string }[];
  holidaySources: { year: number; source: string }[];
  holidaysCustom: boolean;
}
