/** Header decode per link type and network feature, on frames built byte by byte around a synthesised IP packet. */
import { describe, expect, it } from 'vitest';
import { decodePacket } from './decode-packet.js';
import { ipText } from './addr.js';
import { PacketInfo, PacketKind } from './packet-info.js';
import { newPacketRef } from './packet.js';
import { LinkType } from './link-types.js';
import { buildTcpFrame, buildUdpFrame, newTcpSpec, newUdpSpec, TCP_SYN } from './synth/frame-builder.js';
import { ipv4, ipv6, mac } from './synth/addr.js';

function tcpIpPacket(v6 = false): Uint8Array {
  const spec = newTcpSpec();
  spec.srcMac = mac('00:1b:2c:3d:4e:5f');
  spec.dstMac = mac('00:11:22:33:44:55');
  spec.srcIp = v6 ? ipv6('fd00::10') : ipv4('10.20.1.5');
  spec.dstIp = v6 ? ipv6('fd00::20') : ipv4('10.20.1.9');
  spec.srcPort = 40000;
  spec.dstPort = 104;
  spec.seq = 1000;
  spec.flags = TCP_SYN;
  spec.options = { mss: 1460, windowScale: 7, sackPermitted: true, timestamps: true, tsVal: 1, tsEcr: 0 };
  const buf = new Uint8Array(2048);
  const len = buildTcpFrame(buf, spec, new Uint8Array([1, 2, 3, 4]));
  return buf.slice(14, len); // the IP packet without its Ethernet header
}

function cat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const ETH = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x00, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f];

function decode(bytes: Uint8Array, linkType: number, origLen = bytes.length): PacketInfo {
  const p = newPacketRef();
  p.data = bytes;
  p.capLen = bytes.length;
  p.origLen = origLen;
  p.linkType = linkType;
  const info = new PacketInfo();
  decodePacket(p, info);
  return info;
}

function expectTcp(info: PacketInfo, v6 = false): void {
  expect(info.kind).toBe(PacketKind.Ip);
  expect(ipText(info.ipVersion, info.srcAddr)).toBe(v6 ? 'fd00::10' : '10.20.1.5');
  expect(ipText(info.ipVersion, info.dstAddr)).toBe(v6 ? 'fd00::20' : '10.20.1.9');
  expect([info.srcPort, info.dstPort, info.seq, info.tcpFlags]).toEqual([40000, 104, 1000, TCP_SYN]);
  expect(info.payloadLength).toBe(4);
}

describe('link layers', () => {
  const ip = tcpIpPacket();
  it('Ethernet II', () => {
    const info = decode(cat(ETH, [0x08, 0x00], ip), LinkType.Ethernet);
    expectTcp(info);
    expect(info.vlan).toBe(-1);
  });
  it('802.1Q and QinQ (802.1ad outer tag)', () => {
    const q = decode(cat(ETH, [0x81, 0x00, 0x00, 0x64, 0x08, 0x00], ip), LinkType.Ethernet);
    expectTcp(q);
    expect(q.vlan).toBe(100);
    const qinq = decode(cat(ETH, [0x88, 0xa8, 0x00, 0x0a, 0x81, 0x00, 0x20, 0x14, 0x08, 0x00], ip), LinkType.Ethernet);
    expectTcp(qinq);
    expect([qinq.vlan, qinq.vlanInner]).toEqual([10, 20]);
  });
  it('Linux cooked SLL and SLL2', () => {
    const sll = cat([0, 0, 0, 1, 0, 6, 0x00, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0, 0, 0x08, 0x00], ip);
    const info = decode(sll, LinkType.LinuxSll);
    expectTcp(info);
    expect(info.macSrcOffset).toBe(6);
    const sll2 = cat([0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 0x00, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0, 0], ip);
    expectTcp(decode(sll2, LinkType.LinuxSll2));
  });
  it('raw IP (101, 228, 229)', () => {
    expectTcp(decode(ip, LinkType.Raw));
    expectTcp(decode(ip, LinkType.Ipv4));
    const ip6 = tcpIpPacket(true);
    expectTcp(decode(ip6, LinkType.Raw), true);
    expectTcp(decode(ip6, LinkType.Ipv6), true);
  });
  it('BSD loopback in either byte order, and OpenBSD loop', () => {
    expectTcp(decode(cat([2, 0, 0, 0], ip), LinkType.Null));
    expectTcp(decode(cat([0, 0, 0, 2], ip), LinkType.Null));
    expectTcp(decode(cat([30, 0, 0, 0], tcpIpPacket(true)), LinkType.Null), true);
    expectTcp(decode(cat([0, 0, 0, 2], ip), LinkType.Loop));
  });
  it('PPPoE sessions and MPLS label stacks', () => {
    expectTcp(decode(cat(ETH, [0x88, 0x64, 0x11, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x21], ip), LinkType.Ethernet));
    expectTcp(decode(cat(ETH, [0x88, 0x47, 0x00, 0x01, 0x00, 0x40, 0x00, 0x02, 0x01, 0x40], ip), LinkType.Ethernet));
  });
  it('802.3 LLC frames and LLDP are handed on as link payloads', () => {
    const llc = decode(cat(ETH, [0x00, 0x08, 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00]), LinkType.Ethernet);
    expect(llc.kind).toBe(PacketKind.Link);
    expect(llc.etherType).toBe(0);
    expect(llc.l3End - llc.l3Offset).toBe(8);
    expect(decode(cat(ETH, [0x88, 0xcc, 0x02, 0x07]), LinkType.Ethernet).kind).toBe(PacketKind.Link);
  });
});

