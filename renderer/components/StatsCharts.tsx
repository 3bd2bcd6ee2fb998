/**
 * The charts of a statistics page, each in a card with its figures as a table beside it (below it when
 * the card is narrow), so that a printed or copied page keeps the numbers the bars stand for. A chart
 * has a fixed size and no animation, so that printing and screenshots show it drawn in full; a period
 * with nothing to count shows 本期无数据 instead of an empty chart.
 */
import { BarChart, DonutChart } from '@mantine/charts';
import { Card, ColorSwatch, getThemeColor, Group, type MantineColor, Table, Text, Title, useMantineTheme } from '@mantine/core';
import type { ReactNode } from 'react';
import { periodOf } from '../../shared/date-math';

/** One bar of each row: the key in the row's counts, its Chinese name and its Mantine colour. */
export interface StatSeries<K extends string> {
  key: K;
  label: string;
  color: MantineColor;
}

export interface StatRow<K extends string> {
  /** The row as the table names it. */
  label: string;
  /** The row as the chart's axis names it, when shorter than `label`. */
  axis?: string;
  counts: Record<K, number>;
}

export interface StatSlice {
  label: string;
  value: number;
  color: MantineColor;
}

const NO_ANIMATION = { isAnimationActive: false } as const;
/** On paper: a card is not split across pages, and the colour keys (backgrounds) print as the bars do. */
const PRINTED = { breakInside: 'avoid', printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' } as const;
/** Axis and value text dark enough to read on paper. */
const TEXT = 'gray.7';

/**
 * A breakdown by month ('YYYY-MM') as rows: the table names each month in full (2024年3月), the axis
 * by its number alone (3月) when the period lies within one year.
 */
export function monthRows<K extends string>(months: readonly { month: string; counts: Record<K, number> }[]): StatRow<K>[] {
  const oneYear = new Set(months.map((m) => m.month.slice(0, 4))).size <= 1;
  return months.map(({ month, counts }) => {
    const label = periodOf(`${month}-01`, 'month').label;
    return { label, axis: oneYear ? `${Number(month.slice(5, 7))}月` : label, counts };
  });
}

function ChartCard({
  title,
  testId,
  empty,
  chart,
  table,
}: {
  title: string;
  testId: string;
  empty: boolean;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testId} style={PRINTED}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed" ta="center" py="lg">
          本期无数据
        </Text>
      ) : (
        <Group align="flex-start" gap="xl">
          {chart}
          {table}
        </Group>
      )}
    </Card>
  );
}

/** A label with the colour it has on the chart, so that the table doubles as the chart's key. */
function Keyed({ label, color }: { label: string; color: MantineColor }) {
  const theme = useMantineTheme();
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch color={getThemeColor(color, theme)} size={10} withShadow={false} />
      {label}
    </Group>
  );
}

/**
 * Counts per row as bars, one bar per series, with a table of the same counts and their 合计.
 * `horizontal` lays the bars along the x axis (for long category names).
 */
export function StatsBarChart<K extends string>({
  title,
  testId,
  first,
  series,
  rows,
  horizontal = false,
  width = 520,
}: {
  title: string;
  testId: string;
  /** The heading of the table's first column (月份, 纠纷类型). */
  first: string;
  series: readonly StatSeries<K>[];
  rows: readonly StatRow<K>[];
  horizontal?: boolean;
  width?: number;
}) {
  const sum = (k: K) => rows.reduce((s, r) => s + r.counts[k], 0);
  const empty = series.every((s) => sum(s.key) === 0);
  const data = rows.map((r) => ({ label: r.axis ?? r.label, ...Object.fromEntries(series.map((s) => [s.key, r.counts[s.key]])) }));
  const count = { allowDecimals: false };
  return (
    <ChartCard
      title={title}
      testId={testId}
      empty={empty}
      chart={
        <BarChart
          w={width}
          h={horizontal ? Math.max(160, rows.length * 20 * series.length + 60) : 280}
          data={data}
          dataKey="label"
          orientation={horizontal ? 'vertical' : 'horizontal'}
          series={series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
          withLegend
          withBarValueLabel
          textColor={TEXT}
          barLabelColor={TEXT}
          valueLabelProps={{ formatter: (v: unknown) => (v ? String(v) : '') }}
          barProps={NO_ANIMATION}
          gridAxis={horizontal ? 'x' : 'y'}
          // Every month named while they fit (a year); beyond that recharts leaves some out rather than overlap them.
          xAxisProps={horizontal ? count : { interval: rows.length > 12 ? 'preserveStartEnd' : 0 }}
          yAxisProps={horizontal ? { width: 120 } : count}
          maxBarWidth={28}
        />
      }
      table={
        <Table withTableBorder striped w="auto" data-testid={`${testId}-table`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{first}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.key}>
                  <Keyed label={s.label} color={s.color} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                {series.map((s) => (
                  <Table.Td key={s.key}>{r.counts[s.key]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>合计</Table.Td>
              {series.map((s) => (
                <Table.Td key={s.key}>{sum(s.key)}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** Shares of a whole as a donut (the empty slices left out of it), with every slice's count in a table. */
export function StatsDonutChart({
  title,
  testId,
  first,
  slices,
}: {
  title: string;
  testId: string;
  first: string;
  slices: readonly StatSlice[];
}) {
  const shown = slices.filter((s) => s.value > 0);
  return (
    <ChartCard
      title={title}
      testId={testId}
      empty={shown.length === 0}
      chart={
        <DonutChart
          data={shown.map((s) => ({ name: s.label, value: s.value, color: s.color }))}
          size={180}
          thickness={36}
          withLabels
          withLabelsLine
          labelsType="value"
          labelColor={TEXT}
          pieProps={NO_ANIMATION}
        />
      }
      table={
        <Table withTableBorder striped w="auto" data-testid={`${testId}-table`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{first}</Table.Th>
              <Table.Th>件数</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slices.map((s) => (
              <Table.Tr key={s.label}>
                <Table.Td>
                  <Keyed label={s.label} color={s.color} />
                </Table.Td>
                <Table.Td>{s.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
