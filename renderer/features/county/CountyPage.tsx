/**
 * 县级汇总: the packages townships hand in, each verified before anything is read and replacing that
 * township's package for its period; who has not reported the period; the townships' statistics side by
 * side (each counted by the township as its own statistics page counts it); the combined ledgers with a
 * township column, and the combined .xlsx. A package whose audit history no longer extends the township's
 * earlier package is marked, with the reason.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Pagination,
  PasswordInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { PathInput } from '../../components/PathInput';
import { useState } from 'react';
import { formatRate } from '../../../shared/domain/rates';
import { formatInstant } from '../../../shared/instants';
import { MODULE_INFO, MODULES, type ModuleName } from '../../../shared/modules';
import {
  CHAIN_STATE_LABELS,
  COUNTY_PAGE_SIZE,
  CountyTownshipsInput,
  ReceivePackageInput,
  type ChainState,
  type CountyOverview,
  type CountyStatsRow,
} from '../../../shared/schemas/county';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { useZodForm } from '../../components/useZodForm';
import { useCountyLedgerFile, useReceivePackage, useSaveTownships } from './mutations';
import { useCountyList, useCountyOverview, useCountyStats } from './queries';

const CHAIN_COLORS: Record<ChainState, string> = { first: 'gray', extends: 'green', rewritten: 'red', unknown: 'yellow' };
const nowrap = { whiteSpace: 'nowrap' } as const;

function ReceiveForm() {
  const form = useZodForm({ schema: ReceivePackageInput, initialValues: { folder: '', password: '' } });
  const receive = useReceivePackage(form);
  const submit = form.onSubmit(async (v) => {
    const r = await receive.run(v, (x) => `${x.township} ${x.periodLabel}${x.replaced ? '（已替换此前收到的同期上报包）' : ''}`);
    // The next package is usually another township's with the same password: the folder alone is cleared.
    if (r) {
      form.setFieldValue('folder', '');
      form.resetDirty({ ...form.values, folder: '' });
    }
  });
  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false} data-testid="receive-form">
      <Group align="flex-end">
        <PathInput
          kind="folder"
          label="上报包文件夹"
          placeholder="E:\上报包_高寨乡_2024-06_20240701-090000"
          w={460}
          {...form.getInputProps('folder')}
        />
        <PasswordInput label="密码" w={200} {...form.getInputProps('password')} />
        <Button type="submit" loading={receive.saving}>
          校验并接收
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        接收前先校验密码、校验标签、每个文件的 SHA-256 和数据的完整性；任何一项不通过都不会接收，并说明原因。
      </Text>
    </PageForm>
  );
}

function Packages({ overview }: { overview: CountyOverview }) {
  const rewritten = overview.packages.filter((p) => p.chain === 'rewritten');
  return (
    <Stack gap="sm">
      {overview.missing.length > 0 && (
        <Alert color="orange" title={`${overview.period?.label ?? '本期'}未上报的乡镇（${overview.missing.length}）`} data-testid="missing">
          {overview.missing.join('、')}
        </Alert>
      )}
      {rewritten.map((p) => (
        <Alert key={p.id} color="red" title={`${p.township}：历史记录被改写`}>
          {p.chainNote}
        </Alert>
      ))}
      <Table striped withTableBorder data-testid="county-packages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>乡镇</Table.Th>
            <Table.Th>期间</Table.Th>
            <Table.Th>台账</Table.Th>
            <Table.Th>生成时间</Table.Th>
            <Table.Th>接收时间</Table.Th>
            <Table.Th>审计记录</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.packages.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td style={nowrap}>{p.township}</Table.Td>
              <Table.Td style={nowrap}>{p.periodLabel}</Table.Td>
              <Table.Td>{p.ledgers.map((l) => `${MODULE_INFO[l.module as ModuleName]?.label ?? l.module} ${l.rows}`).join('，')}</Table.Td>
              <Table.Td style={nowrap}>{formatInstant(p.createdAt)}</Table.Td>
              <Table.Td style={nowrap}>
                {formatInstant(p.receivedAt)} {p.receivedBy}
              </Table.Td>
              <Table.Td style={{ ...nowrap, minWidth: 110 }}>
                <Tooltip label={p.chainNote ?? `共 ${p.auditRows} 条`} multiline w={320}>
                  <Badge color={CHAIN_COLORS[p.chain]} variant="light">
                    {CHAIN_STATE_LABELS[p.chain]}
                  </Badge>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function figure(r: Pick<CountyStatsRow, 'kind'>, v: number | null): string {
  if (r.kind === 'rate') return formatRate(v);
  if (v === null) return '—';
  return r.kind === 'money' ? v.toFixed(2) : String(v);
}

function Stats({ period }: { period: string }) {
  const stats = useCountyStats(period);
  if (stats.isLoading) return <Loading center>正在汇总…</Loading>;
  if (stats.error || !stats.data) return <Text c="red">{errorMessage(stats.error)}</Text>;
  const { townships, rows } = stats.data;
  if (rows.length === 0) return <EmptyState title="本期上报包中没有统计指标" />;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder withColumnBorders data-testid="county-stats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>业务</Table.Th>
            <Table.Th>指标</Table.Th>
            {townships.map((t) => (
              <Table.Th key={t} style={{ ...nowrap, textAlign: 'right' }}>
                {t}
              </Table.Th>
            ))}
            <Table.Th style={{ textAlign: 'right' }}>合计</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.module}:${r.label}`}>
              <Table.Td style={nowrap}>{r.moduleLabel}</Table.Td>
              <Table.Td style={nowrap}>
                <Tooltip label={r.definition} multiline w={360}>
                  <span>{r.label}</span>
                </Tooltip>
              </Table.Td>
              {r.values.map((v, i) => (
                <Table.Td key={townships[i]} style={{ textAlign: 'right' }}>
                  {figure(r, v)}
                </Table.Td>
              ))}
              <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{r.kind === 'rate' ? '—' : figure(r, r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        每个乡镇的数字由该乡镇的程序按其统计页面的口径计算；比率不相加（各乡镇分母不同），鼠标指向指标可看口径。
      </Text>
    </Table.ScrollContainer>
  );
}

function Ledger({ overview }: { overview: CountyOverview }) {
  const period = overview.period!.key;
  const present = MODULES.filter((m) => overview.packages.some((p) => p.ledgers.some((l) => l.module === m)));
  const [module, setModule] = useState<ModuleName>(present.includes('disputes') ? 'disputes' : (present[0] ?? 'disputes'));
  const [township, setTownship] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useCountyList({ period, module, township: township ?? undefined, q: q.trim() || undefined, page });
  const file = useCountyLedgerFile();
  const data = list.data;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="台账"
          w={180}
          allowDeselect={false}
          data={present.map((m) => ({ value: m, label: MODULE_INFO[m].label }))}
          value={module}
          onChange={(v) => {
            if (v) setModule(v as ModuleName);
            setPage(1);
          }}
        />
        <Select
          label="乡镇"
          w={160}
          clearable
          placeholder="全部"
          data={overview.packages.map((p) => p.township)}
          value={township}
          onChange={(v) => {
            setTownship(v);
            setPage(1);
          }}
        />
        <TextInput
          label="查找"
          placeholder="姓名或当事人的开头"
          w={200}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Button variant="default" loading={file.busy} onClick={() => void file.run({ period, module })}>
          导出汇总台账
        </Button>
      </Group>
      {list.isLoading || !data ? (
        list.error ? (
          <Text c="red">{errorMessage(list.error)}</Text>
        ) : (
          <Loading center>正在读取…</Loading>
        )
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {q.trim()
              ? `找到 ${data.total}${data.capped ? '+' : ''} 条（只列出前 ${COUNTY_PAGE_SIZE} 条）`
              : `共 ${data.total.toLocaleString('zh-CN')} 条`}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder data-testid="county-ledger">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={nowrap}>乡镇</Table.Th>
                  {data.columns.map((c) => (
                    <Table.Th key={c} style={nowrap}>
                      {c}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one page have no id of their own; the page is replaced whole.
                  <Table.Tr key={i}>
                    <Table.Td style={nowrap}>{r.township}</Table.Td>
                    {r.cells.map((c, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are positional.
                      <Table.Td key={j} style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {c ?? ''}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {!q.trim() && data.total > COUNTY_PAGE_SIZE && (
            <Pagination total={Math.ceil(data.total / COUNTY_PAGE_SIZE)} value={page} onChange={setPage} />
          )}
        </>
      )}
    </Stack>
  );
}

function Townships({ expected }: { expected: string[] }) {
  const form = useZodForm({
    schema: CountyTownshipsInput,
    initialValues: { text: expected.join('\n') },
    toInput: (v) => ({
      townships: v.text
        .split(/\n/)
        .map((t) => t.trim())
        .filter(Boolean),
    }),
  });
  const save = useSaveTownships(form);
  return (
    <PageForm
      form={form}
      onSubmit={form.onSubmit(
        (v) =>
          void save.run(
            {
              townships: v.text
                .split(/\n/)
                .map((t) => t.trim())
                .filter(Boolean),
            },
            '已保存应上报乡镇',
          ),
      )}
      autoFocus={false}
    >
      <Stack maw={400}>
        <Textarea
          label="应上报的乡镇"
          description="每行一个；用于列出本期未上报的乡镇"
          autosize
          minRows={6}
          {...form.getInputProps('text')}
        />
        <Group>
          <Button type="submit" loading={save.saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </PageForm>
  );
}

export function CountyPage() {
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const overview = useCountyOverview(period);
  return (
    <Stack>
      <Title order={2}>县级汇总</Title>
      <ReceiveForm />
      {overview.isLoading ? (
        <Loading center>正在读取…</Loading>
      ) : overview.error || !overview.data ? (
        <Text c="red">{errorMessage(overview.error)}</Text>
      ) : (
        <Stack>
          <Group>
            <Select
              label="期间"
              w={200}
              allowDeselect={false}
              placeholder="还没有收到上报包"
              data={overview.data.periods.map((p) => ({ value: p.key, label: p.label }))}
              value={overview.data.period?.key ?? null}
              onChange={(v) => setPeriod(v ?? undefined)}
            />
          </Group>
          <Tabs defaultValue={overview.data.period ? 'packages' : 'townships'} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="packages">已收上报包</Tabs.Tab>
              <Tabs.Tab value="stats" disabled={!overview.data.period}>
                汇总统计
              </Tabs.Tab>
              <Tabs.Tab value="ledger" disabled={!overview.data.period}>
                汇总台账
              </Tabs.Tab>
              <Tabs.Tab value="townships">应上报乡镇</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="packages" pt="md">
              {overview.data.period ? <Packages overview={overview.data} /> : <EmptyState title="还没有收到上报包" />}
            </Tabs.Panel>
            <Tabs.Panel value="stats" pt="md">
              {overview.data.period && <Stats period={overview.data.period.key} />}
            </Tabs.Panel>
            <Tabs.Panel value="ledger" pt="md">
              {overview.data.period && <Ledger key={overview.data.period.key} overview={overview.data} />}
            </Tabs.Panel>
            <Tabs.Panel value="townships" pt="md">
              <Townships expected={overview.data.expected} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Stack>
  );
}
