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
  const breakdowns = s
    ? [
        { value: 'category', first: '纠纷类型', rows: s.byCategory },
        { value: 'source', first: '纠纷来源', rows: s.bySource },
        { value: 'village', first: '村（社区）', rows: s.byVillage },
        { value: 'level', first: '调处主体', rows: s.byLevel },
        { value: 'staff', first: '承办人', rows: s.byStaff },
        { value: 'month', first: '月份', rows: s.byMonth },
      ]
    : [];
  const source = (code: string) => s?.bySource.find((r) => r.key === code);
  const tickets = (code: string, name: string) => {
    const r = source(code);
    return <Figure label={name} value={`${r?.registered ?? 0} 件`} hint={`化解 ${r?.resolved ?? 0} 件，办理中 ${r?.open ?? 0} 件`} />;
  };
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
            <Figure
              label="排查次数"
              value={s.screening.count}
              hint={`${s.screening.villagesReported}/${s.screening.villages} 个村（社区）有排查记录，走访 ${s.screening.households} 户 ${s.screening.persons} 人，发现纠纷 ${s.screening.disputesFound} 件`}
            />
            {tickets('hotline12345', '12345热线工单')}
            {tickets('petition', '信访转办')}
            <Figure
              label="工单按时反馈率"
              value={formatRate(s.total.onTimeRate)}
              hint={`已反馈 ${s.total.fedBack} 件；${DISPUTE_STAT_DEFINITIONS.onTimeRate}`}
            />
            <Figure
              label="工单满意率"
              value={formatRate(s.total.satisfactionRate)}
              hint={`已评价 ${s.total.rated} 件；${DISPUTE_STAT_DEFINITIONS.satisfactionRate}`}
            />
            <Figure
              label="防止民转刑"
              value={`${s.total.preventedCriminal} 件 ${s.total.preventedCriminalPersons} 人`}
              hint={DISPUTE_STAT_DEFINITIONS.prevention}
            />
            <Figure label="防止群体性事件" value={`${s.total.preventedMass} 件 ${s.total.preventedMassPersons} 人`} />
          </SimpleGrid>
          <DisputeStatsCharts stats={s} />
          <Card withBorder>
            <Tabs defaultValue="category">
              <Tabs.List>
                {breakdowns.map((d) => (
                  <Tabs.Tab key={d.value} value={d.value}>
                    按{d.first}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {breakdowns.map((d) => (
                <Tabs.Panel key={d.value} value={d.value} pt="sm">
                  <Breakdown rows={d.rows} total={s.total} first={d.first} testId={`by-${d.value}`} />
                </Tabs.Panel>
              ))}
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
