/**
 * The admin routes over the real auth store: users, API tokens and the audit log. Each change is audited with who and
 * from where; no password reaches an answer, the audit log or the request log; the lists are the CLI's JSON.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../app/user-admin.js';
import { runCli } from '../cli/test-support/run-cli.js';
import { serveSample, type Served } from './test-support/server-fixture.js';

const PASSWORD = 'correct horse battery staple';
const SYSTEM = { actor: { kind: 'system', name: 'test', role: null }, from: null } as const;

let s: Served;
let admin: Record<string, string>;
const logged: string[] = [];

beforeAll(async () => {
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { logged.push(chunk.toString('utf8')); done(); } });
  s = await serveSample({ realAuth: true, logger: { level: 'trace', stream } });
  admin = { authorization: `Bearer ${(await createToken(s.ws, { name: 'root-bot', role: 'admin', expiresDays: null }, SYSTEM)).token}` };
}, 60_000);
afterAll(async () => { await s.close(); });

const ADDR = '10.1.2.3';
async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = admin): Promise<{ status: number; body: string; json: () => Record<string, unknown> }> {
  const r = await s.app.inject({ method, url, headers, remoteAddress: ADDR, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  return { status: r.statusCode, body: r.body, json: () => r.json<Record<string, unknown>>() };
}

function cli(args: readonly string[]): unknown {
  const r = runCli([...args, '--db', s.db]);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return args.includes('csv') ? r.stdout : JSON.parse(r.stdout);
}

describe('users', () => {
  it('adds a user: 201 without any password in the answer, audited with the admin and the address', async () => {
    const r = await call('POST', '/api/users', { name: 'Tech.One', role: 'analyst', password: PASSWORD });
    expect(r.status, r.body).toBe(201);
    const { user } = r.json() as { user: Record<string, unknown> };
    expect(Object.keys(user).sort()).toEqual(['createdAt', 'disabled', 'name', 'passwordChangedAt', 'role']);
    expect(user).toMatchObject({ name: 'tech.one', role: 'analyst', disabled: false });
    const audit = await s.ws.auth.listAudit();
    expect(audit.at(-1)).toMatchObject({ action: 'user-created', target: 'user:tech.one', from: ADDR, actor: { kind: 'token', name: 'root-bot', role: 'admin' }, outcome: 'success' });
    // The new user can log in with that password.
    expect((await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'tech.one', password: PASSWORD } })).statusCode).toBe(200);
  });

  it('refuses a weak password, a taken name and a bad name with a 400 that does not echo the password', async () => {
    const before = (await call('GET', '/api/users')).body;
    const weak = await call('POST', '/api/users', { name: 'weakling', role: 'viewer', password: 'password1' });
    expect(weak.status).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'bad-request' });
    expect(weak.body).not.toContain('password1');
    expect(weak.json().error).toMatch(/at least 12 characters/);
    expect((await call('POST', '/api/users', { name: 'tech.one', role: 'viewer', password: PASSWORD })).status).toBe(400);
    expect((await call('POST', '/api/users', { name: '../etc', role: 'viewer', password: PASSWORD })).status).toBe(400);
    expect((await call('POST', '/api/users', { name: 'x', role: 'root', password: PASSWORD })).status).toBe(400);
    expect((await call('GET', '/api/users')).body).toBe(before);
  });

  it('sets a role and resets a password; both end the user\'s sessions', async () => {
    await call('POST', '/api/users', { name: 'shift.lead', role: 'viewer', password: PASSWORD });
    const login = await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'shift.lead', password: PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    expect((await s.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);

    const promoted = await call('PUT', '/api/users/shift.lead/role', { role: 'analyst' });
    expect(promoted.status).toBe(200);
    expect(promoted.json()).toMatchObject({ user: { name: 'shift.lead', role: 'analyst' } });
    expect((await s.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);

    const reset = await call('PUT', '/api/users/shift.lead/password', { password: 'a brand new pass phrase' });
    expect(reset.status).toBe(204);
    expect(reset.body).toBe('');
    expect((await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'shift.lead', password: PASSWORD } })).statusCode).toBe(401);
    expect((await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'shift.lead', password: 'a brand new pass phrase' } })).statusCode).toBe(200);
    const actions = (await s.ws.auth.listAudit()).filter((e) => e.target === 'user:shift.lead').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user-created', 'user-changed', 'password-changed']));
    expect((await call('PUT', '/api/users/shift.lead/password', { password: 'short' })).status).toBe(400);
  });

  it('removes a user, not oneself, and answers 404 for one who is not there', async () => {
    await call('POST', '/api/users', { name: 'leaver', role: 'viewer', password: PASSWORD });
    expect((await call('DELETE', '/api/users/leaver')).status).toBe(204);
    expect((await call('DELETE', '/api/users/leaver')).status).toBe(404);
    expect((await call('GET', '/api/users')).json().users).not.toContainEqual(expect.objectContaining({ name: 'leaver' }));
    // An admin logged in through the console cannot remove or demote their own account.
    await call('POST', '/api/users', { name: 'boss', role: 'admin', password: PASSWORD });
    const login = await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'boss', password: PASSWORD } });
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0] ?? '', 'x-csrf-token': csrf };
    expect((await call('DELETE', '/api/users/boss', undefined, headers)).status).toBe(400);
    expect((await call('PUT', '/api/users/boss/role', { role: 'viewer' }, headers)).status).toBe(400);
    expect((await call('DELETE', '/api/users/leaver2', undefined, headers)).status).toBe(404);
  });

  it('never lets a password into the audit log or the request log', async () => {
    const audit = JSON.stringify(await s.ws.auth.listAudit());
    const log = logged.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'a brand new pass phrase', 'password1']) {
      expect(audit).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });

  it('lists users as `wardwatch users list --format json` does', async () => {
    expect((await call('GET', '/api/users')).json()).toEqual(cli(['users', 'list', '--format', 'json']));
  });
});

describe('API tokens', () => {
  it('shows the secret once, lets it in, and shuts it out once revoked', async () => {
    const created = await call('POST', '/api/tokens', { name: 'siem-export', role: 'viewer', expiresDays: 90 });
    expect(created.status, created.body).toBe(201);
    const { token, secret } = created.json() as { token: { id: string; name: string; role: string; expiresAtMs: number }; secret: string };
    expect(token).toMatchObject({ name: 'siem-export', role: 'viewer', createdBy: 'root-bot' });
    expect(token).not.toHaveProperty('tokenHash');
    const listed = (await call('GET', '/api/tokens')).body;
    expect(listed).toContain(token.id);
    expect(listed).not.toContain(secret);
    expect(JSON.stringify(await s.ws.auth.listAudit())).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    expect((await call('GET', '/api/devices?limit=1', undefined, bearer)).status).toBe(200);
    expect((await call('GET', '/api/users', undefined, bearer)).status).toBe(403);
    expect((await s.ws.auth.listAudit()).at(-1)).toMatchObject({ action: 'access-denied', target: 'GET /api/users', outcome: 'denied', actor: { kind: 'token', name: 'siem-export', role: 'viewer' }, from: ADDR, detail: { reason: 'needs role admin' } });
    expect((await call('DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
    expect((await call('GET', '/api/devices?limit=1', undefined, bearer)).status).toBe(401);
    expect((await call('DELETE', `/api/tokens/${token.id}`)).status).toBe(404);
    expect((await call('DELETE', '/api/tokens/not;an;id')).status).toBe(400);
    const actions = (await s.ws.auth.listAudit()).filter((e) => e.target === `token:${token.id}`).map((e) => [e.action, e.from]);
    expect(actions).toEqual([['token-created', ADDR], ['token-revoked', ADDR]]);
  });

  it('refuses a bad name, an unknown role and an expiry out of range', async () => {
    for (const payload of [{ name: '=cmd|x', role: 'viewer' }, { name: 'ok', role: 'god' }, { name: 'ok', role: 'viewer', expiresDays: 0 }, { name: 'ok', role: 'viewer', expiresDays: 99999 }]) {
      expect((await call('POST', '/api/tokens', payload)).status, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lists tokens as `wardwatch tokens list --format json` does', async () => {
    expect((await call('GET', '/api/tokens')).json()).toEqual(cli(['tokens', 'list', '--format', 'json']));
  });
});

describe('the audit log', () => {
  it('records a device value change by its fields, not its values', async () => {
    const id = ((await call('GET', '/api/devices?limit=1')).json().devices as { id: string }[])[0]?.id ?? '';
    expect((await call('PUT', `/api/devices/${id}/values`, { location: 'ICU bed 7', department: null })).status).toBe(200);
    const event = (await s.ws.auth.listAudit()).at(-1);
    expect(event).toMatchObject({ action: 'change', target: `device:${id}`, from: ADDR, actor: { name: 'root-bot' }, detail: { fields: 'location department', cleared: 1 } });
    expect(JSON.stringify(event)).not.toContain('ICU bed 7');
  });

  it('filters by action, actor, outcome and time, and caps with truncated', async () => {
    await s.app.inject({ method: 'POST', url: '/api/login', payload: { user: 'tech.one', password: 'wrong wrong wrong' }, remoteAddress: '10.7.7.7' });
    const failed = (await call('GET', '/api/audit?action=login-failed&actor=TECH.ONE')).json() as { events: { action: string; actor: { name: string }; from: string }[]; truncated: boolean };
    expect(failed.events.length).toBe(1);
    expect(failed.events[0]).toMatchObject({ action: 'login-failed', actor: { name: 'tech.one' }, from: '10.7.7.7' });
    const all = (await call('GET', '/api/audit?limit=5000')).json() as { events: { seq: number; action: string; outcome: string }[]; truncated: boolean };
    expect(all.truncated).toBe(false);
    expect(new Set(all.events.map((e) => e.action))).toEqual(new Set(['user-created', 'login', 'login-failed', 'user-changed', 'password-changed', 'user-removed', 'token-created', 'token-revoked', 'access-denied', 'change']));
    const two = (await call('GET', '/api/audit?limit=2')).json() as typeof all;
    expect(two).toEqual({ events: all.events.slice(-2), truncated: true });
    expect(((await call('GET', '/api/audit?outcome=failure')).json() as typeof all).events.every((e) => e.outcome === 'failure')).toBe(true);
    expect(((await call('GET', '/api/audit?until=2000-01-01')).json() as typeof all).events).toEqual([]);
    expect(((await call('GET', '/api/audit?since=1d')).json() as typeof all).events.length).toBe(all.events.length);
    for (const bad of ['since=yesterday', 'action=DROP%20TABLE', 'outcome=maybe', 'limit=0', 'limit=100000', 'user=x']) {
      expect((await call('GET', `/api/audit?${bad}`)).status, bad).toBe(400);
    }
  });

  it('exports CSV and JSON lines as the CLI does, and records each export', async () => {
    const listed = ((await call('GET', '/api/audit?limit=5000')).json() as { events: unknown[] }).events;
    expect((cli(['audit', '--format', 'json']) as { events: unknown[] }).events).toEqual(listed);

    const jsonl = await call('GET', '/api/audit/export.jsonl');
    expect(jsonl.status).toBe(200);
    const lines = jsonl.body.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    // The CLI's export above is in the log now, recorded after the events it exported.
    expect(lines.slice(0, listed.length)).toEqual(listed);
    expect(lines.at(-1)).toMatchObject({ action: 'export', target: 'audit-log', actor: { kind: 'system' } });

    const csv = await call('GET', '/api/audit/export.csv?action=login-failed');
    expect(csv.status).toBe(200);
    const fromCli = (cli(['audit', '--format', 'csv']) as string).split('\r\n');
    const rows = csv.body.split('\r\n').filter((l) => l !== '');
    expect(rows[0]).toBe(fromCli[0]);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows.slice(1)) expect(fromCli).toContain(row);
    const exports = (await s.ws.auth.listAudit()).filter((e) => e.action === 'export' && e.from === ADDR);
    expect(exports.length).toBe(2);
  });
});
