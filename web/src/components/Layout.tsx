/** The frame of every signed-in page: the navigation (only what the role may use), who is signed in, log out. */
import { useState, type ReactNode } from 'react';
import { roleAllows } from '../api/types.js';
import { Link, useLocation } from '../router.js';
import { useSession, useSignedIn } from '../session.js';

const NAV: readonly { to: string; label: string }[] = [
  { to: '/', label: 'Overview' },
  { to: '/inventory', label: 'Inventory' },
  { to: '/findings', label: 'Findings' },
  { to: '/map', label: 'Network map' },
  { to: '/policy', label: 'Segmentation policy' },
];

export function Layout({ children }: { children: ReactNode }): ReactNode {
  const session = useSignedIn();
  const { logout } = useSession();
  const { path } = useLocation();
  const [leaving, setLeaving] = useState(false);
  const current = (to: string): boolean => (to === '/' ? path === '/' : path.startsWith(to) || (to === '/inventory' && path.startsWith('/devices/')));
  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/" className="brand">wardwatch</Link>
        <nav aria-label="Main">
          <ul>
            {[...NAV, ...(roleAllows(session.role, 'admin') ? [{ to: '/admin', label: 'Users' }] : [])].map((n) => (
              <li key={n.to}><Link to={n.to} aria-current={current(n.to) ? 'page' : undefined}>{n.label}</Link></li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span><span className="user">{session.user}</span> <span className={`role role-${session.role}`}>{session.role}</span></span>
          <button type="button" disabled={leaving} onClick={() => { setLeaving(true); logout().catch(() => undefined); }}>Log out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
