/**
 * CSRF protection for cookie-authenticated requests: a synchronizer token bound to the session (OWASP CSRF Prevention
 * Cheat Sheet, "Synchronizer Token Pattern"). The token is an HMAC of the session id, so it needs no storage, changes
 * whenever the session does (login rotates it), and cannot be computed without the HttpOnly cookie. SameSite=Strict on
 * the cookie is the first defence; this one covers browsers and same-site subdomains that SameSite does not.
 */
import { createHmac } from 'node:crypto';
import { secretsEqual } from './secret-compare.js';

/** The request header the console sends the token in (a custom header also forces a CORS preflight cross-origin). */
export const CSRF_HEADER = 'x-csrf-token';

// A fixed label, not a key: the session id is the secret. It keeps this HMAC distinct from any other use of the id.
const CSRF_LABEL = 'wardwatch csrf v1';

/** RFC 9110 §9.2.1 safe methods: they must not change state, so they need no token. Every other method does. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update(CSRF_LABEL).digest('base64url');
}

export function methodNeedsCsrf(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export type CsrfCheck = { ok: true } | { ok: false; reason: 'missing' | 'mismatch' };

/**
 * Checks a cookie-authenticated request. Requests with a Bearer token skip this: a browser never attaches one by
 * itself, so they cannot be forged cross-site.
 */
export function checkCsrf(method: string, sessionId: string, headerValue: string | readonly string[] | undefined): CsrfCheck {
  if (!methodNeedsCsrf(method)) return { ok: true };
  if (typeof headerValue !== 'string' || headerValue === '') return { ok: false, reason: 'missing' };
  return secretsEqual(headerValue, csrfTokenFor(sessionId)) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
