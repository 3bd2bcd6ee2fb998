/**
 * 人民调解统计: for any period, counted over the cases accepted in it (as the annual reports count a
 * year's cases) or over those closed in it, with both denominators of the success rate labelled, every
 * rate's definition beside it, charts, and the breakdowns by category, mediating body and source.
 */
import { Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  CASE_ORIGIN_LABELS,
  MEDIATING_BODY_LABELS,
  MEDIATION_STAT_BASES,
  MEDIATION_STAT_BASIS_LABELS,
  STAT_DEFINITIONS,
  type CaseOrigin,
  type MediatingBody,
  type MediationStatBasis,
} from '../../../shared/domain/mediation';
import { formatRate } from '../../../shared/domain/rates';
import type { MediationStatRow } from '../../../shared/schemas/mediation';
import { errorMessage } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Figure } from '../../components/Figure';
import { todayLocal } from '../../components/today';
import { useDicts } from '../reference/queries';
import { MediationStatsCharts } from './MediationStatsCharts';
import { useMediationStats } from './queries';

const money = (yuan: number) => yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** One breakdown as a table: the counted cases, those with an outcome, the successes and the rate. */
function Breakdown({
  rows,
  first,
  counted,
  label,
  testId,
}: {
  rows: MediationStatRow[];
  first: string;
  counted: string;
  label: (key: string) => string;
  testId: string;
}) {
  return (
    <Table striped withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th>{counted}</Table.Th>
          <Table.Th>已调解</Table.Th>
          <Table.Th>调解成功</Table.Th>
          <Table.Th>调解成功率</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text size="sm" c="dimmed">
                本期无数据
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{label(r.key)}</Table.Td>
            <Table.Td>{r.counted}</Table.Td>
            <Table.Td>{r.mediated}</Table.Td>
            <Table.Td>{r.successful}</Table.Td>
            <Table.Td>{formatRate(r.successRate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function MediationStatsPage() {
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [basis, setBasis] = useState<MediationStatBasis>('accepted');
  const dicts = useDicts();
  const stats = useMediationStats({ dateFrom: from, dateTo: to, basis });
  const s = stats.data;
  const counted = s?.basis === 'closed' ? '结案' : '受理';
  const breakdowns = s
    ? [
        { value: 'body', first: '调解组织', rows: s.byBody, label: (k: string) => MEDIATING_BODY_LABELS[k as MediatingBody] ?? k },
        { value: 'origin', first: '案件来源', rows: s.byOrigin, label: (k: string) => CASE_ORIGIN_LABELS[k as CaseOrigin] ?? k },
        { value: 'category', first: '纠纷类型', rows: s.byCategory, label: (k: string) => dicts.label('dispute_category', k) },
      ]
    : [];
  return (
    <Stack>
      <Title order={3}>人民调解统计</Title>
      <Group align="flex-end">
        <DateField label="统计期间从" withAsterisk value={from} onChange={setFrom} />
        <DateField label="至" withAsterisk value={to} onChange={setTo} error={from > to ? '结束日期不能早于开始日期' : undefined} />
        <SegmentedControl
          aria-label="统计口径"
          value={basis}
          onChange={(v) => setBasis(v as MediationStatBasis)}
          data={MEDIATION_STAT_BASES.map((b) => ({ value: b, label: MEDIATION_STAT_BASIS_LABELS[b] }))}
        />
      </Group>
      {stats.error && <Text c="red">{errorMessage(stats.error)}</Text>}
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label="受理件数" value={s.accepted} hint="期间内受理的案件" />
            <Figure
              label="已调解件数"
              value={s.mediated}
              hint={s.basis === 'closed' ? '期间内结案（成功、不成、终止）' : '期间内受理、已有结果（成功、不成、终止）'}
            />
            <Figure label="调解成功件数" value={s.successful} />
            <Figure
              label="调解不成、终止"
              value={`${s.failed}、${s.terminated}`}
              hint={s.basis === 'accepted' ? `调解中 ${s.open} 件` : undefined}
            />
            <Figure label="调解成功率" value={formatRate(s.successRate)} hint={STAT_DEFINITIONS.successRate} />
            <Figure
              label="调解成功率（按受理）"
              value={formatRate(s.successRateOfAccepted)}
              hint={STAT_DEFINITIONS.successRateOfAccepted}
            />
            <Figure label="书面协议、口头协议" value={`${s.written}、${s.oral}`} hint="调解成功案件的协议形式" />
            <Figure label="协议履行率" value={formatRate(s.performanceRate)} hint={STAT_DEFINITIONS.performanceRate} />
            <Figure label="协议金额（元）" value={money(s.agreementAmountYuan)} hint={STAT_DEFINITIONS.agreementAmount} />
            <Figure label="争议金额（元）" value={money(s.disputedAmountYuan)} hint={STAT_DEFINITIONS.disputedAmount} />
            <Figure label="申请司法确认" value={s.confirmationsApplied} hint={`确认有效 ${s.confirmationsGranted} 件`} />
            <Figure label="司法确认率" value={formatRate(s.confirmationRate)} hint={STAT_DEFINITIONS.confirmationRate} />
            <Figure label="纠纷激化报告（件）" value={s.escalationReports} hint={STAT_DEFINITIONS.escalationReports} />
          </SimpleGrid>
          <MediationStatsCharts stats={s} />
          <Card withBorder>
            <Tabs defaultValue="body">
              <Tabs.List>
                {breakdowns.map((d) => (
                  <Tabs.Tab key={d.value} value={d.value}>
                    按{d.first}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {breakdowns.map((d) => (
                <Tabs.Panel key={d.value} value={d.value} pt="xs">
                  <Breakdown rows={d.rows} first={d.first} counted={counted} label={d.label} testId={`by-${d.value}`} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Card>
          <Text size="xs" c="dimmed">
            口径：{MEDIATION_STAT_BASIS_LABELS[s.basis]}统计
            {s.basis === 'accepted' ? '（期间内受理的案件，不论何时结案）' : '（期间内结案的案件）'}
            ；受理件数始终为期间内受理的案件。{STAT_DEFINITIONS.successRate}；{STAT_DEFINITIONS.successRateOfAccepted}；
            {STAT_DEFINITIONS.performanceRate}；{STAT_DEFINITIONS.confirmationRate}；纠纷激化报告按报告日期计，不随口径变化。
          </Text>
        </>
      )}
    </Stack>
  );
}
