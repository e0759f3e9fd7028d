/** NTP packets (RFC 5905 §7.3 header; RFC 9327 §2 mode 6 control; ntpd ntp_request.h mode 7 private). */
import { cleanText, ipv4At } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { NtpRecord } from './types.js';

export const NTP_HEADER_LEN = 48; // RFC 5905 §7.3, without extensions or MAC
export const NTP_CONTROL_HEADER_LEN = 12; // RFC 9327 §2
export const NTP_PRIVATE_HEADER_LEN = 8; // ntp_request.h: rm_vn_mode, auth_seq, implementation, request, err_nitems, mbz_itemsize

export const NTP_MODES: readonly string[] = [
  'reserved', 'symmetric-active', 'symmetric-passive', 'client', 'server', 'broadcast', 'control', 'private',
];

/** Stratum 0 (kiss-o'-death) and 1 (primary) carry four ASCII characters, NUL-padded (RFC 5905 §7.3 "Reference ID"). */
function refIdText(b: Uint8Array, stratum: number): string {
  if (stratum >= 2) return ipv4At(b, 12);
  let s = '';
  for (let i = 12; i < 16; i++) {
    const c = b[i] ?? 0;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return cleanText(s, 4);
}

export function parseNtp(pdu: Uint8Array): DecodeResult<NtpRecord> {
  if (pdu.length < 1) return { records: [], issues: [{ code: 'ntp-truncated', offset: 0, message: 'empty datagram' }] };
  const first = pdu[0] ?? 0;
  const mode = first & 7;
  const version = (first >> 3) & 7;
  const rec: NtpRecord = { kind: NTP_MODES[mode] ?? 'reserved', version };
  if (mode === 6) {
    if (pdu.length < NTP_CONTROL_HEADER_LEN) return { records: [], issues: [{ code: 'ntp-truncated', offset: 0, message: 'control header shorter than 12 bytes' }] };
    const b1 = pdu[1] ?? 0;
    rec.response = (b1 & 0x80) !== 0;
    rec.opcode = b1 & 0x1f;
    return { records: [rec], issues: [] };
  }
  if (mode === 7) {
    if (pdu.length < NTP_PRIVATE_HEADER_LEN) return { records: [], issues: [{ code: 'ntp-truncated', offset: 0, message: 'private-mode header shorter than 8 bytes' }] };
    rec.response = (first & 0x80) !== 0;
    rec.requestCode = pdu[3] ?? 0;
    return { records: [rec], issues: [] };
  }
  if (pdu.length < NTP_HEADER_LEN) return { records: [], issues: [{ code: 'ntp-truncated', offset: 0, message: 'header shorter than 48 bytes' }] };
  const stratum = pdu[1] ?? 0;
  rec.leap = first >> 6;
  rec.stratum = stratum;
  // A client's request usually leaves the reference id zero: no fact to report.
  if ((pdu[12] ?? 0) | (pdu[13] ?? 0) | (pdu[14] ?? 0) | (pdu[15] ?? 0)) rec.refId = refIdText(pdu, stratum);
  return { records: [rec], issues: [] };
}
