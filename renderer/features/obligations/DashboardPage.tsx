import { Alert, Anchor, Badge, Card, Grid, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { Link } from 'react-router';
import { daysBetween } from '../../../shared/dates';
import { labelOfEntity, moduleOfEntity } from '../../../shared/modules';
import type { DashboardItem } from '../../../shared/schemas/obligations';
import { errorMessage } from '../../api/client';
import { FilterSelect } from '../../components/FilterSelect';
import { EmptyState } from '../../components/EmptyState';
import { useUiModules } from '../../components/modules';
import { staffOptions, useStaff, useVillages, villageOptions } from '../reference/queries';
import { useDashboard } from './queries';

/** How far the item is from today, in the words the office uses. */
function when(item: DashboardItem, today: string): { text: string; color?: string } {
  const d = daysBetween(today, item.dueDate);
  if (d < 0) return { text: `逾期 ${-d} 天`, color: 'red' };
  if (d === 0) return { text: '今天到期', color: 'orange' };
  return { text: `还有 ${d} 天` };
}

function ItemList(props: {
  title: string;
  items: DashboardItem[];
  total: number;
  today: string;
  empty: string;
  color: string;
  testId: string;
}) {
  const { title, items, total, today, empty, color, testId } = props;
  const modules = useUiModules();
  return (
    <Card withBorder data-testid={testId}>
      <Group gap="xs" mb="xs">
        <Title order={5}>{title}</Title>
        <Badge variant="light" color={total ? color : 'gray'}>
          {total}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>模块</Table.Th>
                <Table.Th>事项</Table.Th>
                <Table.Th>对象</Table.Th>
                <Table.Th>责任人</Table.Th>
                <Table.Th>村（社区）</Table.Th>
                <Table.Th>到期日</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => {
                const w = when(i, today);
                return (
                  <Table.Tr key={i.id} data-testid="dashboard-item">
                    <Table.Td>
                      <Badge variant="light" color={modules[moduleOfEntity(i.module)!].color ?? undefined} size="sm">
                        {labelOfEntity(i.module)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={i.link}>
                        {i.label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{i.personName}</Table.Td>
                    <Table.Td>{i.responsibleName ?? ''}</Table.Td>
                    <Table.Td>{i.villageName ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{i.dueDate}</Text>
                        <Text size="xs" c={w.color ?? 'dimmed'} fw={w.color ? 600 : undefined}>
                          {w.text}
                        </Text>
                      </Group>
                      {i.originalDueDate && (
                        <Text size="xs" c="dimmed">
                          原到期日 {i.originalDueDate}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > items.length && (
        <Text size="xs" c="dimmed" mt="xs">
          仅列出最早的 {items.length} 项，共 {total} 项；可按责任人或村（社区）筛选。
        </Text>
      )}
    </Card>
  );
}

function CountTable({
  title,
  head,
  rows,
}: {
  title: string;
  head: string;
  rows: { key: string; name: string; overdue: number; dueSoon: number }[];
}) {
  return (
    <Card withBorder>
      <Title order={6} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          无
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{head}</Table.Th>
              <Table.Th ta="right">已逾期</Table.Th>
              <Table.Th ta="right">7日内到期</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined}>
                  {r.overdue}
                </Table.Td>
                <Table.Td ta="right">{r.dueSoon}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** 首页 工作台: what is overdue, what falls due this week, which terms end this month. */
/** The daily rebuild runs in the background; meanwhile the previous day's items stay listed. */
function RefreshProgress({ done, total }: { done: number; total: number }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Card withBorder padding="sm" data-testid="refreshing">
      <Text size="sm" mb={6}>
        正在按今天的日期更新待办事项{total > 0 ? `（${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 份）` : ''}
        ，完成前下面列的是上次更新的结果。
      </Text>
      <Progress value={pct} animated aria-label="待办事项更新进度" />
    </Card>
  );
}

export function DashboardPage() {
  const staff = useStaff(true);
  const villages = useVillages();
  const [staffId, setStaffId] = useState<string | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const q = useDashboard({ responsibleStaffId: staffId ?? undefined, villageId: villageId ?? undefined });
  const d = q.data;
  const nothing = d && !d.refreshing && d.overdueTotal === 0 && d.dueSoonTotal === 0 && d.termEnds.length === 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="baseline">
          <Title order={3}>工作台</Title>
          {d && (
            <Text c="dimmed" size="sm">
              今天 {d.today}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <FilterSelect label="包保/承办人" searchable w={200} data={staffOptions(staff.data)} value={staffId} onChange={setStaffId} />
          <FilterSelect
            label="村（社区）"
            searchable
            w={180}
            data={villageOptions(villages.data)}
            value={villageId}
            onChange={setVillageId}
          />
        </Group>
      </Group>
      {q.isLoading && <Loading>正在加载待办事项…</Loading>}
      {q.error && <Alert color="red">{errorMessage(q.error)}</Alert>}
      {d?.refreshing && <RefreshProgress {...d.refreshing} />}
      {d?.refreshError && (
        <Alert color="orange" title="待办事项未更新">
          {d.refreshError}
        </Alert>
      )}
      {d && d.overdueTotal > 0 && (
        <Alert color="red" variant="filled" title={`有 ${d.overdueTotal} 项已逾期`} data-testid="overdue-banner">
          逾期未走访即为脱管、漏管，请尽快办理。每项列的是该事项最早未办的一期，办理后在对应档案中记录即从这里消除：走访计入走访日期所在的月（季、年）；其前未走访的各期记为“漏访”，不再列为待办，但在档案中列明并计入走访完成率。确有正当理由未能办理的，可在档案中延期或免除并写明理由。
        </Alert>
      )}
      {nothing && <EmptyState title="近期没有到期事项">已逾期、7日内到期和30日内期满的事项会列在这里。</EmptyState>}
      {d && !nothing && (
        <>
          <ItemList
            title="已逾期"
            testId="overdue"
            color="red"
            items={d.overdue}
            total={d.overdueTotal}
            today={d.today}
            empty="没有逾期事项。"
          />
          <ItemList
            title="7日内到期"
            testId="due-soon"
            color="orange"
            items={d.dueSoon}
            total={d.dueSoonTotal}
            today={d.today}
            empty="7日内没有到期事项。"
          />
          <ItemList
            title="30日内期满"
            testId="term-ends"
            color="blue"
            items={d.termEnds}
            total={d.termEnds.length}
            today={d.today}
            empty="30日内没有期满的人员。"
          />
          <Grid>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <CountTable
                title="按模块"
                head="模块"
                rows={d.byModule.map((m) => ({
                  key: m.module,
                  name: labelOfEntity(m.module),
                  overdue: m.overdue,
                  dueSoon: m.dueSoon,
                }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <CountTable
                title="按责任人"
                head="责任人"
                rows={d.byStaff.map((s) => ({ key: s.staffId ?? '', name: s.name, overdue: s.overdue, dueSoon: s.dueSoon }))}
              />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
