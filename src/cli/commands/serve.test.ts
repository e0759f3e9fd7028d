/** `wardwatch serve` as a user runs it: the built CLI listening, answering, refusing clear text off loopback, stopping on SIGTERM. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDb } from '../../server/test-support/server-fixture.js';
import { requires } from '../../test-support/tools.js';
import { runCli, startCli } from '../test-support/run-cli.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-serve-cli-'));
  db = sampleDb(dir);
}, 60_000);
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** Starts serve and waits for the address it prints. */
async function serve(args: readonly string[]): Promise<{ child: ChildProcess; base: string; stderr: () => string; exit: Promise<number | null> }> {
  const child = startCli(['serve', '--db', db, '--listen', '127.0.0.1:0', ...args]);
  let err = '';
  const exit = new Promise<number | null>((resolve) => { child.once('close', (code) => { resolve(code); }); });
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      err += c;
      const m = /serving (https?:\/\/[^/]+)\/api\/docs/.exec(err);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    void exit.then(() => { reject(new Error(`serve exited: ${err}`)); });
  });
  return { child, base, stderr: () => err, exit };
}

describe('wardwatch serve', () => {
  it('answers over HTTP on loopback, 401 without a login, and stops cleanly on SIGTERM', async () => {
    const s = await serve([]);
    const health = await fetch(`${s.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const devices = await fetch(`${s.base}/api/devices`);
    expect(devices.status).toBe(401);
    expect(await devices.json()).toMatchObject({ code: 'unauthorized' });
    expect((await fetch(`${s.base}/api/openapi.json`)).status).toBe(200);
    // An API token made by `wardwatch tokens create` is a login: a viewer reads devices, a revoked token is refused.
    const made = runCli(['tokens', 'create', 'siem', '--role', 'viewer', '--db', db]);
    expect(made.code).toBe(0);
    const token = made.stdout.trim();
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const listed = await fetch(`${s.base}/api/devices`, auth);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { devices: unknown[] }).devices.length).toBeGreaterThan(0);
    expect((await fetch(`${s.base}/api/devices`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toContain('wardwatch: stopped');
    // Request logs are JSON lines and carry no header values.
    expect(s.stderr()).toMatch(/"url":"\/api\/devices"/);
  }, 30_000);

  it('refuses a network address without TLS, and a missing database', () => {
    const r = runCli(['serve', '--db', db, '--listen', '0.0.0.0:8443']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: refusing to listen on 0\.0\.0\.0:8443 without TLS/);
    const gone = runCli(['serve', '--db', path.join(dir, 'none.db')]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/no database/);
  });

  const gate = requires({ tools: ['openssl'] });
  it.skipIf(gate.skip)(gate.title('serves HTTPS with the given certificate and key'), async () => {
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const s = await serve(['--tls-cert', cert, '--tls-key', key]);
    expect(s.base).toMatch(/^https:/);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      // A self-signed certificate made just now: trust it for this one request.
      request(`${s.base}/api/health`, { rejectUnauthorized: false }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject).end();
    });
    expect(status).toBe(200);
    s.child.kill('SIGINT');
    expect(await s.exit).toBe(0);
  }, 30_000);
});
