/** The LLDP decoder (IEEE 802.1AB, ethertype 0x88cc): what a switch port or device announces about itself. */
import type { Decoder, ProbeResult } from '../types.js';
import { parseLldp } from './parse-lldp.js';
import type { LldpRecord } from './types.js';

/** IEEE 802.1AB §8.2: an LLDPDU starts with the Chassis ID TLV (type 1). */
function probe(p: Uint8Array): ProbeResult {
  if (p.length < 2) return 'no';
  return (p[0] ?? 0) >> 1 === 1 ? 'yes' : 'no';
}

export const lldpDecoder: Decoder<LldpRecord> = {
  name: 'lldp',
  transport: 'link',
  ports: [],
  etherTypes: [0x88cc],
  probe,
  decode: (pdu) => parseLldp(pdu),
};
