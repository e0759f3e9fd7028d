/** NetBIOS datagram service packets (RFC 1002 §4.4.1-§4.4.3) and the browser announcements they carry. */
import type { DecodeResult } from '../types.js';
import { readEncodedName } from './netbios-name.js';
import { parseMailslot } from './parse-browser.js';
import type { NbdgmRecord } from './types.js';

export const NBDGM_HEADER_LEN = 10;

/** RFC 1002 §4.4.1 MSG_TYPE. */
export const NBDGM_TYPES: ReadonlyMap<number, string> = new Map([
  [0x10, 'direct-unique'], [0x11, 'direct-group'], [0x12, 'broadcast'], [0x13, 'error'],
  [0x14, 'query-request'], [0x15, 'positive-query-response'], [0x16, 'negative-query-response'],
]);

export function parseNbdgm(pdu: Uint8Array): DecodeResult<NbdgmRecord> {
  if (pdu.length < NBDGM_HEADER_LEN) return { records: [], issues: [{ code: 'nbdgm-truncated', offset: 0, message: 'header shorter than 10 bytes' }] };
  const type = pdu[0] ?? 0;
  const msgType = NBDGM_TYPES.get(type);
  if (msgType === undefined) return { records: [], issues: [{ code: 'nbdgm-bad-type', offset: 0, message: `message type 0x${type.toString(16)}` }] };
  const rec: NbdgmRecord = { kind: 'datagram', msgType };
  if (type === 0x13) return { records: [rec], issues: [] };
  if (type >= 0x14) {
    const d = readEncodedName(pdu, NBDGM_HEADER_LEN);
    if (d !== null) rec.destinationName = d.name;
    return { records: [rec], issues: [] };
  }
  // Direct / broadcast datagrams: header (10) + DGM_LENGTH (2) + PACKET_OFFSET (2), then source and dest names.
  const src = readEncodedName(pdu, 14);
  if (src === null) return { records: [rec], issues: [{ code: 'nbdgm-bad-name', offset: 14, message: 'source name is not an encoded NetBIOS name' }] };
  rec.sourceName = src.name;
  const dst = readEncodedName(pdu, src.next);
  if (dst === null) return { records: [rec], issues: [{ code: 'nbdgm-bad-name', offset: src.next, message: 'destination name is not an encoded NetBIOS name' }] };
  rec.destinationName = dst.name;
  parseMailslot(pdu, dst.next, pdu.length, rec);
  return { records: [rec], issues: [] };
}
