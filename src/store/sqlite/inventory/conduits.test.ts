/**
 * Conduits (migration 0010, mission §5): flows between devices summed per (client, server, protocol, port) across
 * batches and runs; both ends follow merges; the latest addresses win; deleted devices take theirs along.
 */
import { describe, expect, it } from 'vitest';
import { InventoryCollector } from '../../../pipeline/inventory-collector.js';
import type { FlowJson } from '../../../capture/flow-json.js';
import { loadKnowledgeBase } from '../../../identify/knowledge/load-kb.js';
import { batch, key, seen, T0 } from '../../../inventory/test-support/batch.js';
import type { ConduitSighting, DeviceJson } from '../../../inventory/types.js';
import { SqliteInventory } from './sqlite-inventory.js';

const MIN = 60_000;
const PACS = key('00:50:56:00:00:10', '10.20.10.10');
const CT = key('00:09:fb:00:00:21', '10.20.20.21');

function conduit(client: ConduitSighting['client'], server: ConduitSighting['server'], over: Partial<ConduitSighting> = {}): ConduitSighting {
  return { client, server, proto: 'tcp', port: 104, app: 'dicom', flows: 1, bytes: 1000, firstSeenMs: T0, lastSeenMs: T0 + MIN, ...over };
}

function flow(over: Partial<FlowJson>): FlowJson {
  return {
    proto: 'tcp', src: '10.20.20.21', sport: 40000, dst: '10.20.10.10', dport: 104, vlan: null, first: new Date(T0).toISOString(), last: new Date(T0 + MIN).toISOString(),
    packetsOut: 10, bytesOut: 5000, packetsIn: 8, bytesIn: 700, state: 'closed', app: 'dicom', srcMac: CT.mac, dstMac: PACS.mac, ...over,
  };
}

const idOf = (devices: DeviceJson[], ip: string): string => devices.find((d) => d.ips.includes(ip))?.id ?? `no device at ${ip}`;

describe('conduits', () => {
  it('sum flows across batches, keep the latest addresses, and follow a merge', async () => {
    const inv = await SqliteInventory.open(':memory:');
    try {
      const ws = key(null, '10.20.40.57');
      await inv.ingest({ ...batch([], [seen(CT, ['dicom']), seen(PACS, ['dicom']), seen(ws, ['smb'])]), conduits: [conduit(CT, PACS), conduit(ws, PACS, { port: 445, app: 'smb' })] });
      await inv.ingest({ ...batch([], [seen(CT, ['dicom']), seen(PACS, ['dicom'])]), conduits: [conduit(CT, PACS, { flows: 2, bytes: 500, firstSeenMs: T0 - MIN, lastSeenMs: T0 + 9 * MIN })] });
      let devices = await inv.listDevices();
      const [ct, pacs] = [idOf(devices, '10.20.20.21'), idOf(devices, '10.20.10.10')];
      expect(await inv.conduits()).toEqual([
        { clientId: ct, serverId: pacs, clientIp: '10.20.20.21', serverIp: '10.20.10.10', proto: 'tcp', port: 104, app: 'dicom', flows: 3, bytes: 1500,
          firstSeen: new Date(T0 - MIN).toISOString(), lastSeen: new Date(T0 + 9 * MIN).toISOString() },
        expect.objectContaining({ serverId: pacs, port: 445, app: 'smb', flows: 1 }),
      ]);

      // The IP-only workstation turns out to have a MAC (and a new address): its conduit moves to the merged device.
      const wsMac = key('04:0e:3c:57:07:07', '10.20.40.57');
      await inv.ingest({ ...batch([], [seen(wsMac, ['smb']), seen(PACS, ['smb'])]), conduits: [conduit(wsMac, PACS, { port: 445, app: 'smb', lastSeenMs: T0 + 20 * MIN })] });
      devices = await inv.listDevices();
      const merged = devices.find((d) => d.mac === '04:0e:3c:57:07:07');
      expect(devices.filter((d) => d.ips.includes('10.20.40.57'))).toHaveLength(1);
      const smb = (await inv.conduits(merged?.id)).filter((c) => c.port === 445);
      expect(smb).toEqual([expect.objectContaining({ clientId: merged?.id, serverId: pacs, flows: 2 })]);
      // A conduit without a port (ICMP) is one row however often it comes.
      await inv.ingest({ ...batch([], [seen(CT, []), seen(PACS, [])]), conduits: [conduit(CT, PACS, { proto: 'icmp', port: null, app: null })] });
      await inv.ingest({ ...batch([], [seen(CT, []), seen(PACS, [])]), conduits: [conduit(CT, PACS, { proto: 'icmp', port: null, app: null })] });
      expect((await inv.conduits(ct)).filter((c) => c.proto === 'icmp')).toEqual([expect.objectContaining({ port: null, flows: 2 })]);
    } finally {
      await inv.close();
    }
  });

  it('are learned from flows by the collector: who opened it, to which port; mid-stream flows turned around', async () => {
    const inv = await SqliteInventory.open(':memory:');
    try {
      const collector = new InventoryCollector(inv, loadKnowledgeBase(), ['test.pcap']);
      collector.flow(flow({}));
      collector.flow(flow({ sport: 40001 }));
      // Caught mid-stream from the server's side: no SYN, well-known source port, high destination port.
      collector.flow(flow({ src: '10.20.10.10', sport: 104, dst: '10.20.20.21', dport: 40002, srcMac: PACS.mac, dstMac: CT.mac, state: 'partial' }));
      // Broadcast is no device: no conduit.
      collector.flow(flow({ proto: 'udp', dst: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff', dport: 67, sport: 68, app: 'dhcp' }));
      await collector.finish(new Date(T0 + MIN));
      const devices = await inv.listDevices();
      expect(await inv.conduits()).toEqual([expect.objectContaining({
        clientId: idOf(devices, '10.20.20.21'), serverId: idOf(devices, '10.20.10.10'), proto: 'tcp', port: 104, app: 'dicom', flows: 3, bytes: 3 * 5700,
      })]);
    } finally {
      await inv.close();
    }
  });

  it('go with a device that is deleted, and an unknown device id is a clear error', async () => {
    const inv = await SqliteInventory.open(':memory:');
    try {
      await inv.ingest({ ...batch([], [seen(CT, ['dicom']), seen(PACS, ['dicom'])]), conduits: [conduit(CT, PACS)] });
      const ct = idOf(await inv.listDevices(), '10.20.20.21');
      await inv.db.deleteFrom('devices').where('id', '=', ct).execute();
      expect(await inv.conduits()).toEqual([]);
      await expect(inv.conduits('no-such-device')).rejects.toThrow(/no device with id no-such-device/);
    } finally {
      await inv.close();
    }
  });
});
