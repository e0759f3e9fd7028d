import { hash as argon2Hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { login, logout, type LoginResult } from './login.js';
import { needsRehash } from './password-hash.js';
import { hashSessionId } from './sessions.js';
import { CLI_ORIGIN, GOOD_PASSWORD, testAuth, type TestAuth } from './test-support/auth-fixtures.js';
import { changeUser, createUser } from './users.js';

async function withAlice(): Promise<{ auth: TestAuth; userId: string }> {
  const auth = testAuth();
  const user = await createUser(auth, { name: 'alice', role: 'analyst', password: GOOD_PASSWORD }, CLI_ORIGIN);
  return { auth, userId: user.id };
}

/** A failure's shape and values, for comparing the answers for a real and an unknown name. */
const answer = (r: LoginResult): unknown => (r.ok ? 'ok' : { reason: r.reason, retryAfterSec: r.retryAfterSec });

describe('login', () => {
  it('logs in with the right password: a session, a CSRF token, an audit record', async () => {
    const { auth, userId } = await withAlice();
    const result = await login(auth, { userName: 'Alice', password: GOOD_PASSWORD, from: '10.0.0.5' });
    if (!result.ok) throw new Error('login failed');
    expect(result.user).toEqual({ id: userId, name: 'alice', role: 'analyst' });
    expect(result.cookieMaxAgeSec).toBe(8 * 3600);
    expect(auth.store.sessions.has(hashSessionId(result.sessionId))).toBe(true);
    expect(auth.store.audit.at(-1)).toMatchObject({ action: 'login', outcome: 'success', from: '10.0.0.5', actor: { name: 'alice' } });
  });

  it('answers a wrong password, an unknown name, a malformed name and a disabled user alike', async () => {
    const { auth, userId } = await withAlice();
    const results = [
      await login(auth, { userName: 'alice', password: 'wrong wrong wrong', from: null }),
      await login(auth, { userName: 'mallory', password: GOOD_PASSWORD, from: null }),
      await login(auth, { userName: '../\u0000'.repeat(10_000), password: GOOD_PASSWORD, from: null }),
    ];
    await changeUser(auth, userId, { disabled: true }, CLI_ORIGIN);
    results.push(await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: null }));
    for (const r of results) expect(answer(r)).toEqual({ reason: 'bad-credentials', retryAfterSec: 0 });
    expect(auth.store.sessions.size).toBe(0);
  });

  it('throttles a real and an unknown name with the same sequence of answers', async () => {
    const { auth } = await withAlice();
    const run = async (userName: string): Promise<unknown[]> => {
      const out: unknown[] = [];
      for (let i = 0; i < 12; i++) out.push(answer(await login(auth, { userName, password: 'wrong wrong wrong', from: null })));
      return out;
    };
    const real = await run('alice');
    expect(real).toEqual(await run('nobody-by-this-name'));
    expect(real.slice(3, 5)).toEqual([
      { reason: 'bad-credentials', retryAfterSec: 1 },
      { reason: 'throttled', retryAfterSec: 1 },
    ]);
  });

  it('refuses even the right password while throttled, and accepts it once the wait is over, resetting the count', async () => {
    const { auth } = await withAlice();
    for (let i = 0; i < 10; i++) {
      await login(auth, { userName: 'alice', password: 'wrong wrong wrong', from: null });
      auth.advance(61_000); // wait out each back-off so every attempt counts
    }
    const locked = await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: null });
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
    if (locked.ok) throw new Error('unreachable');
    auth.advance(locked.retryAfterSec * 1000);
    expect((await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: null })).ok).toBe(true);
    expect(answer(await login(auth, { userName: 'alice', password: 'wrong wrong wrong', from: null }))).toEqual({
      reason: 'bad-credentials',
      retryAfterSec: 0,
    });
  });

  it('rehashes a password stored with older parameters at the next successful login', async () => {
    const { auth, userId } = await withAlice();
    await auth.store.updateUser(userId, { passwordHash: await argon2Hash(GOOD_PASSWORD, { memoryCost: 8192, timeCost: 1 }) });
    expect((await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: null })).ok).toBe(true);
    const stored = auth.store.users.get(userId)?.passwordHash ?? '';
    expect(stored).toMatch(/m=19456,t=2,p=1/);
    expect(needsRehash(stored)).toBe(false);
    expect(auth.store.audit.at(-1)?.detail).toEqual({ costUpgraded: true });
  });

  it('replaces the session the browser came with', async () => {
    const { auth } = await withAlice();
    const first = await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: null });
    if (!first.ok) throw new Error('login failed');
    const second = await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: null, previousSessionId: first.sessionId });
    if (!second.ok) throw new Error('login failed');
    expect(auth.store.sessions.has(hashSessionId(first.sessionId))).toBe(false);
    expect(auth.store.sessions.has(hashSessionId(second.sessionId))).toBe(true);
  });

  it('puts no password, hash, session id or unknown typed name in the audit log', async () => {
    const { auth, userId } = await withAlice();
    await login(auth, { userName: 'alice', password: 'typo typo typo', from: '10.0.0.5' });
    await login(auth, { userName: 'hunter2hunter2', password: GOOD_PASSWORD, from: '10.0.0.5' });
    const ok = await login(auth, { userName: 'alice', password: GOOD_PASSWORD, from: '10.0.0.5' });
    if (!ok.ok) throw new Error('login failed');
    await logout(auth, { sessionId: ok.sessionId, name: 'alice', role: 'analyst' }, '10.0.0.5');
    const log = JSON.stringify(auth.store.audit);
    for (const secret of [GOOD_PASSWORD, 'typo typo typo', 'hunter2hunter2', ok.sessionId, ok.csrfToken, auth.store.users.get(userId)?.passwordHash ?? '?']) {
      expect(log).not.toContain(secret);
    }
    expect(auth.store.audit.map((e) => [e.action, e.outcome, e.detail.reason ?? null])).toEqual([
      ['user-created', 'success', null],
      ['login-failed', 'failure', 'wrong-password'],
      ['login-failed', 'failure', 'unknown-user'],
      ['login', 'success', null],
      ['logout', 'success', null],
    ]);
    expect(auth.store.sessions.size).toBe(0);
  });
});
