/**
 * 首页 工作台, in the order a head of office reads it: what is overdue in each module, in the
 * module's own words; the counts by module and by person, each opening the records behind it; then
 * the items, one tab per module, each list showing its earliest few and more on request, so that a
 * module's overdue items are never hidden behind another's.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { labelOfEntity, moduleOfEntity, type DueModule } from '../../../shared/modules';
import type { Dashboard, DueList, ModuleDue, StaffDue } from '../../../shared/schemas/obligations';
import { errorMessage } from '../../api/client';
import { DaysLeft } from '../../components/DaysLeft';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { Loading } from '../../components/Loading';
import { useUiModules, type DueKind, type DueScope, type DueView, type UiModules } from '../../components/modules';
import { useStaffNames, useVillages, villageOptions } from '../reference/queries';
import { useDashboard } from './queries';
import { StartChecklist } from '../settings/StartChecklist';

/** Rows a list shows at first, and how many more each 显示更多 adds (up to what the host sent). */
const FIRST_ROWS = 10;
const MORE_ROWS = 20;
/** People listed in the counts before 显示全部. */
const FIRST_PEOPLE = 8;

type StaffNames = ReturnType<typeof useStaffNames>;

/** A module's words and links on the dashboard (every module with due items has them: renderer/components/modules.tsx). */
function dueView(modules: UiModules, module: DueModule): DueView {
  return modules[moduleOfEntity(module)!].due!;
}

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

/** What is overdue, one line per module in its own words (a dispute is 超期, a follow-up file 脱管、漏管). */
function OverdueBanner({ d }: { d: Dashboard }) {
  const modules = useUiModules();
  return (
    <Alert color="red" title={`有 ${d.overdueTotal} 项已逾期`} data-testid="overdue-banner">
      <Stack gap={4}>
        {d.modules
          .filter((m) => m.overdue.total > 0)
          .map((m) => (
            <Text size="sm" key={m.module} data-testid={`overdue-banner-${m.module}`}>
              {dueView(modules, m.module).overdue(m.overdue.total)}
            </Text>
          ))}
      </Stack>
    </Alert>
  );
}

/** Where a count opens: the module's ledger, filtered, or its tab below. */
type Open = (module: DueModule, staffId?: string | null) => void;

/**
 * One count, of records (files, disputes, cases: a file with two visits overdue counts once). It
 * opens the module's ledger filtered to exactly those records (仅看逾期 or 仅看7日内到期, the person,
 * the village) when the ledger has those filters, so that the number and the list agree; otherwise
 * the module's tab below on that person, where the items are listed. A count of nobody's records
 * opens nothing: no list filters by "nobody". Its name is the number, read with the table's headers
 * (person, module, 已逾期 or 7日内到期); the words are its title.
 */
function Count(props: {
  n: number;
  module: DueModule;
  kind: DueKind;
  /** undefined: everyone's (the 合计 row); null: nobody's. */
  staffId: string | null | undefined;
  who: string;
  scope: DueScope;
  onOpen: Open;
}) {
  const { n, module, kind, staffId, who, scope, onOpen } = props;
  const modules = useUiModules();
  const view = dueView(modules, module);
  const words = `${who}的${labelOfEntity(module)}${kind === 'overdue' ? '有逾期事项的' : '有7日内到期事项的'} ${n} ${view.unit}`;
  if (n === 0)
    return (
      <Text size="sm" c="dimmed" span>
        0
      </Text>
    );
  const style = { fontWeight: kind === 'overdue' ? 600 : undefined };
  const color = kind === 'overdue' ? 'red' : undefined;
  if (staffId === null)
    return (
      <Text size="sm" c={color} style={style} span title={`${words}：未指定责任人，在下方列表中查看`}>
        {n}
      </Text>
    );
  if (view.ledger)
    return (
      <Anchor
        component={Link}
        to={view.ledger(kind, { ...scope, staffId: staffId ?? scope.staffId })}
        size="sm"
        c={color}
        style={style}
        title={`${words}：打开台账`}
      >
        {n}
      </Anchor>
    );
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      c={color}
      style={style}
      title={`${words}：在下方列出`}
      onClick={() => onOpen(module, staffId)}
    >
      {n}
    </Anchor>
  );
}

/** One row's cells: for each module, its overdue count and its 7-day count. */
function CountCells(props: {
  counts: StaffDue['modules'];
  staffId: string | null | undefined;
  who: string;
  scope: DueScope;
  onOpen: Open;
}) {
  const { counts, ...whose } = props;
  return counts.flatMap((c) =>
    (['overdue', 'dueSoon'] as const).map((kind) => (
      <Table.Td key={`${c.module}-${kind}`} ta="right" data-testid={`count-${c.module}-${kind}`}>
        <Count n={c[kind]} module={c.module} kind={kind} {...whose} />
      </Table.Td>
    )),
  );
}

