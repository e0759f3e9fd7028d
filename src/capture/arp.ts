/** The sender's hardware and protocol address of an Ethernet/IPv4 ARP packet (RFC 826): who is on this segment. */
import { ipv4Text, macText, readMac } from './addr.js';

const ARP_HTYPE_ETHERNET = 1;
const ARP_PTYPE_IPV4 = 0x0800;

/** Sender MAC and IP (null for an ARP probe, whose sender IP is 0.0.0.0); null when not Ethernet/IPv4 ARP. */
export function arpSender(d: Uint8Array, start: number, end: number): { mac: string; ip: string | null } | null {
  if (end - start < 28) return null;
  const htype = ((d[start] ?? 0) << 8) | (d[start + 1] ?? 0);
  const ptype = ((d[start + 2] ?? 0) << 8) | (d[start + 3] ?? 0);
  if (htype !== ARP_HTYPE_ETHERNET || ptype !== ARP_PTYPE_IPV4 || d[start + 4] !== 6 || d[start + 5] !== 4) return null;
  const mac = macText(readMac(d, start + 8));
  if (mac === null) return null;
  const ipWord = (((d[start + 14] ?? 0) << 24) | ((d[start + 15] ?? 0) << 16) | ((d[start + 16] ?? 0) << 8) | (d[start + 17] ?? 0)) >>> 0;
  return { mac, ip: ipWord === 0 ? null : ipv4Text(ipWord) };
}
