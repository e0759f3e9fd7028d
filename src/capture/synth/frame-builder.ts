/** Builds whole frames: TCP (RFC 9293 §3.1, options §3.2, RFC 7323, RFC 2018), UDP (RFC 768), ICMP echo (RFC 792, RFC 4443 §4), ARP (RFC 826). */

import { foldChecksum, pseudoHeaderSum, sumWords } from './checksum.js';
import {
  ETHERTYPE_ARP, IPPROTO_ICMP, IPPROTO_ICMPV6, IPPROTO_TCP, IPPROTO_UDP, ipHeaderLength, ipSrcOffset, linkHeaderLength,
  newIpSpec, padFrame, writeEthernet, writeLinkAndIp,
} from './link-ip.js';
import type { IpSpec, LinkSpec } from './link-ip.js';

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

/**
 * TCP options to send; `null` fields are left out. Always a multiple of 4 bytes, in the order a real
 * stack writes them, because passive OS fingerprints (p0f's "olayout") key on that order:
 * Linux `mss,sok,ts,nop,ws`, Windows `mss,nop,ws,nop,nop,sok` (or `mss,nop,ws,sok,ts`).
 */
export interface TcpOptionsSpec {
  mss: number | null;
  windowScale: number | null;
  sackPermitted: boolean;
  /** Send the timestamps option (RFC 7323 §3) with `tsVal` / `tsEcr`. */
  timestamps: boolean;
  tsVal: number;
  tsEcr: number;
  /** Option order; default 'linux'. */
  layout?: 'linux' | 'windows';
}

export interface TcpSpec extends IpSpec {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  /** TCP_* bits. */
  flags: number;
  window: number;
  options: TcpOptionsSpec | null;
}

export interface UdpSpec extends IpSpec {
  srcPort: number;
  dstPort: number;
}

export interface IcmpEchoSpec extends IpSpec {
  reply: boolean;
  identifier: number;
  sequence: number;
}

export interface ArpSpec extends LinkSpec {
  /** 1 = request, 2 = reply (RFC 826). */
  op: number;
  senderMac: Uint8Array;
  senderIp: Uint8Array;
  targetMac: Uint8Array;
  targetIp: Uint8Array;
}

export function newTcpSpec(): TcpSpec {
  return { ...newIpSpec(), srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, window: 65535, options: null };
}

export function newUdpSpec(): UdpSpec {
  return { ...newIpSpec(), srcPort: 0, dstPort: 0 };
}

export function newIcmpEchoSpec(): IcmpEchoSpec {
  return { ...newIpSpec(), reply: false, identifier: 0, sequence: 0 };
}

export function tcpOptionsLength(o: TcpOptionsSpec | null): number {
  if (o === null) return 0;
  let n = 0;
  if (o.mss !== null) n += 4;
  if (o.timestamps) n += 12; // SACK-permitted rides in the two bytes before TS, else NOP NOP
  else if (o.sackPermitted) n += 4;
  if (o.windowScale !== null) n += 4;
  return n;
}

function writeTcpOptions(buf: Uint8Array, at: number, o: TcpOptionsSpec): void {
  let p = at;
  if (o.mss !== null) {
    buf[p] = 2; buf[p + 1] = 4; buf[p + 2] = (o.mss >> 8) & 0xff; buf[p + 3] = o.mss & 0xff;
    p += 4;
  }
  const windows = o.layout === 'windows';
  if (windows) p = writeWindowScale(buf, p, o.windowScale);
  if (o.timestamps) {
    // SACK-permitted fills the two bytes before TS when both are sent; otherwise two NOPs do.
    if (o.sackPermitted) { buf[p] = 4; buf[p + 1] = 2; } else { buf[p] = 1; buf[p + 1] = 1; }
    buf[p + 2] = 8; buf[p + 3] = 10;
    writeU32(buf, p + 4, o.tsVal);
    writeU32(buf, p + 8, o.tsEcr);
    p += 12;
  } else if (o.sackPermitted) {
    buf[p] = 1; buf[p + 1] = 1; buf[p + 2] = 4; buf[p + 3] = 2;
    p += 4;
  }
  if (!windows) writeWindowScale(buf, p, o.windowScale);
}

/** NOP + window scale (RFC 7323 §2.2), or nothing. */
function writeWindowScale(buf: Uint8Array, at: number, shift: number | null): number {
  if (shift === null) return at;
  buf[at] = 1; buf[at + 1] = 3; buf[at + 2] = 3; buf[at + 3] = shift;
  return at + 4;
}

/** Where the TCP payload starts in a frame built from `spec`: write the payload there, then call `writeTcpFrame`. */
export function tcpPayloadOffset(spec: TcpSpec): number {
  return linkHeaderLength(spec) + ipHeaderLength(spec) + 20 + tcpOptionsLength(spec.options);
}

/**
 * Writes every header of a TCP frame around a payload of `payloadLength` bytes already placed at
 * `tcpPayloadOffset(spec)`, with IP and TCP checksums; returns the frame length (padded to 60).
 */
