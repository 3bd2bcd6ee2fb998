/**
 * The working-day calendar every due date is counted on: the default holiday table with its
 * sources, or the office's own (edited each year when the State Council publishes the next year's
 * holidays). A change is audited and the to-do table is rebuilt at the next dashboard visit, so
 * the new calendar counts from then on.
 */
import type { z } from 'zod';
import { DEFAULT_HOLIDAY_SOURCES, holidayTableProblems, type HolidayTable } from '../../shared/domain/holidays';
import { LedgerError } from '../../shared/errors';
import type { HolidaysInput, ScheduleSettings } from '../../shared/schemas/schedule';
import type { ServiceContext } from '../context';
import { audit } from './audit';
import { holidayTable, markObligationsStale } from './obligations';
import { getSetting, putSetting } from './reference';
import { write } from './sql';

export function getSchedule(ctx: ServiceContext): ScheduleSettings {
  return {
    holidays: holidayTable(ctx),
    holidaySources: DEFAULT_HOLIDAY_SOURCES,
    holidaysCustom: getSetting<HolidayTable>(ctx, 'holidays') !== null,
  };
}

export function saveHolidays(ctx: ServiceContext, input: z.output<typeof HolidaysInput>): ScheduleSettings {
  return write(ctx, () => {
    const entries = [...input.entries].sort((a, b) => a.date.localeCompare(b.date));
    const problems = holidayTableProblems(entries);
    if (problems.length) throw new LedgerError('VALIDATION', `节假日表有误：${problems.slice(0, 3).join('；')}`);
    const before = holidayTable(ctx);
    putSetting(ctx, 'holidays', entries);
    markObligationsStale(ctx);
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: 'holidays',
      before: { 节假日条目: before.length },
      after: { 节假日条目: entries.length },
    });
    return getSchedule(ctx);
  });
}
