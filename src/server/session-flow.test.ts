/**
 * The console login contract end to end over the real auth store of the sample database: login, the cookie, CSRF on
 * unsafe methods, logout, idle and absolute expiry, the lockout, the audit records, and the security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthDeps } from '../auth/auth-deps.js';
import { createApiToken } from '../auth/api-tokens.js';
import { DEFAULT_SESSION_POLICY } from '../auth/sessions.js';
import { addUser } from '../app/user-admin.js';
import { authenticateWith } from './auth-adapter.js';
import { serveSample, type Served } from './test-support/server-fixture.js';

const PASSWORD = 'correct horse battery staple';
const SYSTEM = { actor: { kind: 'system', name: 'test', role: null }, from: null } as const;

let s: Served;
let nowMs = Date.UTC(2026, 11, 8, 8, 0, 0);
const advance = (ms: number): void => { nowMs += ms; };
let finding = '';

beforeAll(async () => {
  s = await serveSample({ auth: { now: () => nowMs }, authenticate: async (request) => authenticateWith(deps())(request) });
  for (const [name, role] of [['nurse.ana', 'analyst'], ['victim', 'viewer'], ['idle', 'viewer'], ['busy', 'viewer']] as const) {
    await addUser(s.ws, { name, role, password: PASSWORD }, SYSTEM);
  }
  const token = await createApiToken(s.ws.auth, { name: 'matrix', role: 'analyst', createdBy: null }, nowMs);
  bearerToken = token.token;
  const r = await s.app.inject({ url: '/api/findings', headers: { authorization: `Bearer ${bearerToken}` } });
  finding = r.json<{ findings: { id: string }[] }>().findings[0]?.id ?? '';
}, 60_000);
afterAll(async () => { await s.close(); });

let bearerToken = '';
function deps(): AuthDeps {
  return { store: s.ws.auth, now: () => nowMs, sessionPolicy: DEFAULT_SESSION_POLICY };
}

async function loginAs(user: string, password = PASSWORD, remoteAddress = '127.0.0.1'): Promise<{ status: number; cookie: string; csrf: string; setCookie: string; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  const r = await s.app.inject({ method: 'POST', url: '/api/login', payload: { user, password }, remoteAddress });
  const setCookie = String(r.headers['set-cookie'] ?? '');
  const body = r.json<Record<string, unknown>>();
  return { status: r.statusCode, cookie: setCookie.split(';')[0] ?? '', csrf: typeof body.csrfToken === 'string' ? body.csrfToken : '', setCookie, body, headers: r.headers };
}

async function findingStatus(): Promise<string> {
  const r = await s.app.inject({ url: `/api/findings/${finding}`, headers: { authorization: `Bearer ${bearerToken}` } });
  return r.json<{ finding: { status: string } }>().finding.status;
}

describe('the console login flow', () => {
  it('logs in, reads with the cookie, needs the CSRF token to write, logs out', async () => {
    const login = await loginAs('Nurse.Ana');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: 'nurse.ana', role: 'analyst' });
    expect(login.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(String(login.body.expiresAt))).toBe(nowMs + DEFAULT_SESSION_POLICY.idleTimeoutSec * 1000);
    expect(login.setCookie).toMatch(/^wardwatch-session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/);

    const cookie = { cookie: login.cookie };
    const me = await s.app.inject({ url: '/api/me', headers: cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: 'nurse.ana', role: 'analyst', csrfToken: login.csrf, expiresAt: login.body.expiresAt });
    expect((await s.app.inject({ url: '/api/findings', headers: cookie })).statusCode).toBe(200);

    const url = `/api/findings/${finding}/acknowledge`;
    const before = await findingStatus();
    for (const headers of [cookie, { ...cookie, 'x-csrf-token': 'forged' }, { ...cookie, 'x-csrf-token': '' }]) {
      const denied = await s.app.inject({ method: 'POST', url, headers, payload: { reason: 'on it' } });
      expect(denied.statusCode, JSON.stringify(headers)).toBe(403);
      expect(denied.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await findingStatus()).toBe(before);
    const done = await s.app.inject({ method: 'POST', url, headers: { ...cookie, 'x-csrf-token': login.csrf }, payload: { reason: 'on it' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ finding: { status: 'acknowledged', statusBy: 'nurse.ana' } });
    const audit = await s.ws.auth.listAudit();
    expect(audit.at(-1)).toMatchObject({ action: 'change', target: `finding:${finding}`, actor: { kind: 'user', name: 'nurse.ana', role: 'analyst' }, from: '127.0.0.1', detail: { status: 'acknowledged', reason: 'on it' } });
    const denials = audit.filter((e) => e.action === 'access-denied');
    expect(denials.length).toBe(3);
    expect(denials[0]).toMatchObject({ target: 'POST /api/findings/:id/acknowledge', outcome: 'denied', from: '127.0.0.1', detail: { reason: 'missing or wrong CSRF token' } });

    expect((await s.app.inject({ method: 'POST', url: '/api/logout', headers: cookie })).statusCode).toBe(403);
    const out = await s.app.inject({ method: 'POST', url: '/api/logout', headers: { ...cookie, 'x-csrf-token': login.csrf } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toBe('wardwatch-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
    const logged = (await s.ws.auth.listAudit()).length;
    const after = await s.app.inject({ url: '/api/me', headers: cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthorized' });
    // A 401 is not recorded (scanners would fill the log); the logout before it was.
    expect((await s.ws.auth.listAudit()).length).toBe(logged);
    expect((await s.ws.auth.listAudit()).at(-1)).toMatchObject({ action: 'logout', actor: { name: 'nurse.ana' } });
  });

  it('gives one 401 for an unknown user and a wrong password, and audits both with the source address', async () => {
    const wrong = await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'victim', password: 'not the password at all' } });
    const unknown = await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'nobody-here', password: 'not the password at all' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ error: 'user name or password is wrong', code: 'unauthorized' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const audit = await s.ws.auth.listAudit();
    const failed = audit.filter((e) => e.action === 'login-failed');
    expect(failed.map((e) => [e.actor.name, e.detail.reason, e.from])).toEqual(expect.arrayContaining([['victim', 'wrong-password', '127.0.0.1'], [null, 'unknown-user', '127.0.0.1']]));
    expect(audit.some((e) => e.action === 'login' && e.actor.name === 'nurse.ana' && e.from === '127.0.0.1')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('not the password at all');
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('refuses a body that is not the contract with a 400, not a 500', async () => {
    for (const payload of ['{"user":"victim"}', '{"user":"victim","password":"x","admin":true}', '{"user":', '[]']) {
      const r = await s.app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload });
      expect(r.statusCode, payload).toBe(400);
      expect(r.json(), payload).toMatchObject({ code: 'bad-request' });
    }
  });

  it('needs no CSRF token from an API token, and /api/me says so', async () => {
    const headers = { authorization: `Bearer ${bearerToken}` };
    expect((await s.app.inject({ url: '/api/me', headers })).json()).toEqual({ user: 'matrix', role: 'analyst', csrfToken: null, expiresAt: null });
    const r = await s.app.inject({ method: 'POST', url: `/api/findings/${finding}/reopen`, headers });
    expect(r.statusCode, r.body).toBe(200);
  });
});

describe('session expiry', () => {
  it('ends a session left idle past the idle timeout', async () => {
    const { cookie } = await loginAs('idle');
    advance((DEFAULT_SESSION_POLICY.idleTimeoutSec - 60) * 1000);
    expect((await s.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    advance((DEFAULT_SESSION_POLICY.idleTimeoutSec + 1) * 1000);
    expect((await s.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends an active session at the absolute timeout', async () => {
    const { cookie } = await loginAs('busy');
    const step = 20 * 60_000;
    let elapsed = 0;
    while (elapsed + step < DEFAULT_SESSION_POLICY.absoluteTimeoutSec * 1000) {
      advance(step);
      elapsed += step;
      expect((await s.app.inject({ url: '/api/me', headers: { cookie } })).statusCode, `after ${elapsed / 60_000} min`).toBe(200);
    }
    advance(DEFAULT_SESSION_POLICY.absoluteTimeoutSec * 1000 - elapsed);
    expect((await s.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  it('lets a few typos through, then locks the name out (429, Retry-After) even for the right password, until the lockout ends', async () => {
    // Three free failures (login-throttle.ts USER_NAME_RULE), then the right password still works.
    for (let i = 0; i < 3; i++) expect((await loginAs('victim', 'typo typo typo')).status).toBe(401);
    expect((await loginAs('victim')).status).toBe(200);

    let locked: Awaited<ReturnType<typeof loginAs>> | null = null;
    for (let attempt = 0; attempt < 30 && locked === null; attempt++) {
      const r = await loginAs('victim', 'guess guess guess');
      if (r.status === 429) {
        const wait = Number(r.headers['retry-after']);
        expect(wait).toBeGreaterThan(0);
        if (wait >= 60 * 10) locked = r;
        else advance(wait * 1000);
      } else expect(r.status).toBe(401);
    }
    if (locked === null) throw new Error('never locked out');
    expect(locked.body).toEqual({ error: 'too many failed logins; try again later', code: 'rate-limited' });
    expect((await loginAs('victim')).status).toBe(429);
    // The name is locked from any address; another user from elsewhere is not (this address is throttled too by now).
    expect((await loginAs('victim', PASSWORD, '10.9.9.9')).status).toBe(429);
    expect((await loginAs('nurse.ana', PASSWORD, '10.9.9.9')).status).toBe(200);
    advance(Number(locked.headers['retry-after']) * 1000);
    expect((await loginAs('victim')).status).toBe(200);
    const audit = await s.ws.auth.listAudit();
    expect(audit.some((e) => e.action === 'login-failed' && e.outcome === 'denied' && e.detail.reason === 'throttled')).toBe(true);
  });
});

describe('security headers', () => {
  it('sets the CSP and the other headers on every answer: success, error, not found, login, docs', async () => {
    const answers = [
      await s.app.inject({ url: '/api/health' }),
      await s.app.inject({ url: '/api/devices' }),
      await s.app.inject({ url: '/api/nothing-here' }),
      await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'x', password: 'y' } }),
      await s.app.inject({ url: '/api/docs/' }),
    ];
    for (const r of answers) {
      const csp = String(r.headers['content-security-policy']);
      expect(csp, r.raw.req.url).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['cache-control']).toBe('no-store');
      // HSTS only over TLS (RFC 6797 §7.2): this server is plain HTTP.
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
