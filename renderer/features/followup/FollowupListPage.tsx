import { Group, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import { groupText, type ControlStatus, type FollowupGroup } from '../../../shared/domain/followup-rules';
import {
  FOLLOWUP_STATUSES,
  FOLLOWUP_STATUS_LABELS,
  LEVELS,
  levelLabel,
  type FollowupLevel,
  type FollowupColumn,
  type FollowupRow,
  type FollowupStatus,
} from '../../../shared/schemas/followup';
import { NextDue } from '../../components/DaysLeft';
import { FilterSelect } from '../../components/FilterSelect';
import { todayLocal } from '../../components/today';
import { printSubtitle } from '../../components/PrintLedger';
import { LedgerList, ResetFilters, useLedger, useLedgerSort, type LedgerColumn } from '../../components/LedgerList';
import { useLinkedFilters } from '../../components/linkedFilters';
import { ScopeFilters } from '../reference/ScopeFilters';
import { ControlBadge, FollowupStatusBadge, groupOptions, LevelBadge, levelOptions } from './labels';
import { useFollowupLedgerFile } from './mutations';
import { fetchFollowupPage, useFollowupList } from './queries';

type ListInput = Input<'followup.list'>;
type Sort = NonNullable<ListInput['sort']>;

interface Filters {
  group: FollowupGroup | null;
  level: FollowupLevel | null;
  control: ControlStatus | null;
  status: FollowupStatus | null;
  villageId: string | null;
  responsibleStaffId: string | null;
  overdue: boolean;
  due7: boolean;
  q: string;
}

/** The office works on the files in management; ended ones are one filter away. */
const DEFAULT_FILTERS: Filters = {
  group: null,
  level: null,
  control: null,
  status: 'active',
  villageId: null,
  responsibleStaffId: null,
  overdue: false,
  due7: false,
  q: '',
};

/** What 列设置 offers before the operator chooses: the ledger as it has always looked. */
const DEFAULT_COLUMNS: readonly FollowupColumn[] = [
  'name',
  'idNumber',
  'group',
  'level',
  'staff',
  'village',
  'startDate',
  'status',
  'nextDueDate',
];

/** 重点人员台账: one row per file, soonest visit first. */
export function FollowupListPage() {
  const ledger = useLedger(DEFAULT_FILTERS);
  // 仅看逾期 (or 仅看7日内到期), 包保责任人 and 村（社区） from a link (the dashboard's counts).
  useLinkedFilters(DEFAULT_FILTERS, ledger.patch);
  const { filters: f, set } = ledger;
  const sort = useLedgerSort<Sort>('nextDueDate', 'asc', ['startDate'], () => ledger.setPage(1));
  const filter: Input<'followup.exportLedger'> = {
    group: f.group ?? undefined,
    level: f.level ?? undefined,
    control: f.control ?? undefined,
    status: f.status ?? undefined,
    villageId: f.villageId ?? undefined,
    responsibleStaffId: f.responsibleStaffId ?? undefined,
    overdue: f.overdue || undefined,
    due7: f.due7 || undefined,
    q: ledger.q || undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const list = useFollowupList({ ...filter, page: ledger.page, pageSize: 50 });
  const download = useFollowupLedgerFile();
  const today = todayLocal();
  // Without a group both scales are offered; with one, only its own.
  const levels = f.group ? levelOptions(f.group) : LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));

  // The name, the level, the state and the next visit stay in view on a narrow window.
  const columns: { [K in FollowupColumn]: LedgerColumn<FollowupRow, Sort> } = {
    name: { header: '姓名', width: 90, keep: true, sort: 'name', link: true, cell: (r) => r.personName },
    idNumber: { header: '公民身份号码', width: 180, cell: (r) => r.idNumberMasked ?? '' },
    group: { header: '类别', width: 150, cell: (r) => groupText(r.group, r.groupName) },
    level: {
      header: '等级',
      width: 170,
      keep: true,
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <LevelBadge level={r.level} group={r.group} />
          <ControlBadge group={r.group} control={r.control} />
        </Group>
      ),
    },
    control: { header: '管控状态', width: 100, cell: (r) => <ControlBadge group={r.group} control={r.control} /> },
    village: { header: '村（社区）', width: 100, cell: (r) => r.villageName ?? '' },
    staff: { header: '包保责任人', width: 96, cell: (r) => r.responsibleName },
    startDate: { header: '建档日期', width: 100, sort: 'startDate', cell: (r) => r.startDate },
    status: { header: '状态', width: 76, keep: true, cell: (r) => <FollowupStatusBadge status={r.status} /> },
    nextDueDate: {
      header: '下次走访',
      width: 190,
      keep: true,
      sort: 'nextDueDate',
      cell: (r) => <NextDue today={today} date={r.nextDueDate} overdue={r.overdue} active={r.status === 'active'} />,
    },
    overdue: { header: '是否逾期', width: 80, cell: (r) => (r.overdue ? '是' : '否') },
  };
  // Filters behind 更多筛选 that differ from the ledger's own (管理状态 is 在管 unless changed).
  const moreSet = [f.control, f.status !== DEFAULT_FILTERS.status, f.villageId, f.responsibleStaffId, f.overdue, f.due7].filter(
    Boolean,
  ).length;

  return (
    <LedgerList
      module="followup"
      title="重点人员台账"
      links={[
        { label: '统计', path: 'stats' },
        { label: '走访计划表', path: 'plan' },
      ]}
      print={{
        fetchPage: (page, pageSize) => fetchFollowupPage(filter, page, pageSize),
        subtitle: printSubtitle('', null, null, ledger.filtered),
      }}
      // The ledger with exactly the filters, order and columns on screen, every page of it.
      exportFile={{ busy: download.busy, run: (chosen) => void download.run({ ...filter, columns: chosen }) }}
      create="新建档案"
      filters={{
        main: (
          <>
            <TextInput label="查找" placeholder="姓名" w={200} value={f.q} onChange={(e) => set('q', e.currentTarget.value)} />
            <FilterSelect
              label="人员类别"
              w={200}
              data={groupOptions}
              value={f.group}
              onChange={(v) => ledger.patch({ group: v as FollowupGroup | null, level: null })}
            />
            <FilterSelect
              label="风险等级"
              w={170}
              data={levels}
              value={f.level}
              onChange={(v) => set('level', v as FollowupLevel | null)}
            />
            <ResetFilters ledger={ledger} label="恢复默认筛选" />
          </>
        ),
        more: (
          <>
            <FilterSelect
              label="管控状态"
              w={170}
              data={[
                { value: 'controlled', label: '需管控（含待转化）' },
                { value: 'to_transform', label: '待转化' },
                { value: 'registered', label: '仅在册' },
              ]}
              value={f.control}
              onChange={(v) => set('control', v as ControlStatus | null)}
            />
            <FilterSelect
              label="管理状态"
              w={130}
              data={FOLLOWUP_STATUSES.map((s) => ({ value: s, label: FOLLOWUP_STATUS_LABELS[s] }))}
              value={f.status}
              onChange={(v) => set('status', v as FollowupStatus | null)}
            />
            <ScopeFilters filters={f} set={set} staffLabel="包保责任人" />
          </>
        ),
        moreSet,
      }}
      list={list}
      unit="人"
      columns={columns}
      defaultColumns={DEFAULT_COLUMNS}
      sort={sort}
      ledger={ledger}
      empty={{
        title: ledger.filtered ? '没有符合条件的重点人员' : '还没有在管的重点人员档案',
        children: ledger.filtered ? '可放宽筛选条件再试。' : '点右上角“新建档案”，从人员库选人建立一人一档。',
      }}
      stickyHeader
    />
  );
}
