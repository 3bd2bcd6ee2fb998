/**
 * 人民调解统计 as charts, under the page's figures: 受理 and 调解成功 by month and by category, and the
 * outcomes of the cases closed in the period, each chart with its numbers beside it
 * (renderer/components/StatsCharts.tsx).
 */
import { Stack } from '@mantine/core';
import { CASE_OUTCOME_LABELS } from '../../../shared/domain/mediation';
import type { MediationStats } from '../../../shared/schemas/mediation';
import { monthRows, StatsBarChart, StatsDonutChart, type StatSeries } from '../../components/StatsCharts';
import { useDicts } from '../reference/queries';
import { OUTCOME_COLORS } from './labels';

type Charted = 'accepted' | 'successful';
const SUCCESS: StatSeries<'successful'> = { key: 'successful', label: CASE_OUTCOME_LABELS.success, color: `${OUTCOME_COLORS.success}.6` };
const SERIES: StatSeries<Charted>[] = [{ key: 'accepted', label: '受理', color: 'blue.6' }, SUCCESS];

export function MediationStatsCharts({ stats }: { stats: MediationStats }) {
  const dicts = useDicts();
  const byClosing = stats.basis === 'closed';
  // On the closing basis a category's bar is the cases closed in the period.
  const categorySeries: StatSeries<'counted' | 'successful'>[] = [
    { key: 'counted', label: byClosing ? '结案' : '受理', color: 'blue.6' },
    SUCCESS,
  ];
  return (
    <Stack>
      <StatsBarChart
        title={byClosing ? '受理与调解成功（按月份；成功按结案月份）' : '受理与调解成功（按受理月份）'}
        testId="chart-month"
        first="月份"
        series={SERIES}
        rows={monthRows<Charted>(stats.byMonth.map((m) => ({ month: m.month, counts: m })))}
      />
      <StatsBarChart
        title={byClosing ? '结案与调解成功（按纠纷类型）' : '受理与调解成功（按纠纷类型）'}
        testId="chart-category"
        first="纠纷类型"
        series={categorySeries}
        rows={stats.byCategory.map((c) => ({ label: dicts.label('dispute_category', c.key), counts: c }))}
        horizontal
      />
      <StatsDonutChart
        title={byClosing ? '调解结果（期间内结案）' : '调解结果（期间内受理的案件）'}
        testId="chart-outcome"
        first="结果"
        slices={stats.byOutcome.map((o) => ({
          label: CASE_OUTCOME_LABELS[o.outcome],
          value: o.count,
          color: `${OUTCOME_COLORS[o.outcome]}.6`,
        }))}
      />
    </Stack>
  );
}
