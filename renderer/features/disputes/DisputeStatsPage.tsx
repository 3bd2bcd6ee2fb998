/**
 * 矛盾纠纷排查调处统计: for any period, counted over the disputes registered in it or over those whose
 * outcome fell in it, the figures the county asks for, each rate with its definition beside it, and
 * the breakdowns by category, source, village, person and month.
 */
import { Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DISPUTE_STAT_DEFINITIONS } from '../../../shared/domain/disputes-stats';
import { formatRate } from '../../../shared/domain/rates';
import {
  DISPUTE_STAT_BASES,
  DISPUTE_STAT_BASIS_LABELS,
  type DisputeStatBasis,
  type DisputeStatRow,
} from '../../../shared/schemas/disputes';
import { errorMessage } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Figure } from '../../components/Figure';
import { todayLocal } from '../../components/today';
import { DisputeStatsCharts } from './DisputeStatsCharts';
import { useDisputeStats } from './queries';

const money = (yuan: number) => yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** One breakdown as a table: every count and rate of each row, the total last. */
function Breakdown({ rows, total, first, testId }: { rows: DisputeStatRow[]; total: DisputeStatRow; first: string; testId: string }) {
  return (
    <Table striped withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th>登记</Table.Th>
          <Table.Th>受理</Table.Th>
          <Table.Th>调处</Table.Th>
          <Table.Th>化解</Table.Th>
          <Table.Th>未化解</Table.Th>
          <Table.Th>转办</Table.Th>
          <Table.Th>调处率</Table.Th>
          <Table.Th>化解率</Table.Th>
          <Table.Th>涉及金额（元）</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...rows, total].map((r) => (
          <Table.Tr key={r.key ?? `none-${r.label}`} fw={r === total ? 700 : undefined}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td>{r.registered}</Table.Td>
            <Table.Td>{r.accepted}</Table.Td>
            <Table.Td>{r.mediated}</Table.Td>
            <Table.Td>{r.resolved}</Table.Td>
            <Table.Td>{r.unresolved}</Table.Td>
            <Table.Td>{r.transferred}</Table.Td>
            <Table.Td>{formatRate(r.mediationRate)}</Table.Td>
            <Table.Td>{formatRate(r.resolutionRate)}</Table.Td>
            <Table.Td>{money(r.amountYuan)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DisputeStatsPage() {
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [basis, setBasis] = useState<DisputeStatBasis>('intake');
  const stats = useDisputeStats({ dateFrom: from, dateTo: to, basis });
  const s = stats.data;
  return (
    <Stack>
      <Title order={3}>矛盾纠纷排查调处统计</Title>
      <Group align="flex-end">
        <DateField label="统计期间从" withAsterisk value={from} onChange={setFrom} />
        <DateField label="至" withAsterisk value={to} onChange={setTo} error={from > to ? '结束日期不能早于开始日期' : undefined} />
        <SegmentedControl
          aria-label="统计口径"
          value={basis}
          onChange={(v) => setBasis(v as DisputeStatBasis)}
          data={DISPUTE_STAT_BASES.map((b) => ({ value: b, label: DISPUTE_STAT_BASIS_LABELS[b] }))}
        />
      </Group>
      {stats.error && <Text c="red">{errorMessage(stats.error)}</Text>}
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label="登记件数" value={s.total.registered} hint={DISPUTE_STAT_DEFINITIONS.registered} />
            <Figure label="受理件数" value={s.total.accepted} hint={`不予受理 ${s.total.rejected} 件`} />
            <Figure label="调处件数" value={s.total.mediated} />
            <Figure
              label="化解件数"
              value={s.total.resolved}
              hint={`未化解 ${s.total.unresolved} 件，转办 ${s.total.transferred} 件，办理中 ${s.total.open} 件`}
            />
            <Figure label="涉及金额（元）" value={money(s.total.amountYuan)} hint={`涉及人数 ${s.total.people} 人`} />
            <Figure label="调处率" value={formatRate(s.total.mediationRate)} hint={DISPUTE_STAT_DEFINITIONS.mediationRate} />
            <Figure label="化解率" value={formatRate(s.total.resolutionRate)} hint={DISPUTE_STAT_DEFINITIONS.resolutionRate} />
            <Figure
              label="化解率（按办结）"
              value={formatRate(s.total.resolutionRateOfHandled)}
              hint={DISPUTE_STAT_DEFINITIONS.resolutionRateOfHandled}
            />
          </SimpleGrid>
          <DisputeStatsCharts stats={s} />
          <Card withBorder>
            <Tabs defaultValue="category">
              <Tabs.List>
                <Tabs.Tab value="category">按纠纷类型</Tabs.Tab>
                <Tabs.Tab value="source">按纠纷来源</Tabs.Tab>
                <Tabs.Tab value="village">按村（社区）</Tabs.Tab>
                <Tabs.Tab value="staff">按承办人</Tabs.Tab>
                <Tabs.Tab value="month">按月份</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="category" pt="sm">
                <Breakdown rows={s.byCategory} total={s.total} first="纠纷类型" testId="by-category" />
              </Tabs.Panel>
              <Tabs.Panel value="source" pt="sm">
                <Breakdown rows={s.bySource} total={s.total} first="纠纷来源" testId="by-source" />
              </Tabs.Panel>
              <Tabs.Panel value="village" pt="sm">
                <Breakdown rows={s.byVillage} total={s.total} first="村（社区）" testId="by-village" />
              </Tabs.Panel>
              <Tabs.Panel value="staff" pt="sm">
                <Breakdown rows={s.byStaff} total={s.total} first="承办人" testId="by-staff" />
              </Tabs.Panel>
              <Tabs.Panel value="month" pt="sm">
                <Breakdown rows={s.byMonth} total={s.total} first="月份" testId="by-month" />
              </Tabs.Panel>
            </Tabs>
          </Card>
          <Text size="xs" c="dimmed">
            口径：{DISPUTE_STAT_BASIS_LABELS[s.basis]}统计。{DISPUTE_STAT_DEFINITIONS.accepted}；{DISPUTE_STAT_DEFINITIONS.mediated}；
            {DISPUTE_STAT_DEFINITIONS.resolved}；{DISPUTE_STAT_DEFINITIONS.amount}。
          </Text>
        </>
      )}
    </Stack>
  );
}
