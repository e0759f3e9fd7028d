/**
 * Philips IntelliVue Data Export (Data Export Interface Programming Guide 4535 642 59271): UDP 24005 connect
 * indications with the monitor's model, serial and software revision; UDP 24105 association and data-export PDUs
 * are only named by their first bytes (no patient data is read from them).
 */
import { OutOfBounds } from '../common/byte-cursor.js';
import type { DecodeResult, Decoder, ProbeResult } from '../types.js';
import { isConnectIndication, parseConnectIndication } from './parse-connect-indication.js';
import type { IntellivueRecord } from './types.js';

/** Session-layer PDU types that open an association exchange on 24105 (Programming Guide, Association Control). */
const SESSION_TYPES: ReadonlyMap<number, string> = new Map([
  [0x0d, 'association-request'],
  [0x0e, 'association-response'],
  [0x0c, 'refuse'],
  [0x09, 'release-request'],
  [0x0a, 'release-response'],
  [0x19, 'abort'],
]);
/** SPpdu session_id of data-export messages (0xE100). */
const SP_SESSION_ID = 0xe100;

function dataExport(p: Uint8Array): boolean {
  return p.length >= 6 && (((p[0] ?? 0) << 8) | (p[1] ?? 0)) === SP_SESSION_ID;
}

export function probeIntellivue(p: Uint8Array): ProbeResult {
  if (isConnectIndication(p)) return 'yes';
  const t = p[0];
  if (t !== undefined && SESSION_TYPES.has(t) && p.length >= 4) return 'maybe';
  return dataExport(p) ? 'maybe' : 'no';
}

export function decodeIntellivue(pdu: Uint8Array): DecodeResult<IntellivueRecord> {
  try {
    if (isConnectIndication(pdu)) {
      // ROapdus length (bytes 6-7) covers everything after the 8-byte Nomenclature + ROapdus header.
      const declared = 8 + (((pdu[6] ?? 0) << 8) | (pdu[7] ?? 0));
      const issues = declared > pdu.length ? [{ code: 'intellivue-truncated', offset: pdu.length, message: `connect indication of ${declared} bytes cut at ${pdu.length}` }] : [];
      return { records: [parseConnectIndication(pdu)], issues };
    }
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    return { records: [{ kind: 'connect-indication', messageType: 'connect-indication' }], issues: [{ code: 'intellivue-truncated', offset: e.offset, message: e.message }] };
  }
  const session = SESSION_TYPES.get(pdu[0] ?? -1);
  if (session !== undefined) return { records: [{ kind: 'association', messageType: session }], issues: [] };
  if (dataExport(pdu)) return { records: [{ kind: 'message', messageType: 'data-export' }], issues: [] };
  return { records: [], issues: pdu.length === 0 ? [] : [{ code: 'intellivue-unknown', offset: 0, message: 'datagram is not a known IntelliVue PDU' }] };
}

export const intellivueDecoder: Decoder<IntellivueRecord> = {
  name: 'intellivue',
  transport: 'udp',
  // 24005: connect indication broadcast; 24105: Data Export association and polling.
  ports: [24005, 24105],
  probe: (payload: Uint8Array) => probeIntellivue(payload),
  decode: (pdu: Uint8Array) => decodeIntellivue(pdu),
};
