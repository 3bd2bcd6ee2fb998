import { Group, Text } from '@mantine/core';
import { daysLeft, daysLeftWords } from '../../shared/domain/days-left';

/**
 * How far a due date is from today (shared/domain/days-left.ts: 今天到期, 还剩3天, 已逾期5天), beside
 * the date wherever one is shown: red once passed, orange on the day, quiet otherwise.
 */
export function DaysLeft({ today, due }: { today: string; due: string }) {
  const days = daysLeft(today, due);
  const color = days < 0 ? 'red' : days === 0 ? 'orange' : 'dimmed';
  return (
    <Text span size="xs" c={color} fw={days <= 0 ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="days-left">
      {daysLeftWords(days)}
    </Text>
  );
}

/**
 * A ledger's 下次到期 cell: the date, red and bold once overdue, with how far it is; an ended record shows
 * its last date plainly.
 */
export function NextDue({ today, date, overdue, active }: { today: string; date: string | null; overdue: boolean; active: boolean }) {
  if (!date || !active) return date ?? '';
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
        {date}
      </Text>
      <DaysLeft today={today} due={date} />
    </Group>
  );
}
