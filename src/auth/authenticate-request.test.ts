import { describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from './api-tokens.js';
import { authenticateRequest, type RequestCredentials } from './authenticate-request.js';
import { csrfTokenFor } from './csrf.js';
import { login } from './login.js';
import { sessionCookieName } from './session-cookie.js';
import { CLI_ORIGIN, GOOD_PASSWORD, testAuth, type TestAuth } from './test-support/auth-fixtures.js';
import { changeUser, createUser } from './users.js';

const NONE: RequestCredentials = { method: 'GET', authorization: undefined, cookie: undefined, csrfToken: undefined, tls: true };

async function loggedIn(): Promise<{ auth: TestAuth; userId: string; cookie: string; sessionId: string }> {
  const auth = testAuth();
  const user = await createUser(auth, { name: 'alice', role: 'analyst', password: GOOD_PASSWORD }, CLI_ORIGIN);
  const result = await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: '10.0.0.5' });
  if (!result.ok) throw new Error('login failed');
  return { auth, userId: user.id, sessionId: result.sessionId, cookie: `${sessionCookieName(true)}=${result.sessionId}` };
}

describe('authenticateRequest with a token', () => {
  it('accepts a valid token with its role and no CSRF token, even for a POST', async () => {
    const auth = testAuth();
    const { token, record } = await createApiToken(auth.store, { name: 'siem', role: 'viewer', createdBy: null }, auth.now());
    const result = await authenticateRequest(auth, { ...NONE, method: 'POST', authorization: `Bearer ${token}` });
    expect(result).toEqual({ ok: true, principal: { kind: 'token', tokenId: record.id, name: 'siem', role: 'viewer' } });
  });

  it('refuses a bad or revoked token with 401 and does not fall back to a valid cookie', async () => {
    const { auth, cookie } = await loggedIn();
    const { token, record } = await createApiToken(auth.store, { name: 'siem', role: 'viewer', createdBy: null }, auth.now());
    await revokeApiToken(auth.store, record.id, auth.now());
    const revoked = await authenticateRequest(auth, { ...NONE, cookie, authorization: `Bearer ${token}` });
    expect(revoked).toEqual({ ok: false, status: 401, message: 'invalid or revoked API token', refusal: 'revoked' });
    const malformed = await authenticateRequest(auth, { ...NONE, cookie, authorization: 'Bearer' });
    expect(malformed).toMatchObject({ ok: false, status: 401, refusal: 'malformed' });
  });
});

describe('authenticateRequest with a session', () => {
  it('accepts the session cookie for a GET, with the user and role', async () => {
    const { auth, cookie, userId } = await loggedIn();
    const result = await authenticateRequest(auth, { ...NONE, cookie });
    expect(result).toMatchObject({ ok: true, principal: { kind: 'user', userId, name: 'alice', role: 'analyst' } });
  });

  it('needs the CSRF token for a POST: 403 without it or with a wrong one, accepted with it', async () => {
    const { auth, cookie, sessionId } = await loggedIn();
    expect(await authenticateRequest(auth, { ...NONE, method: 'POST', cookie })).toMatchObject({ ok: false, status: 403, refusal: 'csrf-missing' });
    expect(await authenticateRequest(auth, { ...NONE, method: 'DELETE', cookie, csrfToken: csrfTokenFor('x'.repeat(43)) })).toMatchObject({
      status: 403,
      refusal: 'csrf-mismatch',
    });
    expect((await authenticateRequest(auth, { ...NONE, method: 'POST', cookie, csrfToken: csrfTokenFor(sessionId) })).ok).toBe(true);
  });

  it('applies a role change at once and refuses a disabled user', async () => {
    const { auth, cookie, userId } = await loggedIn();
    await auth.store.updateUser(userId, { role: 'viewer' }); // without ending sessions, to see the role read per request
    expect(await authenticateRequest(auth, { ...NONE, cookie })).toMatchObject({ ok: true, principal: { role: 'viewer' } });
    await changeUser(auth, userId, { disabled: true }, CLI_ORIGIN);
    expect(await authenticateRequest(auth, { ...NONE, cookie })).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses an idle session, no credentials, a huge cookie header, and the plain cookie name over TLS', async () => {
    const { auth, cookie, sessionId } = await loggedIn();
    expect(await authenticateRequest(auth, NONE)).toMatchObject({ ok: false, status: 401, refusal: 'missing' });
    expect(await authenticateRequest(auth, { ...NONE, cookie: `${cookie}; pad=${'x'.repeat(20_000)}` })).toMatchObject({ status: 401 });
    expect(await authenticateRequest(auth, { ...NONE, cookie: `wardwatch-session=${sessionId}` })).toMatchObject({ status: 401 });
    auth.advance(auth.sessionPolicy.idleTimeoutSec * 1000);
    expect(await authenticateRequest(auth, { ...NONE, cookie })).toMatchObject({ ok: false, status: 401, refusal: 'idle-expired' });
  });
});
