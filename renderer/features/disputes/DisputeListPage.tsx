import {
  Anchor,
  Badge,
  Button,
  Center,
  Grid,
  Loader,
  Group,
  MultiSelect,
  Pagination,
  Select,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Input } from '../../../shared/contract';
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../../shared/domain/disputes';
import { errorMessage } from '../../api/client';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { useDicts, useStaff, useVillages, villageOptions } from '../reference/queries';
import { RiskBadge, StatusBadge } from './labels';
import { useDisputeLedgerFile } from './mutations';
import { useDisputeList } from './queries';
import { SortHeader } from '../../components/SortHeader';

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
  const navigate = useNavigate();
  const dicts = useDicts();
  const villages = useVillages();
  const staff = useStaff(true);
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>('intakeDate');
  const [dir, setDir] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(f.q.trim(), 300);
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
    q: q || undefined,
    sort,
    dir,
  };
  const list = useDisputeList({ ...filter, page, pageSize: 50 });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => {
    setF((x) => ({ ...x, [k]: v }));
    setPage(1);
  };
  const onSort = (field: Sort) => {
    if (field === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(field);
      setDir(field === 'intakeDate' ? 'desc' : 'asc');
    }
    setPage(1);
  };
  const filtered = JSON.stringify(f) !== JSON.stringify(NO_FILTERS);
  /** The register with exactly the filters and order on screen, every page of it. */
  const exportLedger = () => download.run(filter);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>矛盾纠纷排查登记</Title>
        <Group>
          <Button variant="default" onClick={exportLedger} loading={download.busy}>
            导出Excel
          </Button>
          <Button component={Link} to="/disputes/new">
            登记纠纷
          </Button>
        </Group>
      </Group>
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
          <Select
            label="纠纷类型"
            placeholder="全部"
            data={dicts.options('dispute_category')}
            value={f.category}
            onChange={(v) => set('category', v)}
            clearable
            searchable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="来源"
            placeholder="全部"
            data={dicts.options('dispute_source')}
            value={f.source}
            onChange={(v) => set('source', v)}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="村（社区）"
            placeholder="全部"
            data={villageOptions(villages.data)}
            value={f.villageId}
            onChange={(v) => set('villageId', v)}
            clearable
            searchable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="承办人"
            placeholder="全部"
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={f.staffId}
            onChange={(v) => set('staffId', v)}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <DateField label="登记日期从" value={f.dateFrom} onChange={(v) => set('dateFrom', v)} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <DateField label="至" value={f.dateTo} onChange={(v) => set('dateTo', v)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Group h="100%" align="flex-end" pb={6}>
            <Switch label="仅看超期" checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked)} />
            {filtered && (
              <Button variant="subtle" size="xs" onClick={() => setF(NO_FILTERS)}>
                清除筛选
              </Button>
            )}
          </Group>
        </Grid.Col>
      </Grid>
      {list.error && <Text c="red">{errorMessage(list.error)}</Text>}
      <Text size="sm" c="dimmed" mb={4}>
        共 {data?.total ?? 0} 条
      </Text>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped highlightOnHover withTableBorder stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="案号" field="caseNo" sort={sort} dir={dir} onSort={onSort} />
              <SortHeader label="登记日期" field="intakeDate" sort={sort} dir={dir} onSort={onSort} />
              <Table.Th>来源</Table.Th>
              <SortHeader label="类型" field="category" sort={sort} dir={dir} onSort={onSort} />
              <Table.Th>当事人</Table.Th>
              <Table.Th>村（社区）</Table.Th>
              <SortHeader label="状态" field="status" sort={sort} dir={dir} onSort={onSort} />
              <Table.Th>风险等级</Table.Th>
              <Table.Th>承办人</Table.Th>
              <SortHeader label="办理期限" field="deadline" sort={sort} dir={dir} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.rows.map((d) => (
              <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/disputes/${d.id}`)}>
                <Table.Td>
                  <Anchor component={Link} to={`/disputes/${d.id}`} onClick={(e) => e.stopPropagation()}>
                    {d.caseNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.intakeDate}</Table.Td>
                <Table.Td>{dicts.label('dispute_source', d.source)}</Table.Td>
                <Table.Td>{dicts.label('dispute_category', d.category)}</Table.Td>
                <Table.Td>{d.parties}</Table.Td>
                <Table.Td>{d.villageName ?? ''}</Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>
                  <RiskBadge level={d.riskLevel} />
                </Table.Td>
                <Table.Td>{d.staffName ?? ''}</Table.Td>
                <Table.Td>
                  {d.deadline ?? ''}{' '}
                  {d.overdue && (
                    <Badge color="red" size="sm">
                      超期
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label="正在加载" />
        </Center>
      )}
      {data && data.rows.length === 0 && (
        <EmptyState title={filtered ? '没有符合筛选条件的纠纷' : '还没有登记纠纷'}>
          {!filtered && <Text size="sm">点击右上角“登记纠纷”开始。</Text>}
        </EmptyState>
      )}
      {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} />}
    </>
  );
}
