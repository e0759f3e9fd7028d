/**
 * Link, network and transport header decode (Ethernet II / 802.1Q / QinQ, Linux SLL and SLL2, raw IP, BSD
 * loopback; ARP; IPv4 RFC 791 with options and fragments; IPv6 RFC 8200 with extension headers; TCP RFC 9293;
 * UDP RFC 768; ICMP/ICMPv6). Fills a reused PacketInfo; never throws, never allocates.
 */
import { EtherType, IpProto, LinkType, PppProto, isBsdInet6 } from './link-types.js';
import { PacketInfo, PacketKind } from './packet-info.js';
import type { PacketRef } from './packet.js';

const MAX_VLAN_TAGS = 3;
const MAX_IPV6_EXTENSIONS = 8;
/** IP-in-IP, 6in4 and GRE are unwrapped this many times at most (hostile nesting cannot loop). */
const MAX_TUNNEL_DEPTH = 2;
const IPPROTO_IPIP = 4;
const IPPROTO_IPV6_IN_IP = 41;
const IPPROTO_GRE = 47;

function be16(d: Uint8Array, o: number): number {
  return ((d[o] ?? 0) << 8) | (d[o + 1] ?? 0);
}

function be32(d: Uint8Array, o: number): number {
  return (((d[o] ?? 0) << 24) | ((d[o + 1] ?? 0) << 16) | ((d[o + 2] ?? 0) << 8) | (d[o + 3] ?? 0)) >>> 0;
}

function malformed(info: PacketInfo, reason: string): boolean {
  info.kind = PacketKind.Malformed;
  info.malformedReason = reason;
  return false;
}

function resetInfo(info: PacketInfo): void {
  info.kind = PacketKind.Other;
  info.malformedReason = '';
  info.macSrcOffset = -1;
  info.macDstOffset = -1;
  info.vlan = -1;
  info.vlanInner = -1;
  info.etherType = 0;
  info.ipVersion = 0;
  info.proto = 0;
  info.isFragment = false;
  info.isLaterFragment = false;
  info.ipOptionsLength = 0;
  info.srcPort = 0;
  info.dstPort = 0;
  info.tcpFlags = 0;
  info.payloadOffset = 0;
  info.payloadLength = 0;
  info.payloadMissing = 0;
  info.tcpOptionsLength = 0;
  info.tunnelDepth = 0;
}

