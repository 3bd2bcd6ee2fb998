import { Anchor, Stack, Text } from '@mantine/core';
import { type ReactElement, Suspense } from 'react';
import { Link, matchRoutes, Route, Routes, useLocation } from 'react-router';
import { MODULE_INFO, MODULES } from '../../shared/modules';
import { lazyPage, preloadPage } from '../components/lazyPage';
import { Loading } from '../components/Loading';
import { DashboardPage } from '../features/obligations/DashboardPage';
import { uiModules } from './modules';

/** The modules by their place in the navigation (ties keep the vocabulary's order). */
const NAV_MODULES = [...MODULES].sort((a, b) => uiModules[a].navOrder - uiModules[b].navOrder);

/**
 * Left-nav entries, in order: the home page (the to-do dashboard, 首页 工作台), every module's
 * ledger by its place in the registry, then 导入旧台账, the recycle bin, the county's view of received report packages and the settings.
 */
export const NAV: readonly { to: string; label: string }[] = [
  { to: '/', label: '首页' },
  ...NAV_MODULES.map((m) => ({ to: MODULE_INFO[m].route, label: MODULE_INFO[m].nav })),
  { to: '/import', label: '导入旧台账' },
  { to: '/recycle', label: '回收站' },
  { to: '/county', label: '县级汇总' },
  { to: '/settings', label: '设置' },
];

/** The navigation entry a path lies under (首页 only for the home page itself). */
export function navEntryOf(pathname: string): (typeof NAV)[number] | undefined {
  return NAV.find((n) => (n.to === '/' ? pathname === '/' : pathname.startsWith(n.to)));
}

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

/**
 * Every page by its path: the home page (the first screen, which comes with the window), each
 * module's pages below its route from the registry, the recycle bin and the settings.
 */
const PAGES: { path: string; element: ReactElement }[] = [
  { path: '/', element: <DashboardPage /> },
  ...MODULES.flatMap((m) =>
    uiModules[m].routes.map((r) => ({ path: r.path ? `${MODULE_INFO[m].route}/${r.path}` : MODULE_INFO[m].route, element: r.element })),
  ),
  { path: '/import', element: lazyPage(() => import('../features/import/ImportPage'), 'ImportPage') },
  { path: '/recycle', element: lazyPage(() => import('../features/recycle/RecycleBinPage'), 'RecycleBinPage') },
  { path: '/county', element: lazyPage(() => import('../features/county/CountyPage'), 'CountyPage') },
  { path: '/settings', element: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
];

/** The window opening on a page (#/disputes): its chunk is fetched while the ledger's status is asked. */
export function preloadPageAt(pathname: string): void {
  const page = matchRoutes(PAGES, pathname)?.[0];
  if (page) preloadPage(page.route.element);
}

/** Every page loads with its own chunk the first time it is shown, saying which page is coming. */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <Suspense fallback={<Loading center>正在打开{navEntryOf(pathname)?.label ?? '页面'}…</Loading>}>
      <Routes>
        {PAGES.map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
