/** Which page a path shows, behind the login: an anonymous visitor sees the login page, and returns where they were going. */
import { useEffect, type ReactNode } from 'react';
import { roleAllows, type Role } from './api/types.js';
import { Layout } from './components/Layout.js';
import { AdminPage } from './pages/AdminPage.js';
import { DevicePage } from './pages/DevicePage.js';
import { FindingsPage } from './pages/FindingsPage.js';
import { InventoryPage } from './pages/InventoryPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MapPage } from './pages/MapPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { PolicyPage } from './pages/PolicyPage.js';
import { navigate, useLocation } from './router.js';
import { useSession } from './session.js';

const TITLES: Record<string, string> = {
  '/': 'Overview', '/inventory': 'Inventory', '/findings': 'Findings', '/map': 'Network map', '/policy': 'Segmentation policy', '/admin': 'Users', '/login': 'Log in',
};

/** A new page is also listed in CONSOLE_PAGES (src/server/console-static.ts), so the server answers a reload of it. */
function page(path: string, role: Role): ReactNode {
  if (path === '/') return <OverviewPage />;
  if (path === '/admin') return roleAllows(role, 'admin') ? <AdminPage /> : <NotFoundPage />;
  if (path === '/inventory') return <InventoryPage />;
  if (path === '/findings') return <FindingsPage />;
  if (path === '/map') return <MapPage />;
  if (path === '/policy') return <PolicyPage />;
  const device = /^\/devices\/([^/]+)$/.exec(path);
  if (device?.[1] !== undefined) return <DevicePage id={decodeURIComponent(device[1])} />;
  return <NotFoundPage />;
}

export function App(): ReactNode {
  const { state } = useSession();
  const { path, params, href } = useLocation();

  useEffect(() => {
    document.title = `${TITLES[path] ?? (path.startsWith('/devices/') ? 'Device' : 'wardwatch')} · wardwatch`;
  }, [path]);

  useEffect(() => {
    if (state.status === 'anonymous' && path !== '/login') navigate(`/login${href === '/' ? '' : `?next=${encodeURIComponent(href)}`}`, { replace: true });
    if (state.status === 'signed-in' && path === '/login') {
      const next = params.get('next');
      // Only a path of ours: an open redirect through ?next= would send a person anywhere.
      navigate(next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [state.status, path, href, params]);

  if (state.status === 'loading') return <main className="centre" aria-busy="true"><p>Loading…</p></main>;
  if (state.status === 'anonymous') return <LoginPage notice={state.notice} />;
  if (path === '/login') return null;
  return <Layout>{page(path, state.session.role)}</Layout>;
}
