import type { Input } from '../../../shared/contract';
import { MODULES } from '../../../shared/modules';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';
import { useWrite } from '../../components/useWrite';
import { dashboardKeys } from '../obligations/queries';
import { scheduleKeys } from './queries';

/** A new holiday table: due dates everywhere follow the new calendar (the dashboard and every module's records). */
export function useSaveHolidays() {
  return useWrite((input: Input<'schedule.saveHolidays'>) => api.schedule.saveHolidays(input), {
    touches: [dashboardKeys.all, ...MODULES.map(moduleKey)],
    put: (qc, s) => qc.setQueryData(scheduleKeys.all, s),
  });
}
