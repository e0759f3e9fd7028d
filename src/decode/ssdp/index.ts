/** The SSDP decoder descriptor (UPnP Device Architecture 2.0 §1; UDP 1900, multicast 239.255.255.250). */
import type { Decoder, ProbeResult } from '../types.js';
import { parseSsdp } from './parse-ssdp.js';
import type { SsdpRecord } from './types.js';

function startsWith(p: Uint8Array, ascii: string): boolean {
  if (p.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (p[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function probe(p: Uint8Array): ProbeResult {
  if (startsWith(p, 'M-SEARCH * HTTP/1.') || startsWith(p, 'NOTIFY * HTTP/1.')) return 'yes';
  // Search responses are plain HTTP status lines: ours only when they come from (or go to) port 1900.
  if (startsWith(p, 'HTTP/1.')) return 'maybe';
  return 'no';
}

export const ssdpDecoder: Decoder<SsdpRecord> = {
  name: 'ssdp',
  transport: 'udp',
  ports: [1900],
  probe,
  decode: (pdu) => parseSsdp(pdu),
};
