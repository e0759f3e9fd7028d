import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readSessionCookie, sessionCookieName, sessionSetCookie } from './session-cookie.js';

const ID = 'A'.repeat(43);
const attributes = (cookie: string): string[] => cookie.split('; ').slice(1);

describe('session cookie', () => {
  it('over TLS: __Host- name, Secure, HttpOnly, SameSite=Strict, Path=/, no Domain', () => {
    const cookie = sessionSetCookie(ID, true, 8 * 3600);
    expect(cookie.startsWith(`__Host-wardwatch-session=${ID};`)).toBe(true);
    expect(attributes(cookie)).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=28800']));
    expect(cookie).not.toMatch(/domain=/i);
  });

  it('without TLS: no Secure and no __Host- prefix (browsers refuse a __Host- cookie without Secure)', () => {
    const cookie = sessionSetCookie(ID, false, 60);
    expect(cookie.startsWith(`wardwatch-session=${ID};`)).toBe(true);
    expect(attributes(cookie)).not.toContain('Secure');
    expect(attributes(cookie)).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
  });

  it('clears with Max-Age=0 and an empty value', () => {
    expect(clearedSessionCookie(true)).toMatch(/^__Host-wardwatch-session=; Path=\/; Max-Age=0;/);
  });

  it('reads its own cookie among others', () => {
    expect(readSessionCookie(`theme=dark; ${sessionCookieName(true)}=${ID}; x=1`, true)).toBe(ID);
    expect(readSessionCookie(`wardwatch-session=${ID}`, false)).toBe(ID);
  });

  it('over TLS ignores a plain-named cookie that could have been planted over HTTP', () => {
    expect(readSessionCookie(`wardwatch-session=${ID}`, true)).toBeNull();
  });

  it('returns null for no header, no cookie of its name, or a huge header', () => {
    expect(readSessionCookie(undefined, false)).toBeNull();
    expect(readSessionCookie('', false)).toBeNull();
    expect(readSessionCookie('garbage;;;==;', false)).toBeNull();
    expect(readSessionCookie(`wardwatch-session=${ID}; pad=${'x'.repeat(10_000)}`, false)).toBeNull();
  });
});
