/**
 * Routers and their own addresses through the inventory collector: the gateway addresses a router claims (ARP, a
 * link-local routing protocol, a handshake at its initial TTL, a DHCP relay's giaddr) fold into the router device;
 * routed hosts stay IP-only devices and never get the router's OUI; a host on its own MAC keeps its OUI vendor.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../identify/knowledge/load-kb.js';
import { SqliteInventory } from '../store/sqlite/inventory/sqlite-inventory.js';
import type { DeviceJson } from '../inventory/types.js';
import { InventoryCollector } from './inventory-collector.js';
import { RouterAddresses } from './router-addresses.js';
import { flowOf, recordOf, syn, T0 } from './test-support/collector-input.js';

const kb = loadKnowledgeBase();
/** A Cisco OUI (IEEE MA-L FC589A). */
const ROUTER = 'fc:58:9a:00:00:01';
/** A medical device maker's OUI (IEEE MA-L 0009FB, Philips Patient Monitoring), a monitor on the router's VLAN 20. */
const CT = { mac: '00:09:fb:00:00:21', ip: '10.20.20.21' };
const PACS = { mac: '00:50:56:00:00:10', ip: '10.20.10.10' };
/** Hosts on other VLANs: the capture sees their traffic with the router's MAC. */
const ROUTED = ['10.30.1.5', '10.30.1.6', '10.30.2.7', '10.30.2.8', '10.40.0.9'];

let inv: SqliteInventory;
let collector: InventoryCollector;
beforeEach(async () => {
  inv = await SqliteInventory.open(':memory:');
  collector = new InventoryCollector(inv, kb, ['test.pcap']);
});
afterEach(async () => { await inv.close(); });

/** Routed hosts reaching the PACS through the router, with their own SYN (TTL one hop down from 128). */
function routedTraffic(): void {
  ROUTED.forEach((ip, i) => {
    collector.flow(flowOf({ src: ip, dst: PACS.ip, dport: 104, app: 'dicom', srcMac: ROUTER, dstMac: PACS.mac, syn: syn(127) }, T0 + i));
  });
}

async function devices(): Promise<DeviceJson[]> {
  await collector.finish(new Date(T0 + 60_000));
  return inv.listDevices();
}

const at = (list: DeviceJson[], ip: string): DeviceJson | undefined => list.find((d) => d.ips.includes(ip));
const ouiVendors = (d: DeviceJson | undefined): string[] => (d?.evidence ?? []).filter((e) => e.source === 'mac.oui').map((e) => e.value);

