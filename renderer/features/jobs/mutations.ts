import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { useWrite } from '../../components/useWrite';
import { jobKeys } from './queries';

/** 取消: the job stops at its next step and says so (CANCELLED); the ledger is left as it was. */
export function useCancelJob() {
  return useWrite((input: Input<'jobs.cancel'>) => api.jobs.cancel(input), {
    touches: (_r, input) => [jobKeys.one(input.id)],
    errorTitle: '未能取消',
  });
}
