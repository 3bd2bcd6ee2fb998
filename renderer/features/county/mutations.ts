import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import { api, withJob } from '../../api/client';
import { useDownload } from '../../components/useDownload';
import { trackJob } from '../../components/JobNotice';
import { useWrite } from '../../components/useWrite';
import { countyKeys } from './queries';

/** Writes a package (nothing in the ledger changes but the export rows of its audit trail). */
export function useMakePackage<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'reportPackage.create'>) => trackJob('正在生成上报包', (jobId) => api.reportPackage.create(withJob(input, jobId))),
    {
      touches: [],
      successTitle: '上报包已写成',
      errorTitle: '上报包未写成',
    },
    form,
  );
}

export function useReceivePackage<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'county.receive'>) => trackJob('正在接收上报包', (jobId) => api.county.receive(withJob(input, jobId))),
    {
      touches: [countyKeys.all],
      successTitle: '已接收',
      errorTitle: '上报包未接收',
    },
    form,
  );
}

export function useSaveTownships<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'county.saveTownships'>) => api.county.saveTownships(input), { touches: [countyKeys.all] }, form);
}

export const useCountyLedgerFile = () => useDownload((input: Input<'county.export'>) => api.county.export(input));
