/**
 * The authorisation matrix, generated from the route table: every route × no login, viewer, analyst, admin. Each
 * route has an example request below; a route added without one fails the first test, so none goes unchecked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addControl } from '../app/controls.js';
import { repoRoot } from '../cli/test-support/run-cli.js';
import { addUser, createToken } from '../app/user-admin.js';
import { defineRoute, ROLES, type Role, type Route } from './route-table.js';
import { API_ROUTES } from './routes/index.js';
import { bearer, serveSample, type Served } from './test-support/server-fixture.js';

interface Ids { device: string; finding: string; token: string; control: string }
interface Example { url: string; payload?: Record<string, unknown> | Buffer; headers?: Record<string, string> }

/** A file of the repository's test data as an upload body. */
const file = (relative: string, contentType: string): Pick<Example, 'payload' | 'headers'> => ({ payload: readFileSync(path.join(repoRoot, relative)), headers: { 'content-type': contentType } });
const REGISTER_CSV = 'src/inventory/cmms/fixtures/typical-export.csv';

const key = (r: Pick<Route, 'method' | 'url'>): string => `${r.method} ${r.url}`;
/** A user the login example logs in as (made in each caller's database). */
const MATRIX_USER = { name: 'matrix-user', password: 'correct horse battery staple' };

const tomorrowPlus = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** One request each route must answer with a 2xx for a role it allows. */
const EXAMPLES: Record<string, (ids: Ids) => Example> = {
  'GET /api/health': () => ({ url: '/api/health' }),
  'GET /api/openapi.json': () => ({ url: '/api/openapi.json' }),
  'POST /api/login': () => ({ url: '/api/login', payload: { user: MATRIX_USER.name, password: MATRIX_USER.password } }),
  'POST /api/logout': () => ({ url: '/api/logout' }),
  'GET /api/me': () => ({ url: '/api/me' }),
  'GET /api/devices': () => ({ url: '/api/devices?limit=3' }),
  'GET /api/devices/:id': (i) => ({ url: `/api/devices/${i.device}` }),
  'GET /api/devices/:id/history': (i) => ({ url: `/api/devices/${i.device}/history` }),
  'GET /api/devices/:id/findings': (i) => ({ url: `/api/devices/${i.device}/findings?status=all` }),
  'GET /api/devices/:id/conduits': (i) => ({ url: `/api/devices/${i.device}/conduits` }),
  'GET /api/devices/:id/blast-radius': (i) => ({ url: `/api/devices/${i.device}/blast-radius?hops=2` }),
  'PUT /api/devices/:id/values': (i) => ({ url: `/api/devices/${i.device}/values`, payload: { location: 'ICU 3', department: null } }),
  'GET /api/findings': () => ({ url: '/api/findings?status=all' }),
  'GET /api/findings/:id': (i) => ({ url: `/api/findings/${i.finding}` }),
  'PATCH /api/findings/:id': (i) => ({ url: `/api/findings/${i.finding}`, payload: { status: 'acknowledged', reason: 'ticket 42' } }),
  'POST /api/findings/:id/acknowledge': (i) => ({ url: `/api/findings/${i.finding}/acknowledge`, payload: {} }),
  'POST /api/findings/:id/mitigate': (i) => ({ url: `/api/findings/${i.finding}/mitigate`, payload: { reason: 'VLAN moved' } }),
  'POST /api/findings/:id/reopen': (i) => ({ url: `/api/findings/${i.finding}/reopen` }),
  'POST /api/findings/:id/accept': (i) => ({ url: `/api/findings/${i.finding}/accept`, payload: { reason: 'vendor patch due', owner: 'biomed', expires: tomorrowPlus(30) } }),
  'GET /api/conduits': () => ({ url: '/api/conduits' }),
  'GET /api/policy': () => ({ url: '/api/policy' }),
  'GET /api/risk': () => ({ url: '/api/risk' }),
  'GET /api/changes': () => ({ url: '/api/changes?since=7d' }),
  'GET /api/export/devices.csv': () => ({ url: '/api/export/devices.csv' }),
  'GET /api/export/devices.jsonl': () => ({ url: '/api/export/devices.jsonl' }),
  'GET /api/export/devices.fhir': () => ({ url: '/api/export/devices.fhir' }),
  'POST /api/imports/advisories': () => ({ url: '/api/imports/advisories?name=icsma-17-009-01a.json&assess=false', ...file('test-data/corpus/csaf_icsma/icsma-17-009-01a.json', 'application/json') }),
  'POST /api/imports/sbom': () => ({ url: '/api/imports/sbom?vendor=Acme%20Medical&model=Infuser%202&name=case-study.sbom.json', ...file('test-data/corpus/sbom_vex/medical_device_case_study_narrow.sbom.json', 'application/vnd.cyclonedx+json') }),
  'POST /api/imports/vex': () => ({ url: '/api/imports/vex?vendor=Acme&name=case-2.vex.json', ...file('test-data/corpus/sbom_vex/cyclonedx_examples/VEX_CISA-Use-Cases_Case-2_vex.json', 'application/json') }),
  'POST /api/imports/register/preview': () => ({ url: '/api/imports/register/preview?name=typical-export.csv', ...file(REGISTER_CSV, 'text/csv') }),
  'POST /api/imports/register': () => ({ url: '/api/imports/register?name=typical-export.csv', ...file(REGISTER_CSV, 'text/csv; charset=utf-8') }),
  'GET /api/reconcile': () => ({ url: '/api/reconcile' }),
  'GET /api/controls': () => ({ url: '/api/controls' }),
  'POST /api/controls': () => ({ url: '/api/controls', payload: { kind: 'segmentation', description: 'VLAN 40, ACL permits PACS only', vendor: 'GE Healthcare', expires: tomorrowPlus(90) } }),
  'POST /api/controls/windows': () => ({ url: '/api/controls/windows', payload: { schedule: 'Sat 22:00-Sun 04:00', description: 'agreed with biomed', vendor: 'GE Healthcare' } }),
  'DELETE /api/controls/:id': (i) => ({ url: `/api/controls/${i.control}` }),
  'POST /api/policy/approve': () => ({ url: '/api/policy/approve' }),
  'GET /api/advisories': () => ({ url: '/api/advisories' }),
  'GET /api/sboms': () => ({ url: '/api/sboms' }),
  'GET /api/vex': () => ({ url: '/api/vex?vulnerability=CVE-2021-44228' }),
  'GET /api/users': () => ({ url: '/api/users' }),
  'POST /api/users': () => ({ url: '/api/users', payload: { name: 'matrix-new', role: 'viewer', password: MATRIX_USER.password } }),
  'DELETE /api/users/:name': () => ({ url: '/api/users/matrix-doomed' }),
  'PUT /api/users/:name/role': () => ({ url: `/api/users/${MATRIX_USER.name}/role`, payload: { role: 'analyst' } }),
  'PUT /api/users/:name/password': () => ({ url: `/api/users/${MATRIX_USER.name}/password`, payload: { password: 'another long pass phrase' } }),
  'GET /api/tokens': () => ({ url: '/api/tokens' }),
  'POST /api/tokens': () => ({ url: '/api/tokens', payload: { name: 'matrix-bot', role: 'viewer', expiresDays: 30 } }),
  'DELETE /api/tokens/:id': (i) => ({ url: `/api/tokens/${i.token}` }),
  'GET /api/audit': () => ({ url: '/api/audit?action=login,login-failed&limit=10' }),
  'GET /api/audit/export.csv': () => ({ url: '/api/audit/export.csv?since=1d' }),
  'GET /api/audit/export.jsonl': () => ({ url: '/api/audit/export.jsonl?outcome=success' }),
  'GET /api/ingest/status': () => ({ url: '/api/ingest/status' }),
  'GET /api/events': () => ({ url: '/api/events?follow=false' }),
};

