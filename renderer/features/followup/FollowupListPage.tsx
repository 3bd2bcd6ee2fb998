import { Anchor, Badge, Button, Grid, Group, Pagination, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { groupText } from '../../../shared/domain/followup-rules';
import { Link, useNavigate } from 'react-router';
import type { Input } from '../../../shared/contract';
import type { FollowupGroup } from '../../../shared/domain/followup-rules';
import {
  FOLLOWUP_STATUSES,
  FOLLOWUP_STATUS_LABELS,
  LEVELS,
  levelLabel,
  type FollowupLevel,
  type FollowupStatus,
} from '../../../shared/schemas/followup';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { staffOptions, useStaff, useVillages, villageOptions } from '../reference/queries';
import { FollowupStatusBadge, groupOptions, LevelBadge, levelOptions } from './labels';
import { useFollowupLedgerFile } from './mutations';
import { useFollowupList } from './queries';
import { SortHeader } from '../../components/SortHeader';

type ListInput = Input<'followup.list'>;
type Sort = NonNullable<ListInput['sort']>;

interface Filters {
  group: FollowupGroup | null;
  level: FollowupLevel | null;
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
  status: 'active',
  villageId: null,
  responsibleStaffId: null,
  overdue: false,
  q: '',
};

/** 重点人员台账: one row per file, soonest visit first. */
export function FollowupListPage() {
  const navigate = useNavigate();
  const villages = useVillages();
  const staff = useStaff(true);
  const [f, setF] = useState<Filters>(DEFAULT_FILTERS);
  const [sort, setSort] = useState<Sort>('nextDueDate');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(f.q.trim(), 300);
  const filter: Input<'followup.exportLedger'> = {
    group: f.group ?? undefined,
    level: f.level ?? undefined,
    status: f.status ?? undefined,
    villageId: f.villageId ?? undefined,
    responsibleStaffId: f.responsibleStaffId ?? undefined,
    overdue: f.overdue || undefined,
    q: q || undefined,
    sort,
    dir,
  };
  const list = useFollowupList({ ...filter, page, pageSize: 50 });
  const download = useFollowupLedgerFile();
  /** The ledger with exactly the filters on screen, every page of it. */
  const exportLedger = () => download.run(filter);
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
      setDir(field === 'startDate' ? 'desc' : 'asc');
    }
    setPage(1);
  };
  const filtered = JSON.stringify(f) !== JSON.stringify(DEFAULT_FILTERS);
  // Without a group both scales are offered; with one, only its own.
  const levels = f.group ? levelOptions(f.group) : LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>重点人员台账</Title>
        <Group>
          <Button variant="default" component={Link} to="/followup/stats">
            统计
          </Button>
          <Button variant="default" component={Link} to="/followup/plan">
            走访计划表
          </Button>
          <Button variant="default" onClick={exportLedger} loading={download.busy}>
            导出Excel
          </Button>
          <Button component={Link} to="/followup/new">
            新建档案
          </Button>
        </Group>
      </Group>
      <Grid gap="xs" mb="sm">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput label="查找" placeholder="姓名" value={f.q} onChange={(e) => set('q', e.currentTarget.value)} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="人员类别"
            placeholder="全部"
            clearable
            data={groupOptions}
            value={f.group}
            onChange={(v) => {
              setF((x) => ({ ...x, group: v as FollowupGroup | null, level: null }));
              setPage(1);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="风险等级"
            placeholder="全部"
            clearable
            data={levels}
            value={f.level}
            onChange={(v) => set('level', v as FollowupLevel | null)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="管理状态"
            placeholder="全部"
            clearable
            data={FOLLOWUP_STATUSES.map((s) => ({ value: s, label: FOLLOWUP_STATUS_LABELS[s] }))}
            value={f.status}
            onChange={(v) => set('status', v as FollowupStatus | null)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="村（社区）"
            placeholder="全部"
            clearable
            searchable
            data={villageOptions(villages.data)}
            value={f.villageId}
            onChange={(v) => set('villageId', v)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="包保责任人"
            placeholder="全部"
            clearable
            searchable
            data={staffOptions(staff.data)}
            value={f.responsibleStaffId}
            onChange={(v) => set('responsibleStaffId', v)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Group h="100%" align="flex-end" pb={6}>
            <Switch label="仅看逾期" checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked)} />
            {filtered && (
              <Button variant="subtle" size="xs" onClick={() => setF(DEFAULT_FILTERS)}>
                恢复默认筛选
              </Button>
            )}
          </Group>
        </Grid.Col>
      </Grid>
      {list.error && <Text c="red">{errorMessage(list.error)}</Text>}
      <Text size="sm" c="dimmed" mb={4}>
        共 {data?.total ?? 0} 人
      </Text>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped highlightOnHover withTableBorder stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="姓名" field="name" sort={sort} dir={dir} onSort={onSort} />
              <Table.Th>公民身份号码</Table.Th>
              <Table.Th>类别</Table.Th>
              <Table.Th>等级</Table.Th>
              <Table.Th>包保责任人</Table.Th>
              <Table.Th>村（社区）</Table.Th>
              <SortHeader label="建档日期" field="startDate" sort={sort} dir={dir} onSort={onSort} />
              <Table.Th>状态</Table.Th>
              <SortHeader label="下次走访" field="nextDueDate" sort={sort} dir={dir} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.rows.map((r) => (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/followup/${r.id}`)}>
                <Table.Td>
                  <Anchor component={Link} to={`/followup/${r.id}`} onClick={(e) => e.stopPropagation()}>
                    {r.personName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.idNumberMasked ?? ''}</Table.Td>
                <Table.Td>{groupText(r.group, r.groupName)}</Table.Td>
                <Table.Td>
                  <LevelBadge level={r.level} />
                </Table.Td>
                <Table.Td>{r.responsibleName}</Table.Td>
                <Table.Td>{r.villageName ?? ''}</Table.Td>
                <Table.Td>{r.startDate}</Table.Td>
                <Table.Td>
                  <FollowupStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>
                  {r.overdue ? (
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
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.rows.length === 0 && (
        <EmptyState title={filtered ? '没有符合条件的重点人员' : '还没有在管的重点人员档案'}>
          {filtered ? '可放宽筛选条件再试。' : '点右上角“新建档案”，从人员库选人建立一人一档。'}
        </EmptyState>
      )}
      {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} />}
    </>
  );
}
