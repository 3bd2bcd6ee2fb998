import { Badge, MultiSelect, Switch, Text, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../../shared/domain/disputes';
import type { DisputeColumn, DisputeRow } from '../../../shared/schemas/disputes';
import { FilterSelect } from '../../components/FilterSelect';
import { DateField, reversedRange } from '../../components/DateField';
import { printSubtitle } from '../../components/PrintLedger';
import { LedgerList, ResetFilters, useLedger, useLedgerSort, type LedgerColumn } from '../../components/LedgerList';
import { useLinkedFilters } from '../../components/linkedFilters';
import { staffOptions, useDicts, useStaff, useVillages, villageOptions } from '../reference/queries';
import { RiskBadge, StatusBadge } from './labels';
import { useDisputeLedgerFile } from './mutations';
import { fetchDisputePage, useDisputeList } from './queries';

type Sort = NonNullable<Input<'disputes.list'>['sort']>;

interface Filters {
  status: DisputeStatus[];
  category: string | null;
  source: string | null;
  villageId: string | null;
  staffId: string | null;
  dateFrom: string;
  dateTo: string;
  overdue: boolean;
  due7: boolean;
  q: string;
}

const NO_FILTERS: Filters = {
  status: [],
  category: null,
  source: null,
  villageId: null,
  staffId: null,
  dateFrom: '',
  dateTo: '',
  overdue: false,
  due7: false,
  q: '',
};

/** What 列设置 offers before the operator chooses: the register as it has always looked. */
const DEFAULT_COLUMNS: readonly DisputeColumn[] = [
  'caseNo',
  'intakeDate',
  'source',
  'category',
  'parties',
  'village',
  'status',
  'risk',
  'staff',
  'deadline',
];

const money = (yuan: number | null) => (yuan === null ? '' : yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));

