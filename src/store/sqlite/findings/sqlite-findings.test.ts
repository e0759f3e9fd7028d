/** SqliteFindings: dedup across runs, evidence bounds, the status workflow and its refusals. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../inventory/sqlite-inventory.js';
import { AppError } from '../../../util/app-error.js';
import type { FindingInput } from '../../../findings/types.js';
import { MAX_EVIDENCE, SqliteFindings } from './sqlite-findings.js';

const T0 = Date.parse('2026-01-10T08:00:00Z');
const DAY = 86_400_000;
let dir: string;
let db: string;
let store: SqliteFindings;
let deviceId: string;

function input(over: Partial<FindingInput> = {}): FindingInput {
  return {
    deviceId, kind: 'cleartext-credentials', key: 'telnet:admin', severity: 'high', title: 'Telnet login in clear text',
    detail: 'd', evidence: ['login as admin from 10.0.0.9'], firstSeenMs: T0, lastSeenMs: T0 + 1000, count: 1, ...over,
  };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-findings-'));
  db = path.join(dir, 'w.db');
  const inv = await SqliteInventory.open(db);
  const r = await inv.ingest({ observations: [], sightings: [{ key: { mac: '00:11:22:33:44:55', ip: '10.0.0.5' }, protocols: ['telnet'], firstSeenMs: T0, lastSeenMs: T0 }] });
  deviceId = [...r.deviceIds.values()][0] ?? '';
  await inv.close();
  store = await SqliteFindings.open(db);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('upsert', () => {
  it('deduplicates by (device, kind, key) across two runs, widening times and adding counts', async () => {
    expect(await store.upsert([input()], T0)).toEqual({ created: 1, updated: 0 });
    await store.close();
    store = await SqliteFindings.open(db);
    expect(await store.upsert([input({ firstSeenMs: T0 - 5000, lastSeenMs: T0 + DAY, count: 3, evidence: ['login as admin from 10.0.0.7'] })], T0 + DAY)).toEqual({ created: 0, updated: 1 });
    const all = await store.list({}, T0 + DAY);
    expect(all).toHaveLength(1);
    const f = all[0];
    expect(f).toMatchObject({ deviceId, kind: 'cleartext-credentials', key: 'telnet:admin', count: 4, status: 'open', firstSeen: new Date(T0 - 5000).toISOString(), lastSeen: new Date(T0 + DAY).toISOString() });
    expect(f?.evidence).toEqual(['login as admin from 10.0.0.7', 'login as admin from 10.0.0.9']);
    expect(f?.id).toMatch(/^f-[0-9a-f]{16}$/);
  });

  it('keeps evidence bounded', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `sentence ${i}`);
    await store.upsert([input({ evidence: many })], T0);
    expect((await store.list({}, T0))[0]?.evidence).toHaveLength(MAX_EVIDENCE);
  });

  it('a different key is a different finding; the list is ordered by severity', async () => {
    await store.upsert([input(), input({ kind: 'default-credentials', key: 'telnet:admin', severity: 'critical' }), input({ key: 'ftp:tech', severity: 'low' })], T0);
    expect((await store.list({}, T0)).map((f) => f.severity)).toEqual(['critical', 'high', 'low']);
    expect(await store.list({ kinds: ['default-credentials'] }, T0)).toHaveLength(1);
    expect(await store.list({ deviceId: 'nope' }, T0)).toHaveLength(0);
  });

  it('reopens a mitigated finding seen again after the fix, with history', async () => {
    await store.upsert([input()], T0);
    const id = (await store.list({}, T0))[0]?.id ?? '';
    await store.setStatus(id, { status: 'mitigated', by: 'alice' }, T0 + DAY);
    await store.upsert([input({ lastSeenMs: T0 + 2 * DAY })], T0 + 2 * DAY);
    expect((await store.get(id, T0 + 2 * DAY))?.status).toBe('open');
    expect((await store.statusHistory(id)).map((h) => h.newStatus)).toEqual(['mitigated', 'open']);
  });

  it('closeStale marks findings no longer kept as mitigated', async () => {
    await store.upsert([input({ kind: 'outdated-dicom', key: 'OFFIS_DCMTK_360' }), input({ kind: 'outdated-dicom', key: 'OFFIS_DCMTK_362' })], T0);
    expect(await store.closeStale('outdated-dicom', [deviceId], new Set(['OFFIS_DCMTK_362']), T0)).toBe(1);
    expect((await store.list({ statuses: ['open'] }, T0)).map((f) => f.key)).toEqual(['OFFIS_DCMTK_362']);
  });
});

describe('setRisk', () => {
  it('orders by risk after severity, and refuses an unknown id', async () => {
    await store.upsert([input({ key: 'telnet:a' }), input({ key: 'telnet:b', lastSeenMs: T0 + 5000 })], T0);
    const [first, second] = await store.list({}, T0);
    expect(first?.key).toBe('telnet:b'); // newer first while no risk is known
    await store.setRisk(second?.id ?? '', { score: 80, level: 'high', reasons: ['default login on a pump'] });
    expect((await store.list({}, T0)).map((f) => f.key)).toEqual(['telnet:a', 'telnet:b']);
    expect((await store.get(second?.id ?? '', T0))?.risk?.score).toBe(80);
    await expect(store.setRisk('f-nope', null)).rejects.toThrow(/no finding/);
  });
});

describe('setStatus', () => {
  let id: string;
  beforeEach(async () => {
    await store.upsert([input()], T0);
    id = (await store.list({}, T0))[0]?.id ?? '';
  });

  it('risk-accepted with reason, owner and expiry; lists as open once expired', async () => {
    const f = await store.setStatus(id, { status: 'risk-accepted', reason: 'vendor fix Q3', owner: 'biomed', expires: '2026-02-01', by: 'alice' }, T0);
    expect(f).toMatchObject({ status: 'risk-accepted', statusReason: 'vendor fix Q3', statusOwner: 'biomed', statusExpires: '2026-02-01', statusBy: 'alice' });
    expect(await store.list({ statuses: ['open', 'acknowledged'] }, T0)).toHaveLength(0);
    const later = Date.parse('2026-02-02T00:00:01Z');
    expect((await store.get(id, later))?.status).toBe('open');
    expect(await store.list({ statuses: ['open'] }, later)).toHaveLength(1);
  });

  it('refuses bad changes with AppError and leaves the finding as it was', async () => {
    const bad = [
      { status: 'risk-accepted' as const, by: 'a', reason: 'r', owner: 'o' },
      { status: 'risk-accepted' as const, by: 'a', reason: ' ', owner: 'o', expires: '2026-03-01' },
      { status: 'risk-accepted' as const, by: 'a', reason: 'r', owner: 'o', expires: '2026-02-30' },
      { status: 'risk-accepted' as const, by: 'a', reason: 'r', owner: 'o', expires: '2025-01-01' },
      { status: 'closed' as unknown as 'open', by: 'a' },
      { status: 'acknowledged' as const, by: 'a', expires: '2026-03-01' },
    ];
    for (const change of bad) await expect(store.setStatus(id, change, T0)).rejects.toBeInstanceOf(AppError);
    await expect(store.setStatus('f-0000000000000000', { status: 'acknowledged', by: 'a' }, T0)).rejects.toThrow(/no finding/);
    expect((await store.get(id, T0))?.status).toBe('open');
    expect(await store.statusHistory(id)).toHaveLength(0);
  });

  it('acknowledge then mitigate records history', async () => {
    await store.setStatus(id, { status: 'acknowledged', by: 'alice' }, T0);
    await store.setStatus(id, { status: 'mitigated', reason: 'telnet disabled', by: 'bob' }, T0 + 1);
    expect(await store.statusHistory(id)).toMatchObject([{ oldStatus: 'open', newStatus: 'acknowledged' }, { oldStatus: 'acknowledged', newStatus: 'mitigated', reason: 'telnet disabled', by: 'bob' }]);
  });
});

describe('remote sessions', () => {
  it('stores each session once', async () => {
    const s = { deviceId, peer: '203.0.113.9', service: 'teamviewer/5938', startMs: T0, endMs: T0 + 3_600_000, bytes: 1234, alwaysOn: false };
    await store.recordSessions([s]);
    await store.recordSessions([{ ...s, endMs: T0 + 9 * 3_600_000, alwaysOn: true }]);
    expect(await store.listSessions(deviceId)).toEqual([{ deviceId, peer: '203.0.113.9', service: 'teamviewer/5938', start: new Date(T0).toISOString(), end: new Date(T0 + 9 * 3_600_000).toISOString(), durationSeconds: 9 * 3600, bytes: 1234, alwaysOn: true }]);
  });
});

describe('open', () => {
  it('makes the findings tables on a database that recorded 0003 while it was an empty placeholder', async () => {
    await store.close();
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.exec('DROP TABLE finding_status_history; DROP TABLE remote_sessions; DROP TABLE findings;');
    raw.close();
    store = await SqliteFindings.open(db);
    expect(await store.upsert([input()], T0)).toEqual({ created: 1, updated: 0 });
  });
});