/** Decode one packet's headers into `info`. Returns true for an IP packet with its transport header decoded. */
export function decodePacket(p: PacketRef, info: PacketInfo): boolean {
  resetInfo(info);
  const d = p.data;
  const start = p.offset;
  const end = p.offset + p.capLen;
  let o = start;
  let etherType: number;
  switch (p.linkType) {
    case LinkType.Ethernet: {
      if (end - o < 14) return malformed(info, 'ethernet header truncated');
      info.macDstOffset = o;
      info.macSrcOffset = o + 6;
      etherType = be16(d, o + 12);
      o += 14;
      for (let tags = 0; (etherType === EtherType.Vlan || etherType === EtherType.QinQ || etherType === EtherType.Vlan9100) && tags < MAX_VLAN_TAGS; tags++) {
        if (end - o < 4) return malformed(info, 'vlan tag truncated');
        const vid = be16(d, o) & 0x0fff;
        if (info.vlan < 0) info.vlan = vid;
        else if (info.vlanInner < 0) info.vlanInner = vid;
        etherType = be16(d, o + 2);
        o += 4;
      }
      if (etherType <= 1500) {
        // IEEE 802.3 length field: an LLC frame (CDP, STP ...), bounded by its length.
        info.kind = PacketKind.Link;
        info.etherType = 0;
        info.l3Offset = o;
        info.l3End = Math.min(end, o + etherType);
        return false;
      }
      break;
    }
    case LinkType.LinuxSll: {
      if (end - o < 16) return malformed(info, 'sll header truncated');
      if (be16(d, o + 4) === 6) info.macSrcOffset = o + 6;
      etherType = be16(d, o + 14);
      o += 16;
      if (etherType === 0x0004) etherType = 0; // ETH_P_802_2: LLC frame follows
      break;
    }
    case LinkType.LinuxSll2: {
      if (end - o < 20) return malformed(info, 'sll2 header truncated');
      if ((d[o + 11] ?? 0) === 6) info.macSrcOffset = o + 12;
      etherType = be16(d, o);
      o += 20;
      if (etherType === 0x0004) etherType = 0;
      break;
    }
    case LinkType.Null:
    case LinkType.Loop: {
      if (end - o < 4) return malformed(info, 'loopback header truncated');
      // DLT_NULL stores the family in the capturing host's byte order; a small value tells which.
      const af = p.linkType === LinkType.Loop || d[o] === 0 ? be32(d, o) : ((d[o] ?? 0) | ((d[o + 1] ?? 0) << 8));
      o += 4;
      if (af === 2) etherType = EtherType.Ipv4;
      else if (isBsdInet6(af)) etherType = EtherType.Ipv6;
      else return false;
      break;
    }
    case LinkType.Raw:
    case LinkType.Ipv4:
    case LinkType.Ipv6: {
      if (end - o < 1) return malformed(info, 'empty raw packet');
      const v = (d[o] ?? 0) >> 4;
      etherType = v === 4 ? EtherType.Ipv4 : v === 6 ? EtherType.Ipv6 : -1;
      if (etherType < 0) return malformed(info, 'raw packet is not IPv4 or IPv6');
      break;
    }
    default:
      return false;
  }
  if (etherType === EtherType.PppoeSession) {
    // 6-byte PPPoE header, then the 2-byte PPP protocol field.
    if (end - o < 8) return malformed(info, 'pppoe header truncated');
    const ppp = be16(d, o + 6);
    o += 8;
    etherType = ppp === PppProto.Ipv4 ? EtherType.Ipv4 : ppp === PppProto.Ipv6 ? EtherType.Ipv6 : -1;
    if (etherType < 0) return false;
  } else if (etherType === EtherType.MplsUnicast || etherType === EtherType.MplsMulticast) {
    // Label stack entries until the bottom-of-stack bit; the payload's first nibble tells IPv4 from IPv6.
    let bottom = false;
    for (let i = 0; i < 8 && !bottom; i++) {
      if (end - o < 4) return malformed(info, 'mpls label truncated');
      bottom = ((d[o + 2] ?? 0) & 0x01) !== 0;
      o += 4;
    }
    const v = (d[o] ?? 0) >> 4;
    etherType = v === 4 ? EtherType.Ipv4 : v === 6 ? EtherType.Ipv6 : -1;
    if (!bottom || etherType < 0) return false;
  }
  info.etherType = etherType;
  info.l3Offset = o;
  info.l3End = end;
  if (etherType === EtherType.Ipv4) return decodeIpv4(d, o, end, p, info);
  if (etherType === EtherType.Ipv6) return decodeIpv6(d, o, end, p, info);
  if (etherType === EtherType.Arp) {
    info.kind = end - o >= 28 ? PacketKind.Arp : PacketKind.Malformed;
    if (info.kind === PacketKind.Malformed) info.malformedReason = 'arp truncated';
    return false;
  }
  if (etherType === 0 || etherType === EtherType.Lldp) info.kind = PacketKind.Link;
  return false;
}

