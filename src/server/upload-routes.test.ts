/**
 * Uploads with real files from test-data/ (a CSAF advisory from CISA's ICSMA series, a medical-device CycloneDX SBOM
 * larger than the JSON routes' 64 KB limit, a CISA use-case VEX, a CMMS register export), hostile ones (truncated,
 * deeply nested, wrong media type, spreadsheet formulas, huge lines, over the limit), each answered with a 4xx that
 * changes nothing; every upload audited; the lists answer the CLI's JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevices } from '../app/devices.js';
import { runCli, repoRoot } from '../cli/test-support/run-cli.js';
import { UPLOAD_LIMITS } from './routes/imports.js';
import { bearer, serveSample, type Served } from './test-support/server-fixture.js';

const read = (relative: string): Buffer => readFileSync(path.join(repoRoot, relative));
const CSAF = read('test-data/corpus/csaf_icsma/icsma-17-009-01a.json');
const SBOM = read('test-data/corpus/sbom_vex/medical_device_case_study_narrow.sbom.json');
const SBOM_XML = read('test-data/corpus/sbom_vex/cyclonedx_examples/SBOM_cern-lhc-vdm-editor-e564943_bom.xml');
const VEX = read('test-data/corpus/sbom_vex/cyclonedx_examples/VEX_CISA-Use-Cases_Case-2_vex.json');
const REGISTER = read('src/inventory/cmms/fixtures/typical-export.csv');
const FORMULAS = read('src/inventory/cmms/fixtures/formula-injection.csv');

let s: Served;
beforeAll(async () => { s = await serveSample(); }, 60_000);
afterAll(async () => { await s.close(); });

async function upload(url: string, body: Buffer | string, contentType: string, role: 'admin' | 'analyst' = 'admin'): Promise<{ status: number; json: () => Record<string, unknown>; body: string }> {
  const r = await s.app.inject({ method: 'POST', url, payload: body, headers: { ...bearer(role), 'content-type': contentType }, remoteAddress: '10.4.4.4' });
  return { status: r.statusCode, body: r.body, json: () => r.json<Record<string, unknown>>() };
}

async function get(url: string): Promise<unknown> {
  const r = await s.app.inject({ url, headers: bearer('viewer') });
  expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  return r.json();
}

/** Everything an upload could change. */
async function snapshot(): Promise<string> {
  return JSON.stringify({
    devices: await listDevices(s.ws, { includeRetired: true }),
    advisories: await get('/api/advisories'), sboms: await get('/api/sboms'), vex: await get('/api/vex'),
    reconcile: await get('/api/reconcile'), findings: await get('/api/findings?status=all'),
  });
}