/** Routes of `routes` without an example row (what the first test asserts is empty). */
export function routesWithoutRow(routes: readonly Route[], examples: Readonly<Record<string, unknown>>): string[] {
  return routes.map(key).filter((k) => !(k in examples));
}

function expected(route: Route, who: Role | null): number | '2xx' {
  if (route.access === 'public') return '2xx';
  if (who === null) return 401;
  return ROLES.indexOf(who) >= ROLES.indexOf(route.access) ? '2xx' : 403;
}

describe('the route table', () => {
  it('has an example row for every route and no row for a route that is gone', () => {
    expect(routesWithoutRow(API_ROUTES, EXAMPLES)).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((k) => !API_ROUTES.some((r) => key(r) === k))).toEqual([]);
  });

  it('notices a new route without a row', () => {
    const extra = defineRoute({ method: 'DELETE', url: '/api/devices/:id', access: 'admin', tag: 'devices', summary: 'x', handler: () => Promise.resolve(null) });
    expect(routesWithoutRow([...API_ROUTES, extra], EXAMPLES)).toEqual(['DELETE /api/devices/:id']);
  });

  it('gives every route a role and keeps the public ones to health, the documents and the login', () => {
    expect(API_ROUTES.filter((r) => r.access === 'public').map(key).sort()).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/login']);
    expect(new Set(API_ROUTES.map(key)).size).toBe(API_ROUTES.length);
  });
});

