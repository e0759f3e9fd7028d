/** The set-based paths agree with the one-device-at-a-time ones: bulk re-classification, batch writes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceProfile, Evidence } from '../../../identify/types.js';
import { batch, key, obs, profile, seen, T0 } from '../../../inventory/test-support/batch.js';
import { SqliteInventory } from './sqlite-inventory.js';

const HOUR = 3_600_000;
const mac = (i: number): string => `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;

/** A toy classifier: the strongest vendor wins, and it adds a derived fact (as identify's rules do). */
function classify(evidence: Evidence[]): DeviceProfile {
  const vendor = [...evidence].filter((e) => e.attribute === 'vendor').sort((a, b) => b.confidence - a.confidence)[0];
  const derived: Evidence[] = vendor === undefined ? [] : [{ ...vendor, attribute: 'type', value: `${vendor.value} box`, source: 'rule.toy', detail: 'toy rule', confidence: 0.4 }];
  return profile({ vendor: vendor?.value ?? null, type: derived[0]?.value ?? null, confidence: Math.min(1, evidence.length / 10), evidence: [...evidence, ...derived] });
}

let bulk: SqliteInventory;
let single: SqliteInventory;
beforeEach(async () => {
  [bulk, single] = await Promise.all([SqliteInventory.open(':memory:'), SqliteInventory.open(':memory:')]);
});
afterEach(async () => {
  await Promise.all([bulk.close(), single.close()]);
});

async function both(work: (inv: SqliteInventory) => Promise<void>): Promise<void> {
  await work(bulk);
  await work(single);
}

describe('bulk paths', () => {
  it('reclassify gives what evidenceFor + applyProfile per device gives, merged-away ids included', async () => {
    const touched = new Set<string>();
    const first = batch(
      Array.from({ length: 30 }, (_, i) => obs(key(mac(i), `10.0.0.${i}`), 'vendor', i % 2 === 0 ? 'Philips' : 'GE', T0 + i)),
      [...Array.from({ length: 30 }, (_, i) => seen(key(mac(i), `10.0.0.${i}`), ['dhcp'], T0 + i)), seen(key(null, '10.0.9.9'), ['dicom'], T0)],
    );
    // The IP-only device of the first batch turns out to be a MAC device in the second: its id is an alias then.
    const second = batch([obs(key(mac(99), '10.0.9.9'), 'vendor', 'Agfa', T0 + HOUR)], [seen(key(mac(99), '10.0.9.9'), ['dhcp'], T0 + HOUR)]);
    for (const b of [first, second]) {
      await both(async (inv) => {
        for (const id of (await inv.ingest(b)).deviceIds.values()) touched.add(id);
      });
    }
    await bulk.setManualValue([...touched][0] ?? '', 'vendor', 'Person says', 'biomed', 'user', T0 + HOUR);
    await single.setManualValue([...touched][0] ?? '', 'vendor', 'Person says', 'biomed', 'user', T0 + HOUR);
    expect(await bulk.reclassify(touched, classify, T0 + 2 * HOUR)).toBe(31);
    for (const id of touched) {
      const resolved = (await single.getDevice(id))?.id ?? '';
      await single.applyProfile(resolved, classify(await single.evidenceFor(resolved)), T0 + 2 * HOUR);
    }
    const [a, b] = await Promise.all([bulk.listDevices(), single.listDevices()]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(31);
    expect(a.find((d) => d.mac === mac(1))).toMatchObject({ vendor: 'GE', type: 'GE box' });
    for (const d of a) expect(await bulk.history(d.id)).toEqual(await single.history(d.id));
  });

  it('sums a device seen at two IPs in one batch into one row per fact, as two batches would', async () => {
    const twoIps = batch(
      [obs(key(mac(1), '10.0.0.1'), 'vendor', 'GE', T0), obs(key(mac(1), '10.0.0.2'), 'vendor', 'GE', T0 + HOUR)],
      [seen(key(mac(1), '10.0.0.1'), ['dhcp'], T0), seen(key(mac(1), '10.0.0.2'), ['dhcp', 'hl7'], T0 + HOUR)],
    );
    await bulk.ingest(twoIps);
    await single.ingest({ ...twoIps, observations: twoIps.observations.slice(0, 1), sightings: twoIps.sightings.slice(0, 1) });
    await single.ingest({ ...twoIps, observations: twoIps.observations.slice(1), sightings: twoIps.sightings.slice(1) });
    const rows = async (inv: SqliteInventory): Promise<unknown> => ({
      evidence: await inv.db.selectFrom('device_evidence').select(['attribute', 'value', 'count', 'first_seen', 'last_seen']).execute(),
      protocols: await inv.db.selectFrom('device_protocols').select(['protocol', 'first_seen', 'last_seen']).orderBy('protocol').execute(),
    });
    expect(await rows(bulk)).toEqual(await rows(single));
    expect((await bulk.listDevices())[0]).toMatchObject({ ips: ['10.0.0.2', '10.0.0.1'], protocols: ['dhcp', 'hl7'] });
  });

  it('writes what was held back before a merge in the same batch moves rows', async () => {
    await bulk.ingest(batch([obs(key(null, '10.0.5.5'), 'aeTitle', 'PACS1', T0)]));
    // One batch: the MAC device gains evidence first (oldest), then shows the IP-only device's IP: a merge.
    await bulk.ingest(batch(
      [obs(key(mac(7), null), 'vendor', 'Agfa', T0 + HOUR), obs(key(mac(7), '10.0.5.5'), 'hostname', 'PACS-A', T0 + 2 * HOUR)],
      [seen(key(mac(7), null), ['dhcp'], T0 + HOUR), seen(key(mac(7), '10.0.5.5'), ['dicom'], T0 + 2 * HOUR)],
    ));
    const devices = await bulk.listDevices();
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ mac: mac(7), ips: ['10.0.5.5'], hostnames: ['PACS-A'], protocols: ['dhcp', 'dicom'], dicom: { aeTitles: ['PACS1'] } });
    expect(devices[0]?.evidence.map((e) => e.attribute).sort()).toEqual(['aeTitle', 'hostname', 'vendor']);
  });
});