describe('router gateway addresses', () => {
  it('fold the addresses the router answers ARP for into the router; routed hosts stay IP-only devices without its OUI', async () => {
    collector.arp(ROUTER, '10.20.20.1', T0);
    collector.arp(ROUTER, '10.20.10.1', T0);
    routedTraffic();
    const list = await devices();
    const router = list.find((d) => d.mac === ROUTER);
    expect(router?.ips.sort()).toEqual(['10.20.10.1', '10.20.20.1']);
    expect(ouiVendors(router)).toEqual(['Cisco Systems']);
    for (const ip of ROUTED) {
      const host = at(list, ip);
      // An internal device behind a router is still a device, by IP, with evidence of its own (its SYN).
      expect(host?.mac).toBeNull();
      expect(host?.ips).toEqual([ip]);
      expect(ouiVendors(host)).toEqual([]);
      expect(host?.vendor).toBeNull();
      expect(host?.evidence.some((e) => e.source === 'tcp.syn')).toBe(true);
    }
    expect(list.filter((d) => d.ips.includes('10.20.20.1'))).toHaveLength(1);
  });

  it('the router is called one by what it forwards; the hosts it forwards for, and a host on its own MAC, are not', async () => {
    collector.arp(ROUTER, '10.20.20.1', T0);
    collector.arp(CT.mac, CT.ip, T0);
    routedTraffic();
    collector.flow(flowOf({ src: CT.ip, dst: PACS.ip, dport: 104, app: 'dicom', srcMac: CT.mac, dstMac: PACS.mac, syn: syn(64) }));
    const list = await devices();
    const router = list.find((d) => d.mac === ROUTER);
    expect([router?.type, router?.category]).toEqual(['router', 'network']);
    for (const d of list.filter((x) => x.mac !== ROUTER)) expect(d.type).not.toBe('router');
    expect(list.filter((d) => d.type === 'router')).toHaveLength(1);
  });

  it('a host on its own MAC keeps its OUI vendor', async () => {
    collector.arp(CT.mac, CT.ip, T0);
    routedTraffic();
    collector.flow(flowOf({ src: CT.ip, dst: PACS.ip, dport: 104, app: 'dicom', srcMac: CT.mac, dstMac: PACS.mac, syn: syn(64) }));
    const ct = at(await devices(), CT.ip);
    expect(ct?.mac).toBe(CT.mac);
    expect(ouiVendors(ct)).toEqual(['Philips Patient Monitoring']);
  });

  it('a gateway address the router only routes traffic for, never claiming it, stays an IP-only device', async () => {
    // The must-not-fire side of the ARP rule: without the router saying so, 10.20.20.1 is one more routed address.
    routedTraffic();
    collector.flow(flowOf({ src: '10.20.20.1', dst: PACS.ip, dport: 161, proto: 'udp', srcMac: ROUTER, dstMac: PACS.mac }));
    const list = await devices();
    expect(at(list, '10.20.20.1')?.mac).toBeNull();
    // The router is known by its MAC alone (its OUI is its own), with no address of the routed hosts.
    expect(list.find((d) => d.mac === ROUTER)?.ips).toEqual([]);
  });

  it('claims from a link-local routing protocol and from a handshake at its initial TTL; not from a routed one', async () => {
    routedTraffic();
    // OSPF hello (RFC 2328) to 224.0.0.5 from the router's VLAN 40 address.
    collector.flow(flowOf({ proto: 'ip-89', src: '10.40.0.1', dst: '224.0.0.5', sport: null, dport: null, srcMac: ROUTER, dstMac: '01:00:5e:00:00:05' }));
    // The router's own TACACS+ session (TTL 255, no hop); a routed host's SYN one hop down is not a claim.
    collector.flow(flowOf({ src: '10.30.0.1', dst: PACS.ip, dport: 49, srcMac: ROUTER, dstMac: PACS.mac, syn: syn(255) }));
    collector.flow(flowOf({ src: '10.30.9.9', dst: PACS.ip, dport: 49, srcMac: ROUTER, dstMac: PACS.mac, syn: syn(254) }));
    const list = await devices();
    expect(list.find((d) => d.mac === ROUTER)?.ips.sort()).toEqual(['10.30.0.1', '10.40.0.1']);
    expect(at(list, '10.30.9.9')?.mac).toBeNull();
  });

  it('a DHCP relay sending from its giaddr: the address is the router\'s, not the relayed client\'s, with no other routed traffic', async () => {
    const client = '00:09:fb:00:00:77';
    collector.record(recordOf({ proto: 'dhcp', kind: 'discover', src: '10.50.0.1', dst: '10.20.10.2', sport: 67, dport: 67, srcMac: ROUTER, dstMac: PACS.mac, clientMac: client, relayIp: '10.50.0.1', hostname: 'PUMP-7' }));
    const list = await devices();
    expect(list.find((d) => d.mac === ROUTER)?.ips).toEqual(['10.50.0.1']);
    const pump = list.find((d) => d.mac === client);
    expect(pump?.ips).toEqual([]);
    // Never bound to the giaddr, not even for a moment that a later binding released.
    expect((await inv.history(pump?.id ?? '')).filter((h) => h.attribute === 'ip')).toEqual([]);
    expect(await inv.findDevices({ ip: '10.50.0.1' })).toEqual([expect.objectContaining({ device: expect.objectContaining({ mac: ROUTER }) as unknown })]);
    expect(pump?.hostnames).toEqual(['PUMP-7']);
  });

  it('an LLDP management address is the announcer\'s own; the frame\'s MAC text is no address', async () => {
    routedTraffic();
    collector.record(recordOf({ proto: 'lldp', kind: 'announce', src: ROUTER, dst: '01:80:c2:00:00:0e', sport: null, dport: null, srcMac: ROUTER, dstMac: '01:80:c2:00:00:0e', systemName: 'CORE-1', managementAddress: '10.20.0.2' }));
    const list = await devices();
    const router = list.find((d) => d.mac === ROUTER);
    expect(router?.ips).toEqual(['10.20.0.2']);
    expect(list.some((d) => d.ips.includes(ROUTER))).toBe(false);
    expect(router?.hostnames).toEqual(['CORE-1']);
  });

  it('an address two MACs claim (proxy ARP) is the host\'s, not the router\'s', async () => {
    collector.arp(CT.mac, CT.ip, T0);
    collector.arp(ROUTER, CT.ip, T0 + 1);
    collector.arp(ROUTER, '10.20.20.1', T0);
    routedTraffic();
    const list = await devices();
    expect(list.find((d) => d.mac === ROUTER)?.ips).toEqual(['10.20.20.1']);
    expect(at(list, CT.ip)?.mac).toBe(CT.mac);
  });
});

