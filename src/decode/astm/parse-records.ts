/** ASTM E1394-97 / CLSI LIS2-A2 records: the H (header) record's sender, record letters, PHI fields by name. */
import { cleanString } from '../common/text.js';
import { fieldHasValue, MAX_PHI_FIELDS, PATIENT_PHI_FIELDS, RESULT_VALUE_FIELD } from './phi-fields.js';
import type { AstmDirectionState, AstmHeaderRecord } from './types.js';

/** Record type IDs of E1394 §6 (H header, P patient, O order, R result, C comment, Q query, L terminator,
 *  M manufacturer, S scientific). */
const RECORD_LETTERS = new Set(['H', 'P', 'O', 'R', 'C', 'Q', 'L', 'M', 'S']);
const MAX_LETTERS = 16;

/** `H` + field delimiter + repeat, component, escape delimiters (E1394 §7.1.2: `H|\^&`). */
export function isHeaderRecord(text: string, at = 0): boolean {
  if (text.charCodeAt(at) !== 0x48 || text.length < at + 5) return false;
  for (let i = at + 1; i < at + 5; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}

function component(field: string | undefined, comp: string, n: number): string | null {
  if (field === undefined) return null;
  return cleanString(field.split(comp)[n] ?? '');
}

/** A new message from an H record. H-4 (access password) is never read. */
export function parseHeader(text: string, framing: 'e1381' | 'none'): AstmHeaderRecord {
  const fd = text[1] ?? '|';
  const rep = text[2] ?? '\\';
  const comp = text[3] ?? '^';
  const f = text.split(fd);
  // f[1] is the delimiter definition; f[n] is H-(n+1): H-5 sender at f[4], H-10 receiver at f[9] …
  const sender = (f[4] ?? '').split(rep)[0] ?? '';
  const first = (i: number): string | null => cleanString(((f[i] ?? '').split(rep)[0] ?? '').split(comp).join('^'));
  return {
    kind: 'header',
    senderName: component(sender, comp, 0),
    senderVersion: component(sender, comp, 1),
    senderSerial: component(sender, comp, 2),
    sender: cleanString(sender.split(comp).join('^').replace(/\^+$/, '')),
    receiverId: first(9),
    processingId: first(11),
    standardVersion: first(12),
    records: ['H'],
    recordCount: 1,
    patientDataPresent: false,
    phiFields: [],
    framing,
    checksumErrors: 0,
  };
}

function addPhi(message: AstmHeaderRecord, name: string): void {
  if (message.phiFields.length < MAX_PHI_FIELDS && !message.phiFields.includes(name)) message.phiFields.push(name);
}

/** Count one non-H record of the current message; P and R records only say which fields held anything. */
export function noteRecord(message: AstmHeaderRecord, text: string, dir: Pick<AstmDirectionState, 'delimiters' | 'patientNamed'>): void {
  const letter = text[0] ?? '';
  if (!RECORD_LETTERS.has(letter)) return;
  message.recordCount++;
  if (!message.records.includes(letter) && message.records.length < MAX_LETTERS) message.records.push(letter);
  if (letter !== 'P' && letter !== 'R') return;
  const delims = dir.delimiters;
  // f[n] is field n+1 (E1394 §8.1.1 / §10.1.1: the record type is field 1, the sequence number field 2).
  const f = text.split(delims[0] ?? '|');
  if (letter === 'P') {
    if (!message.patientDataPresent) {
      for (let n = 2; n < f.length && !message.patientDataPresent; n++) message.patientDataPresent = fieldHasValue(f[n] ?? '', delims);
    }
    dir.patientNamed = false; // each P record starts a new patient's orders and results
    for (const n of PATIENT_PHI_FIELDS) {
      if (fieldHasValue(f[n - 1] ?? '', delims)) {
        addPhi(message, `P-${n}`);
        dir.patientNamed = true;
      }
    }
  } else if (dir.patientNamed && fieldHasValue(f[RESULT_VALUE_FIELD - 1] ?? '', delims)) {
    addPhi(message, `R-${RESULT_VALUE_FIELD}`);
  }
}