describe('network layer', () => {
  it('IPv4 options are skipped and counted', () => {
    const ip = tcpIpPacket();
    const withOpts = cat([0x46], ip.subarray(1, 20), [0x01, 0x01, 0x01, 0x00], ip.subarray(20));
    withOpts[3] = (withOpts[3] ?? 0) + 4; // total length grows by the 4 option bytes
    const info = decode(cat(ETH, [0x08, 0x00], withOpts), LinkType.Ethernet);
    expectTcp(info);
    expect(info.ipOptionsLength).toBe(4);
  });
  it('IPv4 fragments: the first is analysed, later ones are counted only', () => {
    const ip = tcpIpPacket();
    const first = ip.slice();
    first[6] = 0x20; // MF
    const info = decode(first, LinkType.Raw);
    expectTcp(info);
    expect(info.isFragment).toBe(true);
    const later = ip.slice();
    later[6] = 0x00;
    later[7] = 0x10; // offset 128 bytes
    const l = decode(later, LinkType.Raw);
    expect([l.kind, l.isFragment, l.isLaterFragment, l.srcPort]).toEqual([PacketKind.Ip, true, true, 0]);
  });
  it('IPv6 extension headers (hop-by-hop, destination options, fragment)', () => {
    const ip6 = tcpIpPacket(true);
    const payloadLen = ((ip6[4] ?? 0) << 8) | (ip6[5] ?? 0);
    const hbh = [0x3c, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00]; // next: dest opts, PadN
    const dst = [0x2c, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00]; // next: fragment
    const frag = [0x06, 0x00, 0x00, 0x01, 0x00, 0x00, 0x12, 0x34]; // next: TCP, offset 0, M=1
    const hdr = ip6.slice(0, 40);
    hdr[6] = 0x00; // first next header: hop-by-hop
    const len = payloadLen + 24;
    hdr[4] = len >> 8;
    hdr[5] = len & 0xff;
    const info = decode(cat(hdr, hbh, dst, frag, ip6.subarray(40)), LinkType.Raw);
    expectTcp(info, true);
    expect(info.isFragment).toBe(true);
  });
  it('Ethernet padding does not become payload', () => {
    const spec = newUdpSpec();
    spec.srcIp = ipv4('10.0.0.1');
    spec.dstIp = ipv4('10.0.0.2');
    spec.srcPort = 5000;
    spec.dstPort = 514;
    const buf = new Uint8Array(128);
    const len = buildUdpFrame(buf, spec, new Uint8Array([0x3c, 0x31, 0x3e]));
    const info = decode(buf.slice(0, len), LinkType.Ethernet);
    expect(len).toBe(60);
    expect(info.payloadLength).toBe(3);
  });
  it('IP-in-IP, 6in4 and GRE are unwrapped to the inner conversation', () => {
    const inner = tcpIpPacket();
    const outer = (proto: number, body: Uint8Array): Uint8Array => {
      const h = new Uint8Array([0x45, 0, 0, 0, 0, 0, 0, 0, 64, proto, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2]);
      const total = 20 + body.length;
      h[2] = total >> 8;
      h[3] = total & 0xff;
      return cat(h, body);
    };
    expectTcp(decode(outer(4, inner), LinkType.Raw));
    expectTcp(decode(outer(41, tcpIpPacket(true)), LinkType.Raw), true);
    expectTcp(decode(outer(47, cat([0x00, 0x00, 0x08, 0x00], inner)), LinkType.Raw));
  });
});

describe('bad bytes', () => {
  it('are malformed, with a reason, never thrown', () => {
    const ip = tcpIpPacket();
    const cases: [Uint8Array, number][] = [
      [new Uint8Array(5), LinkType.Ethernet],
      [cat(ETH, [0x81, 0x00, 0x00]), LinkType.Ethernet],
      [cat(ETH, [0x08, 0x00], ip.subarray(0, 10)), LinkType.Ethernet],
      [cat(ETH, [0x08, 0x00], [0x44], ip.subarray(1)), LinkType.Ethernet],
      [ip.subarray(0, 30), LinkType.Raw],
      [new Uint8Array([0x70, 0, 0]), LinkType.Raw],
    ];
    for (const [bytes, lt] of cases) {
      const info = decode(bytes, lt);
      expect(info.kind).toBe(PacketKind.Malformed);
      expect(info.malformedReason).not.toBe('');
    }
  });
  it('a snap-length cut is not malformed: headers decode, the missing payload is counted', () => {
    const ip = tcpIpPacket();
    const cut = cat(ETH, [0x08, 0x00], ip.subarray(0, ip.length - 2));
    const info = decode(cut, LinkType.Ethernet, cut.length + 2);
    expect(info.kind).toBe(PacketKind.Ip);
    expect(info.payloadLength).toBe(2);
    expect(info.payloadMissing).toBe(2);
  });
});