function cli(args: readonly string[]): unknown {
  const r = runCli([...args, '--db', s.db]);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** "Billion laughs" (CWE-776): entities that expand to gigabytes if a parser expands them. */
const XML_BOMB = `<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>&j;</name><version>1</version></component></components></bom>`;

function nested(depth: number): string {
  return `{"document":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

describe('hostile uploads', () => {
  it('answer each with its 4xx as {error, code}, never a 500, and change nothing', async () => {
    const before = await snapshot();
    const huge = `Asset Tag,Location\nBME-1,${'x'.repeat(2 * 1024 * 1024)}\n`;
    const rolie = JSON.stringify({ feed: { id: 'f', title: 't', entry: [{ id: 'x', link: [{ rel: 'self', href: 'file:///etc/passwd' }] }] } });
    const cases: [string, string, Buffer | string, string, number][] = [
      ['truncated CSAF', '/api/imports/advisories', CSAF.subarray(0, CSAF.length / 2), 'application/json', 400],
      ['deep nesting', '/api/imports/advisories', nested(100_000), 'application/json', 400],
      ['a JSON array', '/api/imports/advisories', '[]', 'application/json', 400],
      ['a ROLIE feed pointing at a local file', '/api/imports/advisories', rolie, 'application/json', 400],
      ['CSAF as text/plain', '/api/imports/advisories', CSAF, 'text/plain', 415],
      ['CSAF as form data', '/api/imports/advisories', 'a=b', 'application/x-www-form-urlencoded', 415],
      ['an empty body', '/api/imports/advisories', '', 'application/json', 400],
      ['an advisory over the route limit', '/api/imports/advisories', Buffer.alloc(UPLOAD_LIMITS.advisory + 1, 0x20), 'application/json', 413],
      ['truncated SBOM', '/api/imports/sbom?vendor=Acme&model=X', SBOM.subarray(0, 1000), 'application/json', 400],
      ['a VEX sent as an SBOM', '/api/imports/sbom?vendor=Acme&model=X', VEX, 'application/json', 400],
      ['binary bytes as an SBOM', '/api/imports/sbom?vendor=Acme&model=X', Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02]), 'application/json', 400],
      ['an SBOM without its model', '/api/imports/sbom?vendor=Acme', SBOM, 'application/json', 400],
      ['an SBOM with a path as its name', '/api/imports/sbom?vendor=Acme&model=X&name=..%2F..%2Fetc%2Fpasswd', SBOM, 'application/json', 400],
      ['an XML entity bomb as an SBOM', '/api/imports/sbom?vendor=Acme&model=X', XML_BOMB, 'application/xml', 400],
      ['deeply nested XML as an SBOM', '/api/imports/sbom?vendor=Acme&model=X', `<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.4">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</bom>`, 'application/xml', 400],
      ['an SBOM as a CSV', '/api/imports/sbom?vendor=Acme&model=X', SBOM, 'text/csv', 415],
      ['deep nesting as VEX', '/api/imports/vex', nested(100_000), 'application/json', 400],
      ['an SBOM sent as VEX', '/api/imports/vex', SBOM, 'application/json', 400],
      ['truncated VEX', '/api/imports/vex', VEX.subarray(0, 300), 'application/json', 400],
      ['a register with spreadsheet formulas', '/api/imports/register?name=formula-injection.csv', FORMULAS, 'text/csv', 400],
      ['a register with a 2 MiB line', '/api/imports/register', huge, 'text/csv', 400],
      ['a register with a NUL byte', '/api/imports/register', 'MAC,Location\n08:00:19:4a:21:07,ICU\u0000\n', 'text/csv', 400],
      ['a register as JSON', '/api/imports/register', '{"rows":[]}', 'application/json', 415],
      ['binary bytes as a register', '/api/imports/register', Buffer.from('\u0000\u0001\u0002'), 'text/csv', 400],
      ['a register with an unknown --map field', '/api/imports/register?map=MAC%3Dpassword', REGISTER, 'text/csv', 400],
      ['a register over the route limit', '/api/imports/register', Buffer.alloc(UPLOAD_LIMITS.register + 1, 0x41), 'text/csv', 413],
    ];
    const answers: string[] = [];
    for (const [name, url, body, type] of cases) {
      const r = await upload(url, body, type);
      const json = r.json();
      answers.push(`${name}: ${String(r.status)}`);
      expect(Object.keys(json).sort(), name).toEqual(['code', 'error']);
      expect(r.body, name).not.toMatch(/\n\s+at |node_modules|\/src\/|internal error/);
    }
    expect(answers).toEqual(cases.map(([name, , , , want]) => `${name}: ${String(want)}`));
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('records a refused upload in the audit log with its reason', async () => {
    const refused = (await s.ws.auth.listAudit()).filter((e) => e.action === 'import' && e.outcome === 'failure');
    expect(refused.find((e) => e.target === 'import:register:formula-injection.csv')).toMatchObject({ from: '10.4.4.4', actor: { name: 'admin-user', role: 'admin' } });
    expect(refused.find((e) => e.target === 'import:register:formula-injection.csv')?.detail.reason).toMatch(/line 2, column "Location": a cell a spreadsheet would run as a formula/);
  });

  it('keeps uploads from a role below admin', async () => {
    expect((await upload('/api/imports/advisories', CSAF, 'application/json', 'analyst')).status).toBe(403);
  });
});

