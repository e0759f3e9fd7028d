/** Sites (migration 0013): identity is resolved per site; the same IP or MAC at two sites is two devices, never merged. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteFindings } from '../findings/sqlite-findings.js';
import { AppError } from '../../../util/app-error.js';
import { seedId } from '../../../inventory/identity.js';
import { SqliteInventory } from './sqlite-inventory.js';
import { batch, key, obs, seen, T0 } from '../../../inventory/test-support/batch.js';
import type { IngestBatch } from '../../../inventory/types.js';

let dir: string;
let file: string;
let inv: SqliteInventory;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-sites-'));
  file = path.join(dir, 'w.db');
  inv = await SqliteInventory.open(file);
});
afterEach(async () => {
  await inv.close();
  rmSync(dir, { recursive: true, force: true });
});

const atSite = (siteId: string | undefined, b: IngestBatch): IngestBatch => (siteId === undefined ? b : { ...b, siteId });
const MAC = '00:00:5e:00:53:10';
const IP = '10.1.2.3';

async function sites(): Promise<{ id: string; site_id: string }[]> {
  return inv.db.selectFrom('devices').select(['id', 'site_id']).orderBy('site_id').execute();
}

describe('site ids', () => {
  it('one IP at two sites is two devices; the default site keeps the ids devices had before sites', async () => {
    const a = await inv.ingest(atSite(undefined, batch([obs(key(null, IP), 'vendor', 'Baxter')])));
    const b = await inv.ingest(atSite('north', batch([obs(key(null, IP), 'vendor', 'Philips')])));
    const [idA] = [...a.deviceIds.values()];
    const [idB] = [...b.deviceIds.values()];
    expect(idA).toBe(seedId('default', 'ip', IP));
    expect(idB).not.toBe(idA);
    expect(await sites()).toEqual([{ id: idA, site_id: 'default' }, { id: idB, site_id: 'north' }]);
    // Both bindings stay live: no site took the address from the other.
    const live = await inv.db.selectFrom('device_addresses').select(['device_id', 'site_id']).where('kind', '=', 'ip').where('released_at', 'is', null).orderBy('site_id').execute();
    expect(live).toEqual([{ device_id: idA, site_id: 'default' }, { device_id: idB, site_id: 'north' }]);
  });

  it('one MAC at two sites is two devices (the MAC index is per site)', async () => {
    await inv.ingest(atSite('north', batch([obs(key(MAC, IP), 'vendor', 'Baxter')])));
    await inv.ingest(atSite('south', batch([obs(key(MAC, '10.9.9.9'), 'vendor', 'Baxter')])));
    expect((await sites()).map((d) => d.site_id)).toEqual(['north', 'south']);
  });

  it('a MAC seen at one site never absorbs an IP-only device of another site', async () => {
    const ipOnly = await inv.ingest(atSite('north', batch([obs(key(null, IP), 'vendor', 'Baxter')])));
    await inv.ingest(atSite('south', batch([obs(key(MAC, IP), 'model', 'Sigma Spectrum')])));
    const [northId] = [...ipOnly.deviceIds.values()];
    const devices = await sites();
    expect(devices).toHaveLength(2);
    expect(devices.find((d) => d.site_id === 'north')?.id).toBe(northId);
    expect(await inv.db.selectFrom('device_aliases').selectAll().execute()).toEqual([]);
    // Within one site the same sighting merges, as before sites.
    await inv.ingest(atSite('north', batch([obs(key(MAC, IP), 'model', 'Sigma Spectrum')])));
    expect((await sites()).filter((d) => d.site_id === 'north')).toEqual([{ id: northId, site_id: 'north' }]);
  });

  it('runs, conduits and findings carry the site of their devices', async () => {
    const client = key('00:00:5e:00:53:20', '10.1.2.20');
    const server = key('00:00:5e:00:53:21', '10.1.2.21');
    const r = await inv.ingest({
      ...batch([], [seen(client, ['dicom']), seen(server, ['dicom'])]), siteId: 'north',
      conduits: [{ client, server, proto: 'tcp', port: 104, app: 'dicom', flows: 1, bytes: 100, firstSeenMs: T0, lastSeenMs: T0 }],
    });
    const run = await inv.db.selectFrom('ingest_runs').select('site_id').where('id', '=', r.runId).executeTakeFirstOrThrow();
    expect(run.site_id).toBe('north');
    expect(await inv.db.selectFrom('conduits').select('site_id').execute()).toEqual([{ site_id: 'north' }]);
    const deviceId = [...r.deviceIds.values()][0] ?? '';
    const findings = await SqliteFindings.open(file);
    await findings.upsert([{ deviceId, kind: 'eol-os', key: 'k', severity: 'low', title: 't', detail: 'd', evidence: [], firstSeenMs: T0, lastSeenMs: T0 }], T0);
    await findings.close();
    expect(await inv.db.selectFrom('findings' as never).select('site_id' as never).execute()).toEqual([{ site_id: 'north' }]);
  });

  it('refuses a site id that is not a plain word', async () => {
    for (const bad of ['', ' north', 'a/b', 'x'.repeat(65), '-x']) {
      await expect(inv.ingest({ ...batch([obs(key(MAC, IP), 'vendor', 'x')]), siteId: bad })).rejects.toBeInstanceOf(AppError);
    }
    expect(await sites()).toEqual([]);
  });
});
