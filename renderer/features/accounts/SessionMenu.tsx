import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/accounts';
import { ChangePasswordModal } from './LoginGate';
import { useLock, useLogout } from './mutations';
import { useSessionStatus } from './queries';

/** The header's corner: who is logged in (the operator of every change), 修改密码, 锁定 and 退出登录. */
export function SessionMenu() {
  const status = useSessionStatus();
  const lock = useLock();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const user = status.data?.user;
  if (!user) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" data-testid="signed-in-as">
        {user.name}
        <Text span size="xs" c="dimmed" ml={4}>
          {ROLE_LABELS[user.role]}
        </Text>
      </Text>
      <Button size="compact-sm" variant="subtle" onClick={() => setChanging(true)}>
        修改密码
      </Button>
      <Button size="compact-sm" variant="subtle" onClick={() => void lock.run({})}>
        锁定
      </Button>
      <Button size="compact-sm" variant="subtle" color="gray" onClick={() => void logout.run(undefined)}>
        退出登录
      </Button>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </Group>
  );
}
