/**
 * A spinner never stands alone: it says what is loading (正在加载调解案件…). Every spinner of the
 * window is this one (tests/unit/renderer/loading.test.ts), but for LedgerList's, which stand beside
 * their own words.
 */
import { Center, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Loading({ children, small = false, center = false }: { children: ReactNode; small?: boolean; center?: boolean }) {
  const line = (
    <Group gap="xs" wrap="nowrap" role="status">
      <Loader size={small ? 12 : 'sm'} />
      <Text size={small ? 'xs' : 'sm'} c="dimmed">
        {children}
      </Text>
    </Group>
  );
  return center ? <Center py="xl">{line}</Center> : line;
}
