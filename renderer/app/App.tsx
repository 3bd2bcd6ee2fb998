import { Center, Loader, Text } from '@mantine/core';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { errorMessage } from '../api/client';
import { DisputeDetailPage } from '../features/disputes/DisputeDetailPage';
import { DisputeFormPage } from '../features/disputes/DisputeForm';
import { DisputeListPage } from '../features/disputes/DisputeListPage';
import { PersonDetailPage } from '../features/persons/PersonDetailPage';
import { PersonFormPage } from '../features/persons/PersonForm';
import { PersonListPage } from '../features/persons/PersonListPage';
import { RecycleBinPage } from '../features/recycle/RecycleBinPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useSetupStatus } from '../hooks/useReference';
import { AppShell } from './AppShell';
import { ErrorBoundary } from './ErrorBoundary';
import { FirstRun } from './FirstRun';

export function App() {
  const status = useSetupStatus();
  if (status.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.error || !status.data) {
    return (
      <Center h="100vh">
        <Text c="red">{errorMessage(status.error)}</Text>
      </Center>
    );
  }
  if (!status.data.initialized) return <FirstRun dbPath={status.data.dbPath} />;
  return (
    <HashRouter>
      <AppShell>
        <ErrorBoundary>
          <Routes>
            <Route path="/" element={<Navigate to="/disputes" replace />} />
            <Route path="/disputes" element={<DisputeListPage />} />
            <Route path="/disputes/new" element={<DisputeFormPage />} />
            <Route path="/disputes/:id" element={<DisputeDetailPage />} />
            <Route path="/disputes/:id/edit" element={<DisputeFormPage />} />
            <Route path="/persons" element={<PersonListPage />} />
            <Route path="/persons/new" element={<PersonFormPage />} />
            <Route path="/persons/:id" element={<PersonDetailPage />} />
            <Route path="/persons/:id/edit" element={<PersonFormPage />} />
            <Route path="/recycle" element={<RecycleBinPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<Text>找不到该页面。</Text>} />
          </Routes>
        </ErrorBoundary>
      </AppShell>
    </HashRouter>
  );
}
