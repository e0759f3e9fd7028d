/**
 * The API answers with the CLI's JSON (docs/architecture.md: the same shapes): the built CLI and the server read one database
 * made from the sample capture, and each pair of answers is compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/test-support/run-cli.js';
import { bearer, serveSample, type Served } from './test-support/server-fixture.js';

let s: Served;
beforeAll(async () => { s = await serveSample(); }, 60_000);
afterAll(async () => { await s.close(); });

function cli(args: readonly string[]): unknown {
  const r = runCli([...args, '--db', s.db]);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return args.includes('csv') ? r.stdout : JSON.parse(r.stdout);
}

async function api(url: string): Promise<unknown> {
  const r = await s.app.inject({ url, headers: bearer('viewer') });
  expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  return String(r.headers['content-type']).startsWith('text/csv') ? r.body : r.json();
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('the API and the CLI on one database', () => {
  it('lists the same devices (devices --format json)', async () => {
    const fromCli = (cli(['devices', '--format', 'json']) as { devices: { id: string }[] }).devices;
    const fromApi = (await api('/api/devices?limit=500')) as { devices: { id: string }[] };
    expect(fromCli.length).toBeGreaterThan(0);
    expect(fromApi.devices).toEqual([...fromCli].sort(byId));
  });

  it('shows each device as the listing does, with its evidence', async () => {
    const fromCli = (cli(['devices', '--format', 'json']) as { devices: { id: string; evidence: unknown[] }[] }).devices;
    for (const d of fromCli) expect(((await api(`/api/devices/${d.id}`)) as { device: unknown }).device).toEqual(d);
    expect(fromCli.some((d) => d.evidence.length > 0)).toBe(true);
  });

  it('lists the same findings, by default and with every status', async () => {
    expect(await api('/api/findings')).toEqual(cli(['findings', '--format', 'json']));
    expect(await api('/api/findings?status=all')).toEqual(cli(['findings', '--format', 'json', '--all']));
    expect(await api('/api/findings?kind=cleartext-phi,eol-os')).toEqual(cli(['findings', '--format', 'json', '--kind', 'cleartext-phi', 'eol-os']));
  });

  it('gives the same conduits, zone conduits, policy and changes', async () => {
    expect(await api('/api/conduits')).toEqual(cli(['conduits', '--format', 'json']));
    expect(await api('/api/conduits?zones=true')).toEqual(cli(['conduits', '--zones', '--format', 'json']));
    expect(await api('/api/policy')).toEqual(cli(['policy', '--format', 'json']));
    expect(await api('/api/changes?since=7d')).toEqual(cli(['changes', '--since', '7d', '--format', 'json']));
  });

  it('exports the same CSV', async () => {
    const fromCli = cli(['devices', '--format', 'csv']) as string;
    expect(fromCli.split('\r\n').length).toBeGreaterThan(2);
    expect(await api('/api/export/devices.csv')).toBe(fromCli);
  });

  it('records a status change made through the API as the CLI then lists it', async () => {
    const { findings } = (await api('/api/findings')) as { findings: { id: string }[] };
    const id = findings[0]?.id ?? '';
    const r = await s.app.inject({ method: 'POST', url: `/api/findings/${id}/acknowledge`, headers: bearer('analyst'), payload: { reason: 'on it' } });
    expect(r.statusCode).toBe(200);
    const listed = (cli(['findings', '--format', 'json']) as { findings: { id: string; status: string; statusBy: string }[] }).findings.find((f) => f.id === id);
    expect(listed).toMatchObject({ status: 'acknowledged', statusBy: 'analyst-user' });
    expect(r.json<{ finding: unknown }>().finding).toEqual(listed);
  });
});
