/** DIMSE command set, always Implicit VR Little Endian (PS3.7 §6.3.1, §9.3 and §10.3, Annex E command dictionary). */
import { ByteCursor } from '../common/byte-cursor.js';
import type { DecodeIssue } from '../types.js';
import { hex4 } from '../common/text.js';
import { dicomText } from './text.js';
import type { DicomRecord } from './types.js';

/** PS3.7 Annex E Table E.1-1: Command Field (0000,0100) values. */
export const COMMAND_NAMES: Readonly<Record<number, string>> = {
  0x0001: 'C-STORE-RQ',
  0x8001: 'C-STORE-RSP',
  0x0010: 'C-GET-RQ',
  0x8010: 'C-GET-RSP',
  0x0020: 'C-FIND-RQ',
  0x8020: 'C-FIND-RSP',
  0x0021: 'C-MOVE-RQ',
  0x8021: 'C-MOVE-RSP',
  0x0030: 'C-ECHO-RQ',
  0x8030: 'C-ECHO-RSP',
  0x0100: 'N-EVENT-REPORT-RQ',
  0x8100: 'N-EVENT-REPORT-RSP',
  0x0110: 'N-GET-RQ',
  0x8110: 'N-GET-RSP',
  0x0120: 'N-SET-RQ',
  0x8120: 'N-SET-RSP',
  0x0130: 'N-ACTION-RQ',
  0x8130: 'N-ACTION-RSP',
  0x0140: 'N-CREATE-RQ',
  0x8140: 'N-CREATE-RSP',
  0x0150: 'N-DELETE-RQ',
  0x8150: 'N-DELETE-RSP',
  0x0fff: 'C-CANCEL-RQ',
};

/** PS3.7 §9.3.1.2 / §E.2: CommandDataSetType 0x0101 means "no data set follows"; any other value means one does. */
const NO_DATASET = 0x0101;

/** A command set has a few dozen elements at most (Annex E); more is garbage. */
const MAX_ELEMENTS = 64;

/** PS3.7 Annex C: status classes by code. */
export function statusClass(status: number): string {
  if (status === 0x0000) return 'success';
  if (status === 0xff00 || status === 0xff01) return 'pending';
  if (status === 0xfe00) return 'cancel';
  if (status === 0x0001 || status === 0x0107 || status === 0x0116 || (status & 0xf000) === 0xb000) return 'warning';
  return 'failure';
}

function u16Value(c: ByteCursor, len: number): number | null {
  if (len !== 2) {
    c.skip(len);
    return null;
  }
  return c.u16(true);
}

/**
 * Decodes a reassembled command set. Affected/Requested SOP Instance UIDs (0000,1000)/(0000,1001) and the error
 * comment (0000,0902) are skipped: an instance UID can identify a study, and free text can carry anything.
 */
export function parseCommand(bytes: Uint8Array, presentationContextId: number, issues: DecodeIssue[]): { record: DicomRecord; hasDataset: boolean } {
  const c = new ByteCursor(bytes);
  const rec: DicomRecord = { kind: 'command', presentationContextId };
  let field: number | null = null;
  let dataSetType: number | null = null;
  for (let n = 0; n < MAX_ELEMENTS && c.remaining >= 8; n++) {
    const at = c.pos;
    const group = c.u16(true);
    const element = c.u16(true);
    const len = c.u32(true);
    if (group !== 0x0000 || len > c.remaining) {
      issues.push({ code: 'command-element', offset: at, message: `command element (${hex4(group).toUpperCase()},${hex4(element).toUpperCase()}) of ${len} bytes is not a command element or runs past the set` });
      break;
    }
    switch (element) {
      case 0x0002:
        rec.affectedSopClassUid = dicomText(c.bytes(len));
        break;
      case 0x0003:
        rec.requestedSopClassUid = dicomText(c.bytes(len));
        break;
      case 0x0100:
        field = u16Value(c, len);
        break;
      case 0x0110:
        rec.messageId = u16Value(c, len);
        break;
      case 0x0120:
        rec.messageIdBeingRespondedTo = u16Value(c, len);
        break;
      case 0x0600:
        rec.moveDestination = dicomText(c.bytes(len));
        break;
      case 0x0700:
        rec.priority = u16Value(c, len);
        break;
      case 0x0800:
        dataSetType = u16Value(c, len);
        break;
      case 0x0900: {
        const status = u16Value(c, len);
        if (status !== null) {
          rec.status = hex4(status).toUpperCase();
          rec.statusClass = statusClass(status);
        }
        break;
      }
      case 0x1002:
        rec.eventTypeId = u16Value(c, len);
        break;
      case 0x1008:
        rec.actionTypeId = u16Value(c, len);
        break;
      case 0x1020:
        rec.remainingSubOperations = u16Value(c, len);
        break;
      case 0x1021:
        rec.completedSubOperations = u16Value(c, len);
        break;
      case 0x1022:
        rec.failedSubOperations = u16Value(c, len);
        break;
      case 0x1023:
        rec.warningSubOperations = u16Value(c, len);
        break;
      default:
        c.skip(len);
    }
  }
  rec.command = field === null ? 'unknown' : (COMMAND_NAMES[field] ?? `unknown-0x${hex4(field).toUpperCase()}`);
  if (field !== null) rec.commandField = field;
  const hasDataset = dataSetType !== null && dataSetType !== NO_DATASET;
  rec.hasDataset = hasDataset;
  return { record: rec, hasDataset };
}