describe('the gateway a DHCP server names (option 3) and SYNs that crossed a router', () => {
  const DC = { mac: '00:50:56:00:00:02', ip: '10.20.10.2' };
  /** The DHCP server's ACK naming 10.20.10.1 as the router (RFC 2132 §3.5). */
  const ack = (routers: string[]): void => {
    collector.record(recordOf({ proto: 'dhcp', kind: 'ack', src: DC.ip, dst: '10.20.10.50', sport: 67, dport: 68, srcMac: DC.mac, dstMac: CT.mac, clientMac: CT.mac, routers }));
  };
  /** One internet flow through the router: a site host's TLS to an internet server. */
  const internet = (): void => {
    collector.flow(flowOf({ src: CT.ip, dst: '203.0.113.7', dport: 443, srcMac: CT.mac, dstMac: ROUTER }));
  };

  it('a named gateway that forwards to the internet is a router, even with one internet peer', async () => {
    collector.arp(ROUTER, '10.20.10.1', T0);
    ack(['10.20.10.1']);
    internet();
    const router = (await devices()).find((d) => d.mac === ROUTER);
    expect([router?.type, router?.category]).toEqual(['router', 'network']);
  });

  it('no router without the DHCP server naming it, nor when it forwards nothing outward', async () => {
    collector.arp(ROUTER, '10.20.10.1', T0);
    internet();
    expect((await devices()).find((d) => d.mac === ROUTER)?.type).not.toBe('router');
  });

  it('named but forwarding nothing to the outside: not a router by this rule', async () => {
    collector.arp(ROUTER, '10.20.10.1', T0);
    ack(['10.20.10.1']);
    expect((await devices()).find((d) => d.mac === ROUTER)?.type).not.toBe('router');
  });

  it("a SYN that crossed a router (TTL below its initial value) on the router's own address gives it no OS (NAT)", async () => {
    collector.arp(ROUTER, '10.20.10.1', T0);
    collector.arp(ROUTER, '10.20.10.254', T0);
    // A NATed host behind the router, two hops down from Windows' 128, from the router's NAT address.
    collector.flow(flowOf({ src: '10.20.10.254', dst: PACS.ip, dport: 2575, srcMac: ROUTER, dstMac: PACS.mac, syn: syn(126) }));
    const router = (await devices()).find((d) => d.mac === ROUTER);
    expect(router?.evidence.some((e) => e.source === 'tcp.syn')).toBe(false);
    expect(router?.os.name).toBeNull();
  });

  it("a host's own SYN at its initial TTL still names its OS", async () => {
    collector.arp(CT.mac, CT.ip, T0);
    collector.flow(flowOf({ src: CT.ip, dst: PACS.ip, dport: 104, srcMac: CT.mac, dstMac: PACS.mac, syn: syn(128) }));
    const ct = at(await devices(), CT.ip);
    expect(ct?.evidence.some((e) => e.source === 'tcp.syn')).toBe(true);
  });
});

describe('RouterAddresses', () => {
  it('finds a router by IPs it does not claim; one that claims them all is one host with many addresses', () => {
    const r = new RouterAddresses();
    const ips = ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4'];
    for (const ip of ips) r.claim('00:00:5e:00:01:01', ip);
    r.detect(ips.map((ip) => ({ mac: '00:00:5e:00:01:01', ip })));
    expect(r.isRouter('00:00:5e:00:01:01')).toBe(false);
    r.detect(ips.map((ip) => ({ mac: ROUTER, ip })));
    expect(r.isRouter(ROUTER)).toBe(true);
    expect(r.rekey({ mac: ROUTER, ip: '10.1.0.9' })).toEqual({ key: { mac: null, ip: '10.1.0.9' }, routed: true });
  });

  it('a MAC carrying several external addresses is a gateway; one external address is not enough', () => {
    const r = new RouterAddresses();
    r.external(ROUTER, '203.0.113.1');
    expect(r.isRouter(ROUTER)).toBe(false);
    for (const ip of ['203.0.113.2', '198.51.100.3', '192.0.2.4']) r.external(ROUTER, ip);
    expect(r.isRouter(ROUTER)).toBe(true);
  });
});
