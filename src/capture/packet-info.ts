/** The decoded headers of one packet: a single reused struct filled by decodePacket (no per-packet allocation). */

export const PacketKind = {
  Malformed: 0,
  Ip: 1,
  Arp: 2,
  /** Non-IP layer-2 payload (LLDP, CDP over 802.3 LLC, ...), handed to link decoders. */
  Link: 3,
  /** Something we do not analyse (other ethertypes): counted, not an error. */
  Other: 4,
} as const;
export type PacketKind = (typeof PacketKind)[keyof typeof PacketKind];

export class PacketInfo {
  kind: PacketKind = PacketKind.Other;
  /**
   * Why the packet was malformed (static strings only). Set on an `Ip` packet too when it is damaged but still
   * usable (an IP length past the end of an uncut frame): the packet is analysed and counted as malformed.
   */
  malformedReason = '';
  /** Offset of the source/destination MAC in the packet buffer, or -1 when the link layer has none. */
  macSrcOffset = -1;
  macDstOffset = -1;
  /** Outer and inner 802.1Q/802.1ad VLAN ids, -1 when absent. */
  vlan = -1;
  vlanInner = -1;
  etherType = 0;
  /** Start and end (exclusive) of the layer-2 payload / layer-3 packet in the buffer. */
  l3Offset = 0;
  l3End = 0;

  ipVersion = 0;
  /** IPv4: src in srcAddr[0]; IPv6: 4 big-endian words each. */
  readonly srcAddr = new Uint32Array(4);
  readonly dstAddr = new Uint32Array(4);
  ttl = 0;
  ipId = 0;
  /** Transport protocol number after IPv6 extension headers. */
  proto = 0;
  isFragment = false;
  /** True for a fragment that is not the first: no transport header. */
  isLaterFragment = false;
  ipOptionsLength = 0;

  srcPort = 0;
  dstPort = 0;
  tcpFlags = 0;
  seq = 0;
  ack = 0;
  window = 0;
  /** TCP options bytes (offset, length) in the buffer. */
  tcpOptionsOffset = 0;
  tcpOptionsLength = 0;
  icmpType = 0;
  icmpCode = 0;
  /** Transport payload (after TCP/UDP/ICMP header) in the buffer, clipped to what was captured. */
  payloadOffset = 0;
  payloadLength = 0;
  /** How many tunnel headers (IP-in-IP, 6in4, GRE) were unwrapped to reach these addresses. */
  tunnelDepth = 0;
  /** Payload bytes the IP header promises but the snap length cut off. */
  payloadMissing = 0;
}

export const TcpFlag = { Fin: 0x01, Syn: 0x02, Rst: 0x04, Psh: 0x08, Ack: 0x10, Urg: 0x20, Ece: 0x40, Cwr: 0x80 } as const;
