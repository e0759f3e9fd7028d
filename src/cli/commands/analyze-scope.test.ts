/**
 * `analyze` on a synthesised capture behind a router: the router's ARP-claimed gateway address folds into it, routed
 * hosts stay IP-only devices without the router's OUI, the internet server is a peer of the CT, not a device; with a
 * site file whose internal networks include that server's range, it is a device.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mac, ipv4 } from '../../capture/synth/addr.js';
import { buildArpFrame, buildTcpFrame, newTcpSpec, TCP_ACK, TCP_SYN } from '../../capture/synth/frame-builder.js';
import { PcapWriter } from '../../capture/synth/pcap-writer.js';
import type { DeviceJson } from '../../inventory/types.js';
import { runMain } from '../test-support/run-main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-scope-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const capture = path.join(dir, 'routed.pcap');
const ROUTER = 'fc:58:9a:00:00:01';
const CT = { mac: '00:09:fb:00:00:21', ip: '10.20.20.21' };
const PACS = { mac: '00:50:56:00:00:10', ip: '10.20.10.10' };
const CLOUD = '203.0.113.5';
const ROUTED = ['10.30.1.5', '10.30.1.6', '10.30.2.7', '10.30.2.8', '10.40.0.9'];

/** A SYN and its SYN+ACK: each side's MAC and TTL as the capture point sees them. */
function handshake(w: PcapWriter, buf: Uint8Array, t: number, a: { mac: string; ip: string; ttl: number }, b: { mac: string; ip: string; ttl: number }, port: number): void {
  const s = newTcpSpec();
  s.options = { mss: 1460, windowScale: 7, sackPermitted: true, timestamps: false, tsVal: 0, tsEcr: 0 };
  Object.assign(s, { srcMac: mac(a.mac), dstMac: mac(b.mac), srcIp: ipv4(a.ip), dstIp: ipv4(b.ip), ttl: a.ttl, srcPort: 40000 + t, dstPort: port, flags: TCP_SYN, seq: 1 });
  w.writePacket(buf, 0, buildTcpFrame(buf, s), 1_700_000_000 + t, 0);
  Object.assign(s, { srcMac: mac(b.mac), dstMac: mac(a.mac), srcIp: ipv4(b.ip), dstIp: ipv4(a.ip), ttl: b.ttl, srcPort: port, dstPort: 40000 + t, flags: TCP_SYN | TCP_ACK, seq: 9, ack: 2 });
  w.writePacket(buf, 0, buildTcpFrame(buf, s), 1_700_000_000 + t, 1000);
}

beforeAll(() => {
  const w = PcapWriter.toFile(capture);
  const buf = new Uint8Array(256);
  // The router answers ARP for its VLAN 20 gateway address.
  const arp = { srcMac: mac(ROUTER), dstMac: mac(CT.mac), vlan: null, vlanPriority: 0, op: 2, senderMac: mac(ROUTER), senderIp: ipv4('10.20.20.1'), targetMac: mac(CT.mac), targetIp: ipv4(CT.ip) };
  w.writePacket(buf, 0, buildArpFrame(buf, arp), 1_700_000_000, 0);
  handshake(w, buf, 1, { mac: CT.mac, ip: CT.ip, ttl: 64 }, { mac: ROUTER, ip: CLOUD, ttl: 50 }, 443);
  ROUTED.forEach((ip, i) => { handshake(w, buf, 10 + i, { mac: ROUTER, ip, ttl: 127 }, { mac: PACS.mac, ip: PACS.ip, ttl: 64 }, 104); });
  w.close();
});

async function analyze(db: string, extra: string[] = []): Promise<DeviceJson[]> {
  const r = await runMain(['analyze', capture, '--db', db, '--json', '--no-progress', ...extra]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { devices: DeviceJson[] }).devices;
}

describe('analyze behind a router', () => {
  it('gateway into the router, routed hosts IP-only without its OUI, the internet server a peer', async () => {
    const devices = await analyze(path.join(dir, 'default.db'));
    expect(devices.find((d) => d.mac === ROUTER)?.ips).toEqual(['10.20.20.1']);
    for (const ip of ROUTED) {
      const host = devices.find((d) => d.ips.includes(ip));
      expect(host?.mac).toBeNull();
      expect(host?.evidence.some((e) => e.source === 'mac.oui')).toBe(false);
    }
    expect(devices.some((d) => d.ips.includes(CLOUD))).toBe(false);
    expect(devices.find((d) => d.mac === CT.mac)?.externalPeers).toEqual([expect.objectContaining({ peerIp: CLOUD, direction: 'out', port: 443 })]);
  });

  it('with the site\'s internal networks including the server\'s range, the server is a device', async () => {
    const site = path.join(dir, 'site.json');
    writeFileSync(site, JSON.stringify({ internalNetworks: ['10.0.0.0/8', '203.0.113.0/24'] }));
    const devices = await analyze(path.join(dir, 'site.db'), ['--site', site]);
    expect(devices.filter((d) => d.ips.includes(CLOUD))).toHaveLength(1);
    expect(devices.find((d) => d.mac === CT.mac)?.externalPeers).toEqual([]);
  });
});
