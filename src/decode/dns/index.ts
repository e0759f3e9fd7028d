/** DNS (UDP 53), mDNS (UDP 5353, RFC 6762) and LLMNR (UDP 5355, RFC 4795): three descriptors over one parser. */
import type { Decoder, ProbeResult } from '../types.js';
import { DNS_HEADER_LEN, parseDnsMessage } from './parse-message.js';
import type { DnsRecord, DnsVariant } from './types.js';

/**
 * A plausible DNS header: known opcode, sane counts, and something to carry. The three wire formats are the same,
 * so the probe never says 'yes': the port hint (53 / 5353 / 5355) picks the decoder.
 */
export function probeDnsHeader(p: Uint8Array): ProbeResult {
  if (p.length < DNS_HEADER_LEN) return 'no';
  const opcode = ((p[2] ?? 0) >> 3) & 0xf;
  if (opcode === 3 || opcode > 6) return 'no';
  const qd = ((p[4] ?? 0) << 8) | (p[5] ?? 0);
  const an = ((p[6] ?? 0) << 8) | (p[7] ?? 0);
  const ns = ((p[8] ?? 0) << 8) | (p[9] ?? 0);
  const ar = ((p[10] ?? 0) << 8) | (p[11] ?? 0);
  if (qd > 64 || an > 512 || ns > 512 || ar > 512) return 'no';
  if (qd + an + ns + ar === 0) return 'no';
  // Each question / RR takes at least 5 / 11 bytes: counts that cannot fit the datagram are not DNS.
  if (DNS_HEADER_LEN + qd * 5 + (an + ns + ar) * 11 > p.length + 11 * 8) return 'no';
  return 'maybe';
}

function variant(name: DnsVariant, ports: readonly number[]): Decoder<DnsRecord> {
  return {
    name,
    transport: 'udp',
    ports,
    probe: probeDnsHeader,
    decode: (pdu) => parseDnsMessage(pdu, name),
  };
}

export const dnsDecoder = variant('dns', [53]);
export const mdnsDecoder = variant('mdns', [5353]);
export const llmnrDecoder = variant('llmnr', [5355]);
