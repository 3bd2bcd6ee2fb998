import { Badge, Group, Switch, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import { PLACEMENTS, RELEASE_TYPES, type Placement, type ReleaseType } from '../../../shared/domain/assistance-rules';
import {
  ASSISTANCE_LEVEL_LABELS,
  HANDOVER_STATE_LABELS,
  PLACEMENT_LABELS,
  RELEASE_TYPE_LABELS,
  type AssistanceColumn,
  type AssistanceRow,
} from '../../../shared/schemas/assistance';
import { NextDue } from '../../components/DaysLeft';
import { FilterSelect } from '../../components/FilterSelect';
import { LedgerList, ResetFilters, useLedger, useLedgerSort, type LedgerColumn } from '../../components/LedgerList';
import { useLinkedFilters } from '../../components/linkedFilters';
import { printSubtitle } from '../../components/PrintLedger';
import { todayLocal } from '../../components/today';
import { ScopeFilters } from '../reference/ScopeFilters';
import { useAssistanceLedgerFile } from './mutations';
import { fetchAssistancePage, useAssistanceList } from './queries';

type Sort = NonNullable<Input<'assistance.list'>['sort']>;

interface Filters {
  releaseType: ReleaseType | null;
  placement: Placement | null;
  status: 'active' | 'ended' | null;
  villageId: string | null;
  responsibleStaffId: string | null;
  preRelease: boolean;
  notHandedOver: boolean;
  key: boolean;
  overdue: boolean;
  due7: boolean;
  q: string;
}

/** The office works on the persons on its register; ended files are one filter away. */
const DEFAULT_FILTERS: Filters = {
  releaseType: null,
  placement: null,
  status: 'active',
  villageId: null,
  responsibleStaffId: null,
  preRelease: false,
  notHandedOver: false,
  key: false,
  overdue: false,
  due7: false,
  q: '',
};

const DEFAULT_COLUMNS: readonly AssistanceColumn[] = [
  'name',
  'releaseDate',
  'releaseType',
  'handover',
  'key',
  'placement',
  'periodEnd',
  'staff',
  'nextDueDate',
];

const HANDOVER_COLOR = { pending: 'orange', done: 'green', missing: 'red' } as const;

/** 安置帮教台账: one row per file, soonest due item first. */
export function AssistanceListPage() {
  const ledger = useLedger(DEFAULT_FILTERS);
  useLinkedFilters(DEFAULT_FILTERS, ledger.patch);
  const { filters: f, set } = ledger;
  const sort = useLedgerSort<Sort>('nextDueDate', 'asc', ['releaseDate', 'periodEnd'], () => ledger.setPage(1));
  const filter: Input<'assistance.exportLedger'> = {
    releaseType: f.releaseType ?? undefined,
    placement: f.placement ?? undefined,
    status: f.status ?? undefined,
    villageId: f.villageId ?? undefined,
    responsibleStaffId: f.responsibleStaffId ?? undefined,
    preRelease: f.preRelease || undefined,
    notHandedOver: f.notHandedOver || undefined,
    key: f.key || undefined,
    overdue: f.overdue || undefined,
    due7: f.due7 || undefined,
    q: ledger.q || undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const list = useAssistanceList({ ...filter, page: ledger.page, pageSize: 50 });
  const download = useAssistanceLedgerFile();
  const today = todayLocal();

  const columns: { [K in AssistanceColumn]: LedgerColumn<AssistanceRow, Sort> } = {
    name: { header: '姓名', width: 100, keep: true, sort: 'name', link: true, cell: (r) => r.personName },
    releaseDate: {
      header: '释放日期',
      width: 130,
      sort: 'releaseDate',
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.releaseDate}
          {r.releaseDate > today && (
            <Badge size="xs" variant="light" color="cyan">
              预释放
            </Badge>
          )}
        </Group>
      ),
    },
    releaseType: { header: '释放类型', width: 130, cell: (r) => RELEASE_TYPE_LABELS[r.releaseType] },
    handover: {
      header: '衔接状态',
      width: 90,
      keep: true,
      cell: (r) => (
        <Badge variant="light" color={HANDOVER_COLOR[r.handoverState]}>
          {HANDOVER_STATE_LABELS[r.handoverState]}
        </Badge>
      ),
    },
    key: {
      header: '重点',
      width: 110,
      cell: (r) =>
        r.level === 'normal' ? (
          ''
        ) : (
          <Badge variant="light" color="red">
            {ASSISTANCE_LEVEL_LABELS[r.level]}
          </Badge>
        ),
    },
    placement: { header: '安置情况', width: 110, cell: (r) => (r.placement ? PLACEMENT_LABELS[r.placement] : '未登记') },
    periodEnd: { header: '帮教期满', width: 110, sort: 'periodEnd', cell: (r) => r.periodEnd },
    staff: { header: '责任人', width: 90, cell: (r) => r.responsibleName },
    village: { header: '村（社区）', width: 100, cell: (r) => r.villageName ?? '' },
    crime: { header: '罪名', width: 120, cell: (r) => r.crime },
    nextDueDate: {
      header: '下次到期',
      width: 180,
      keep: true,
      sort: 'nextDueDate',
      cell: (r) => <NextDue today={today} date={r.nextDueDate} overdue={r.overdue} active={r.status === 'active'} />,
    },
  };
  const moreSet = [f.status !== DEFAULT_FILTERS.status, f.placement, f.villageId, f.responsibleStaffId, f.overdue, f.due7].filter(
    Boolean,
  ).length;

  return (
    <LedgerList
      module="assistance"
      title="安置帮教台账"
      links={[{ label: '统计', path: 'stats' }]}
      print={{
        fetchPage: (page, pageSize) => fetchAssistancePage(filter, page, pageSize),
        subtitle: printSubtitle('', null, null, ledger.filtered),
      }}
      // The ledger with exactly the filters, order and columns on screen, every page of it.
      exportFile={{ busy: download.busy, run: (chosen) => void download.run({ ...filter, columns: chosen }) }}
      create="新建档案"
      filters={{
        main: (
          <>
            <TextInput label="查找" placeholder="姓名" w={180} value={f.q} onChange={(e) => set('q', e.currentTarget.value)} />
            <FilterSelect
              label="释放类型"
              w={160}
              data={RELEASE_TYPES.map((t) => ({ value: t, label: RELEASE_TYPE_LABELS[t] }))}
              value={f.releaseType}
              onChange={(v) => set('releaseType', v as ReleaseType | null)}
            />
            <Switch label="预释放" mb={8} checked={f.preRelease} onChange={(e) => set('preRelease', e.currentTarget.checked)} />
            <Switch label="未衔接" mb={8} checked={f.notHandedOver} onChange={(e) => set('notHandedOver', e.currentTarget.checked)} />
            <Switch label="重点帮教对象" mb={8} checked={f.key} onChange={(e) => set('key', e.currentTarget.checked)} />
            <ResetFilters ledger={ledger} label="恢复默认筛选" />
          </>
        ),
        more: (
          <>
            <FilterSelect
              label="帮教状态"
              w={120}
              data={[
                { value: 'active', label: '在册' },
                { value: 'ended', label: '已结束' },
              ]}
              value={f.status}
              onChange={(v) => set('status', v as Filters['status'])}
            />
            <FilterSelect
              label="安置情况"
              w={150}
              data={PLACEMENTS.map((p) => ({ value: p, label: PLACEMENT_LABELS[p] }))}
              value={f.placement}
              onChange={(v) => set('placement', v as Placement | null)}
            />
            <ScopeFilters filters={f} set={set} />
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
        title: ledger.filtered ? '没有符合条件的安置帮教对象' : '还没有安置帮教档案',
        children: ledger.filtered
          ? '可放宽筛选条件再试。'
          : '点右上角“新建档案”，从人员库选人，填写释放日期和释放类型；尚未释放的（预释放）也可先建档，填写预计释放日期和通知书收到日期。',
      }}
      stickyHeader
    />
  );
}
