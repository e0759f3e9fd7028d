/** The server behind the real login library: API tokens by role, a bad token, no credentials. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, DEFAULT_SESSION_POLICY, MemoryAuthStore } from '../auth/index.js';
import { authenticateWith } from './auth-adapter.js';
import { serveSample, type Served } from './test-support/server-fixture.js';

let s: Served;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  const store = new MemoryAuthStore();
  const now = Date.now();
  for (const role of ['viewer', 'analyst'] as const) tokens[role] = (await createApiToken(store, { name: `${role}-bot`, role, createdBy: null }, now)).token;
  s = await serveSample({ authenticate: authenticateWith({ store, now: () => Date.now(), sessionPolicy: DEFAULT_SESSION_POLICY }) });
}, 60_000);
afterAll(async () => { await s.close(); });

describe('authentication through src/auth', () => {
  it('lets a viewer token read and refuses it a write; an analyst token writes', async () => {
    const auth = (role: string): Record<string, string> => ({ authorization: `Bearer ${tokens[role] ?? ''}` });
    expect((await s.app.inject({ url: '/api/devices?limit=1', headers: auth('viewer') })).statusCode).toBe(200);
    const { devices } = (await s.app.inject({ url: '/api/devices?limit=1', headers: auth('viewer') })).json<{ devices: { id: string }[] }>();
    const url = `/api/devices/${devices[0]?.id ?? ''}/values`;
    expect((await s.app.inject({ method: 'PUT', url, headers: auth('viewer'), payload: { location: 'ICU' } })).statusCode).toBe(403);
    const done = await s.app.inject({ method: 'PUT', url, headers: auth('analyst'), payload: { location: 'ICU' } });
    expect(done.statusCode).toBe(200);
    expect(done.json<{ device: { location: string } }>().device.location).toBe('ICU');
  });

  it('answers 401 to a wrong token and to no credentials', async () => {
    for (const headers of [{ authorization: 'Bearer not-a-token' }, { authorization: 'Basic YTpi' }, {}]) {
      const r = await s.app.inject({ url: '/api/findings', headers });
      expect(r.statusCode, JSON.stringify(headers)).toBe(401);
      expect(r.json()).toMatchObject({ code: 'unauthorized' });
    }
  });
});