export function writeTcpFrame(buf: Uint8Array, spec: TcpSpec, payloadLength: number): number {
  const optLen = tcpOptionsLength(spec.options);
  const tcpLen = 20 + optLen + payloadLength;
  const t = writeLinkAndIp(buf, spec, IPPROTO_TCP, tcpLen);
  writeU16(buf, t, spec.srcPort);
  writeU16(buf, t + 2, spec.dstPort);
  writeU32(buf, t + 4, spec.seq);
  writeU32(buf, t + 8, spec.ack);
  buf[t + 12] = ((20 + optLen) / 4) << 4;
  buf[t + 13] = spec.flags & 0xff;
  writeU16(buf, t + 14, spec.window);
  writeU16(buf, t + 16, 0);
  writeU16(buf, t + 18, 0); // urgent pointer
  if (spec.options !== null) writeTcpOptions(buf, t + 20, spec.options);
  writeL4Checksum(buf, spec, IPPROTO_TCP, t, tcpLen, t + 16);
  return padFrame(buf, t + tcpLen);
}

/** Copies `payload[offset, offset + length)` into place and builds the TCP frame. */
export function buildTcpFrame(buf: Uint8Array, spec: TcpSpec, payload?: Uint8Array, offset = 0, length = payload ? payload.length - offset : 0): number {
  if (payload && length > 0) buf.set(payload.subarray(offset, offset + length), tcpPayloadOffset(spec));
  return writeTcpFrame(buf, spec, length);
}

export function udpPayloadOffset(spec: UdpSpec): number {
  return linkHeaderLength(spec) + ipHeaderLength(spec) + 8;
}

/** UDP counterpart of `writeTcpFrame`: the payload is already at `udpPayloadOffset(spec)`. */
export function writeUdpFrame(buf: Uint8Array, spec: UdpSpec, payloadLength: number): number {
  const udpLen = 8 + payloadLength;
  const u = writeLinkAndIp(buf, spec, IPPROTO_UDP, udpLen);
  writeU16(buf, u, spec.srcPort);
  writeU16(buf, u + 2, spec.dstPort);
  writeU16(buf, u + 4, udpLen);
  writeU16(buf, u + 6, 0);
  writeL4Checksum(buf, spec, IPPROTO_UDP, u, udpLen, u + 6);
  return padFrame(buf, u + udpLen);
}

export function buildUdpFrame(buf: Uint8Array, spec: UdpSpec, payload?: Uint8Array, offset = 0, length = payload ? payload.length - offset : 0): number {
  if (payload && length > 0) buf.set(payload.subarray(offset, offset + length), udpPayloadOffset(spec));
  return writeUdpFrame(buf, spec, length);
}

/** ICMP echo request/reply over IPv4, or ICMPv6 echo (types 128/129, checksum with pseudo-header) over IPv6. */
export function buildIcmpEchoFrame(buf: Uint8Array, spec: IcmpEchoSpec, payload: Uint8Array = new Uint8Array(0)): number {
  const v6 = spec.srcIp.length === 16;
  const len = 8 + payload.length;
  const c = writeLinkAndIp(buf, spec, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, len);
  buf[c] = v6 ? (spec.reply ? 129 : 128) : spec.reply ? 0 : 8;
  buf[c + 1] = 0;
  writeU16(buf, c + 2, 0);
  writeU16(buf, c + 4, spec.identifier);
  writeU16(buf, c + 6, spec.sequence);
  buf.set(payload, c + 8);
  if (v6) {
    writeL4Checksum(buf, spec, IPPROTO_ICMPV6, c, len, c + 2);
  } else {
    writeU16(buf, c + 2, foldChecksum(sumWords(buf, c, len)));
  }
  return padFrame(buf, c + len);
}

/** ARP over Ethernet for IPv4 (RFC 826): hardware type 1, protocol 0x0800. */
export function buildArpFrame(buf: Uint8Array, spec: ArpSpec): number {
  const a = writeEthernet(buf, spec, ETHERTYPE_ARP);
  writeU16(buf, a, 1);
  writeU16(buf, a + 2, 0x0800);
  buf[a + 4] = 6;
  buf[a + 5] = 4;
  writeU16(buf, a + 6, spec.op);
  buf.set(spec.senderMac, a + 8);
  buf.set(spec.senderIp, a + 14);
  buf.set(spec.targetMac, a + 18);
  buf.set(spec.targetIp, a + 24);
  return padFrame(buf, a + 28);
}

function writeL4Checksum(buf: Uint8Array, spec: IpSpec, proto: number, l4: number, l4Len: number, field: number): void {
  const src = ipSrcOffset(spec);
  const addrLen = spec.srcIp.length;
  let sum = pseudoHeaderSum(buf, src, src + addrLen, addrLen, proto, l4Len);
  sum = foldChecksum(sumWords(buf, l4, l4Len, sum));
  // RFC 768: a computed UDP checksum of 0 is sent as all ones (0 means "no checksum").
  if (sum === 0 && proto === IPPROTO_UDP) sum = 0xffff;
  writeU16(buf, field, sum);
}

function writeU16(buf: Uint8Array, at: number, v: number): void {
  buf[at] = (v >>> 8) & 0xff;
  buf[at + 1] = v & 0xff;
}

function writeU32(buf: Uint8Array, at: number, v: number): void {
  buf[at] = (v >>> 24) & 0xff;
  buf[at + 1] = (v >>> 16) & 0xff;
  buf[at + 2] = (v >>> 8) & 0xff;
  buf[at + 3] = v & 0xff;
}
