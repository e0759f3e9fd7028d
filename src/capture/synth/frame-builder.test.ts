import { describe, expect, it } from 'vitest';
import { ip, mac } from './addr.js';
import { foldChecksum, pseudoHeaderSum, sumWords } from './checksum.js';
import {
  TCP_ACK, TCP_SYN, buildArpFrame, buildIcmpEchoFrame, buildTcpFrame, buildUdpFrame, newIcmpEchoSpec, newTcpSpec, newUdpSpec,
  tcpOptionsLength, tcpPayloadOffset, udpPayloadOffset,
} from './frame-builder.js';
import type { IpSpec } from './link-ip.js';
import { expertWarnings } from '../../test-support/tshark.js';
import { conversationRows } from '../../test-support/tshark-conversations.js';
import { fields, writeTempCapture } from './test-support/temp-capture.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const A = mac('00:1b:2c:3d:4e:5f');
const B = mac('00:14:22:01:02:03');

function endpoints<T extends IpSpec>(spec: T, v6: boolean, vlan: number | null = null): T {
  spec.srcMac = A;
  spec.dstMac = B;
  spec.vlan = vlan;
  spec.srcIp = ip(v6 ? 'fd00:20::10' : '10.20.1.10');
  spec.dstIp = ip(v6 ? 'fd00:20::20' : '10.20.1.20');
  return spec;
}

/** Recomputes an L4 checksum over a built frame: 0 after folding means the stored value is right. */
function l4ChecksumOk(frame: Uint8Array, l2: number, v6: boolean, proto: number): boolean {
  const ipLen = v6 ? 40 : 20;
  const l4Len = v6 ? ((frame[l2 + 4] ?? 0) << 8) | (frame[l2 + 5] ?? 0) : (((frame[l2 + 2] ?? 0) << 8) | (frame[l2 + 3] ?? 0)) - 20;
  const src = l2 + (v6 ? 8 : 12);
  const addr = v6 ? 16 : 4;
  return foldChecksum(sumWords(frame, l2 + ipLen, l4Len, pseudoHeaderSum(frame, src, src + addr, addr, proto, l4Len))) === 0;
}

describe('checksum', () => {
  it('matches a known IPv4 header checksum (RFC 1071 arithmetic)', () => {
    const hdr = Uint8Array.of(0x45, 0, 0, 0x73, 0, 0, 0x40, 0, 0x40, 0x11, 0, 0, 0xc0, 0xa8, 0, 1, 0xc0, 0xa8, 0, 0xc7);
    expect(foldChecksum(sumWords(hdr, 0, 20)).toString(16)).toBe('b861');
  });

  it('pads an odd trailing byte with zero', () => {
    expect(sumWords(Uint8Array.of(1, 2, 3), 0, 3)).toBe(0x0102 + 0x0300);
  });
});