/** Counts by module (the 合计 row) and by person, overdue and due within 7 days, for each module. */
function DueCounts({ d, names, scope, onOpen }: { d: Dashboard; names: StaffNames; scope: DueScope; onOpen: Open }) {
  const modules = useUiModules();
  const [everyone, setEveryone] = useState(false);
  const people = everyone ? d.byStaff : d.byStaff.slice(0, FIRST_PEOPLE);
  return (
    <Card withBorder padding="sm" data-testid="due-counts">
      <Group justify="space-between" mb={4}>
        <Title order={5}>按模块和责任人</Title>
        <Text size="xs" c="dimmed" data-testid="due-counts-note">
          数字为重点人员（人）、纠纷和案件（件）的数目，一人一件有几项到期只计一次；点击数字打开已筛选好的台账，条数与数字一致。下方按事项逐项列出
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table withRowBorders verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>责任人</Table.Th>
              {d.modules.map((m) => (
                <Table.Th key={m.module} colSpan={2} ta="center">
                  <Badge variant="light" color={modules[moduleOfEntity(m.module)!].color ?? undefined}>
                    {labelOfEntity(m.module)}（{dueView(modules, m.module).unit}）
                  </Badge>
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {d.modules.flatMap((m) => [
                <Table.Th key={`${m.module}-o`} ta="right" fw={500}>
                  已逾期
                </Table.Th>,
                <Table.Th key={`${m.module}-s`} ta="right" fw={500}>
                  7日内到期
                </Table.Th>,
              ])}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr data-testid="due-counts-total" fw={600}>
              <Table.Td>合计</Table.Td>
              <CountCells
                counts={d.modules.map((m) => ({ module: m.module, ...m.records }))}
                staffId={undefined}
                who="全部"
                scope={scope}
                onOpen={onOpen}
              />
            </Table.Tr>
            {people.map((s) => {
              const who = s.staffId ? names.name(s.staffId, s.name) : s.name;
              return (
                <Table.Tr key={s.staffId ?? ''} data-testid="due-counts-person">
                  <Table.Td>{who}</Table.Td>
                  <CountCells counts={s.modules} staffId={s.staffId} who={who} scope={scope} onOpen={onOpen} />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {d.byStaff.length > FIRST_PEOPLE && (
        <Button variant="subtle" size="xs" mt={4} onClick={() => setEveryone(!everyone)}>
          {everyone ? `只看前 ${FIRST_PEOPLE} 人` : `显示全部 ${d.byStaff.length} 人`}
        </Button>
      )}
    </Card>
  );
}

/** One list of one module: its earliest rows, more on request, and what is left unlisted. */
function ItemList(props: {
  title: string;
  list: DueList;
  today: string;
  empty: string;
  color: string;
  testId: string;
  names: StaffNames;
  /** The module's ledger holding the same records, when it has the filter. */
  ledger?: string;
}) {
  const { title, list, today, empty, color, testId, names, ledger } = props;
  const [shown, setShown] = useState(FIRST_ROWS);
  const rows = list.items.slice(0, shown);
  const more = list.items.length - rows.length;
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs">
        <Title order={6}>{title}</Title>
        <Badge variant="light" color={list.total ? color : 'gray'}>
          {list.total}
        </Badge>
        {ledger && list.total > 0 && (
          <Anchor component={Link} to={ledger} size="xs">
            在台账中查看
          </Anchor>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>事项</Table.Th>
                <Table.Th>对象</Table.Th>
                <Table.Th w={150}>责任人</Table.Th>
                <Table.Th w={120}>村（社区）</Table.Th>
                <Table.Th w={210}>到期日</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id} data-testid="dashboard-item">
                  <Table.Td>
                    <Anchor component={Link} to={i.link} size="sm">
                      {i.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.personName}</Table.Td>
                  <Table.Td>{names.name(i.responsibleStaffId, i.responsibleName)}</Table.Td>
                  <Table.Td>{i.villageName ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{i.dueDate}</Text>
                      <DaysLeft today={today} due={i.dueDate} />
                    </Group>
                    {i.originalDueDate && (
                      <Text size="xs" c="dimmed">
                        原到期日 {i.originalDueDate}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more > 0 ? (
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setShown(shown + MORE_ROWS)}>
            显示更多（还有 {list.total - rows.length} 项）
          </Button>
        </Group>
      ) : (
        list.total > rows.length && (
          <Text size="xs" c="dimmed">
            仅列出最早的 {rows.length} 项，共 {list.total} 项；可按责任人或村（社区）筛选{ledger ? '，或在台账中查看全部' : ''}。
          </Text>
        )
      )}
    </Stack>
  );
}

/** A module's three lists, in the order they are read; term ends (follow-up files only) when there are any. */
const LISTS = [
  { key: 'overdue', title: '已逾期', testId: 'overdue', color: 'red', empty: '没有逾期事项。' },
  { key: 'dueSoon', title: '7日内到期', testId: 'due-soon', color: 'orange', empty: '7日内没有到期事项。' },
  { key: 'termEnds', title: '30日内期满', testId: 'term-ends', color: 'blue', empty: '' },
] as const;

/** One module's tab: its overdue items, those due within 7 days, its terms ending within 30 days. */
function ModuleItems({ m, today, names, scope }: { m: ModuleDue; today: string; names: StaffNames; scope: DueScope }) {
  const view = dueView(useUiModules(), m.module);
  return (
    <Stack gap="md" pt="sm">
      {LISTS.filter((l) => l.key !== 'termEnds' || m.termEnds.total > 0).map((l) => (
        <ItemList
          key={l.key}
          title={l.title}
          testId={l.testId}
          color={l.color}
          empty={l.empty}
          list={m[l.key]}
          today={today}
          names={names}
          ledger={l.key === 'termEnds' ? undefined : view.ledger?.(l.key, scope)}
        />
      ))}
      {view.note && (
        <Text size="xs" c="dimmed">
          {view.note}
        </Text>
      )}
    </Stack>
  );
}

/** The tab open at first: the first module with anything overdue, else due soon, else ending. */
function firstTab(d: Dashboard): DueModule {
  const by = (key: 'overdue' | 'dueSoon' | 'termEnds') => d.modules.find((m) => m[key].total > 0);
  return (by('overdue') ?? by('dueSoon') ?? by('termEnds') ?? d.modules[0]!).module;
}

function ModuleTab({ m }: { m: ModuleDue }) {
  const words = `${labelOfEntity(m.module)}：已逾期 ${m.overdue.total}，7日内到期 ${m.dueSoon.total}，30日内期满 ${m.termEnds.total}`;
  return (
    <Tabs.Tab value={m.module} aria-label={words}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {labelOfEntity(m.module)}
        </Text>
        <Badge size="sm" variant={m.overdue.total ? 'filled' : 'light'} color={m.overdue.total ? 'red' : 'gray'}>
          逾期 {m.overdue.total}
        </Badge>
        <Badge size="sm" variant="light" color={m.dueSoon.total ? 'orange' : 'gray'}>
          7日内 {m.dueSoon.total}
        </Badge>
        {m.termEnds.total > 0 && (
          <Badge size="sm" variant="light" color="blue">
            期满 {m.termEnds.total}
          </Badge>
        )}
      </Group>
    </Tabs.Tab>
  );
}

export function DashboardPage() {
  const names = useStaffNames();
  const villages = useVillages();
  const [staffId, setStaffId] = useState<string | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  // The tab the user chose; until then the first with anything overdue.
  const [tab, setTab] = useState<DueModule | null>(null);
  const items = useRef<HTMLDivElement>(null);
  const q = useDashboard({ responsibleStaffId: staffId ?? undefined, villageId: villageId ?? undefined });
  const d = q.data;
  const scope: DueScope = { staffId, villageId };
  const nothing = d && !d.refreshing && d.overdueTotal === 0 && d.dueSoonTotal === 0 && d.termEndsTotal === 0;
  const open: Open = (module, person) => {
    if (person) setStaffId(person);
    setTab(module);
    items.current?.scrollIntoView({ block: 'start' });
  };

  return (
    <Stack>
      <StartChecklist />
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
          <FilterSelect label="包保/承办人" searchable w={220} data={names.options(() => true)} value={staffId} onChange={setStaffId} />
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
      {d && d.overdueTotal > 0 && <OverdueBanner d={d} />}
      {nothing && <EmptyState title="近期没有到期事项">已逾期、7日内到期和30日内期满的事项会列在这里。</EmptyState>}
      {d && !nothing && (
        <>
          <DueCounts d={d} names={names} scope={scope} onOpen={open} />
          <Card withBorder padding="sm" ref={items} style={{ scrollMarginTop: 64 }}>
            <Tabs value={tab ?? firstTab(d)} onChange={(v) => v && setTab(v as DueModule)} keepMounted={false}>
              <Tabs.List>
                {d.modules.map((m) => (
                  <ModuleTab key={m.module} m={m} />
                ))}
              </Tabs.List>
              {d.modules.map((m) => (
                <Tabs.Panel key={m.module} value={m.module} data-testid={`due-${m.module}`}>
                  <ModuleItems m={m} today={d.today} names={names} scope={scope} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Card>
        </>
      )}
    </Stack>
  );
}
