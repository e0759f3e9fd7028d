/** NetBIOS name service (UDP 137) and datagram service (UDP 138) descriptors (RFC 1002 §4.2, §4.4). */
import type { Decoder, ProbeResult } from '../types.js';
import { readEncodedName } from './netbios-name.js';
import { NBDGM_HEADER_LEN, NBDGM_TYPES, parseNbdgm } from './parse-nbdgm.js';
import { NBNS_HEADER_LEN, parseNbns } from './parse-nbns.js';
import type { NbdgmRecord, NbnsRecord } from './types.js';

/** A DNS-like header whose first name is a 32-letter encoded NetBIOS name: strong enough for 'yes'. */
function probeNbns(p: Uint8Array): ProbeResult {
  if (p.length < NBNS_HEADER_LEN + 34) return 'no';
  const qd = ((p[4] ?? 0) << 8) | (p[5] ?? 0);
  const rrs = ((p[6] ?? 0) << 8) | (p[7] ?? 0) | (p[8] ?? 0) | (p[9] ?? 0) | (p[10] ?? 0) | (p[11] ?? 0);
  if (qd > 1 || (qd === 0 && rrs === 0)) return 'no';
  return readEncodedName(p, NBNS_HEADER_LEN) === null ? 'no' : 'yes';
}

function probeNbdgm(p: Uint8Array): ProbeResult {
  if (p.length < NBDGM_HEADER_LEN + 2) return 'no';
  const type = p[0] ?? 0;
  if (!NBDGM_TYPES.has(type)) return 'no';
  if (type <= 0x12 && p.length >= 14 + 34) return readEncodedName(p, 14) === null ? 'no' : 'yes';
  return 'maybe';
}

export const nbnsDecoder: Decoder<NbnsRecord> = {
  name: 'nbns',
  transport: 'udp',
  ports: [137],
  probe: probeNbns,
  decode: (pdu) => parseNbns(pdu),
};

export const nbdgmDecoder: Decoder<NbdgmRecord> = {
  name: 'nbdgm',
  transport: 'udp',
  ports: [138],
  probe: probeNbdgm,
  decode: (pdu) => parseNbdgm(pdu),
};
