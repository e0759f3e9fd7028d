/** Store conformance, findings: dedup across runs, the status workflow with history, remote sessions, on both dialects. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteFindings } from '../sqlite/findings/sqlite-findings.js';
import type { FindingInput } from '../../findings/types.js';
import { openInventoryDb } from '../inventory-db.js';
import { AppError } from '../../util/app-error.js';
import { STORE_DIALECTS, useDialect } from './dialects.js';
import { seedDevices } from './seed-devices.js';

const T0 = Date.parse('2026-01-10T08:00:00Z');
const DAY = 86_400_000;
const DEVICE = 'dev-1';

function input(over: Partial<FindingInput> = {}): FindingInput {
  return {
    deviceId: DEVICE, kind: 'cleartext-credentials', key: 'telnet:admin', severity: 'high', title: 'Telnet login in clear text',
    detail: 'd', evidence: ['login as admin from 10.0.0.9'], firstSeenMs: T0, lastSeenMs: T0 + 1000, count: 1, ...over,
  };
}

for (const d of STORE_DIALECTS) {
  describe.skipIf(d.gate.skip)(`findings store on ${d.name}`, () => {
    useDialect(d);
    let location: string;
    let store: SqliteFindings;
    beforeEach(async () => {
      location = d.newDatabase();
      const db = await openInventoryDb(location);
      await seedDevices(db, [DEVICE]);
      await db.destroy();
      store = await SqliteFindings.open(location);
    });
    afterEach(async () => { await store.close(); });

    it('deduplicates by (device, kind, key) across two opens, widening times and adding counts', async () => {
      expect(await store.upsert([input()], T0)).toEqual({ created: 1, updated: 0 });
      await store.close();
      store = await SqliteFindings.open(location);
      expect(await store.upsert([input({ firstSeenMs: T0 - 5000, lastSeenMs: T0 + DAY, count: 3, evidence: ['login as admin from 10.0.0.7'] })], T0 + DAY))
        .toEqual({ created: 0, updated: 1 });
      const all = await store.list({}, T0 + DAY);
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ deviceId: DEVICE, count: 4, status: 'open', firstSeen: new Date(T0 - 5000).toISOString(), lastSeen: new Date(T0 + DAY).toISOString() });
      expect(all[0]?.evidence).toEqual(['login as admin from 10.0.0.7', 'login as admin from 10.0.0.9']);
    });

    it('orders by severity and filters by kind', async () => {
      await store.upsert([input(), input({ kind: 'default-credentials', severity: 'critical' }), input({ key: 'ftp:tech', severity: 'low' })], T0);
      expect((await store.list({}, T0)).map((f) => f.severity)).toEqual(['critical', 'high', 'low']);
      expect(await store.list({ kinds: ['default-credentials'] }, T0)).toHaveLength(1);
      expect(await store.list({ deviceId: 'nope' }, T0)).toHaveLength(0);
    });

    it('walks the status workflow with history; a mitigated finding seen again reopens', async () => {
      await store.upsert([input()], T0);
      const id = (await store.list({}, T0))[0]?.id ?? '';
      await store.setStatus(id, { status: 'acknowledged', by: 'alice' }, T0);
      await store.setStatus(id, { status: 'mitigated', reason: 'telnet disabled', by: 'bob' }, T0 + 1);
      await store.upsert([input({ lastSeenMs: T0 + 2 * DAY })], T0 + 2 * DAY);
      expect((await store.get(id, T0 + 2 * DAY))?.status).toBe('open');
      expect((await store.statusHistory(id)).map((h) => [h.newStatus, h.by])).toEqual([['acknowledged', 'alice'], ['mitigated', 'bob'], ['open', 'wardwatch']]);
    });

    it('refuses a risk acceptance without an owner, and an unknown id', async () => {
      await store.upsert([input()], T0);
      const id = (await store.list({}, T0))[0]?.id ?? '';
      await expect(store.setStatus(id, { status: 'risk-accepted', reason: 'r', expires: '2026-02-01', by: 'a' }, T0)).rejects.toBeInstanceOf(AppError);
      await expect(store.setStatus('f-0000000000000000', { status: 'acknowledged', by: 'a' }, T0)).rejects.toThrow(/no finding/);
      expect((await store.get(id, T0))?.status).toBe('open');
    });

    it('closeStale mitigates what a run no longer keeps', async () => {
      await store.upsert([input({ kind: 'outdated-dicom', key: 'OFFIS_DCMTK_360' }), input({ kind: 'outdated-dicom', key: 'OFFIS_DCMTK_362' })], T0);
      expect(await store.closeStale('outdated-dicom', [DEVICE], new Set(['OFFIS_DCMTK_362']), T0)).toBe(1);
      expect((await store.list({ statuses: ['open'] }, T0)).map((f) => f.key)).toEqual(['OFFIS_DCMTK_362']);
    });

    it('stores a remote session once, widened by a later sighting (ON CONFLICT upsert)', async () => {
      const s = { deviceId: DEVICE, peer: '203.0.113.9', service: 'teamviewer/5938', startMs: T0, endMs: T0 + 3_600_000, bytes: 1234, alwaysOn: false };
      await store.recordSessions([s]);
      await store.recordSessions([{ ...s, endMs: T0 + 9 * 3_600_000, alwaysOn: true }]);
      expect(await store.listSessions(DEVICE)).toEqual([{
        deviceId: DEVICE, peer: '203.0.113.9', service: 'teamviewer/5938', start: new Date(T0).toISOString(),
        end: new Date(T0 + 9 * 3_600_000).toISOString(), durationSeconds: 9 * 3600, bytes: 1234, alwaysOn: true,
      }]);
    });
  });
}
