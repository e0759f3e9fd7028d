/** HL7 v2 over MLLP (HL7 v2.5 ch. 2, HL7 v2 Appendix C): the decoder descriptor; PHI is dropped here. */
import type { DecodeIssue, DecodeResult, Decoder } from '../types.js';
import { frameHl7, MLLP_END, MLLP_START, probeHl7 } from './mllp-frame.js';
import { parseMessage } from './parse-message.js';
import { isMshAt, isSegmentEnd } from './segment-scan.js';
import type { Hl7MessageRecord } from './types.js';

/** Messages decoded from one PDU (a batch can hold many; a bare-HL7 PDU holds one). */
const MAX_MESSAGES_PER_PDU = 1000;

function isBlank(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || isSegmentEnd(b);
}

/** Looks like the tail of a cut message (`XYZ|…`): not worth an issue. */
function looksLikeSegment(buf: Uint8Array, at: number): boolean {
  const b = buf[at + 3];
  return at + 3 < buf.length && b !== undefined && b > 0x20 && b < 0x7f && /^[A-Z0-9]{3}$/.test(String.fromCharCode(buf[at] ?? 0, buf[at + 1] ?? 0, buf[at + 2] ?? 0));
}

/** FHS / BHS: a batch file or batch header (HL7 v2.5 ch. 2.10.3) comes before the batch's first MSH. */
function isBatchHeader(buf: Uint8Array, at: number): boolean {
  return (buf[at] === 0x46 || buf[at] === 0x42) && buf[at + 1] === 0x48 && buf[at + 2] === 0x53;
}

function firstMshLine(buf: Uint8Array, from: number, end: number): number {
  for (let i = from + 1; i + 4 <= end; i++) if (isSegmentEnd(buf[i - 1]) && isMshAt(buf, i, end)) return i;
  return from;
}

export function decodeHl7(pdu: Uint8Array): DecodeResult<Hl7MessageRecord> {
  const records: Hl7MessageRecord[] = [];
  const issues: DecodeIssue[] = [];
  let start = 0;
  let end = pdu.length;
  while (start < end && isBlank(pdu[start])) start++;
  const mllp = pdu[start] === MLLP_START;
  if (mllp) start++;
  let truncated = false;
  if (mllp) {
    const fs = pdu.indexOf(MLLP_END, start);
    if (fs >= 0) end = fs;
    else truncated = true;
  }
  while (start < end && isBlank(pdu[start])) start++;
  if (start >= end) return { records, issues };
  if (isBatchHeader(pdu, start)) start = firstMshLine(pdu, start, end);
  if (!isMshAt(pdu, start, end)) {
    // Noise between blocks or the tail of a message cut at the framing limit.
    if (mllp || !looksLikeSegment(pdu, start)) issues.push({ code: 'hl7-no-msh', offset: start, message: 'HL7 data does not start with an MSH segment' });
    return { records, issues };
  }
  let at = start;
  for (let n = 0; n < MAX_MESSAGES_PER_PDU && at < end && isMshAt(pdu, at, end); n++) {
    const parsed = parseMessage(pdu, at, end, mllp ? 'mllp' : 'none');
    if (truncated && parsed.next >= end) parsed.record.truncated = true;
    if (parsed.badSegments > 0) {
      issues.push({ code: 'hl7-bad-segment', offset: at, message: `${parsed.badSegments} segment(s) without a valid segment ID` });
    }
    records.push(parsed.record);
    at = parsed.next;
    while (at < end && isBlank(pdu[at])) at++;
  }
  return { records, issues };
}

export const hl7Decoder: Decoder<Hl7MessageRecord> = {
  name: 'hl7',
  transport: 'tcp',
  // 2575: IANA "hl7"; 6661: python-hl7 / Mirth default MLLP listener port.
  ports: [2575, 6661],
  probe: (payload: Uint8Array) => probeHl7(payload),
  frame: (buf: Uint8Array) => frameHl7(buf),
  decode: decodeHl7,
};
