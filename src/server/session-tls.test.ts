/**
 * The session cookie over TLS (a real HTTPS listener with a throw-away self-signed certificate made by openssl):
 * `__Host-wardwatch-session` with Secure (RFC 6265bis §4.1.3.2), HSTS on every answer, and a plain-named cookie
 * (which a sibling host or plain HTTP could have planted) not accepted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../app/user-admin.js';
import { requires } from '../test-support/tools.js';
import { serveSample, type Served } from './test-support/server-fixture.js';

const openssl = requires({ tools: ['openssl'] });
const PASSWORD = 'correct horse battery staple';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

describe.skipIf(openssl.skip)(openssl.title('sessions over TLS'), () => {
  let s: Served;
  let dir: string;
  let cert: Buffer;
  let port = 0;

  function call(method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path: url, ca: cert, servername: 'localhost', headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }); });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ww-tls-'));
    const key = path.join(dir, 'key.pem');
    const crt = path.join(dir, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', crt, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
    cert = readFileSync(crt);
    s = await serveSample({ realAuth: true, tls: { cert, key: readFileSync(key) } });
    await addUser(s.ws, { name: 'nurse', role: 'viewer', password: PASSWORD }, { actor: { kind: 'system', name: 'test', role: null }, from: null });
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    const address = s.app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  }, 60_000);
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets the __Host- cookie with Secure, answers HSTS, and accepts only that cookie', async () => {
    const login = await call('POST', '/api/login', {}, JSON.stringify({ user: 'nurse', password: PASSWORD }));
    expect(login.status, login.body).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-wardwatch-session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure$/);
    expect(login.headers['strict-transport-security']).toBe('max-age=31536000');
    const value = setCookie.split(';')[0]?.split('=')[1] ?? '';

    expect((await call('GET', '/api/me', { cookie: `__Host-wardwatch-session=${value}` })).status).toBe(200);
    const planted = await call('GET', '/api/me', { cookie: `wardwatch-session=${value}` });
    expect(planted.status).toBe(401);
    expect(planted.headers['strict-transport-security']).toBe('max-age=31536000');

    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const out = await call('POST', '/api/logout', { cookie: `__Host-wardwatch-session=${value}`, 'x-csrf-token': csrf });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toBe('__Host-wardwatch-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure');
  });
});
