/** The NTP decoder descriptor (RFC 5905; UDP 123). */
import type { Decoder, ProbeResult } from '../types.js';
import { NTP_CONTROL_HEADER_LEN, NTP_HEADER_LEN, NTP_PRIVATE_HEADER_LEN, parseNtp } from './parse-ntp.js';
import type { NtpRecord } from './types.js';

/** Largest datagram expected: header, a few extension fields and a MAC (RFC 7822). */
const MAX_NTP_DATAGRAM = 1500;

/** NTP has no magic: a known version with a mode-consistent length is only a 'maybe' (port 123 decides). */
function probe(p: Uint8Array): ProbeResult {
  if (p.length === 0 || p.length > MAX_NTP_DATAGRAM) return 'no';
  const first = p[0] ?? 0;
  const version = (first >> 3) & 7;
  const mode = first & 7;
  if (version < 1 || version > 4 || mode === 0) return 'no';
  if (mode === 6) return p.length >= NTP_CONTROL_HEADER_LEN ? 'maybe' : 'no';
  if (mode === 7) return p.length >= NTP_PRIVATE_HEADER_LEN ? 'maybe' : 'no';
  if (p.length < NTP_HEADER_LEN || (p[1] ?? 0) > 16) return 'no';
  return 'maybe';
}

export const ntpDecoder: Decoder<NtpRecord> = {
  name: 'ntp',
  transport: 'udp',
  ports: [123],
  probe,
  decode: (pdu) => parseNtp(pdu),
};
