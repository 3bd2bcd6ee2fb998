import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { useWrite } from '../../components/useWrite';

/** A restored record shows again in its ledger, on person pages, the dashboard and in audit panels: everything is refreshed. */
export function useRestore() {
  return useWrite((input: Input<'recycle.restore'>) => api.recycle.restore(input), { touches: 'everything', errorTitle: '未能恢复' });
}
