/**
 * 延期 and 免除 of one due item, 免除 of several at once, and taking one back, for any module's records. `touches`: what
 * shows the owner's items besides the dashboard and the audit panels (its module's queries).
 */
import type { UseFormReturnType } from '@mantine/form';
import type { QueryKey } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { useWrite } from '../../components/useWrite';
import { auditKeys } from '../reference/queries';
import { dashboardKeys } from './queries';

export function useActOnItem<F>(touches: readonly QueryKey[], form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'obligations.actOnItem'>) => api.obligations.actOnItem(input),
    { touches: [...touches, dashboardKeys.all, auditKeys.all] },
    form,
  );
}

/** 批量免除: the ticked items with one reason, all or none. */
export function useWaiveItems<F>(touches: readonly QueryKey[], form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'obligations.waiveItems'>) => api.obligations.waiveItems(input),
    { touches: [...touches, dashboardKeys.all, auditKeys.all] },
    form,
  );
}

export function useUndoItemAction(touches: readonly QueryKey[]) {
  return useWrite((id: string) => api.obligations.undoItemAction({ id }), { touches: [...touches, dashboardKeys.all, auditKeys.all] });
}