function decodeIpv4(d: Uint8Array, o: number, end: number, p: PacketRef, info: PacketInfo): boolean {
  if (end - o < 20) return malformed(info, 'ipv4 header truncated');
  const b0 = d[o] ?? 0;
  if (b0 >> 4 !== 4) return malformed(info, 'ipv4 version is not 4');
  const ihl = (b0 & 0x0f) * 4;
  const total = be16(d, o + 2);
  if (ihl < 20 || total < ihl) return malformed(info, 'ipv4 header length invalid');
  if (end - o < ihl) return malformed(info, 'ipv4 options truncated');
  info.ipVersion = 4;
  info.ipId = be16(d, o + 4);
  const frag = be16(d, o + 6);
  info.isFragment = (frag & 0x3fff) !== 0;
  info.isLaterFragment = (frag & 0x1fff) !== 0;
  info.ttl = d[o + 8] ?? 0;
  info.proto = d[o + 9] ?? 0;
  info.srcAddr[0] = be32(d, o + 12);
  info.dstAddr[0] = be32(d, o + 16);
  info.srcAddr[1] = info.srcAddr[2] = info.srcAddr[3] = 0;
  info.dstAddr[1] = info.dstAddr[2] = info.dstAddr[3] = 0;
  info.ipOptionsLength = ihl - 20;
  // Ethernet pads short frames: the IP total length, not the frame, bounds the packet.
  let l3End = o + total;
  let missing = 0;
  if (l3End > end) {
    // A frame shorter than its IP header says is still counted in its flow, as tshark and Zeek count it; the damage
    // is kept (malformedReason on an IP packet) for the malformed count.
    if (p.capLen >= p.origLen) info.malformedReason = 'ipv4 total length exceeds frame';
    missing = l3End - end;
    l3End = end;
  }
  info.l3End = l3End;
  info.kind = PacketKind.Ip;
  if (info.isLaterFragment) return false;
  return decodeTransport(d, o + ihl, l3End, missing, p, info);
}

function decodeIpv6(d: Uint8Array, o: number, end: number, p: PacketRef, info: PacketInfo): boolean {
  if (end - o < 40) return malformed(info, 'ipv6 header truncated');
  if ((d[o] ?? 0) >> 4 !== 6) return malformed(info, 'ipv6 version is not 6');
  info.ipVersion = 6;
  const payloadLen = be16(d, o + 4);
  let next = d[o + 6] ?? 0;
  info.ttl = d[o + 7] ?? 0;
  for (let i = 0; i < 4; i++) {
    info.srcAddr[i] = be32(d, o + 8 + i * 4);
    info.dstAddr[i] = be32(d, o + 24 + i * 4);
  }
  let l3End = o + 40 + payloadLen;
  let missing = 0;
  if (payloadLen === 0) l3End = end; // jumbogram or zero: trust the frame
  if (l3End > end) {
    // A frame shorter than its IP header says is still counted in its flow, as tshark and Zeek count it; the damage
    // is kept (malformedReason on an IP packet) for the malformed count.
    if (p.capLen >= p.origLen) info.malformedReason = 'ipv6 payload length exceeds frame';
    missing = l3End - end;
    l3End = end;
  }
  info.l3End = l3End;
  info.kind = PacketKind.Ip;
  let q = o + 40;
  for (let i = 0; i < MAX_IPV6_EXTENSIONS; i++) {
    if (next === IpProto.HopByHop || next === IpProto.Routing || next === IpProto.DestOpts || next === IpProto.Mobility) {
      if (l3End - q < 8) return malformed(info, 'ipv6 extension header truncated');
      const len = ((d[q + 1] ?? 0) + 1) * 8;
      next = d[q] ?? 0;
      q += len;
    } else if (next === IpProto.Fragment) {
      if (l3End - q < 8) return malformed(info, 'ipv6 fragment header truncated');
      const offFlags = be16(d, q + 2);
      info.isFragment = true;
      info.isLaterFragment = offFlags >> 3 !== 0;
      info.ipId = be32(d, q + 4) & 0xffff;
      next = d[q] ?? 0;
      q += 8;
    } else if (next === IpProto.Ah) {
      if (l3End - q < 8) return malformed(info, 'ipv6 authentication header truncated');
      const len = ((d[q + 1] ?? 0) + 2) * 4;
      next = d[q] ?? 0;
      q += len;
    } else break;
    if (q > l3End) return malformed(info, 'ipv6 extension header runs past the packet');
  }
  info.proto = next;
  if (info.isLaterFragment) return false;
  return decodeTransport(d, q, l3End, missing, p, info);
}

