/**
 * Password login for the console: throttle check, argon2id verification (a dummy one for unknown names), rehash when
 * the parameters changed, a fresh session, an audit record. Unknown user, wrong password and disabled user answer
 * the same way, through the same work, so neither the answer nor its timing tells which names exist.
 */
import type { AuthDeps } from './auth-deps.js';
import { AuditAction } from './audit-event.js';
import { appendAudit } from './audit-log.js';
import { checkThrottle, recordLoginFailure, recordLoginSuccess, throttleKeys } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import type { Role } from './roles.js';
import { endSession, startSession } from './sessions.js';
import { checkUserName } from './user-name.js';

export interface LoginRequest {
  readonly userName: string;
  readonly password: string;
  /** Client address; null from the CLI. */
  readonly from: string | null;
  /** The session cookie the browser sent, ended so the new session gets a new id. */
  readonly previousSessionId?: string | null;
}

export type LoginResult =
  | {
      readonly ok: true;
      readonly user: { readonly id: string; readonly name: string; readonly role: Role };
      /** Cookie value (see session-cookie.ts); never log it. */
      readonly sessionId: string;
      readonly csrfToken: string;
      readonly cookieMaxAgeSec: number;
    }
  /** 401 "user name or password is wrong"; `retryAfterSec` > 0 when the next attempt will be throttled. */
  | { readonly ok: false; readonly reason: 'bad-credentials'; readonly retryAfterSec: number }
  /** 429 with Retry-After: `retryAfterSec`. */
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAfterSec: number };

// Names longer than this cannot exist (user-name.ts allows 64); the throttle key is cut here so a 1 MB name costs
// one bounded hash.
const MAX_NAME_FOR_THROTTLE = 256;

export async function login(deps: AuthDeps, request: LoginRequest): Promise<LoginResult> {
  const keys = throttleKeys(request.userName.slice(0, MAX_NAME_FOR_THROTTLE), request.from);
  const anonymous = { actor: { kind: 'anonymous', name: null, role: null }, from: request.from } as const;
  const throttle = await checkThrottle(deps.store, keys, deps.now());
  if (!throttle.allowed) {
    await appendAudit(deps, anonymous, AuditAction.LoginFailed, null, { reason: 'throttled' }, 'denied');
    return { ok: false, reason: 'throttled', retryAfterSec: throttle.retryAfterSec };
  }

  const name = checkUserName(request.userName);
  const user = name.ok ? await deps.store.findUserByName(name.name) : undefined;
  const verification = await verifyPassword(user?.passwordHash ?? null, request.password);

  if (user === undefined || user.disabled || !verification.ok) {
    const retryAfterSec = await recordLoginFailure(deps.store, keys, deps.now());
    // An unknown name is not recorded: people type their password into the name field.
    const actor = { kind: 'user', name: user?.name ?? null, role: user?.role ?? null } as const;
    const reason = user === undefined ? 'unknown-user' : user.disabled ? 'disabled' : 'wrong-password';
    await appendAudit(deps, { actor, from: request.from }, AuditAction.LoginFailed, null, { reason }, 'failure');
    return { ok: false, reason: 'bad-credentials', retryAfterSec };
  }

  await recordLoginSuccess(deps.store, keys);
  if (verification.needsRehash) {
    await deps.store.updateUser(user.id, { passwordHash: await hashPassword(request.password) });
  }
  const session = await startSession(deps.store, user.id, request.from, deps.now(), request.previousSessionId);
  const actor = { kind: 'user', name: user.name, role: user.role } as const;
  await appendAudit(deps, { actor, from: request.from }, AuditAction.Login, `user:${user.name}`, {
    // Not "rehashed": the sanitiser drops any field whose name says hash.
    costUpgraded: verification.needsRehash,
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, role: user.role },
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
    cookieMaxAgeSec: deps.sessionPolicy.absoluteTimeoutSec,
  };
}

/** Ends the session behind a console request and records it; the server then sends `clearedSessionCookie(tls)`. */
export async function logout(
  deps: AuthDeps,
  principal: { readonly sessionId: string; readonly name: string; readonly role: Role },
  from: string | null,
): Promise<void> {
  await endSession(deps.store, principal.sessionId);
  const actor = { kind: 'user', name: principal.name, role: principal.role } as const;
  await appendAudit(deps, { actor, from }, AuditAction.Logout, `user:${principal.name}`, {});
}