export function DisputeListPage() {
  const dicts = useDicts();
  const villages = useVillages();
  const staff = useStaff(true);
  const ledger = useLedger(NO_FILTERS);
  // 仅看超期 (or 仅看7日内到期), 承办人 and 村（社区） from a link (the dashboard's counts).
  useLinkedFilters(NO_FILTERS, ledger.patch);
  const { filters: f, set } = ledger;
  const sort = useLedgerSort<Sort>('intakeDate', 'desc', ['intakeDate'], () => ledger.setPage(1));
  const download = useDisputeLedgerFile();

  const filter: Input<'disputes.exportLedger'> = {
    status: f.status.length ? f.status : undefined,
    category: f.category ?? undefined,
    source: f.source ?? undefined,
    villageId: f.villageId ?? undefined,
    staffId: f.staffId ?? undefined,
    dateFrom: f.dateFrom || undefined,
    dateTo: f.dateTo || undefined,
    overdue: f.overdue || undefined,
    due7: f.due7 || undefined,
    q: ledger.q || undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const list = useDisputeList({ ...filter, page: ledger.page, pageSize: 50 });
  // The case number, the parties, the state and the deadline stay in view on a narrow window (125 % scaling).
  const columns: { [K in DisputeColumn]: LedgerColumn<DisputeRow, Sort> } = {
    caseNo: { header: '案号', width: 200, keep: true, sort: 'caseNo', link: true, cell: (d) => d.caseNo },
    intakeDate: { header: '登记日期', width: 96, sort: 'intakeDate', cell: (d) => d.intakeDate },
    source: { header: '来源', width: 100, cell: (d) => dicts.label('dispute_source', d.source) },
    category: { header: '类型', width: 104, sort: 'category', cell: (d) => dicts.label('dispute_category', d.category) },
    parties: { header: '当事人', width: 140, keep: true, cell: (d) => d.parties },
    applicants: { header: '申请人', width: 110, cell: (d) => d.applicants ?? '' },
    respondents: { header: '被申请人', width: 110, cell: (d) => d.respondents ?? '' },
    phones: { header: '电话', width: 130, cell: (d) => d.phones ?? '' },
    summary: { header: '简要情况', width: 220, cell: (d) => d.summary },
    village: { header: '村（社区）', width: 96, cell: (d) => d.villageName ?? '' },
    grid: { header: '网格', width: 100, cell: (d) => d.gridName ?? '' },
    people: {
      header: '涉及人数',
      width: 80,
      style: { textAlign: 'right' },
      cell: (d) => (d.peopleCount === null ? '' : String(d.peopleCount)),
    },
    amount: { header: '涉及金额（元）', width: 120, style: { textAlign: 'right' }, cell: (d) => money(d.amountYuan) },
    risk: { header: '风险等级', width: 88, cell: (d) => <RiskBadge level={d.riskLevel} /> },
    staff: { header: '承办人', width: 76, cell: (d) => d.staffName ?? '' },
    deadline: {
      header: '办理期限',
      width: 150,
      keep: true,
      sort: 'deadline',
      cell: (d) => (
        <>
          {d.deadline ?? ''}{' '}
          {d.overdue && (
            <Badge color="red" size="sm">
              超期
            </Badge>
          )}
        </>
      ),
    },
    status: { header: '状态', width: 84, keep: true, sort: 'status', cell: (d) => <StatusBadge status={d.status} /> },
    overdue: { header: '是否超期', width: 80, cell: (d) => (d.overdue ? '是' : '否') },
    outcome: { header: '化解结果', width: 84, cell: (d) => (d.outcome ? DISPUTE_STATUS_LABELS[d.outcome] : '') },
    closedDate: { header: '办结日期', width: 100, cell: (d) => d.closedDate ?? '' },
  };
  // Filters behind 更多筛选 that are set, for its badge.
  const moreSet = [f.source, f.villageId, f.staffId, f.dateFrom, f.dateTo, f.overdue, f.due7].filter(Boolean).length;

  return (
    <LedgerList
      module="disputes"
      title="矛盾纠纷排查登记"
      links={[
        { label: '排查活动', path: 'screening' },
        { label: '统计', path: 'stats' },
      ]}
      print={{
        fetchPage: (page, pageSize) => fetchDisputePage(filter, page, pageSize),
        subtitle: printSubtitle('登记日期', f.dateFrom, f.dateTo, ledger.filtered),
      }}
      // The register with exactly the filters, order and columns on screen, every page of it.
      exportFile={{ busy: download.busy, run: (chosen) => void download.run({ ...filter, columns: chosen }) }}
      create="登记纠纷"
      filters={{
        main: (
          <>
            <TextInput
              label="查找"
              placeholder="案号、当事人或简要情况"
              w={240}
              value={f.q}
              onChange={(e) => set('q', e.currentTarget.value)}
            />
            <MultiSelect
              label="状态"
              placeholder={f.status.length ? undefined : '全部'}
              w={220}
              data={DISPUTE_STATUSES.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s] }))}
              value={f.status}
              onChange={(v) => set('status', v as DisputeStatus[])}
              clearable
            />
            <FilterSelect
              label="纠纷类型"
              w={150}
              data={dicts.options('dispute_category')}
              value={f.category}
              onChange={(v) => set('category', v)}
              searchable
            />
            <ResetFilters ledger={ledger} label="清除筛选" />
          </>
        ),
        more: (
          <>
            <FilterSelect label="来源" w={150} data={dicts.options('dispute_source')} value={f.source} onChange={(v) => set('source', v)} />
            <FilterSelect
              label="村（社区）"
              w={150}
              data={villageOptions(villages.data)}
              value={f.villageId}
              onChange={(v) => set('villageId', v)}
              searchable
            />
            <FilterSelect label="承办人" w={130} data={staffOptions(staff.data)} value={f.staffId} onChange={(v) => set('staffId', v)} />
            <DateField label="登记日期从" w={140} value={f.dateFrom} onChange={(v) => set('dateFrom', v)} />
            <DateField label="至" w={140} value={f.dateTo} onChange={(v) => set('dateTo', v)} error={reversedRange(f.dateFrom, f.dateTo)} />
            <Switch label="仅看超期" mb={8} checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked)} />
            <Switch label="仅看7日内到期" mb={8} checked={f.due7} onChange={(e) => set('due7', e.currentTarget.checked)} />
          </>
        ),
        moreSet,
      }}
      list={list}
      unit="条"
      columns={columns}
      defaultColumns={DEFAULT_COLUMNS}
      sort={sort}
      ledger={ledger}
      empty={{
        title: ledger.filtered ? '没有符合筛选条件的纠纷' : '还没有登记纠纷',
        children: !ledger.filtered && <Text size="sm">点击右上角“登记纠纷”开始。</Text>,
      }}
      stickyHeader
    />
  );
}
