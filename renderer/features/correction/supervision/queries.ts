import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';

/** Under 'correction', so every write to a file (and each of these) refreshes them too. */
export const supervisionKeys = {
  file: (fileId: string) => ['correction', 'supervision', fileId] as const,
  settings: ['correction', 'supervision-settings'] as const,
};

/** The supervision records of one file. */
export function useSupervision(fileId: string) {
  return useQuery({ queryKey: supervisionKeys.file(fileId), queryFn: () => api.correction.supervision({ fileId }), retry: false });
}

/** The limits of the 审批, with their defaults and sources. */
export function useSupervisionSettings() {
  return useQuery({ queryKey: supervisionKeys.settings, queryFn: () => api.correction.supervisionSettings({}) });
}
