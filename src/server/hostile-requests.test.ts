/**
 * Hostile and broken requests: each gets a 4xx with `{error, code}` JSON (never a 500, never a stack trace) and
 * leaves the inventory and the findings exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevices } from '../app/devices.js';
import { listFindings } from '../app/findings.js';
import { defineRoute } from './route-table.js';
import { API_ROUTES } from './routes/index.js';
import { bearer, serveSample, type Served } from './test-support/server-fixture.js';

interface Hostile { name: string; method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: string | Buffer; status: number }

const json = { 'content-type': 'application/json' };

function nested(depth: number): string {
  return `{"status":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

let s: Served;
let device: string;
let finding: string;

/** Everything a request could have changed, as the app reads it. */
async function snapshot(): Promise<string> {
  const devices = await listDevices(s.ws, { includeRetired: true });
  const { findings } = await listFindings(s.ws, {});
  const history = await Promise.all(devices.map((d) => s.ws.inventory.history(d.id)));
  return JSON.stringify({ devices, findings, history });
}

function cases(): Hostile[] {
  const f = `/api/findings/${finding}`;
  const d = `/api/devices/${device}`;
  return [
    { name: 'bad JSON', method: 'PATCH', url: f, headers: json, payload: '{"status": "mitigated",', status: 400 },
    { name: 'empty JSON body', method: 'PATCH', url: f, headers: json, payload: '', status: 400 },
    { name: 'JSON that is not an object', method: 'PATCH', url: f, headers: json, payload: '"mitigated"', status: 400 },
    { name: 'a prototype-polluting key', method: 'PATCH', url: f, headers: json, payload: '{"status":"mitigated","__proto__":{"admin":true}}', status: 400 },
    { name: 'a body over the limit', method: 'PATCH', url: f, headers: json, payload: `{"status":"mitigated","reason":"${'x'.repeat(200_000)}"}`, status: 413 },
    { name: 'deep nesting', method: 'PATCH', url: f, headers: json, payload: nested(5_000), status: 400 },
    { name: 'deeper nesting than the body limit', method: 'PATCH', url: f, headers: json, payload: nested(50_000), status: 413 },
    { name: 'form data', method: 'PATCH', url: f, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'status=mitigated', status: 415 },
    { name: 'text/plain', method: 'PUT', url: `${d}/values`, headers: { 'content-type': 'text/plain' }, payload: 'location=ICU', status: 415 },
    { name: 'an unknown field', method: 'PATCH', url: f, headers: json, payload: '{"status":"mitigated","by":"someone-else"}', status: 400 },
    { name: 'a status only VEX may set', method: 'PATCH', url: f, headers: json, payload: '{"status":"not-affected"}', status: 400 },
    { name: 'an acceptance without owner', method: 'POST', url: `${f}/accept`, headers: json, payload: '{"reason":"r","expires":"2999-01-01"}', status: 400 },
    { name: 'an acceptance already expired', method: 'POST', url: `${f}/accept`, headers: json, payload: '{"reason":"r","owner":"o","expires":"2001-01-01"}', status: 400 },
    { name: 'an impossible date', method: 'POST', url: `${f}/accept`, headers: json, payload: '{"reason":"r","owner":"o","expires":"2999-02-30"}', status: 400 },
    { name: 'control characters in a reason', method: 'POST', url: `${f}/accept`, headers: json, payload: '{"reason":"\\u0000\\u001b[2J","owner":"o","expires":"1999-01-01"}', status: 400 },
    { name: 'an unknown device field', method: 'PUT', url: `${d}/values`, headers: json, payload: '{"password":"x"}', status: 400 },
    { name: 'a category outside the vocabulary (all or none)', method: 'PUT', url: `${d}/values`, headers: json, payload: '{"location":"ICU","category":"toaster"}', status: 400 },
    { name: 'no values at all', method: 'PUT', url: `${d}/values`, headers: json, payload: '{}', status: 400 },
    { name: 'SQL in a status change', method: 'PATCH', url: `/api/findings/${encodeURIComponent("x' OR '1'='1")}`, headers: json, payload: '{"status":"mitigated"}', status: 404 },
    { name: 'path traversal in a device id', url: '/api/devices/..%2F..%2F..%2Fetc%2Fpasswd', status: 404 },
    { name: 'dot segments as an id', url: '/api/devices/%2e%2e/history', status: 404 },
    { name: 'a NUL in an id', url: '/api/devices/abc%00def', status: 404 },
    { name: 'an over-long id', url: `/api/devices/${'a'.repeat(5000)}`, status: 414 },
    { name: 'a malformed percent escape', url: '/api/devices/%E0%A4%A', status: 400 },
    { name: 'unicode and control characters in an id', url: `/api/findings/${encodeURIComponent('\u202e\u0007☃𝕏')}`, status: 404 },
    { name: 'a bad cursor', url: '/api/devices?cursor=abc', status: 400 },
    { name: 'a cursor that is base64 of something else', url: `/api/devices?cursor=${Buffer.from('{"after":1}').toString('base64url')}`, status: 400 },
    { name: 'a cursor with characters outside base64url', url: '/api/devices?cursor=%27%3B--', status: 400 },
    { name: 'a limit too large', url: '/api/devices?limit=501', status: 400 },
    { name: 'a limit of zero', url: '/api/devices?limit=0', status: 400 },
    { name: 'a limit that is no number', url: '/api/devices?limit=ten', status: 400 },
    { name: 'a category outside the vocabulary', url: '/api/devices?category=toaster', status: 400 },
    { name: 'a date that is none', url: '/api/devices?seenSince=yesterday', status: 400 },
    { name: 'an unknown filter', url: '/api/devices?sort=id%3BDROP', status: 400 },
    { name: 'an unknown finding kind', url: '/api/findings?kind=eol-os,%27%20OR%201=1', status: 400 },
    { name: 'a bad since', url: '/api/changes?since=1%27%3Bdrop', status: 400 },
    { name: 'hops out of range', url: `${d}/blast-radius?hops=1000`, status: 400 },
    { name: 'a method the path does not take', method: 'DELETE', url: d, status: 405 },
    { name: 'a path that does not exist', url: '/api/../../etc/passwd', status: 404 },
    { name: 'a login body over the limit', method: 'POST', url: '/api/login', headers: json, payload: `{"user":"a","password":"${'x'.repeat(100_000)}"}`, status: 413 },
    { name: 'a login with an extra field', method: 'POST', url: '/api/login', headers: json, payload: '{"user":"a","password":"b","role":"admin"}', status: 400 },
    { name: 'a login as form data', method: 'POST', url: '/api/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'user=a&password=b', status: 415 },
    { name: 'a user with a prototype-polluting key', method: 'POST', url: '/api/users', headers: json, payload: '{"name":"eve","role":"viewer","password":"correct horse battery staple","__proto__":{"role":"admin"}}', status: 400 },
    { name: 'a user with a role outside the vocabulary', method: 'POST', url: '/api/users', headers: json, payload: '{"name":"eve","role":"root","password":"correct horse battery staple"}', status: 400 },
    { name: 'a user name with a path in it', method: 'DELETE', url: '/api/users/..%2F..%2Fetc', status: 400 },
    { name: 'a role change for nobody', method: 'PUT', url: '/api/users/nobody/role', headers: json, payload: '{"role":"viewer"}', status: 404 },
    { name: 'a token expiring in the past', method: 'POST', url: '/api/tokens', headers: json, payload: '{"name":"bot","role":"viewer","expiresDays":-1}', status: 400 },
    { name: 'an audit action outside its shape', url: '/api/audit?action=login;drop', status: 400 },
    { name: 'a control of an unknown kind', method: 'POST', url: '/api/controls', headers: json, payload: '{"kind":"prayer","description":"x","vendor":"GE"}', status: 400 },
    { name: 'a control for a device that is not there', method: 'POST', url: '/api/controls', headers: json, payload: '{"kind":"physical","description":"x","device":"nope"}', status: 404 },
    { name: 'a control for a device and a model at once', method: 'POST', url: '/api/controls', headers: json, payload: '{"kind":"physical","description":"x","device":"nope","vendor":"GE"}', status: 400 },
    { name: 'removing a control that is not there', method: 'DELETE', url: '/api/controls/ctl-nope', status: 404 },
  ];
}

describe('hostile requests', () => {
  beforeAll(async () => {
    const throwing = defineRoute({ method: 'GET', url: '/api/test-fault', access: 'viewer', tag: 't', summary: 'fails inside', handler: () => Promise.reject(new Error('secret detail at /srv/wardwatch.db')) });
    s = await serveSample({ routes: [...API_ROUTES, throwing] });
    const all = (await s.app.inject({ url: '/api/findings?status=all', headers: bearer('admin') })).json<{ findings: { id: string; deviceId: string }[] }>().findings;
    finding = all[0]?.id ?? '';
    device = all[0]?.deviceId ?? '';
  }, 60_000);
  afterAll(async () => { await s.close(); });

  it('answers each with its 4xx as {error, code} JSON and changes nothing', async () => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const c of cases()) {
      const r = await s.app.inject({ method: c.method ?? 'GET', url: c.url, headers: { ...bearer('admin'), ...c.headers }, ...(c.payload !== undefined ? { payload: c.payload } : {}) });
      const body = r.json<Record<string, unknown>>();
      answers.push(`${c.name}: ${String(r.statusCode)} ${typeof body.code === 'string' ? body.code : '?'}`);
      expect(Object.keys(body).sort(), c.name).toEqual(['code', 'error']);
      expect(r.headers['content-type'], c.name).toMatch(/^application\/json/);
      expect(r.body, c.name).not.toMatch(/\n\s+at |node_modules|\/src\//);
    }
    expect(answers).toEqual(cases().map((c) => `${c.name}: ${String(c.status)} ${({ 400: 'bad-request', 404: 'not-found', 405: 'method-not-allowed', 413: 'payload-too-large', 414: 'uri-too-long', 415: 'unsupported-media-type' } as Record<number, string>)[c.status] ?? '?'}`));
    expect(await snapshot()).toBe(before);
  }, 60_000);

  it('treats SQL-shaped and odd text in filters as text: no match, no error', async () => {
    for (const q of ["' OR 1=1 --", 'x\'); DROP TABLE devices;--', '%', '_', '\u0000', '☃', '"><script>']) {
      const r = await s.app.inject({ url: `/api/devices?q=${encodeURIComponent(q)}&vendor=${encodeURIComponent(q)}`, headers: bearer('viewer') });
      expect(r.statusCode, q).toBe(200);
      expect(r.json<{ devices: unknown[] }>().devices, q).toEqual([]);
    }
    // The same filter with a real value matches, so the empty answers above are not an always-empty filter.
    const hit = await s.app.inject({ url: '/api/devices?q=pacs', headers: bearer('viewer') });
    expect(hit.json<{ devices: unknown[] }>().devices.length).toBeGreaterThan(0);
  });

  it('answers a fault of ours with a 500 that tells nothing inside', async () => {
    const r = await s.app.inject({ url: '/api/test-fault', headers: bearer('viewer') });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({ error: 'internal error', code: 'internal' });
  });

  it('limits requests per address with a 429 and Retry-After', async () => {
    const limited = await serveSample({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const codes: number[] = [];
      let last = await limited.app.inject({ url: '/api/health' });
      codes.push(last.statusCode);
      for (let i = 0; i < 3; i++) {
        last = await limited.app.inject({ url: '/api/health' });
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(last.json()).toMatchObject({ code: 'rate-limited' });
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  }, 60_000);
});
