import { Anchor, Badge, Button, Grid, Group, Pagination, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Input } from '../../../shared/contract';
import {
  AGREEMENT_FORM_LABELS,
  CASE_OPEN_LABEL,
  CASE_ORIGIN_LABELS,
  CASE_OUTCOMES,
  CASE_OUTCOME_LABELS,
  CONFIRMATION_LABELS,
  MEDIATING_BODIES,
  MEDIATING_BODY_LABELS,
  PERFORMANCE_STATES,
  PERFORMANCE_STATE_LABELS,
} from '../../../shared/domain/mediation';
import { EmptyState } from '../../components/EmptyState';
import { staffOptions, useDicts, useStaff } from '../reference/queries';
import { OutcomeBadge, PerformanceBadge } from './labels';
import { useMediationLedgerFile } from './mutations';
import { useMediationList } from './queries';
import { DateField } from '../../components/DateField';

type ListInput = Input<'mediation.list'>;
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** 人民调解案件台账. */
export function MediationListPage() {
  const navigate = useNavigate();
  const dicts = useDicts();
  const staff = useStaff(true);
  const [f, setF] = useState<Omit<ListInput, 'page' | 'pageSize'>>({});
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const filter = { ...f, q: debounced || undefined };
  const list = useMediationList({ ...filter, page, pageSize: 50 });
  const download = useMediationLedgerFile();
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const set = (patch: Partial<ListInput>) => {
    setF((x) => ({ ...x, ...patch }));
    setPage(1);
  };
  const none = (v: string | null) => v ?? undefined;
  /** The ledger with exactly the filters on screen, every page of it. */
  const exportLedger = () => download.run(filter);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>人民调解案件台账</Title>
        <Group>
          <Button variant="default" component={Link} to="/mediation/stats">
            统计
          </Button>
          <Button variant="default" onClick={exportLedger} loading={download.busy}>
            导出Excel
          </Button>
          <Button component={Link} to="/mediation/new">
            新建调解案件
          </Button>
        </Group>
      </Group>
      <Grid gap="xs" mb="sm">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput
            label="查找"
            placeholder="卷宗号、当事人或案情"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <DateField label="受理日期从" value={f.dateFrom ?? ''} onChange={(v) => set({ dateFrom: v || undefined })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <DateField label="至" value={f.dateTo ?? ''} onChange={(v) => set({ dateTo: v || undefined })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="纠纷类型"
            placeholder="全部"
            clearable
            searchable
            data={dicts.options('dispute_category')}
            value={f.category ?? null}
            onChange={(v) => set({ category: none(v) })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="调解组织"
            placeholder="全部"
            clearable
            data={opts(MEDIATING_BODIES, MEDIATING_BODY_LABELS)}
            value={f.mediatingBody ?? null}
            onChange={(v) => set({ mediatingBody: none(v) as ListInput['mediatingBody'] })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="调解员"
            placeholder="全部"
            clearable
            searchable
            data={staffOptions(staff.data)}
            value={f.mediatorId ?? null}
            onChange={(v) => set({ mediatorId: none(v) })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="调解结果"
            placeholder="全部"
            clearable
            data={[{ value: 'open', label: CASE_OPEN_LABEL }, ...opts(CASE_OUTCOMES, CASE_OUTCOME_LABELS)]}
            value={f.outcome ?? null}
            onChange={(v) => set({ outcome: none(v) as ListInput['outcome'] })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="履行情况"
            placeholder="全部"
            clearable
            data={opts(PERFORMANCE_STATES, PERFORMANCE_STATE_LABELS)}
            value={f.performance ?? null}
            onChange={(v) => set({ performance: none(v) as ListInput['performance'] })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="司法确认"
            placeholder="全部"
            clearable
            data={opts(['none', 'applied', 'granted'] as const, CONFIRMATION_LABELS)}
            value={f.confirmation ?? null}
            onChange={(v) => set({ confirmation: none(v) as ListInput['confirmation'] })}
          />
        </Grid.Col>
      </Grid>
      <Text size="sm" c="dimmed" mb={4}>
        共 {data?.total ?? 0} 件
      </Text>
      <Table.ScrollContainer minWidth={1150}>
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>卷宗号</Table.Th>
              <Table.Th>受理日期</Table.Th>
              <Table.Th>来源</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>当事人</Table.Th>
              <Table.Th>调解员</Table.Th>
              <Table.Th>调解组织</Table.Th>
              <Table.Th>结果</Table.Th>
              <Table.Th>协议</Table.Th>
              <Table.Th>履行</Table.Th>
              <Table.Th>司法确认</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.rows.map((r) => (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/mediation/${r.id}`)}>
                <Table.Td>
                  <Anchor component={Link} to={`/mediation/${r.id}`} onClick={(e) => e.stopPropagation()}>
                    {r.caseNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.acceptedDate}</Table.Td>
                <Table.Td>{CASE_ORIGIN_LABELS[r.origin]}</Table.Td>
                <Table.Td>{dicts.label('dispute_category', r.category)}</Table.Td>
                <Table.Td>{r.parties}</Table.Td>
                <Table.Td>{r.mediators}</Table.Td>
                <Table.Td>{MEDIATING_BODY_LABELS[r.mediatingBody]}</Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={r.outcome} />
                </Table.Td>
                <Table.Td>{r.agreementForm ? AGREEMENT_FORM_LABELS[r.agreementForm] : ''}</Table.Td>
                <Table.Td>
                  <PerformanceBadge state={r.performance} />{' '}
                  {r.performanceOverdue && (
                    <Badge color="red" size="sm">
                      逾期
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{r.agreementForm ? CONFIRMATION_LABELS[r.confirmation] : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.rows.length === 0 && (
        <EmptyState title="没有符合条件的调解案件">在纠纷登记详情页点“转入人民调解”，或点右上角“新建调解案件”。</EmptyState>
      )}
      {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} />}
    </>
  );
}
