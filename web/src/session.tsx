/**
 * The login session (the console's login contract): who is signed in (GET /api/me), log in (POST /api/login), log out
 * (POST /api/logout with the CSRF token), and the end of a session, whether its time ran out here or the server
 * answered 401, both of which send the person back to the login page with a word on why.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onSessionLost, request, setCsrfToken } from './api/client.js';
import type { Role, SessionInfo } from './api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice: string | null }
  | { status: 'signed-in'; session: SessionInfo };

interface SessionApi {
  state: SessionState;
  login: (user: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

function isRole(v: unknown): v is Role {
  return v === 'viewer' || v === 'analyst' || v === 'admin';
}

/** The session answer narrowed from JSON; anything else is not a session. */
export function asSession(body: unknown): SessionInfo | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.user !== 'string' || !isRole(b.role)) return null;
  const csrf = typeof b.csrfToken === 'string' ? b.csrfToken : null;
  return { user: b.user, role: b.role, csrfToken: csrf, expiresAt: typeof b.expiresAt === 'string' ? b.expiresAt : null };
}

export const EXPIRED_NOTICE = 'Your session has ended. Log in again to continue.';
/** setTimeout's largest delay (2^31 - 1 ms, about 24 days); a session longer than that ends by the server's 401. */
const MAX_TIMER_MS = 2_147_483_647;
/** Ask a little after the expiry, so a clock a second apart from the server's does not ask just before it. */
const EXPIRY_MARGIN_MS = 2_000;

export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const end = useCallback((notice: string | null) => {
    setCsrfToken(null);
    setState({ status: 'anonymous', notice });
  }, []);

  useEffect(() => {
    let live = true;
    request('/api/me', { quiet401: true }).then((body) => {
      const s = asSession(body);
      if (!live) return;
      setCsrfToken(s?.csrfToken ?? null);
      setState(s === null ? { status: 'anonymous', notice: null } : { status: 'signed-in', session: s });
    }, () => {
      if (live) setState({ status: 'anonymous', notice: null });
    });
    return () => { live = false; };
  }, []);

  useEffect(() => {
    onSessionLost(() => { end(EXPIRED_NOTICE); });
    return () => { onSessionLost(null); };
  }, [end]);

  // expiresAt is when the session ends if left idle; requests since login moved it on. When it comes, ask the server:
  // a session still alive answers with its new expiry (the timer re-arms), an ended one with 401, said at once rather
  // than at the person's next click.
  const expiresAt = state.status === 'signed-in' ? state.session.expiresAt : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const ms = Date.parse(expiresAt) - Date.now() + EXPIRY_MARGIN_MS;
    if (!Number.isFinite(ms) || ms > MAX_TIMER_MS) return;
    const timer = window.setTimeout(() => {
      request('/api/me', { quiet401: true }).then((body) => {
        const s = asSession(body);
        if (s === null) end(EXPIRED_NOTICE);
        else setState({ status: 'signed-in', session: s });
      }, () => { end(EXPIRED_NOTICE); });
    }, Math.max(0, ms));
    return () => { window.clearTimeout(timer); };
  }, [expiresAt, end]);

  const login = useCallback(async (user: string, password: string) => {
    const s = asSession(await request('/api/login', { method: 'POST', body: { user, password }, quiet401: true }));
    if (s === null) throw new ApiError(500, 'error', 'the server sent no session');
    setCsrfToken(s.csrfToken);
    setState({ status: 'signed-in', session: s });
  }, []);

  const logout = useCallback(async () => {
    try {
      await request('/api/logout', { method: 'POST', quiet401: true });
    } finally {
      end(null);
    }
  }, [end]);

  const api = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext value={api}>{children}</SessionContext>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in session; only pages shown after login call it. */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('not signed in');
  return state.session;
}
