import { Alert, AppShell as Shell, Group, NavLink, Text, Title } from '@mantine/core';
import { Loading } from '../components/Loading';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { AuditWarning } from '../features/audit/AuditWarning';
import { SessionMenu } from '../features/accounts/SessionMenu';
import { useSettings, useSetupStatus } from '../features/reference/queries';
import { NAV, navEntryOf } from './routes';
import './print.css';

/**
 * The background check of a large ledger file (db/jobs/integrity.ts): a quiet line in the header while
 * it runs, a notice above every page if it found damage or could not run.
 */
function FileChecking() {
  if (useSetupStatus().data?.integrity.state !== 'checking') return null;
  return <Loading small>正在后台检查账本文件，可照常使用</Loading>;
}

function FileCheckNotice() {
  const integrity = useSetupStatus().data?.integrity;
  if (!integrity?.message || integrity.state === 'ok' || integrity.state === 'checking') return null;
  const damaged = integrity.state === 'damaged';
  return (
    <Alert color={damaged ? 'red' : 'yellow'} title={damaged ? '账本文件已损坏' : undefined} mb="md">
      {integrity.message}
    </Alert>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const here = navEntryOf(useLocation().pathname);
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
          <Group gap="md">
            <FileChecking />
            <SessionMenu />
          </Group>
        </Group>
      </Shell.Header>
      <Shell.Navbar p="xs">
        {NAV.map((n) => (
          <NavLink key={n.to} component={RouterLink} to={n.to} label={n.label} active={n === here} />
        ))}
      </Shell.Navbar>
      <Shell.Main>
        <FileCheckNotice />
        <AuditWarning />
        {children}
      </Shell.Main>
    </Shell>
  );
}
