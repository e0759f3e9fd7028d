/**
 * Who a request speaks for: an API token (Authorization: Bearer) or a console session (cookie + CSRF token on unsafe
 * methods). The server calls this once per request, then `can(principal.role, route.action)`.
 */
import type { AuthDeps } from './auth-deps.js';
import { authenticateApiToken, type TokenRefusal } from './api-tokens.js';
import { BEARER_PROBLEM_MESSAGES, type BearerProblem } from './bearer.js';
import { checkCsrf } from './csrf.js';
import type { Role } from './roles.js';
import { readSessionCookie } from './session-cookie.js';
import { resumeSession, type SessionRefusal } from './sessions.js';

export interface RequestCredentials {
  readonly method: string;
  readonly authorization: string | readonly string[] | undefined;
  readonly cookie: string | undefined;
  readonly csrfToken: string | readonly string[] | undefined;
  readonly tls: boolean;
}

export type Principal =
  | { readonly kind: 'user'; readonly userId: string; readonly name: string; readonly role: Role; readonly sessionId: string }
  | { readonly kind: 'token'; readonly tokenId: string; readonly name: string; readonly role: Role };

export type AuthenticationFailure = {
  readonly ok: false;
  /** 401: who you are is not established; 403: a session without a valid CSRF token. */
  readonly status: 401 | 403;
  /** Safe to send to the client. */
  readonly message: string;
  /** For the audit log only: why, in more detail than the client gets. */
  readonly refusal: TokenRefusal | SessionRefusal | 'user-gone' | 'csrf-missing' | 'csrf-mismatch';
};

export type Authentication = { readonly ok: true; readonly principal: Principal } | AuthenticationFailure;

const INVALID_TOKEN = 'invalid or revoked API token';
const NO_SESSION = 'authentication required: log in or send "Authorization: Bearer <token>"';

export async function authenticateRequest(deps: AuthDeps, request: RequestCredentials): Promise<Authentication> {
  // A request that sends a Bearer header is judged on it alone: a bad token never falls back to a cookie.
  if (request.authorization !== undefined) {
    const result = await authenticateApiToken(deps.store, request.authorization, deps.now());
    if (!result.ok) {
      const message = isBearerProblem(result.refusal) ? BEARER_PROBLEM_MESSAGES[result.refusal] : INVALID_TOKEN;
      return { ok: false, status: 401, message, refusal: result.refusal };
    }
    const { id, name, role } = result.token;
    return { ok: true, principal: { kind: 'token', tokenId: id, name, role } };
  }

  const sessionId = readSessionCookie(request.cookie, request.tls);
  const resumed = await resumeSession(deps.store, sessionId, deps.now(), deps.sessionPolicy);
  if (!resumed.ok || sessionId === null) {
    return { ok: false, status: 401, message: NO_SESSION, refusal: resumed.ok ? 'missing' : resumed.refusal };
  }
  // The role is read from the user on every request, so a demotion or a disable applies at once.
  const user = await deps.store.findUserById(resumed.session.userId);
  if (user === undefined || user.disabled) {
    await deps.store.deleteSession(resumed.session.idHash);
    return { ok: false, status: 401, message: NO_SESSION, refusal: 'user-gone' };
  }
  const csrf = checkCsrf(request.method, sessionId, request.csrfToken);
  if (!csrf.ok) {
    return { ok: false, status: 403, message: 'missing or wrong CSRF token', refusal: `csrf-${csrf.reason}` };
  }
  return { ok: true, principal: { kind: 'user', userId: user.id, name: user.name, role: user.role, sessionId } };
}

function isBearerProblem(refusal: TokenRefusal): refusal is BearerProblem {
  return refusal in BEARER_PROBLEM_MESSAGES;
}
