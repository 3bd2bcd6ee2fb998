import { Badge, Group, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import {
  CORRECTION_CATEGORIES,
  CORRECTION_LEVELS,
  CORRECTION_STATUSES,
  type CorrectionCategory,
  type CorrectionLevel,
  type CorrectionStatus,
} from '../../../shared/domain/correction-rules';
import {
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_STATUS_LABELS,
  type CorrectionColumn,
  type CorrectionRow,
} from '../../../shared/schemas/correction';
import { DaysLeft, NextDue } from '../../components/DaysLeft';
import { FilterSelect } from '../../components/FilterSelect';
import { LedgerList, ResetFilters, useLedger, useLedgerSort, type LedgerColumn } from '../../components/LedgerList';
import { useLinkedFilters } from '../../components/linkedFilters';
import { printSubtitle } from '../../components/PrintLedger';
import { todayLocal } from '../../components/today';
import { ScopeFilters } from '../reference/ScopeFilters';
import { useCorrectionLedgerFile } from './mutations';
import { fetchCorrectionPage, useCorrectionList, useCorrectionSchedule } from './queries';

type Sort = NonNullable<Input<'correction.list'>['sort']>;

interface Filters {
  category: CorrectionCategory | null;
  level: CorrectionLevel | null;
  status: CorrectionStatus | null;
  villageId: string | null;
  responsibleStaffId: string | null;
  overdue: boolean;
  due7: boolean;
  q: string;
}

/** The office works on the subjects in correction; ended files are one filter away. */
const DEFAULT_FILTERS: Filters = {
  category: null,
  level: null,
  status: 'active',
  villageId: null,
  responsibleStaffId: null,
  overdue: false,
  due7: false,
  q: '',
};

const DEFAULT_COLUMNS: readonly CorrectionColumn[] = ['name', 'category', 'crime', 'term', 'daysLeft', 'level', 'staff', 'nextDueDate'];

/** 社区矫正台账: one row per file, soonest due item first. */
export function CorrectionListPage() {
  const schedule = useCorrectionSchedule();
  const ledger = useLedger(DEFAULT_FILTERS);
  useLinkedFilters(DEFAULT_FILTERS, ledger.patch);
  const { filters: f, set } = ledger;
  const sort = useLedgerSort<Sort>('nextDueDate', 'asc', ['termEnd'], () => ledger.setPage(1));
  const filter: Input<'correction.exportLedger'> = {
    category: f.category ?? undefined,
    level: f.level ?? undefined,
    status: f.status ?? undefined,
    villageId: f.villageId ?? undefined,
    responsibleStaffId: f.responsibleStaffId ?? undefined,
    overdue: f.overdue || undefined,
    due7: f.due7 || undefined,
    q: ledger.q || undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const list = useCorrectionList({ ...filter, page: ledger.page, pageSize: 50 });
  const download = useCorrectionLedgerFile();
  const today = todayLocal();
  const levelNames = (schedule.data?.levels ?? []).map((l) => ({ value: l.level, label: l.name }));

  const columns: { [K in CorrectionColumn]: LedgerColumn<CorrectionRow, Sort> } = {
    name: {
      header: '姓名',
      width: 110,
      keep: true,
      sort: 'name',
      link: true,
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.personName}
          {r.minor && (
            <Badge size="xs" color="grape" variant="light">
              未成年
            </Badge>
          )}
        </Group>
      ),
    },
    category: { header: '类别', width: 110, cell: (r) => CORRECTION_CATEGORY_LABELS[r.category] },
    crime: { header: '罪名', width: 120, cell: (r) => r.crime },
    term: { header: '矫正期限', width: 200, sort: 'termEnd', cell: (r) => `${r.termStart} 至 ${r.termEnd}` },
    daysLeft: {
      header: '剩余天数',
      width: 100,
      cell: (r) => (r.status === 'active' ? <DaysLeft today={today} due={r.termEnd} /> : ''),
    },
    level: { header: '等级', width: 70, keep: true, cell: (r) => r.levelName },
    staff: { header: '责任人', width: 90, cell: (r) => r.responsibleName },
    village: { header: '执行地', width: 100, cell: (r) => r.villageName ?? '' },
    status: { header: '状态', width: 70, cell: (r) => CORRECTION_STATUS_LABELS[r.status] },
    nextDueDate: {
      header: '下次到期',
      width: 180,
      keep: true,
      sort: 'nextDueDate',
      cell: (r) => <NextDue today={today} date={r.nextDueDate} overdue={r.overdue} active={r.status === 'active'} />,
    },
  };
  const moreSet = [f.status !== DEFAULT_FILTERS.status, f.villageId, f.responsibleStaffId, f.overdue, f.due7].filter(Boolean).length;

  return (
    <LedgerList
      module="correction"
      title="社区矫正台账"
      links={[{ label: '统计', path: 'stats' }]}
      // The ledger with exactly the filters, order and columns on screen (a minor's file only to its holder).
      exportFile={{ busy: download.busy, run: (chosen) => void download.run({ ...filter, columns: chosen }) }}
      print={{
        fetchPage: (page, pageSize) => fetchCorrectionPage(filter, page, pageSize),
        subtitle: printSubtitle('', null, null, ledger.filtered),
      }}
      create="新建档案"
      filters={{
        main: (
          <>
            <TextInput label="查找" placeholder="姓名" w={200} value={f.q} onChange={(e) => set('q', e.currentTarget.value)} />
            <FilterSelect
              label="矫正类别"
              w={160}
              data={CORRECTION_CATEGORIES.map((c) => ({ value: c, label: CORRECTION_CATEGORY_LABELS[c] }))}
              value={f.category}
              onChange={(v) => set('category', v as CorrectionCategory | null)}
            />
            <FilterSelect
              label="管理等级"
              w={120}
              data={levelNames.length ? levelNames : CORRECTION_LEVELS.map((l) => ({ value: l, label: l }))}
              value={f.level}
              onChange={(v) => set('level', v as CorrectionLevel | null)}
            />
            <ResetFilters ledger={ledger} label="恢复默认筛选" />
          </>
        ),
        more: (
          <>
            <FilterSelect
              label="矫正状态"
              w={120}
              data={CORRECTION_STATUSES.map((s) => ({ value: s, label: CORRECTION_STATUS_LABELS[s] }))}
              value={f.status}
              onChange={(v) => set('status', v as CorrectionStatus | null)}
            />
            <ScopeFilters filters={f} set={set} villageLabel="执行地" />
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
        title: ledger.filtered ? '没有符合条件的社区矫正对象' : '还没有在矫的社区矫正档案',
        children: ledger.filtered
          ? '可放宽筛选条件再试。'
          : '点右上角“新建档案”，从人员库选人，按法律文书填写矫正类别和期限。未成年人的档案只向其责任人显示。',
      }}
      stickyHeader
    />
  );
}
