import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { addDays } from '../../shared/dates';
import { periodOf } from '../../shared/date-math';
import { DateField } from './DateField';
import { todayLocal } from './today';

/** The period buttons of a statistics page: the office mostly reports by month, quarter and year. */
function presets(today: string): { label: string; from: string; to: string }[] {
  const y = Number(today.slice(0, 4));
  const month = periodOf(today, 'month');
  const lastMonth = periodOf(addDays(month.start, -1), 'month');
  const quarter = periodOf(today, 'quarter');
  return [
    { label: '今年以来', from: `${y}-01-01`, to: today },
    { label: '本月', from: month.start, to: month.end },
    { label: '上月', from: lastMonth.start, to: lastMonth.end },
    { label: '本季度', from: quarter.start, to: quarter.end },
    { label: '上年', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
  ];
}

export interface Period {
  from: string;
  to: string;
  set: (from: string, to: string) => void;
  /** Both days given, the end not before the start: the figures can be asked for. */
  valid: boolean;
}

/** A statistics page's period, from the first of January to today until changed. */
export function usePeriod(): Period {
  const today = todayLocal();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  return {
    ...period,
    set: (from, to) => setPeriod({ from, to }),
    valid: !!period.from && !!period.to && period.from <= period.to,
  };
}

/** 统计期间从 … 至 …, a reversed range flagged at once, and the usual periods one click away. */
export function PeriodPicker({ period }: { period: Period }) {
  const { from, to, set } = period;
  return (
    <Group align="flex-end">
      <DateField label="统计期间从" withAsterisk value={from} onChange={(v) => set(v, to)} />
      <DateField
        label="统计期间至"
        withAsterisk
        value={to}
        onChange={(v) => set(from, v)}
        error={from && to && from > to ? '结束日期不能早于开始日期' : undefined}
      />
      <Button.Group>
        {presets(todayLocal()).map((p) => (
          <Button key={p.label} variant={p.from === from && p.to === to ? 'filled' : 'default'} onClick={() => set(p.from, p.to)}>
            {p.label}
          </Button>
        ))}
      </Button.Group>
    </Group>
  );
}