// One server per caller: the analyst's and admin's writes must not change what the next caller sees.
describe.each([null, ...ROLES] as const)('as %s', (who) => {
  let s: Served;
  let ids: Ids;
  beforeAll(async () => {
    s = await serveSample();
    const origin = { actor: { kind: 'system', name: 'test', role: null }, from: null } as const;
    await addUser(s.ws, { name: MATRIX_USER.name, role: 'viewer', password: MATRIX_USER.password }, origin);
    await addUser(s.ws, { name: 'matrix-doomed', role: 'viewer', password: MATRIX_USER.password }, origin);
    const token = (await createToken(s.ws, { name: 'matrix-revoked', role: 'viewer', expiresDays: null }, origin)).record.id;
    const control = (await addControl(s.ws, { kind: 'physical', description: 'locked room', target: { vendor: 'GE Healthcare' }, expires: null, by: 'test' })).id;
    const findings = (await s.app.inject({ url: '/api/findings?status=all', headers: bearer('admin') })).json<{ findings: { id: string; deviceId: string }[] }>().findings;
    const first = findings[0];
    if (first === undefined) throw new Error('the sample has no findings');
    ids = { device: first.deviceId, finding: first.id, token, control };
  }, 60_000);
  afterAll(async () => { await s.close(); });

  for (const route of API_ROUTES) {
    const want = expected(route, who);
    it(`${key(route)} -> ${String(want)}`, async () => {
      const example = EXAMPLES[key(route)]?.(ids);
      if (example === undefined) throw new Error(`no example for ${key(route)}`);
      const r = await s.app.inject({
        method: route.method, url: example.url, headers: { ...example.headers, ...(who === null ? {} : bearer(who)) },
        ...(example.payload !== undefined ? { payload: example.payload } : {}),
      });
      if (want === '2xx') expect(r.statusCode, r.body.slice(0, 300)).toBeGreaterThanOrEqual(200);
      if (want === '2xx') expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(300);
      else {
        expect(r.statusCode).toBe(want);
        expect(r.json()).toMatchObject({ code: want === 401 ? 'unauthorized' : 'forbidden' });
      }
    });
  }

  it('serves the docs UI without a login', async () => {
    const r = await s.app.inject({ url: '/api/docs', headers: who === null ? {} : bearer(who) });
    expect(r.statusCode).toBeLessThan(400);
  });
});