describe('frame builder', () => {
  it('lays out TCP options in multiples of four', () => {
    for (const mss of [null, 1460]) {
      for (const windowScale of [null, 7]) {
        for (const sackPermitted of [false, true]) {
          for (const timestamps of [false, true]) {
            expect(tcpOptionsLength({ mss, windowScale, sackPermitted, timestamps, tsVal: 0, tsEcr: 0 }) % 4).toBe(0);
          }
        }
      }
    }
    expect(tcpOptionsLength({ mss: 1460, windowScale: 7, sackPermitted: true, timestamps: true, tsVal: 0, tsEcr: 0 })).toBe(20);
  });

  it.each([
    ['linux', true, 'mss,sok,ts,nop,ws'],
    ['linux', false, 'mss,nop,nop,sok,nop,ws'],
    ['windows', false, 'mss,nop,ws,nop,nop,sok'],
    ['windows', true, 'mss,nop,ws,sok,ts'],
  ] as const)('writes SYN options in the %s order (timestamps %s) as p0f reads them', (layout, timestamps, expected) => {
    const spec = endpoints(newTcpSpec(), false);
    spec.options = { mss: 1460, windowScale: 8, sackPermitted: true, timestamps, tsVal: 1, tsEcr: 0, layout };
    const buf = new Uint8Array(128);
    buildTcpFrame(buf, spec);
    const names: string[] = [];
    const end = 34 + (((buf[46] ?? 0) >> 4) * 4);
    for (let o = 54; o < end;) {
      const kind = buf[o] ?? 0;
      names.push({ 1: 'nop', 2: 'mss', 3: 'ws', 4: 'sok', 8: 'ts' }[kind] ?? String(kind));
      o += kind === 1 ? 1 : (buf[o + 1] ?? 1);
    }
    expect(names.join(',')).toBe(expected);
  });

  it.each([[false, null], [true, null], [false, 20], [true, 20]] as const)('builds TCP (IPv6 %s, VLAN %s) with valid checksums and lengths', (v6, vlan) => {
    const spec = endpoints(newTcpSpec(), v6, vlan);
    spec.srcPort = 40000;
    spec.dstPort = 104;
    spec.flags = TCP_ACK;
    spec.options = { mss: null, windowScale: null, sackPermitted: false, timestamps: true, tsVal: 1, tsEcr: 2 };
    const payload = Uint8Array.from({ length: 301 }, (_, i) => i & 0xff);
    const buf = new Uint8Array(2048);
    const len = buildTcpFrame(buf, spec, payload);
    const l2 = vlan === null ? 14 : 18;
    expect(len).toBe(l2 + (v6 ? 40 : 20) + 32 + 301);
    expect(tcpPayloadOffset(spec)).toBe(len - 301);
    expect(buf.subarray(len - 301, len)).toEqual(payload);
    if (vlan !== null) expect([buf[12], buf[13], buf[15]]).toEqual([0x81, 0x00, 20]);
    if (!v6) expect(foldChecksum(sumWords(buf, l2, 20))).toBe(0);
    expect(l4ChecksumOk(buf, l2, v6, 6)).toBe(true);
  });

  it('pads short frames to 60 bytes with zeros', () => {
    const spec = endpoints(newUdpSpec(), false);
    const buf = new Uint8Array(128).fill(0xee);
    expect(buildUdpFrame(buf, spec)).toBe(60);
    expect(buf.subarray(42, 60).every((b) => b === 0)).toBe(true);
  });

  it('sends a UDP checksum that computes to zero as 0xffff (RFC 768)', () => {
    const spec = endpoints(newUdpSpec(), false);
    spec.srcPort = 1000;
    spec.dstPort = 2000;
    const buf = new Uint8Array(128);
    buildUdpFrame(buf, spec, Uint8Array.of(0, 0));
    const c = ((buf[40] ?? 0) << 8) | (buf[41] ?? 0);
    buildUdpFrame(buf, spec, Uint8Array.of(c >> 8, c & 0xff));
    expect([buf[40], buf[41]]).toEqual([0xff, 0xff]);
    expect(l4ChecksumOk(buf, 14, false, 17)).toBe(true);
    expect(udpPayloadOffset(spec)).toBe(42);
  });

  it('rejects mixed address families and oversize datagrams', () => {
    const spec = endpoints(newUdpSpec(), false);
    spec.dstIp = ip('fd00::1');
    expect(() => buildUdpFrame(new Uint8Array(128), spec)).toThrow(RangeError);
    const big = endpoints(newUdpSpec(), false);
    expect(() => buildUdpFrame(new Uint8Array(70000), big, new Uint8Array(65510))).toThrow(RangeError);
  });

  it.skipIf(tshark.skip)(tshark.title('writes every frame kind so that tshark validates all checksums without warnings'), () => {
    const path = writeTempCapture('frames.pcap', (sink, clock) => {
      const buf = new Uint8Array(4096);
      const put = (len: number): void => { clock.advanceUs(100); sink.writePacket(buf, 0, len, clock.sec, clock.nsec); };
      for (const v6 of [false, true]) {
        for (const vlan of [null, 30]) {
          const t = endpoints(newTcpSpec(), v6, vlan);
          t.srcPort = 45000 + (v6 ? 1 : 0) + (vlan === null ? 0 : 2);
          t.dstPort = 7777;
          t.seq = 1000;
          t.flags = TCP_SYN;
          t.options = { mss: 1460, windowScale: 7, sackPermitted: true, timestamps: true, tsVal: 5, tsEcr: 0 };
          put(buildTcpFrame(buf, t));
          const u = endpoints(newUdpSpec(), v6, vlan);
          u.srcPort = 40001;
          u.dstPort = 7778;
          put(buildUdpFrame(buf, u, new Uint8Array(333).fill(0x41)));
          const e = endpoints(newIcmpEchoSpec(), v6, vlan);
          e.identifier = 9;
          e.sequence = 1;
          put(buildIcmpEchoFrame(buf, e, new Uint8Array(56).fill(7)));
          e.reply = true;
          [e.srcIp, e.dstIp] = [e.dstIp, e.srcIp];
          put(buildIcmpEchoFrame(buf, e, new Uint8Array(56).fill(7)));
        }
      }
      put(buildArpFrame(buf, { srcMac: A, dstMac: mac('ff:ff:ff:ff:ff:ff'), vlan: null, vlanPriority: 0, op: 1, senderMac: A, senderIp: ip('10.20.1.10'), targetMac: new Uint8Array(6), targetIp: ip('10.20.1.20') }));
      put(buildArpFrame(buf, { srcMac: B, dstMac: A, vlan: null, vlanPriority: 0, op: 2, senderMac: B, senderIp: ip('10.20.1.20'), targetMac: A, targetIp: ip('10.20.1.10') }));
    });
    expect(expertWarnings(path)).toEqual([]);
    const rows = fields(path, ['frame.protocols', 'vlan.id', 'tcp.options.mss_val', 'icmp.resp_to', 'icmpv6.echo.sequence_number', 'arp.opcode']);
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r[0]?.includes('vlan')).length).toBe(8);
    expect(rows.filter((r) => r[2] === '1460').length).toBe(4);
    expect(rows.filter((r) => r[3] !== undefined && r[3] !== '').length).toBe(2); // tshark paired each IPv4 reply with its request
    expect(rows.filter((r) => r[5] !== undefined && r[5] !== '').map((r) => r[5])).toEqual(['1', '2']);
    expect(conversationRows(path, 'udp')).toHaveLength(2);
  });
});