/** Unwrap a tunnelled packet: the inner addresses and ports are the conversation (as tshark's tables see it). */
function decodeTunnel(d: Uint8Array, o: number, end: number, p: PacketRef, info: PacketInfo): boolean | null {
  if (info.tunnelDepth >= MAX_TUNNEL_DEPTH) return null;
  let inner = o;
  let version = 0;
  if (info.proto === IPPROTO_IPIP) version = 4;
  else if (info.proto === IPPROTO_IPV6_IN_IP) version = 6;
  else if (info.proto === IPPROTO_GRE) {
    // RFC 2784 / RFC 2890: flags decide which optional 4-byte fields follow the 4-byte base header.
    if (end - o < 4) return null;
    const flags = be16(d, o);
    if ((flags & 0x0007) !== 0) return null; // GRE version 1 (PPTP) carries PPP, not IP
    const type = be16(d, o + 2);
    inner = o + 4 + ((flags & 0x8000) !== 0 ? 4 : 0) + ((flags & 0x2000) !== 0 ? 4 : 0) + ((flags & 0x1000) !== 0 ? 4 : 0);
    version = type === EtherType.Ipv4 ? 4 : type === EtherType.Ipv6 ? 6 : 0;
  }
  if (version === 0 || inner >= end) return null;
  info.tunnelDepth++;
  return version === 4 ? decodeIpv4(d, inner, end, p, info) : decodeIpv6(d, inner, end, p, info);
}

function decodeTransport(d: Uint8Array, o: number, end: number, missing: number, p: PacketRef, info: PacketInfo): boolean {
  const proto = info.proto;
  if (proto === IpProto.Tcp) {
    if (end - o < 20) return info.isFragment ? false : malformed(info, 'tcp header truncated');
    const dataOff = ((d[o + 12] ?? 0) >> 4) * 4;
    if (dataOff < 20) return malformed(info, 'tcp data offset below 20');
    if (end - o < dataOff) return malformed(info, 'tcp options truncated');
    info.srcPort = be16(d, o);
    info.dstPort = be16(d, o + 2);
    info.seq = be32(d, o + 4);
    info.ack = be32(d, o + 8);
    info.tcpFlags = d[o + 13] ?? 0;
    info.window = be16(d, o + 14);
    info.tcpOptionsOffset = o + 20;
    info.tcpOptionsLength = dataOff - 20;
    info.payloadOffset = o + dataOff;
    info.payloadLength = end - o - dataOff;
    info.payloadMissing = missing;
    return true;
  }
  if (proto === IpProto.Udp) {
    if (end - o < 8) return info.isFragment ? false : malformed(info, 'udp header truncated');
    info.srcPort = be16(d, o);
    info.dstPort = be16(d, o + 2);
    const udpLen = be16(d, o + 4);
    info.payloadOffset = o + 8;
    if (udpLen === 0 || info.isFragment) {
      info.payloadLength = end - o - 8; // UDP length 0: jumbogram (RFC 2675); fragments: only what is here
    } else {
      if (udpLen < 8) return malformed(info, 'udp length below 8');
      const have = end - o;
      if (udpLen > have + missing) return malformed(info, 'udp length exceeds ip payload');
      info.payloadLength = Math.min(udpLen, have) - 8;
      info.payloadMissing = udpLen > have ? udpLen - have : 0;
    }
    return true;
  }
  if (proto === IpProto.Icmp || proto === IpProto.Icmpv6) {
    if (end - o < 4) return malformed(info, 'icmp header truncated');
    info.icmpType = d[o] ?? 0;
    info.icmpCode = d[o + 1] ?? 0;
    const hdr = end - o >= 8 ? 8 : 4;
    info.payloadOffset = o + hdr;
    info.payloadLength = end - o - hdr;
    return true;
  }
  if (proto === IPPROTO_IPIP || proto === IPPROTO_IPV6_IN_IP || proto === IPPROTO_GRE) {
    const inner = decodeTunnel(d, o, end, p, info);
    if (inner !== null) return inner;
  }
  info.payloadOffset = o;
  info.payloadLength = end - o;
  return true;
}
