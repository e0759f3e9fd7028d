/** Identity rules: MAC first, IP-only devices and their merge, DHCP moves, re-ingest never duplicates. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../store/sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs, seen, T0 } from './test-support/batch.js';

const MAC_A = '00:1B:44:11:3A:B7';
const MAC_B = '00:1b:44:11:3a:b8';
const HOUR = 3_600_000;

let inv: SqliteInventory;
beforeEach(async () => {
  inv = await SqliteInventory.open(':memory:');
});
afterEach(async () => {
  await inv.close();
});

describe('identity', () => {
  it('keys devices by MAC first, whatever its spelling', async () => {
    await inv.ingest(batch([obs(key(MAC_A, '10.0.0.5'), 'hostname', 'CT01'), obs(key('001b.4411.3ab7', null), 'vendor', 'GE')]));
    const devices = await inv.listDevices();
    expect(devices).toHaveLength(1);
    expect(devices[0]?.mac).toBe('00:1b:44:11:3a:b7');
    expect(devices[0]?.ips).toEqual(['10.0.0.5']);
    expect(devices[0]?.hostnames).toEqual(['CT01']);
  });

  it('keeps an IP-only device, then merges it into the MAC device that shows that IP', async () => {
    const first = await inv.ingest(batch([obs(key(null, '10.9.0.7'), 'aeTitle', 'PACS1', T0)], [seen(key(null, '10.9.0.7'), ['dicom'], T0)]));
    const ipOnlyId = first.deviceIds.get('|10.9.0.7') ?? '';
    await inv.ingest(batch([obs(key(MAC_B, null), 'vendor', 'Agfa', T0 + HOUR)], [seen(key(MAC_B, null), ['dhcp'], T0 + HOUR)]));
    expect(await inv.listDevices()).toHaveLength(2);

    const merged = await inv.ingest(batch([], [seen(key(MAC_B, '10.9.0.7'), ['dhcp'], T0 + 2 * HOUR)]));
    expect(merged.devicesMerged).toBe(1);
    const devices = await inv.listDevices();
    expect(devices).toHaveLength(1);
    const d = devices[0];
    expect(d?.mac).toBe(MAC_B);
    expect(d?.ips).toEqual(['10.9.0.7']);
    expect(d?.protocols).toEqual(['dhcp', 'dicom']);
    expect(d?.dicom.aeTitles).toEqual(['PACS1']);
    expect(d?.firstSeen).toBe(new Date(T0).toISOString()); // the IP-only device's, the older one
    expect((await inv.getDevice(ipOnlyId))?.id).toBe(d?.id); // the old id still finds the device
    expect((await inv.history(d?.id ?? '')).some((h) => h.attribute === 'mergedFrom' && h.oldValue === ipOnlyId)).toBe(true);
  });

  it('gives an IP-only device its MAC (same id) when no MAC device exists yet', async () => {
    const first = await inv.ingest(batch([obs(key(null, '10.9.0.8'), 'vendor', 'Philips')]));
    const id = first.deviceIds.get('|10.9.0.8');
    await inv.ingest(batch([obs(key(MAC_A, '10.9.0.8'), 'hostname', 'MX800', T0 + HOUR)]));
    const devices = await inv.listDevices();
    expect(devices.map((d) => [d.id, d.mac])).toEqual([[id, '00:1b:44:11:3a:b7']]);
  });

  it('binds IP-only evidence to the MAC device that holds the IP', async () => {
    await inv.ingest(batch([obs(key(MAC_A, '10.0.0.5'), 'vendor', 'GE'), obs(key(null, '10.0.0.5'), 'hl7Application', 'MUSE')]));
    const devices = await inv.listDevices();
    expect(devices).toHaveLength(1);
    expect(devices[0]?.hl7.applications).toEqual(['MUSE']);
  });

  it('moves an IP to the new MAC when DHCP hands it on, keeping the old binding as history', async () => {
    await inv.ingest(batch([], [seen(key(MAC_A, '10.0.0.5'), ['dhcp'], T0)]));
    const moved = await inv.ingest(batch([], [seen(key(MAC_B, '10.0.0.5'), ['dhcp'], T0 + HOUR)]));
    expect(moved.ipMoves).toBe(1);
    const a = (await inv.findDevices({ mac: MAC_A }))[0]?.device;
    const b = (await inv.findDevices({ mac: MAC_B }))[0]?.device;
    expect(a?.ips).toEqual([]);
    expect(b?.ips).toEqual(['10.0.0.5']);
    expect((await inv.findDevices({ ip: '10.0.0.5' })).map((m) => m.device.mac)).toEqual([MAC_B]);
    expect((await inv.history(a?.id ?? '')).find((h) => h.attribute === 'ip')).toMatchObject({ oldValue: '10.0.0.5', newValue: null });
    // Re-ingesting the older capture does not flip the IP back.
    await inv.ingest(batch([], [seen(key(MAC_A, '10.0.0.5'), ['dhcp'], T0)]));
    expect((await inv.findDevices({ ip: '10.0.0.5' })).map((m) => m.device.mac)).toEqual([MAC_B]);
  });

  it('records a device moving to a new IP', async () => {
    await inv.ingest(batch([], [seen(key(MAC_A, '10.0.0.5'), ['dhcp'], T0)]));
    await inv.ingest(batch([], [seen(key(MAC_A, '10.0.1.9'), ['dhcp'], T0 + HOUR)]));
    const d = (await inv.listDevices())[0];
    expect(d?.ips).toEqual(['10.0.1.9', '10.0.0.5']);
    expect((await inv.history(d?.id ?? '')).find((h) => h.attribute === 'ip')).toMatchObject({ oldValue: '10.0.0.5', newValue: '10.0.1.9' });
  });

  it('two captures ingested twice give the same devices, with counts and last_seen updated', async () => {
    const capture1 = batch(
      [obs(key(MAC_A, '10.0.0.5'), 'vendor', 'GE', T0), obs(key(MAC_A, '10.0.0.5'), 'vendor', 'GE', T0 + 1000), obs(key(null, '172.16.0.9'), 'aeTitle', 'REMOTE', T0)],
      [seen(key(MAC_A, '10.0.0.5'), ['dicom'], T0, T0 + 1000), seen(key(null, '172.16.0.9'), ['dicom'], T0)],
    );
    const capture2 = batch([obs(key(MAC_B, '10.0.0.6'), 'hostname', 'PUMP7', T0 + HOUR), obs(key(MAC_A, '10.0.0.5'), 'vendor', 'GE', T0 + HOUR)]);
    await inv.ingest(capture1);
    await inv.ingest(capture2);
    const once = await inv.listDevices();
    await inv.ingest(capture1);
    await inv.ingest(capture2);
    const twice = await inv.listDevices();
    expect(twice).toEqual(once);
    expect(twice).toHaveLength(3);
    const counts = await inv.db.selectFrom('device_evidence').select(['value', 'count', 'last_seen']).where('attribute', '=', 'vendor').execute();
    expect(counts).toEqual([{ value: 'GE', count: 6, last_seen: new Date(T0 + HOUR).toISOString() }]);
    expect(await inv.db.selectFrom('device_addresses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({ n: 6 });
  });
});
