import { Badge, Grid, Group, Switch, Text, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import { groupText, type ControlStatus, type FollowupGroup } from '../../../shared/domain/followup-rules';
import {
  FOLLOWUP_STATUSES,
  FOLLOWUP_STATUS_LABELS,
  LEVELS,
  levelLabel,
  type FollowupLevel,
  type FollowupRow,
  type FollowupStatus,
} from '../../../shared/schemas/followup';
import { FilterSelect } from '../../components/FilterSelect';
import { printSubtitle } from '../../components/PrintLedger';
import { LedgerList, ResetFilters, useLedger, useLedgerSort, type LedgerColumn } from '../../components/LedgerList';
import { useLinkedFilters } from '../../components/linkedFilters';
import { staffOptions, useStaff, useVillages, villageOptions } from '../reference/queries';
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
  q: '',
};

/** 重点人员台账: one row per file, soonest visit first. */
export function FollowupListPage() {
  const villages = useVillages();
  const staff = useStaff(true);
  const ledger = useLedger(DEFAULT_FILTERS);
  // 仅看逾期 and 包保责任人 from a link (the dashboard's counts).
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
    q: ledger.q || undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const list = useFollowupList({ ...filter, page: ledger.page, pageSize: 50 });
  const download = useFollowupLedgerFile();
  // Without a group both scales are offered; with one, only its own.
  const levels = f.group ? levelOptions(f.group) : LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));

  const columns: LedgerColumn<FollowupRow, Sort>[] = [
    { header: '姓名', sort: 'name', link: true, cell: (r) => r.personName },
    { header: '公民身份号码', cell: (r) => r.idNumberMasked ?? '' },
    { header: '类别', cell: (r) => groupText(r.group, r.groupName) },
    {
      header: '等级',
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <LevelBadge level={r.level} group={r.group} />
          <ControlBadge group={r.group} control={r.control} />
        </Group>
      ),
    },
    { header: '包保责任人', cell: (r) => r.responsibleName },
    { header: '村（社区）', cell: (r) => r.villageName ?? '' },
    { header: '建档日期', sort: 'startDate', cell: (r) => r.startDate },
    { header: '状态', cell: (r) => <FollowupStatusBadge status={r.status} /> },
    {
      header: '下次走访',
      sort: 'nextDueDate',
      cell: (r) =>
        r.overdue ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="red" fw={600}>
              {r.nextDueDate ?? ''}
            </Text>
            <Badge color="red" size="sm">
              逾期
            </Badge>
          </Group>
        ) : (
          (r.nextDueDate ?? '')
        ),
    },
  ];

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
      // The ledger with exactly the filters on screen, every page of it.
      exportFile={{ busy: download.busy, run: () => void download.run(filter) }}
      create="新建档案"
      filters={
        <Grid gap="xs" mb="sm">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput label="查找" placeholder="姓名" value={f.q} onChange={(e) => set('q', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="人员类别"
              data={groupOptions}
              value={f.group}
              onChange={(v) => ledger.patch({ group: v as FollowupGroup | null, level: null })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect label="风险等级" data={levels} value={f.level} onChange={(v) => set('level', v as FollowupLevel | null)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect
              label="管控状态"
              data={[
                { value: 'controlled', label: '需管控（含待转化）' },
                { value: 'to_transform', label: '待转化' },
                { value: 'registered', label: '仅在册' },
              ]}
              value={f.control}
              onChange={(v) => set('control', v as ControlStatus | null)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect
              label="管理状态"
              data={FOLLOWUP_STATUSES.map((s) => ({ value: s, label: FOLLOWUP_STATUS_LABELS[s] }))}
              value={f.status}
              onChange={(v) => set('status', v as FollowupStatus | null)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect
              label="村（社区）"
              searchable
              data={villageOptions(villages.data)}
              value={f.villageId}
              onChange={(v) => set('villageId', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="包保责任人"
              searchable
              data={staffOptions(staff.data)}
              value={f.responsibleStaffId}
              onChange={(v) => set('responsibleStaffId', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Group h="100%" align="flex-end" pb={6}>
              <Switch label="仅看逾期" checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked)} />
              <ResetFilters ledger={ledger} label="恢复默认筛选" />
            </Group>
          </Grid.Col>
        </Grid>
      }
      list={list}
      unit="人"
      columns={columns}
      sort={sort}
      ledger={ledger}
      empty={{
        title: ledger.filtered ? '没有符合条件的重点人员' : '还没有在管的重点人员档案',
        children: ledger.filtered ? '可放宽筛选条件再试。' : '点右上角“新建档案”，从人员库选人建立一人一档。',
      }}
      minWidth={1100}
      stickyHeader
    />
  );
}
