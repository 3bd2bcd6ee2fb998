import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const scheduleKeys = { all: ['schedule'] as const };

/** The working-day calendar (节假日表) every due date is counted on, with the sources of its defaults. */
export function useSchedule() {
  return useQuery({ queryKey: scheduleKeys.all, queryFn: () => api.schedule.get({}) });
}
