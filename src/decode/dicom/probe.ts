/** Content detection of the DICOM Upper Layer on any port (PS3.8 §9.3.1 PDU header, §9.3.2 A-ASSOCIATE-RQ). */
import type { Direction, ProbeResult } from '../types.js';
import { isPrintableAe } from './text.js';
import { MAX_ASSOCIATE_BYTES, PduType } from './types.js';

/** Smallest A-ASSOCIATE-RQ/AC: 68 fixed bytes after the header (PS3.8 Table 9-11). */
const MIN_ASSOCIATE_BODY = 68;

/** PS3.8 §9.3.2: protocol version field, bit 0 set = version 1. */
const PROTOCOL_VERSION_1 = 0x0001;

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) * 0x1000000 + ((b[at + 1] ?? 0) << 16)) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0);
}

/**
 * 'yes' for an A-ASSOCIATE-RQ (or the AC answering it) with protocol version 1 and printable AE titles, which is
 * what Wireshark's heuristic also requires; 'maybe' for any other well-formed PDU header (claims on a port hint).
 */
export function probeDicom(b: Uint8Array, direction: Direction): ProbeResult {
  if (b.length === 0) return 'no';
  const type = b[0] ?? 0;
  if (type < PduType.AssociateRq || type > PduType.Abort) return 'no';
  if (b.length < 2) return 'maybe';
  if (b[1] !== 0) return 'no';
  if (b.length < 6) return 'maybe';
  const len = u32(b, 2);
  switch (type) {
    case PduType.AssociateRq:
    case PduType.AssociateAc: {
      if (len < MIN_ASSOCIATE_BODY || len > MAX_ASSOCIATE_BYTES) return 'no';
      if (b.length < 6 + 42) return 'maybe';
      const version = ((b[6] ?? 0) << 8) | (b[7] ?? 0);
      if ((version & PROTOCOL_VERSION_1) === 0) return 'no';
      if (!isPrintableAe(b, 10, 16) || !isPrintableAe(b, 26, 16)) return 'no';
      // An RQ comes from the initiator, an AC from the responder; the other way round is only a maybe.
      const expected = type === PduType.AssociateRq ? 'out' : 'in';
      return direction === expected ? 'yes' : 'maybe';
    }
    case PduType.AssociateRj:
    case PduType.ReleaseRq:
    case PduType.ReleaseRp:
    case PduType.Abort:
      return len === 4 ? 'maybe' : 'no';
    default: {
      // P-DATA-TF: the first PDV must fit in the PDU and name an odd presentation context id (PS3.8 §9.3.2.2).
      if (len < 6) return 'no';
      if (b.length < 12) return 'maybe';
      const pdvLen = u32(b, 6);
      const id = b[10] ?? 0;
      const mch = b[11] ?? 0;
      if (pdvLen < 2 || pdvLen > len - 4 || id % 2 === 0 || mch > 3) return 'no';
      return 'maybe';
    }
  }
}
