import { AppShell as Shell, Group, NavLink, Select, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useSetOperator } from '../features/reference/mutations';
import { useSettings, useSetupStatus, useStaff } from '../features/reference/queries';
import { NAV } from './routes';
import './print.css';

function OperatorSelect() {
  const status = useSetupStatus();
  const setOperator = useSetOperator();
  const staff = useStaff();
  return (
    <Select
      aria-label="当前操作人"
      size="xs"
      w={160}
      leftSection={
        <Text size="xs" c="dimmed" pl={4}>
          操作人
        </Text>
      }
      leftSectionWidth={52}
      data={(staff.data ?? []).filter((s) => s.kind === 'staff').map((s) => ({ value: s.id, label: s.name }))}
      value={status.data?.operator?.id ?? null}
      allowDeselect={false}
      onChange={(id) => {
        if (id) void setOperator.run(id, (s) => `当前操作人：${s.operator?.name ?? ''}，此后的修改记录将记在其名下`);
      }}
    />
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const location = useLocation();
  return (
    <Shell header={{ height: 52 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <Shell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={4}>乡镇司法台账</Title>
            <Text c="dimmed" size="sm">
              {settings.data ? `${settings.data.county} · ${settings.data.townshipName}` : ''}
            </Text>
          </Group>
          <OperatorSelect />
        </Group>
      </Shell.Header>
      <Shell.Navbar p="xs">
        {NAV.map((n) => (
          <NavLink
            key={n.to}
            component={RouterLink}
            to={n.to}
            label={n.label}
            active={n.to === '/' ? location.pathname === '/' : location.pathname.startsWith(n.to)}
          />
        ))}
      </Shell.Navbar>
      <Shell.Main>{children}</Shell.Main>
    </Shell>
  );
}
