/**
 * The session cookie's name and attributes (RFC 6265bis §4.1.3.2 for the __Host- prefix): HttpOnly so scripts cannot
 * read it, SameSite=Strict so other sites cannot send it, Secure and __Host- when served over TLS so it is never sent
 * in clear and cannot be set by a sibling host or over HTTP.
 */

const HOST_PREFIXED_NAME = '__Host-wardwatch-session';
const PLAIN_NAME = 'wardwatch-session';
/** Browsers keep about 4 kB of cookies per host; a longer Cookie header is not ours and is not parsed. */
export const MAX_COOKIE_HEADER_CHARS = 8192;

export function sessionCookieName(tls: boolean): string {
  return tls ? HOST_PREFIXED_NAME : PLAIN_NAME;
}

/** The Set-Cookie value for a new session; Max-Age is the absolute timeout so the browser drops it too. */
export function sessionSetCookie(sessionId: string, tls: boolean, maxAgeSec: number): string {
  return cookieString(sessionCookieName(tls), sessionId, tls, Math.max(0, Math.floor(maxAgeSec)));
}

/** The Set-Cookie value that removes the session cookie (logout). */
export function clearedSessionCookie(tls: boolean): string {
  return cookieString(sessionCookieName(tls), '', tls, 0);
}

function cookieString(name: string, value: string, tls: boolean, maxAgeSec: number): string {
  const attributes = [`${name}=${value}`, 'Path=/', `Max-Age=${maxAgeSec}`, 'HttpOnly', 'SameSite=Strict'];
  if (tls) attributes.push('Secure');
  return attributes.join('; ');
}

/**
 * The session id from a Cookie header, or null. Over TLS only the __Host- cookie counts: a plain-named cookie could
 * have been planted over HTTP or by another host (cookie tossing).
 */
export function readSessionCookie(cookieHeader: string | undefined, tls: boolean): string | null {
  if (cookieHeader === undefined || cookieHeader.length > MAX_COOKIE_HEADER_CHARS) return null;
  const wanted = sessionCookieName(tls);
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === wanted) return pair.slice(eq + 1).trim();
  }
  return null;
}
