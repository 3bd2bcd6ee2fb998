import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { MEDIATING_BODY_LABELS, STAT_DEFINITIONS } from '../../../shared/domain/mediation';
import { formatRate } from '../../../shared/domain/rates';
import { useDicts } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { MediationStatsCharts } from './MediationStatsCharts';
import { useMediationStats } from './queries';
import { DateField } from '../../components/DateField';
import { Figure } from '../../components/Figure';

/** Module statistics for any period, with the definition of every rate shown beside it. */
export function MediationStatsPage() {
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const dicts = useDicts();
  const stats = useMediationStats({ dateFrom: from, dateTo: to });
  const s = stats.data;
  return (
    <Stack>
      <Title order={3}>人民调解统计</Title>
      <Group>
        <DateField label="统计期间从" withAsterisk value={from} onChange={setFrom} />
        <DateField label="至" withAsterisk value={to} onChange={setTo} error={from > to ? '结束日期不能早于开始日期' : undefined} />
      </Group>
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label="受理件数" value={s.accepted} />
            <Figure label="已调解件数" value={s.mediated} hint="期间内有结果（成功、不成、终止）" />
            <Figure label="调解成功件数" value={s.successful} />
            <Figure label="调解成功率" value={formatRate(s.successRate)} hint={STAT_DEFINITIONS.successRate} />
            <Figure label="协议履行率" value={formatRate(s.performanceRate)} hint={STAT_DEFINITIONS.performanceRate} />
            <Figure label="协议金额（元）" value={s.agreementAmountYuan.toLocaleString('zh-CN')} hint={STAT_DEFINITIONS.agreementAmount} />
            <Figure label="争议金额（元）" value={s.disputedAmountYuan.toLocaleString('zh-CN')} hint={STAT_DEFINITIONS.disputedAmount} />
            <Figure label="申请司法确认" value={s.confirmationsApplied} />
            <Figure label="司法确认有效" value={s.confirmationsGranted} />
          </SimpleGrid>
          <MediationStatsCharts stats={s} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={5} mb="xs">
                按纠纷类型
              </Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>类型</Table.Th>
                    <Table.Th>受理</Table.Th>
                    <Table.Th>成功</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byCategory.map((c) => (
                    <Table.Tr key={c.category}>
                      <Table.Td>{dicts.label('dispute_category', c.category)}</Table.Td>
                      <Table.Td>{c.accepted}</Table.Td>
                      <Table.Td>{c.successful}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                按调解组织
              </Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>调解组织</Table.Th>
                    <Table.Th>受理</Table.Th>
                    <Table.Th>成功</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byBody.map((b) => (
                    <Table.Tr key={b.body}>
                      <Table.Td>{MEDIATING_BODY_LABELS[b.body]}</Table.Td>
                      <Table.Td>{b.accepted}</Table.Td>
                      <Table.Td>{b.successful}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            口径：受理件数按受理日期计；已调解、成功件数和协议涉及金额按结案日期计；司法确认按申请日期、裁定日期计。
            {STAT_DEFINITIONS.successRate}；{STAT_DEFINITIONS.performanceRate}。
          </Text>
        </>
      )}
    </Stack>
  );
}
