/** The DHCPv4 / BOOTP decoder descriptor (RFC 2131; UDP 67/68). */
import type { Decoder, ProbeResult } from '../types.js';
import { BOOTP_FIXED_LEN, DHCP_MAGIC_COOKIE, parseDhcp } from './parse-dhcp.js';
import type { DhcpRecord } from './types.js';

function probe(p: Uint8Array): ProbeResult {
  if (p.length < BOOTP_FIXED_LEN) return 'no';
  const op = p[0];
  if (op !== 1 && op !== 2) return 'no';
  const hlen = p[2] ?? 0;
  if (hlen > 16) return 'no';
  if (p.length >= BOOTP_FIXED_LEN + 4) {
    const cookie = (((p[236] ?? 0) << 24) | ((p[237] ?? 0) << 16) | ((p[238] ?? 0) << 8) | (p[239] ?? 0)) >>> 0;
    if (cookie === DHCP_MAGIC_COOKIE) return 'yes';
  }
  // Plain BOOTP has no signature beyond its shape: claim it only on 67/68.
  return 'maybe';
}

export const dhcpDecoder: Decoder<DhcpRecord> = {
  name: 'dhcp',
  transport: 'udp',
  ports: [67, 68],
  probe,
  decode: (pdu) => parseDhcp(pdu),
};
