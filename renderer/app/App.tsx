import { Button, Center, Stack, Text } from '@mantine/core';
import { lazyComponent } from '../components/lazyPage';
import { Loading } from '../components/Loading';
import { Suspense, useState } from 'react';
import { createHashRouter, RouterProvider, useLocation } from 'react-router';
import { errorMessage } from '../api/client';
import { useSetupStatus } from '../features/reference/queries';
import { AppShell } from './AppShell';
import { LeaveGuard } from '../components/GuardedForm';
import { ErrorBoundary } from './ErrorBoundary';
import { UiModulesProvider } from '../components/modules';
import { uiModules } from './modules';
import { AppRoutes } from './routes';
import { LoginGate } from '../features/accounts/LoginGate';

/** Shown once in a ledger's life, so loaded only then. */
const FirstRun = lazyComponent(() => import('./FirstRun'), 'FirstRun');

/** A page that throws is contained; moving to another page clears the error. */
function RoutedContent() {
  const location = useLocation();
  return (
    <ErrorBoundary key={location.pathname}>
      <AppRoutes />
    </ErrorBoundary>
  );
}

function Shell() {
  return (
    <>
      <LeaveGuard />
      <AppShell>
        <RoutedContent />
      </AppShell>
    </>
  );
}

/**
 * A data router (one route holding the app's own routes), so that leaving a form with unsaved
 * changes can be held back and asked about, whichever way the user leaves (LeaveGuard).
 */
function Routed() {
  const [router] = useState(() => createHashRouter([{ path: '*', element: <Shell /> }]));
  return <RouterProvider router={router} />;
}

export function App() {
  const status = useSetupStatus();
  if (status.isLoading) {
    return (
      <Center h="100vh">
        <Loading>正在打开账本…</Loading>
      </Center>
    );
  }
  if (status.error || !status.data) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text c="red">账本未能打开：{errorMessage(status.error)}</Text>
          <Button variant="light" onClick={() => void status.refetch()}>
            重试
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!status.data.initialized) {
    return (
      <Suspense
        fallback={
          <Center h="100vh">
            <Loading>正在打开首次设置…</Loading>
          </Center>
        }
      >
        <FirstRun dbPath={status.data.dbPath} />
      </Suspense>
    );
  }
  return (
    <LoginGate>
      <UiModulesProvider modules={uiModules}>
        <Routed />
      </UiModulesProvider>
    </LoginGate>
  );
}
