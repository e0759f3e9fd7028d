/** The CDP decoder (Cisco Discovery Protocol v1/v2 over 802.3 LLC/SNAP): what a Cisco switch or phone announces. */
import type { Decoder, ProbeResult } from '../types.js';
import { CDP_SNAP, parseCdp } from './parse-cdp.js';
import type { CdpRecord } from './types.js';

/** The LLC/SNAP header naming Cisco's CDP, then version 1 or 2. */
function probe(p: Uint8Array): ProbeResult {
  if (p.length < CDP_SNAP.length + 4) return 'no';
  for (let i = 0; i < CDP_SNAP.length; i++) if (p[i] !== CDP_SNAP[i]) return 'no';
  const version = p[CDP_SNAP.length];
  return version === 1 || version === 2 ? 'yes' : 'no';
}

export const cdpDecoder: Decoder<CdpRecord> = {
  name: 'cdp',
  transport: 'link',
  ports: [],
  etherTypes: [0],
  probe,
  decode: (pdu) => parseCdp(pdu),
};
