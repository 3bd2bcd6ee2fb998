/**
 * 排查调处统计 as charts, under the page's figures: 登记 and 化解 by month and by category, and what
 * became of the period's disputes, each chart with its numbers beside it (renderer/components/StatsCharts.tsx).
 */
import { Stack } from '@mantine/core';
import { DISPUTE_STATUS_LABELS } from '../../../shared/domain/disputes';
import type { DisputeStats } from '../../../shared/schemas/disputes';
import { monthRows, StatsBarChart, StatsDonutChart, type StatSeries } from '../../components/StatsCharts';
import { STATUS_COLORS } from './labels';

type Charted = 'registered' | 'resolved';
const SERIES: StatSeries<Charted>[] = [
  { key: 'registered', label: '登记', color: 'blue.6' },
  { key: 'resolved', label: DISPUTE_STATUS_LABELS.resolved, color: `${STATUS_COLORS.resolved}.6` },
];

export function DisputeStatsCharts({ stats }: { stats: DisputeStats }) {
  const t = stats.total;
  return (
    <Stack>
      <StatsBarChart
        title="登记与化解（按月份）"
        testId="chart-month"
        first="月份"
        series={SERIES}
        rows={monthRows<Charted>(stats.byMonth.map((r) => ({ month: r.key ?? r.label, counts: r })))}
      />
      <StatsBarChart
        title="登记与化解（按纠纷类型）"
        testId="chart-category"
        first="纠纷类型"
        series={SERIES}
        rows={stats.byCategory.map((r) => ({ label: r.label, counts: r }))}
        horizontal
      />
      <StatsDonutChart
        title="办理结果"
        testId="chart-outcome"
        first="结果"
        slices={[
          { label: DISPUTE_STATUS_LABELS.resolved, value: t.resolved, color: `${STATUS_COLORS.resolved}.6` },
          { label: DISPUTE_STATUS_LABELS.unresolved, value: t.unresolved, color: `${STATUS_COLORS.unresolved}.6` },
          { label: '办理中', value: t.open, color: `${STATUS_COLORS.mediating}.6` },
          { label: DISPUTE_STATUS_LABELS.transferred, value: t.transferred, color: `${STATUS_COLORS.transferred}.6` },
          { label: DISPUTE_STATUS_LABELS.rejected, value: t.rejected, color: `${STATUS_COLORS.rejected}.6` },
        ]}
      />
    </Stack>
  );
}
