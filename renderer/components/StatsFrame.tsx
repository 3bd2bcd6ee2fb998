/**
 * What every module's statistics page shares: the title with the way back to its ledger, the period,
 * the note when the period runs past today, the sections, and the definition of each figure (the
 * review asks that each formula be shown beside its figure).
 */
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client';
import { PeriodPicker, type Period } from './PeriodPicker';

export function StatsFrame({
  title,
  back,
  period,
  error,
  loading,
  children,
}: {
  title: string;
  /** The ledger's route, for 返回台账. */
  back: string;
  period: Period;
  error: unknown;
  /** What is being counted, said while it loads. */
  loading: string | null;
  children: ReactNode;
}) {
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{title}</Title>
        <Button variant="default" component={Link} to={back}>
          返回台账
        </Button>
      </Group>
      <PeriodPicker period={period} />
      {error ? <Text c="red">{errorMessage(error)}</Text> : null}
      {loading && !error && <Text c="dimmed">{loading}</Text>}
      {children}
    </Stack>
  );
}

/** Said when the period's end is later than today: the figures are read as at today. */
export function AsOfNote({ asOf, dateTo, rest = '' }: { asOf: string; dateTo: string; rest?: string }) {
  return asOf < dateTo ? (
    <Text size="sm" c="orange.8">
      统计截止日晚于今天，各项按今天（{asOf}）的记录计算{rest}。
    </Text>
  ) : null;
}

export function SectionCard({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

/** 统计口径: each figure's definition, in the page's order. */
export function Definitions({ entries, title = '统计口径' }: { entries: readonly (readonly [string, string])[]; title?: string }) {
  return (
    <Card withBorder padding="sm" data-testid="stat-definitions">
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <List size="xs" c="dimmed" spacing={2}>
        {entries.map(([k, text]) => (
          <List.Item key={k}>{text}</List.Item>
        ))}
      </List>
    </Card>
  );
}
