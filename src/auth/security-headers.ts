/**
 * Response headers the server sets on every response, as data (OWASP HTTP Headers Cheat Sheet,
 * https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html).
 */

/**
 * CSP Level 3: everything from our own origin only; `frame-ancestors 'none'` forbids framing (clickjacking);
 * `object-src 'none'` and `base-uri 'self'` close the two classic bypasses of a default-src policy; `form-action
 * 'self'` keeps the login form from posting elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** One year, the value the HSTS preload list asks for (RFC 6797 §6.1.1). No includeSubDomains: a sensor's name may
 * sit beside plain-HTTP hosts of the hospital that this header must not break. */
export const HSTS = 'max-age=31536000';

const ALWAYS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff', // no MIME sniffing of uploads or JSON into HTML
  'referrer-policy': 'no-referrer', // device names and filters in our URLs stay here
  'x-frame-options': 'DENY', // frame-ancestors for browsers without CSP 2
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The headers for a response; HSTS only over TLS, where a browser honours it (RFC 6797 §7.2). */
export function securityHeaders(tls: boolean): Readonly<Record<string, string>> {
  return tls ? { ...ALWAYS, 'strict-transport-security': HSTS } : ALWAYS;
}

/** For responses that carry inventory or audit data to an authenticated user: no shared or disk cache keeps them. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;
