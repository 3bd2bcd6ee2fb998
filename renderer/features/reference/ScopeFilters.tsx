import { Switch } from '@mantine/core';
import { FilterSelect } from '../../components/FilterSelect';
import { staffOptions, useStaff, useVillages, villageOptions } from './queries';

interface Scope {
  villageId: string | null;
  responsibleStaffId: string | null;
  overdue: boolean;
  due7: boolean;
}

/**
 * The ledger filters every module with a 责任人 and due items shares (under 更多筛选): the village, the
 * responsible staff member, and the overdue and due-within-7-days switches the dashboard's counts open.
 */
export function ScopeFilters<F extends Scope>({
  filters: f,
  set,
  villageLabel = '村（社区）',
  staffLabel = '责任人',
}: {
  filters: F;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  villageLabel?: string;
  staffLabel?: string;
}) {
  const villages = useVillages();
  const staff = useStaff(true);
  return (
    <>
      <FilterSelect
        label={villageLabel}
        w={150}
        searchable
        data={villageOptions(villages.data)}
        value={f.villageId}
        onChange={(v) => set('villageId', v as F['villageId'])}
      />
      <FilterSelect
        label={staffLabel}
        w={150}
        searchable
        data={staffOptions(staff.data)}
        value={f.responsibleStaffId}
        onChange={(v) => set('responsibleStaffId', v as F['responsibleStaffId'])}
      />
      <Switch label="仅看逾期" mb={8} checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked as F['overdue'])} />
      <Switch label="仅看7日内到期" mb={8} checked={f.due7} onChange={(e) => set('due7', e.currentTarget.checked as F['due7'])} />
    </>
  );
}
