/** HL7 v2.5 ch. 2.14 (MSH), 2.15 (MSA) and the PHI / equipment fields of one message, read by byte offsets. */
import { DEVICE_ID_FIELDS, OBSERVATION_VALUE_FIELD, PATIENT_SEGMENTS, PHI_FIELDS } from './phi-fields.js';
import { fieldHasValue, fieldRepetitions, fieldText, isMshAt, isSegmentEnd, readDelimiters, segmentEnd, segmentName, SegmentFields } from './segment-scan.js';
import { cleanField } from '../common/text.js';
import type { Hl7Delimiters, Hl7MessageRecord } from './types.js';

export const MAX_SEGMENT_NAMES = 64;
export const MAX_DEVICE_IDS = 16;
export const MAX_OBSERVATION_TERMS = 16;
/** OBX-3 observation identifier (HL7 v2.5 §7.4.2.3, CWE: identifier ^ text ^ name of coding system). */
const OBSERVATION_ID_FIELD = 3;
const MAX_PHI_FIELDS = 64;
/** Segments walked per message; a message of 1 MiB of one-byte segments still stops here. */
const MAX_SEGMENTS = 20_000;

export interface ParsedMessage {
  record: Hl7MessageRecord;
  /** Offset just after this message: the next MSH (batches, bare HL7) or `end`. */
  next: number;
  /** Segments that were not `XYZ|…`. */
  badSegments: number;
}

/** Parse the message whose MSH segment starts at `at` (caller checked isMshAt), up to `end` or the next MSH. */
export function parseMessage(buf: Uint8Array, at: number, end: number, framing: 'mllp' | 'none'): ParsedMessage {
  const mshEnd = segmentEnd(buf, at, end);
  const d = readDelimiters(buf, at, mshEnd);
  const f = new SegmentFields();
  f.split(buf, at, mshEnd, d.field, true);
  const text = (n: number, components = 64): string | null => (f.has(n) ? fieldText(buf, f.starts[n] ?? 0, f.ends[n] ?? 0, d, components) : null);
  const record: Hl7MessageRecord = {
    kind: 'message',
    sendingApplication: text(3),
    sendingFacility: text(4),
    receivingApplication: text(5),
    receivingFacility: text(6),
    messageType: text(9, 2),
    controlId: text(10),
    version: text(12, 1),
    encodingCharacters: cleanField(buf, at + 3, f.has(2) ? (f.ends[2] ?? at + 3) : at + 4, 8) ?? '',
    segments: ['MSH'],
    segmentCount: 1,
    phiFields: [],
    deviceIds: [],
    observationCodingSystems: [],
    mdcTerms: [],
    framing,
  };
  const state = { patient: false, observationValue: false };
  let badSegments = 0;
  let pos = mshEnd;
  for (let guard = 0; pos < end && guard < MAX_SEGMENTS; guard++) {
    while (pos < end && isSegmentEnd(buf[pos])) pos++;
    if (pos >= end) break;
    if (isMshAt(buf, pos, end)) break; // the next message of a batch or of a bare-HL7 stream
    const segEnd = segmentEnd(buf, pos, end);
    const name = segmentName(buf, pos, segEnd, d.field);
    if (name === null) badSegments++;
    else {
      record.segmentCount++;
      if (record.segments.length < MAX_SEGMENT_NAMES) record.segments.push(name);
      f.split(buf, pos, segEnd, d.field, false);
      readSegment(buf, name, f, d, record, state);
    }
    pos = segEnd;
  }
  if (state.observationValue && state.patient) addPhi(record, `OBX-${OBSERVATION_VALUE_FIELD}`);
  return { record, next: pos, badSegments };
}

function addPhi(record: Hl7MessageRecord, name: string): void {
  if (record.phiFields.length < MAX_PHI_FIELDS && !record.phiFields.includes(name)) record.phiFields.push(name);
}

/** Presence of PHI fields, equipment identifiers and MSA of one segment; values of PHI fields are never read. */
function readSegment(
  buf: Uint8Array,
  name: string,
  f: SegmentFields,
  d: Hl7Delimiters,
  record: Hl7MessageRecord,
  state: { patient: boolean; observationValue: boolean },
): void {
  if (PATIENT_SEGMENTS.has(name)) state.patient = true;
  const phi = PHI_FIELDS[name];
  if (phi !== undefined) {
    for (const n of phi) if (f.has(n) && fieldHasValue(buf, f.starts[n] ?? 0, f.ends[n] ?? 0, d)) addPhi(record, `${name}-${n}`);
  }
  if (name === 'OBX' && !state.observationValue && f.has(OBSERVATION_VALUE_FIELD)) {
    state.observationValue = fieldHasValue(buf, f.starts[OBSERVATION_VALUE_FIELD] ?? 0, f.ends[OBSERVATION_VALUE_FIELD] ?? 0, d);
  }
  if (name === 'OBX' && f.has(OBSERVATION_ID_FIELD)) observationId(buf, f, d, record);
  const dev = DEVICE_ID_FIELDS[name];
  if (dev !== undefined) {
    for (const n of dev) {
      if (!f.has(n) || record.deviceIds.length >= MAX_DEVICE_IDS) continue;
      for (const id of fieldRepetitions(buf, f.starts[n] ?? 0, f.ends[n] ?? 0, d, MAX_DEVICE_IDS)) {
        if (record.deviceIds.length < MAX_DEVICE_IDS && !record.deviceIds.includes(id)) record.deviceIds.push(id);
      }
    }
  }
  if (name === 'MSA' && record.ackCode === undefined) {
    record.ackCode = f.has(1) ? fieldText(buf, f.starts[1] ?? 0, f.ends[1] ?? 0, d, 1) : null;
    record.ackControlId = f.has(2) ? fieldText(buf, f.starts[2] ?? 0, f.ends[2] ?? 0, d) : null;
  }
}

/** The coding system of OBX-3 and, for the 11073 nomenclature (coding system `MDC`), its term name. */
function observationId(buf: Uint8Array, f: SegmentFields, d: Hl7Delimiters, record: Hl7MessageRecord): void {
  const id = fieldText(buf, f.starts[OBSERVATION_ID_FIELD] ?? 0, f.ends[OBSERVATION_ID_FIELD] ?? 0, d, 3);
  if (id === null) return;
  const [, text = '', system = ''] = id.split('^');
  const sys = system.trim().toUpperCase();
  if (/^[A-Z0-9_-]{1,20}$/.test(sys) && record.observationCodingSystems.length < MAX_OBSERVATION_TERMS && !record.observationCodingSystems.includes(sys)) record.observationCodingSystems.push(sys);
  const term = text.trim();
  if (sys === 'MDC' && /^MDC[A-Z]?_[A-Z0-9_]{1,60}$/.test(term) && record.mdcTerms.length < MAX_OBSERVATION_TERMS && !record.mdcTerms.includes(term)) record.mdcTerms.push(term);
}
