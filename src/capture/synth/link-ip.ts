/** Ethernet II with optional IEEE 802.1Q tag (802.1Q §9), IPv4 (RFC 791 §3.1) and IPv6 (RFC 8200 §3) header writers. */

import { foldChecksum, sumWords } from './checksum.js';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_VLAN = 0x8100;
export const ETHERTYPE_IPV6 = 0x86dd;
export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_ICMPV6 = 58;
/** IEEE 802.3 minimum frame (64 bytes) without the 4-byte FCS, which captures do not carry. */
export const ETH_MIN_FRAME = 60;

/** Layer-2 addressing of one frame. Objects are meant to be reused and mutated between frames. */
export interface LinkSpec {
  srcMac: Uint8Array;
  dstMac: Uint8Array;
  /** 802.1Q VLAN id (1..4094), or null for an untagged frame. */
  vlan: number | null;
  /** 802.1Q priority code point (0..7). */
  vlanPriority: number;
}

/** Layer-3 fields; the family follows the address length (4 = IPv4, 16 = IPv6). */
export interface IpSpec extends LinkSpec {
  srcIp: Uint8Array;
  dstIp: Uint8Array;
  /** IPv4 TTL or IPv6 hop limit. */
  ttl: number;
  /** IPv4 identification (ignored for IPv6). */
  ipId: number;
  /** DSCP (6 bits) — IPv4 TOS / IPv6 traffic class, ECN left at 0. */
  dscp: number;
  /** IPv4 DF bit (ignored for IPv6). */
  dontFragment: boolean;
  /** IPv6 flow label (20 bits, ignored for IPv4). */
  flowLabel: number;
}

export function newIpSpec(): IpSpec {
  return {
    srcMac: new Uint8Array(6), dstMac: new Uint8Array(6), vlan: null, vlanPriority: 0,
    srcIp: new Uint8Array(4), dstIp: new Uint8Array(4), ttl: 64, ipId: 0, dscp: 0, dontFragment: true, flowLabel: 0,
  };
}

export function linkHeaderLength(spec: LinkSpec): number {
  return spec.vlan === null ? 14 : 18;
}

export function ipHeaderLength(spec: IpSpec): number {
  return spec.srcIp.length === 16 ? 40 : 20;
}

/** Writes the Ethernet header (and tag) at offset 0; returns the offset of the EtherType's payload. */
export function writeEthernet(buf: Uint8Array, spec: LinkSpec, etherType: number): number {
  buf.set(spec.dstMac, 0);
  buf.set(spec.srcMac, 6);
  let at = 12;
  if (spec.vlan !== null) {
    buf[12] = ETHERTYPE_VLAN >> 8;
    buf[13] = ETHERTYPE_VLAN & 0xff;
    const tci = ((spec.vlanPriority & 7) << 13) | (spec.vlan & 0x0fff);
    buf[14] = tci >> 8;
    buf[15] = tci & 0xff;
    at = 16;
  }
  buf[at] = etherType >> 8;
  buf[at + 1] = etherType & 0xff;
  return at + 2;
}

/**
 * Writes the Ethernet and IP headers for an upper-layer message of `l4Length` bytes (IPv4 header
 * checksum included) and returns the offset where that message starts.
 */
export function writeLinkAndIp(buf: Uint8Array, spec: IpSpec, proto: number, l4Length: number): number {
  const v6 = spec.srcIp.length === 16;
  if (spec.dstIp.length !== spec.srcIp.length || (!v6 && spec.srcIp.length !== 4)) {
    throw new RangeError('writeLinkAndIp: source and destination must both be IPv4 (4 bytes) or IPv6 (16 bytes)');
  }
  const ip = writeEthernet(buf, spec, v6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4);
  if (v6) {
    if (l4Length > 0xffff) throw new RangeError('IPv6 payload too long (jumbograms are not synthesised)');
    const tc = (spec.dscp & 0x3f) << 2;
    buf[ip] = 0x60 | (tc >> 4);
    buf[ip + 1] = ((tc & 0x0f) << 4) | ((spec.flowLabel >> 16) & 0x0f);
    buf[ip + 2] = (spec.flowLabel >> 8) & 0xff;
    buf[ip + 3] = spec.flowLabel & 0xff;
    buf[ip + 4] = l4Length >> 8;
    buf[ip + 5] = l4Length & 0xff;
    buf[ip + 6] = proto;
    buf[ip + 7] = spec.ttl;
    buf.set(spec.srcIp, ip + 8);
    buf.set(spec.dstIp, ip + 24);
    return ip + 40;
  }
  const total = 20 + l4Length;
  if (total > 0xffff) throw new RangeError('IPv4 datagram too long');
  buf[ip] = 0x45; // version 4, IHL 5 (no options)
  buf[ip + 1] = (spec.dscp & 0x3f) << 2;
  buf[ip + 2] = total >> 8;
  buf[ip + 3] = total & 0xff;
  buf[ip + 4] = (spec.ipId >> 8) & 0xff;
  buf[ip + 5] = spec.ipId & 0xff;
  buf[ip + 6] = spec.dontFragment ? 0x40 : 0; // flags DF, fragment offset 0
  buf[ip + 7] = 0;
  buf[ip + 8] = spec.ttl;
  buf[ip + 9] = proto;
  buf[ip + 10] = 0;
  buf[ip + 11] = 0;
  buf.set(spec.srcIp, ip + 12);
  buf.set(spec.dstIp, ip + 16);
  const sum = foldChecksum(sumWords(buf, ip, 20));
  buf[ip + 10] = sum >> 8;
  buf[ip + 11] = sum & 0xff;
  return ip + 20;
}

/** Zero-pads a frame to the Ethernet minimum (as a switch port would deliver it); returns the final length. */
export function padFrame(buf: Uint8Array, length: number): number {
  if (length >= ETH_MIN_FRAME) return length;
  buf.fill(0, length, ETH_MIN_FRAME);
  return ETH_MIN_FRAME;
}

/** Offset of the IP source address inside a frame written by `writeLinkAndIp`. */
export function ipSrcOffset(spec: IpSpec): number {
  return linkHeaderLength(spec) + (spec.srcIp.length === 16 ? 8 : 12);
}
