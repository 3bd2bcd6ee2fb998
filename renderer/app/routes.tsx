import { Anchor, Stack, Text } from '@mantine/core';
import { Link, Route, Routes } from 'react-router';
import { DashboardPage } from '../features/obligations/DashboardPage';
import { DisputeDetailPage } from '../features/disputes/DisputeDetailPage';
import { DisputeFormPage } from '../features/disputes/DisputeForm';
import { DisputeListPage } from '../features/disputes/DisputeListPage';
import { FollowupDetailPage } from '../features/followup/FollowupDetailPage';
import { FollowupFormPage } from '../features/followup/FollowupFormPage';
import { FollowupListPage } from '../features/followup/FollowupListPage';
import { FollowupStatsPage } from '../features/followup/FollowupStatsPage';
import { VisitPlanPage } from '../features/followup/VisitPlanPage';
import { MediationCreatePage } from '../features/mediation/MediationCreatePage';
import { MediationDetailPage } from '../features/mediation/MediationDetailPage';
import { MediationListPage } from '../features/mediation/MediationListPage';
import { MediationStatsPage } from '../features/mediation/MediationStatsPage';
import { PersonDetailPage } from '../features/persons/PersonDetailPage';
import { PersonFormPage } from '../features/persons/PersonForm';
import { PersonListPage } from '../features/persons/PersonListPage';
import { RecycleBinPage } from '../features/recycle/RecycleBinPage';
import { SettingsPage } from '../features/settings/SettingsPage';

/** Left-nav entries, in order; the home page is the to-do dashboard (首页 工作台). */
export const NAV = [
  { to: '/', label: '首页' },
  { to: '/disputes', label: '矛盾纠纷登记' },
  { to: '/mediation', label: '人民调解' },
  { to: '/followup', label: '重点人员' },
  { to: '/persons', label: '人员库' },
  { to: '/recycle', label: '回收站' },
  { to: '/settings', label: '设置' },
] as const;

function NotFound() {
  return (
    <Stack gap="xs" py="xl">
      <Text>找不到该页面。</Text>
      <Anchor component={Link} to="/">
        返回首页
      </Anchor>
    </Stack>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<DashboardPage />} />
      <Route path="/disputes" element={<DisputeListPage />} />
      <Route path="/disputes/new" element={<DisputeFormPage />} />
      <Route path="/disputes/:id" element={<DisputeDetailPage />} />
      <Route path="/disputes/:id/edit" element={<DisputeFormPage />} />
      <Route path="/mediation" element={<MediationListPage />} />
      <Route path="/mediation/new" element={<MediationCreatePage />} />
      <Route path="/mediation/stats" element={<MediationStatsPage />} />
      <Route path="/mediation/:id" element={<MediationDetailPage />} />
      <Route path="/followup" element={<FollowupListPage />} />
      <Route path="/followup/new" element={<FollowupFormPage />} />
      <Route path="/followup/plan" element={<VisitPlanPage />} />
      <Route path="/followup/stats" element={<FollowupStatsPage />} />
      <Route path="/followup/:id" element={<FollowupDetailPage />} />
      <Route path="/followup/:id/edit" element={<FollowupFormPage />} />
      <Route path="/persons" element={<PersonListPage />} />
      <Route path="/persons/new" element={<PersonFormPage />} />
      <Route path="/persons/:id" element={<PersonDetailPage />} />
      <Route path="/persons/:id/edit" element={<PersonFormPage />} />
      <Route path="/recycle" element={<RecycleBinPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
