/** LINKTYPE_* values (tcpdump.org/linktypes.html) and ethertypes the engine understands. */

export const LinkType = {
  Null: 0, // BSD loopback: 4-byte host-order address family
  Ethernet: 1,
  Raw: 101, // raw IPv4/IPv6, version from the first nibble
  Loop: 108, // OpenBSD loopback: 4-byte network-order address family
  LinuxSll: 113,
  Ipv4: 228,
  Ipv6: 229,
  LinuxSll2: 276,
} as const;

export const EtherType = {
  Ipv4: 0x0800,
  Arp: 0x0806,
  Vlan: 0x8100, // IEEE 802.1Q
  QinQ: 0x88a8, // IEEE 802.1ad service tag
  Vlan9100: 0x9100, // pre-standard QinQ outer tag, still seen on old switches
  Ipv6: 0x86dd,
  Lldp: 0x88cc,
  PppoeSession: 0x8864, // RFC 2516
  MplsUnicast: 0x8847, // RFC 3032
  MplsMulticast: 0x8848,
} as const;

/** PPP protocol numbers (RFC 1661, RFC 5072) carried in PPPoE sessions. */
export const PppProto = { Ipv4: 0x0021, Ipv6: 0x0057 } as const;

export const IpProto = {
  HopByHop: 0,
  Icmp: 1,
  Igmp: 2,
  Tcp: 6,
  Udp: 17,
  Routing: 43,
  Fragment: 44,
  Esp: 50,
  Ah: 51,
  Icmpv6: 58,
  NoNext: 59,
  DestOpts: 60,
  Mobility: 135,
} as const;

/** BSD address-family values that mean IPv6 on the various BSDs (DLT_NULL/DLT_LOOP). */
export function isBsdInet6(af: number): boolean {
  return af === 24 || af === 28 || af === 30 || af === 10;
}
