/**
 * External peers through the inventory collector: an address outside the site's networks never becomes a device,
 * whatever MAC it arrives with, and is kept as a peer of the device that reached it (named by TLS SNI, HTTP Host or
 * DNS); inside a site whose internal networks include it, the same address is a device.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCidr, type Cidr } from '../findings/cidr.js';
import { loadKnowledgeBase } from '../identify/knowledge/load-kb.js';
import { SqliteInventory } from '../store/sqlite/inventory/sqlite-inventory.js';
import type { DeviceJson } from '../inventory/types.js';
import { AddressScope, defaultInternalNetworks } from './address-scope.js';
import { InventoryCollector } from './inventory-collector.js';
import { flowOf, recordOf, syn, T0 } from './test-support/collector-input.js';

const kb = loadKnowledgeBase();
const ROUTER = 'fc:58:9a:00:00:01';
const CT = { mac: '00:09:fb:00:00:21', ip: '10.20.20.21' };
const CLOUD = '203.0.113.5';

let inv: SqliteInventory;
beforeEach(async () => { inv = await SqliteInventory.open(':memory:'); });
afterEach(async () => { await inv.close(); });

/** The CT's TLS session to a vendor cloud (SNI first, as the ClientHello precedes the flow's end), twice, plus a scan from the internet. */
function feed(collector: InventoryCollector): void {
  collector.record(recordOf({ proto: 'tls', kind: 'client-hello', src: CT.ip, dst: CLOUD, srcMac: CT.mac, dstMac: ROUTER, sni: 'Cloud.Vendor.example' }));
  for (let i = 0; i < 2; i++) {
    collector.flow(flowOf({ src: CT.ip, dst: CLOUD, dport: 443, app: 'tls', srcMac: CT.mac, dstMac: ROUTER, syn: syn(64), synAck: syn(50) }, T0 + i * 1000));
  }
  collector.record(recordOf({ proto: 'http', kind: 'response', src: CLOUD, dst: CT.ip, sport: 443, dport: 40000, srcMac: ROUTER, dstMac: CT.mac, server: 'nginx' }));
  collector.flow(flowOf({ src: '198.51.100.7', dst: CT.ip, sport: 51000, dport: 80, app: 'http', srcMac: ROUTER, dstMac: CT.mac }));
  // A broadcast and a multicast group are no peer (nor a device).
  collector.flow(flowOf({ proto: 'udp', src: CT.ip, dst: '255.255.255.255', sport: 68, dport: 67, app: 'dhcp', srcMac: CT.mac, dstMac: 'ff:ff:ff:ff:ff:ff' }));
  collector.flow(flowOf({ proto: 'udp', src: CT.ip, dst: '239.255.255.250', sport: 50000, dport: 1900, srcMac: CT.mac, dstMac: '01:00:5e:7f:ff:fa' }));
  // Transit between two internet hosts on a mirrored uplink: nobody of the site.
  collector.flow(flowOf({ src: '198.51.100.8', dst: '192.0.2.9', srcMac: ROUTER, dstMac: '00:1b:21:00:00:99' }));
}

async function run(internal?: readonly Cidr[]): Promise<DeviceJson[]> {
  const collector = new InventoryCollector(inv, kb, ['test.pcap'], internal === undefined ? {} : { internalNetworks: internal });
  feed(collector);
  await collector.finish(new Date(T0 + 60_000));
  return inv.listDevices();
}

