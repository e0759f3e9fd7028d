/**
 * The console's login contract (README "## API"): POST /api/login (a session cookie and its CSRF token), POST
 * /api/logout, GET /api/me. The machinery is src/auth (login.ts, sessions.ts, csrf.ts, session-cookie.ts); these rows
 * only carry it over HTTP.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AuthDeps } from '../../auth/auth-deps.js';
import { csrfTokenFor } from '../../auth/csrf.js';
import { login, logout } from '../../auth/login.js';
import { MAX_PASSWORD_BYTES } from '../../auth/password-params.js';
import { clearedSessionCookie, readSessionCookie, sessionSetCookie } from '../../auth/session-cookie.js';
import { hashSessionId } from '../../auth/sessions.js';
import { HttpCode, HttpError } from '../errors.js';
import { defineRoute, type Principal, type Role, type Route } from '../route-table.js';

/** The answer of login and /api/me (LOGIN-CONTRACT): `csrfToken` and `expiresAt` are null for an API token. */
export interface Me {
  user: string;
  role: Role;
  csrfToken: string | null;
  expiresAt: string | null;
}

const LoginBody = Type.Object({
  // Longer than any user name (64) so a too-long one gets the same 401 as a wrong one, not a 400 that tells it apart.
  user: Type.String({ minLength: 1, maxLength: 256 }),
  // Characters, not bytes; login.ts bounds the bytes before hashing.
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_BYTES }),
}, { additionalProperties: false });

export function isTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * When a session ends if it stays idle from now on: the idle timeout from this request, capped by the absolute one
 * (sessions.ts). The console can warn before it.
 */
function sessionExpiry(auth: AuthDeps, createdAtMs: number): string {
  const nowMs = auth.now();
  const policy = auth.sessionPolicy;
  return new Date(Math.min(nowMs + policy.idleTimeoutSec * 1000, createdAtMs + policy.absoluteTimeoutSec * 1000)).toISOString();
}

async function me(auth: AuthDeps, principal: Principal): Promise<Me> {
  if (principal.sessionId === undefined) return { user: principal.user, role: principal.role, csrfToken: null, expiresAt: null };
  const session = await auth.store.findSession(hashSessionId(principal.sessionId));
  if (session === undefined) throw new HttpError(401, HttpCode.Unauthorized, 'the session has ended; log in again');
  return { user: principal.user, role: principal.role, csrfToken: csrfTokenFor(principal.sessionId), expiresAt: sessionExpiry(auth, session.createdAtMs) };
}

export const sessionRoutes: readonly Route[] = [
  defineRoute({
    method: 'POST', url: '/api/login', access: 'public', tag: 'session',
    summary: 'Log in with a user name and password: sets the session cookie and answers the CSRF token unsafe methods must send (x-csrf-token)',
    body: LoginBody,
    handler: async ({ auth, body, request, reply }) => {
      const tls = isTls(request);
      const result = await login(auth, { userName: body.user, password: body.password, from: request.ip, previousSessionId: readSessionCookie(request.headers.cookie, tls) });
      if (!result.ok && result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSec));
        throw new HttpError(429, HttpCode.RateLimited, 'too many failed logins; try again later');
      }
      // One answer for an unknown name, a wrong password and a disabled user (login.ts does the same work for each).
      if (!result.ok) throw new HttpError(401, HttpCode.Unauthorized, 'user name or password is wrong');
      reply.header('set-cookie', sessionSetCookie(result.sessionId, tls, result.cookieMaxAgeSec));
      const answer: Me = { user: result.user.name, role: result.user.role, csrfToken: result.csrfToken, expiresAt: sessionExpiry(auth, auth.now()) };
      return answer;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/logout', access: 'viewer', tag: 'session',
    summary: 'End the console session (cookie + x-csrf-token) and clear its cookie; with an API token there is no session and nothing ends',
    handler: async ({ auth, principal, request, reply }) => {
      if (principal?.sessionId !== undefined) await logout(auth, { sessionId: principal.sessionId, name: principal.user, role: principal.role }, request.ip);
      reply.header('set-cookie', clearedSessionCookie(isTls(request)));
      return reply.code(204).send();
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/me', access: 'viewer', tag: 'session',
    summary: 'Who this request is: user, role, and for a console session its CSRF token and when it expires if left idle',
    handler: async ({ auth, principal }) => {
      if (principal === null) throw new HttpError(401, HttpCode.Unauthorized, 'log in first');
      return me(auth, principal);
    },
  }),
];
