/**
 * Writes to the reference data: the first run and the settings page's villages,
 * grids, staff, dictionaries and township settings. A change here can show in any module (a name,
 * a label, a case-number pattern, a deadline), so each refreshes everything, as the first run does.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import type { SavedStaff } from '../../../shared/schemas/reference';
import { api } from '../../api/client';
import { notifyWarning } from '../../components/notify';
import { useWrite, type Notice, type Write } from '../../components/useWrite';
import type { ModuleName } from '../../../shared/modules';
import { refKeys } from './queries';

export function useSetup<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'setup.init'>) => api.setup.init(input), { touches: 'everything' }, form);
}

export function useUpdateSettings<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'settings.update'>) => api.settings.update(input), { touches: 'everything' }, form);
}

export function useSaveVillage<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'villages.save'>) => api.villages.save(input), { touches: 'everything' }, form);
}

export function useAddVillages<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'villages.addMany'>) => api.villages.addMany(input), { touches: 'everything' }, form);
}

export function useSetVillageOrder() {
  return useWrite((input: Input<'villages.setOrder'>) => api.villages.setOrder(input), { touches: 'everything' });
}

export function useAddGrids<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'grids.addMany'>) => api.grids.addMany(input), { touches: 'everything' }, form);
}

/** The start checklist's 就用这个格式: the case-number formats kept as they are. */
export function useConfirmNumbers() {
  return useWrite(() => api.setup.confirmNumbers({}), { touches: [refKeys.checklist] });
}

export function useDeleteVillage() {
  return useWrite((id: string) => api.villages.delete({ id }), { touches: 'everything' });
}

export function useSaveGrid<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'grids.save'>) => api.grids.save(input), { touches: 'everything' }, form);
}

export function useDeleteGrid() {
  return useWrite((id: string) => api.grids.delete({ id }), { touches: 'everything' });
}

/**
 * Saves an entry of the staff register. A save that makes a second active entry of a name is made
 * all the same; the host's warning (who else has the name, how the two are told apart) then stands
 * in for the success notice, and stays longer.
 */
export function useSaveStaff<F>(form?: UseFormReturnType<F>): Write<Input<'staff.save'>, SavedStaff> {
  const write = useWrite((input: Input<'staff.save'>) => api.staff.save(input), { touches: 'everything' }, form);
  const run = (input: Input<'staff.save'>, notice?: Notice<SavedStaff>, saved?: (result: SavedStaff) => void) =>
    write.run(
      input,
      (s) => {
        if (!s.warning) return typeof notice === 'function' ? notice(s) : (notice ?? null);
        notifyWarning(s.warning, '已保存，请留意同名人员');
        return null;
      },
      saved,
    );
  return { run, saving: write.saving };
}

/** 移交工作: a colleague's open disputes and files handed to another in one go. */
export function useHandOver<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'staff.handOver'>) => api.staff.handOver(input), { touches: 'everything' }, form);
}

export function useAddDict() {
  return useWrite((input: Input<'dicts.add'>) => api.dicts.add(input), { touches: 'everything' });
}

export function useSetDictActive() {
  return useWrite((input: Input<'dicts.setActive'>) => api.dicts.setActive(input), { touches: 'everything' });
}

/** Keeps the operator's columns of a ledger (null: back to its usual ones); quiet, as the table changes at once. */
export function useSaveListColumns(ledger: ModuleName, operatorId: string | null) {
  return useWrite((columns: string[] | null) => api.ui.saveListColumns({ ledger, columns }), {
    touches: [],
    put: (qc, saved) => qc.setQueryData(refKeys.listColumns(ledger, operatorId), saved),
    errorTitle: '列设置未能保存',
  });
}
