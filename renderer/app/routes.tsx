import { Anchor, Stack, Text } from '@mantine/core';
import { Link, Route, Routes } from 'react-router';
import { MODULE_INFO, MODULES } from '../../shared/modules';
import { DashboardPage } from '../features/obligations/DashboardPage';
import { RecycleBinPage } from '../features/recycle/RecycleBinPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { uiModules } from './modules';

/** The modules by their place in the navigation (ties keep the vocabulary's order). */
const NAV_MODULES = [...MODULES].sort((a, b) => uiModules[a].navOrder - uiModules[b].navOrder);

/**
 * Left-nav entries, in order: the home page (the to-do dashboard, 首页 工作台), every module's
 * ledger by its place in the registry, then the recycle bin and the settings.
 */
export const NAV: readonly { to: string; label: string }[] = [
  { to: '/', label: '首页' },
  ...NAV_MODULES.map((m) => ({ to: MODULE_INFO[m].route, label: MODULE_INFO[m].nav })),
  { to: '/recycle', label: '回收站' },
  { to: '/settings', label: '设置' },
];

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

/** Each module's pages below its route, from the registry. */
const MODULE_ROUTES = MODULES.flatMap((m) =>
  uiModules[m].routes.map((r) => {
    const path = r.path ? `${MODULE_INFO[m].route}/${r.path}` : MODULE_INFO[m].route;
    return <Route key={path} path={path} element={r.element} />;
  }),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<DashboardPage />} />
      {MODULE_ROUTES}
      <Route path="/recycle" element={<RecycleBinPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
