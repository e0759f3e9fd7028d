/**
 * The external-peer store (migration 0012): rows summed across batches, names and the device's address kept newest
 * first, rows following a merge, the cached device line dropped when only a peer row changed; and forgetExternal,
 * which turns external devices a database already holds into peers of the devices that reached them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, key, obs, seen, T0 } from '../../../inventory/test-support/batch.js';
import type { ConduitSighting, DeviceJson, ExternalPeerSighting } from '../../../inventory/types.js';
import { SqliteInventory } from './sqlite-inventory.js';

const MIN = 60_000;
const CT = key('00:09:fb:00:00:21', '10.20.20.21');
const isExternal = (ip: string): boolean => !ip.startsWith('10.');

function peer(device: ExternalPeerSighting['device'], over: Partial<ExternalPeerSighting> = {}): ExternalPeerSighting {
  return { device, peerIp: '203.0.113.5', direction: 'out', proto: 'tcp', port: 443, app: 'tls', serverName: null, flows: 1, bytes: 100, firstSeenMs: T0, lastSeenMs: T0 + MIN, ...over };
}

function conduit(client: ConduitSighting['client'], server: ConduitSighting['server'], over: Partial<ConduitSighting> = {}): ConduitSighting {
  return { client, server, proto: 'tcp', port: 443, app: 'tls', flows: 3, bytes: 900, firstSeenMs: T0, lastSeenMs: T0 + MIN, ...over };
}

let inv: SqliteInventory;
beforeEach(async () => { inv = await SqliteInventory.open(':memory:'); });
afterEach(async () => { await inv.close(); });

async function cachedLine(mac: string): Promise<DeviceJson | undefined> {
  const lines = await inv.deviceLines((await inv.listDevicesForExport()).map((d) => d.id));
  return [...lines.values()].map((b) => JSON.parse(b.toString('utf8')) as DeviceJson).find((d) => d.mac === mac);
}

describe('external peer store', () => {
  it('sums flows, keeps the newest name, and refreshes the cached line when only a peer changed', async () => {
    await inv.ingest({ ...batch([], [seen(CT, ['tls'])]), externalPeers: [peer(CT, { serverName: 'old.vendor.example' })] });
    expect((await cachedLine(CT.mac ?? ''))?.externalPeers).toEqual([expect.objectContaining({ flows: 1, serverName: 'old.vendor.example' })]);
    // Same sighting (the device row does not change): only the peer row does, and its trigger makes the line stale.
    await inv.ingest({ ...batch([], [seen(CT, ['tls'])]), externalPeers: [peer(CT, { flows: 2, bytes: 50, serverName: 'new.vendor.example', lastSeenMs: T0 + 5 * MIN })] });
    expect((await cachedLine(CT.mac ?? ''))?.externalPeers).toEqual([expect.objectContaining({ flows: 3, bytes: 150, serverName: 'new.vendor.example' })]);
    // An older batch (a capture ingested late) does not take the name back.
    await inv.ingest({ ...batch([], [seen(CT, ['tls'])]), externalPeers: [peer(CT, { serverName: 'older.vendor.example', lastSeenMs: T0 })] });
    expect((await inv.externalPeers())[0]).toMatchObject({ flows: 4, serverName: 'new.vendor.example' });
  });

  it('follow a merge: an IP-only device that turns out to be a MAC device brings its peers along', async () => {
    const ipOnly = key(null, '10.20.40.57');
    await inv.ingest({ ...batch([], [seen(ipOnly, ['tls'])]), externalPeers: [peer(ipOnly)] });
    const ws = key('04:0e:3c:57:07:07', '10.20.40.57');
    await inv.ingest({ ...batch([], [seen(key('04:0e:3c:57:07:07', null), [])]), externalPeers: [] });
    await inv.ingest({ ...batch([], [seen(ws, ['tls'])]), externalPeers: [peer(ws, { flows: 2 })] });
    const [device] = (await inv.listDevices()).filter((d) => d.ips.includes('10.20.40.57'));
    expect(await inv.externalPeers()).toEqual([expect.objectContaining({ deviceId: device?.id, flows: 3 })]);
  });
});

describe('forgetExternal', () => {
  it('turns stored external devices into peers, releases external addresses of MAC devices, keeps what a person set', async () => {
    const cloud = key(null, '203.0.113.5');
    const scanner = key(null, '198.51.100.7');
    const kept = key(null, '192.0.2.44');
    const gateway = key('fc:58:9a:00:00:01', '198.51.100.1');
    await inv.ingest({
      ...batch([obs(cloud, 'vendor', 'Amazon')], [seen(CT, ['tls']), seen(cloud, ['tls']), seen(scanner, ['http']), seen(kept, []), seen(gateway, [])]),
      conduits: [conduit(CT, cloud), conduit(scanner, CT, { port: 80, app: 'http', flows: 1 }), conduit(scanner, cloud, { port: 22, app: null })],
    });
    const before = await inv.listDevices();
    const keptId = before.find((d) => d.ips.includes('192.0.2.44'))?.id ?? '';
    await inv.setManualValue(keptId, 'location', 'Vendor DMZ', 'biomed');

    expect(await inv.forgetExternal(isExternal, T0 + 10 * MIN)).toEqual({ devicesRemoved: 2, addressesReleased: 1, conduitsMoved: 3 });
    const after = await inv.listDevices();
    expect(after.map((d) => d.ips).sort()).toEqual([[], ['10.20.20.21'], ['192.0.2.44']]);
    expect(after.find((d) => d.mac === 'fc:58:9a:00:00:01')?.ips).toEqual([]);
    const ct = after.find((d) => d.mac === CT.mac)?.id;
    expect(await inv.conduits()).toEqual([]);
    expect(await inv.externalPeers()).toEqual([
      expect.objectContaining({ deviceId: ct, deviceIp: '10.20.20.21', peerIp: '203.0.113.5', direction: 'out', port: 443, flows: 3 }),
      expect.objectContaining({ deviceId: ct, peerIp: '198.51.100.7', direction: 'in', port: 80, app: 'http', flows: 1 }),
    ]);
    // Run again: nothing external is left to move.
    expect(await inv.forgetExternal(isExternal, T0 + 11 * MIN)).toEqual({ devicesRemoved: 0, addressesReleased: 0, conduitsMoved: 0 });
  });

  it('touches nothing when every address is internal', async () => {
    const pacs = key('00:50:56:00:00:10', '10.20.10.10');
    await inv.ingest({ ...batch([], [seen(CT, ['dicom']), seen(pacs, ['dicom'])]), conduits: [conduit(CT, pacs, { port: 104, app: 'dicom' })] });
    expect(await inv.forgetExternal(isExternal, T0)).toEqual({ devicesRemoved: 0, addressesReleased: 0, conduitsMoved: 0 });
    expect(await inv.conduits()).toHaveLength(1);
    expect(await inv.listDevices()).toHaveLength(2);
  });
});