describe('real files', () => {
  it('imports a CSAF advisory, audited, and lists it', async () => {
    const r = await upload('/api/imports/advisories?name=icsma-17-009-01a.json', CSAF, 'application/json');
    expect(r.status, r.body).toBe(200);
    expect(r.json()).toMatchObject({ report: { ok: true, kind: 'csaf', advisories: 1 }, assessment: { devices: expect.any(Number) as number } });
    const { advisories } = (await get('/api/advisories')) as { advisories: { id: string }[] };
    expect(advisories.map((a) => a.id)).toContain('ICSMA-17-009-01A');
    const audit = (await s.ws.auth.listAudit()).at(-1);
    expect(audit).toMatchObject({ action: 'import', target: 'import:advisories:icsma-17-009-01a.json', outcome: 'success', from: '10.4.4.4', detail: { kind: 'csaf', advisories: 1, bytes: CSAF.length } });
  });

  it('attaches a CycloneDX SBOM larger than the JSON routes take, and an XML one', async () => {
    expect(SBOM.length).toBeGreaterThan(64 * 1024);
    const r = await upload('/api/imports/sbom?vendor=Acme%20Medical&model=Infuser%202&name=case-study.sbom.json', SBOM, 'application/vnd.cyclonedx+json');
    expect(r.status, r.body).toBe(200);
    const sbom = r.json().sbom as { components: number; format: string };
    expect(sbom).toMatchObject({ vendor: 'Acme Medical', model: 'Infuser 2', replaced: false });
    expect(sbom.components).toBeGreaterThan(10);
    const xml = await upload('/api/imports/sbom?vendor=CERN&model=VdM%20Editor&name=vdm.bom.xml', SBOM_XML, 'application/xml');
    expect(xml.status, xml.body).toBe(200);
    const { sboms } = (await get('/api/sboms')) as { sboms: { model: string; origin: string }[] };
    expect(sboms.map((x) => [x.model, x.origin])).toEqual(expect.arrayContaining([['Infuser 2', 'case-study.sbom.json'], ['VdM Editor', 'vdm.bom.xml']]));
  });

  it('imports a VEX document', async () => {
    const r = await upload('/api/imports/vex?vendor=Acme&name=case-2.vex.json', VEX, 'application/json');
    expect(r.status, r.body).toBe(200);
    expect((r.json().vex as { statements: number }).statements).toBeGreaterThan(0);
    expect(((await get('/api/vex')) as { statements: unknown[] }).statements.length).toBe((r.json().vex as { statements: number }).statements);
  });

  it('previews a register (the column mapping, writing nothing), then imports it', async () => {
    const before = await snapshot();
    const preview = await upload('/api/imports/register/preview?name=typical-export.csv', REGISTER, 'text/csv');
    expect(preview.status, preview.body).toBe(200);
    const p = preview.json() as { summary: { columns: { column: string; field: string | null }[]; dryRun: boolean; matched: number }; refusals: string[]; formulaCells: unknown[] };
    expect(p.summary.dryRun).toBe(true);
    expect(p.summary.columns).toEqual(expect.arrayContaining([expect.objectContaining({ column: 'MAC Address', field: 'mac' }), expect.objectContaining({ column: 'Manufacturer', field: 'vendor' })]));
    expect(p.refusals).toEqual([]);
    expect(await snapshot()).toBe(before);

    // The preview of a hostile file says why an import would be refused, still writing nothing.
    const hostile = (await upload('/api/imports/register/preview', FORMULAS, 'text/csv')).json() as { refusals: string[]; formulaCells: unknown[] };
    expect(hostile.formulaCells).toHaveLength(3);
    expect(hostile.refusals[0]).toMatch(/line 2, column "Location"/);

    const done = await upload('/api/imports/register?name=typical-export.csv', REGISTER, 'text/csv; charset=utf-8');
    expect(done.status, done.body).toBe(200);
    const summary = done.json().summary as { dryRun: boolean; matched: number; rows: number };
    expect(summary.dryRun).toBe(false);
    expect(summary.matched).toBeGreaterThan(0);
    expect(summary.matched).toBe(p.summary.matched);
    const reconciled = (await get('/api/reconcile')) as { matched: unknown[] };
    expect(reconciled.matched.length).toBe(summary.matched);
  });
});

describe('the lists and the CLI on one database', () => {
  it('answers what `advisories list`, `sbom list`, `vex list`, `controls list` and `reconcile` print as JSON', async () => {
    await s.app.inject({ method: 'POST', url: '/api/controls', headers: bearer('analyst'), payload: { kind: 'monitoring', description: 'IDS on the imaging VLAN', vendor: 'GE' } });
    expect(await get('/api/advisories')).toEqual(cli(['advisories', 'list', '--format', 'json']));
    expect(await get('/api/sboms')).toEqual(cli(['sbom', 'list', '--format', 'json']));
    expect(await get('/api/vex')).toEqual(cli(['vex', 'list', '--format', 'json']));
    expect(await get('/api/reconcile')).toEqual(cli(['reconcile', '--format', 'json']));
    const controls = (await get('/api/controls')) as { controls: unknown[]; windows: unknown[] };
    expect(controls.controls.length).toBe(1);
    expect({ controls: controls.controls }).toEqual(cli(['controls', 'list', '--format', 'json']));
    expect({ windows: controls.windows }).toEqual(cli(['controls', 'window', 'list', '--format', 'json']));
  });
});
