import { Badge, Grid, Group, MultiSelect, Switch, Text, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../../shared/domain/disputes';
import type { DisputeRow } from '../../../shared/schemas/disputes';
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
  q: '',
};

export function DisputeListPage() {
  const dicts = useDicts();
  const villages = useVillages();
  const staff = useStaff(true);
  const ledger = useLedger(NO_FILTERS);
  // 仅看超期 and 承办人 from a link (the dashboard's counts).
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
    q: ledger.q || undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const list = useDisputeList({ ...filter, page: ledger.page, pageSize: 50 });

  const columns: LedgerColumn<DisputeRow, Sort>[] = [
    { header: '案号', sort: 'caseNo', link: true, cell: (d) => d.caseNo },
    { header: '登记日期', sort: 'intakeDate', cell: (d) => d.intakeDate },
    { header: '来源', cell: (d) => dicts.label('dispute_source', d.source) },
    { header: '类型', sort: 'category', cell: (d) => dicts.label('dispute_category', d.category) },
    { header: '当事人', cell: (d) => d.parties },
    { header: '村（社区）', cell: (d) => d.villageName ?? '' },
    { header: '状态', sort: 'status', cell: (d) => <StatusBadge status={d.status} /> },
    { header: '风险等级', cell: (d) => <RiskBadge level={d.riskLevel} /> },
    { header: '承办人', cell: (d) => d.staffName ?? '' },
    {
      header: '办理期限',
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
  ];

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
      // The register with exactly the filters and order on screen, every page of it.
      exportFile={{ busy: download.busy, run: () => void download.run(filter) }}
      create="登记纠纷"
      filters={
        <Grid gap="xs" mb="sm">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label="查找" placeholder="案号、当事人或简要情况" value={f.q} onChange={(e) => set('q', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <MultiSelect
              label="状态"
              placeholder="全部"
              data={DISPUTE_STATUSES.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s] }))}
              value={f.status}
              onChange={(v) => set('status', v as DisputeStatus[])}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect
              label="纠纷类型"
              data={dicts.options('dispute_category')}
              value={f.category}
              onChange={(v) => set('category', v)}
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect label="来源" data={dicts.options('dispute_source')} value={f.source} onChange={(v) => set('source', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect
              label="村（社区）"
              data={villageOptions(villages.data)}
              value={f.villageId}
              onChange={(v) => set('villageId', v)}
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect label="承办人" data={staffOptions(staff.data)} value={f.staffId} onChange={(v) => set('staffId', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateField label="登记日期从" value={f.dateFrom} onChange={(v) => set('dateFrom', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateField label="至" value={f.dateTo} onChange={(v) => set('dateTo', v)} error={reversedRange(f.dateFrom, f.dateTo)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Group h="100%" align="flex-end" pb={6}>
              <Switch label="仅看超期" checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked)} />
              <ResetFilters ledger={ledger} label="清除筛选" />
            </Group>
          </Grid.Col>
        </Grid>
      }
      list={list}
      unit="条"
      columns={columns}
      sort={sort}
      ledger={ledger}
      empty={{
        title: ledger.filtered ? '没有符合筛选条件的纠纷' : '还没有登记纠纷',
        children: !ledger.filtered && <Text size="sm">点击右上角“登记纠纷”开始。</Text>,
      }}
      minWidth={1100}
      stickyHeader
    />
  );
}
