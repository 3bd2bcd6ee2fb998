import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap={6} py={48} c="dimmed">
      <Text fw={500}>{title}</Text>
      {children}
    </Stack>
  );
}