describe('external peers', () => {
  it('are no devices, whatever MAC they arrive with; they are peers of the device that reached them', async () => {
    const list = await run();
    for (const ip of [CLOUD, '198.51.100.7', '198.51.100.8', '192.0.2.9']) expect(list.some((d) => d.ips.includes(ip))).toBe(false);
    // What the internet server said of itself (its HTTP Server header, its SYN+ACK) is on no device either.
    expect(list.flatMap((d) => d.evidence).some((e) => e.value === 'nginx' || e.detail.startsWith('SYN+ACK'))).toBe(false);
    const ct = list.find((d) => d.mac === CT.mac);
    expect(ct?.externalPeers).toEqual([
      { deviceIp: CT.ip, peerIp: CLOUD, serverName: 'cloud.vendor.example', direction: 'out', proto: 'tcp', port: 443, app: 'tls', flows: 2, bytes: 4600,
        firstSeen: new Date(T0).toISOString(), lastSeen: new Date(T0 + 3000).toISOString() },
      expect.objectContaining({ peerIp: '198.51.100.7', serverName: null, direction: 'in', port: 80, app: 'http', flows: 1 }),
    ]);
    expect(await inv.externalPeers()).toEqual((ct?.externalPeers ?? []).map((p) => ({ deviceId: ct?.id, ...p })));
  });

  it('a public address inside a site whose internal networks include it is a device', async () => {
    const internal = [...defaultInternalNetworks(), parseCidr('203.0.113.0/24') as Cidr];
    const list = await run(internal);
    expect(list.filter((d) => d.ips.includes(CLOUD))).toHaveLength(1);
    expect(list.find((d) => d.mac === CT.mac)?.externalPeers?.map((p) => p.peerIp)).toEqual(['198.51.100.7']);
  });

  it('named by the DNS answer that resolved them when no SNI or Host was seen', async () => {
    const collector = new InventoryCollector(inv, kb, ['test.pcap']);
    collector.record(recordOf({ proto: 'dns', kind: 'response', src: '10.20.10.2', dst: CT.ip, sport: 53, dport: 5353, qname: 'updates.vendor.example', qtype: 'A',
      answers: [{ name: 'updates.vendor.example', type: 'CNAME', ttl: 60, data: 'edge.cdn.example' }, { name: 'edge.cdn.example', type: 'A', ttl: 60, data: '198.51.100.20' }] }));
    collector.flow(flowOf({ src: CT.ip, dst: '198.51.100.20', dport: 8443, srcMac: CT.mac, dstMac: ROUTER }));
    await collector.finish(new Date(T0 + 60_000));
    expect((await inv.externalPeers()).map((p) => [p.peerIp, p.serverName, p.port])).toEqual([['198.51.100.20', 'updates.vendor.example', 8443]]);
  });

  it('keep the device JSON cache current: a later run adds its flows to the cached line', async () => {
    await run();
    // As `devices --format json` reads them: the export refreshes stale lines, then reads the cached bytes.
    const lineOf = async (): Promise<DeviceJson | undefined> => {
      const lines = await inv.deviceLines((await inv.listDevicesForExport()).map((d) => d.id));
      return [...lines.values()].map((b) => JSON.parse(b.toString('utf8')) as DeviceJson).find((d) => d.mac === CT.mac);
    };
    expect((await lineOf())?.externalPeers?.[0]?.flows).toBe(2);
    await run();
    expect((await lineOf())?.externalPeers?.[0]).toMatchObject({ peerIp: CLOUD, flows: 4 });
  });
});

describe('group destinations', () => {
  it('a directed broadcast (sent to the broadcast MAC) is no device; a unicast neighbour at a similar address is', async () => {
    const collector = new InventoryCollector(inv, kb, ['test.pcap']);
    collector.flow(flowOf({ proto: 'udp', src: CT.ip, dst: '10.20.255.255', sport: 137, dport: 137, srcMac: CT.mac, dstMac: 'ff:ff:ff:ff:ff:ff' }));
    collector.flow(flowOf({ proto: 'udp', src: CT.ip, dst: '10.20.255.254', sport: 40000, dport: 161, srcMac: CT.mac, dstMac: '00:50:56:00:00:fe' }));
    await collector.finish(new Date(T0 + 60_000));
    const ips = (await inv.listDevices()).flatMap((d) => d.ips).sort();
    expect(ips).toEqual(['10.20.20.21', '10.20.255.254']);
    expect((await inv.conduits()).map((c) => c.serverIp)).toEqual(['10.20.255.254']);
  });
});

describe('AddressScope', () => {
  it('external: a host address outside the networks; internal ones, multicast, broadcast and non-addresses are not', () => {
    const scope = new AddressScope();
    expect(['203.0.113.5', '8.8.8.8', '2001:db8::1'].map((ip) => scope.isExternal(ip))).toEqual([true, true, true]);
    expect(['10.1.2.3', '172.16.0.1', '192.168.1.1', 'fd00::1', 'fe80::1', '224.0.0.5', '255.255.255.255', 'ff02::1', '00:1b:21:3a:4f:5e', '', 'x'].map((ip) => scope.isExternal(ip)))
      .toEqual(Array<boolean>(11).fill(false));
    expect(scope.isExternal(null)).toBe(false);
    // Asked again, from the cache: same answers.
    expect(scope.isExternal('8.8.8.8')).toBe(true);
    expect(scope.isExternal('10.1.2.3')).toBe(false);
  });

  it('follows the site: a listed public range is internal', () => {
    const scope = new AddressScope([parseCidr('130.0.0.0/8') as Cidr]);
    expect(scope.isExternal('130.1.2.3')).toBe(false);
    expect(scope.isExternal('10.1.2.3')).toBe(true);
  });
});
