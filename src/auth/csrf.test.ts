import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfTokenFor, methodNeedsCsrf } from './csrf.js';

const SESSION = 'S'.repeat(43);
const OTHER = 'T'.repeat(43);

describe('CSRF', () => {
  it('needs no token for safe methods and needs one for every other', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(methodNeedsCsrf(m)).toBe(false);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'PROPFIND', 'TRACE', '']) expect(methodNeedsCsrf(m)).toBe(true);
  });

  it('accepts the token of this session on a POST', () => {
    expect(checkCsrf('POST', SESSION, csrfTokenFor(SESSION))).toEqual({ ok: true });
  });

  it('refuses a missing, empty, repeated or wrong token, and the token of another session', () => {
    expect(checkCsrf('POST', SESSION, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(checkCsrf('POST', SESSION, '')).toEqual({ ok: false, reason: 'missing' });
    expect(checkCsrf('POST', SESSION, [csrfTokenFor(SESSION), csrfTokenFor(SESSION)])).toEqual({ ok: false, reason: 'missing' });
    expect(checkCsrf('DELETE', SESSION, csrfTokenFor(OTHER))).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkCsrf('PUT', SESSION, 'x'.repeat(100_000))).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkCsrf('PATCH', SESSION, `${csrfTokenFor(SESSION)}\u0000`)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('lets a GET through without a token', () => {
    expect(checkCsrf('GET', SESSION, undefined)).toEqual({ ok: true });
  });

  it('is not the session id and cannot be turned back into it', () => {
    expect(csrfTokenFor(SESSION)).not.toContain(SESSION.slice(0, 8));
    expect(csrfTokenFor(SESSION)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
