/**
 * P-DATA-TF PDUs (PS3.8 §9.3.5, Annex E.2 message control header): command fragments reassembled per presentation
 * context, the command decoded, and the start of its data set read incrementally across PDVs and PDUs.
 */
import { ByteCursor } from '../common/byte-cursor.js';
import type { DecodeIssue, Direction } from '../types.js';
import { parseCommand } from './parse-command.js';
import { datasetEnd, datasetGap, feedDataset, newDatasetScan } from './parse-dataset.js';
import type { ContextState, DatasetScan, DicomRecord, DicomState, PendingCommand } from './types.js';
import { MAX_COMMAND_BYTES } from './types.js';

/** A PDV is at least 6 bytes (length + context id + control header): bounds the loop. */
const MAX_PDVS_PER_PDU = 16 * 1024;

export function contextKey(id: number, direction: Direction): number {
  return direction === 'in' ? 256 + id : id;
}

export function contextState(state: DicomState, id: number, direction: Direction): ContextState {
  const key = contextKey(id, direction);
  let cs = state.contexts.get(key);
  if (cs === undefined) {
    cs = { command: [], commandBytes: 0, pending: null };
    state.contexts.set(key, cs);
  }
  return cs;
}

/** The command record, with what its data set gave (only device attributes; patient data only as a flag). */
export function completeCommand(p: PendingCommand): DicomRecord {
  const rec = p.record;
  const scan: DatasetScan = p.scan;
  const dataset: Record<string, string> = {};
  for (const k of Object.keys(scan.attrs).sort()) {
    const v = scan.attrs[k];
    if (v !== undefined) dataset[k] = v;
  }
  rec.dataset = dataset;
  rec.patientDataPresent = scan.phiTags.length > 0;
  if (scan.phiTags.length > 0) rec.patientDataTags = scan.phiTags;
  if (scan.transferSyntax !== null) rec.datasetTransferSyntax = scan.transferSyntax;
  rec.datasetEncoding = scan.encoding;
  if (scan.note !== null) rec.datasetNote = scan.note;
  return rec;
}

/** Emit every command still waiting for its data set (release, abort, or a new association ends the wait). */
export function flushPending(state: DicomState, records: DicomRecord[], note: string): void {
  for (const cs of state.contexts.values()) {
    if (cs.pending === null) continue;
    datasetGap(cs.pending.scan);
    if (cs.pending.scan.note === 'truncated') cs.pending.scan.note = note;
    records.push(completeCommand(cs.pending));
    cs.pending = null;
  }
}

export function parsePData(pdu: Uint8Array, direction: Direction, state: DicomState, records: DicomRecord[], issues: DecodeIssue[]): void {
  const c0 = new ByteCursor(pdu, 2);
  const declared = c0.u32();
  // The framer may hand over only the first window of a large PDU: bytes after it were skipped.
  const end = Math.min(pdu.length, 6 + declared);
  const c = new ByteCursor(pdu, 6, end);
  for (let n = 0; n < MAX_PDVS_PER_PDU && c.remaining >= 6; n++) {
    const at = c.pos;
    const itemLen = c.u32();
    if (itemLen < 2) {
      issues.push({ code: 'pdv-length', offset: at, message: `PDV length ${itemLen} is below the 2-byte header` });
      return;
    }
    const id = c.u8();
    const mch = c.u8();
    const valueLen = itemLen - 2;
    const partial = valueLen > c.remaining;
    const value = c.bytes(Math.min(valueLen, c.remaining));
    const cs = contextState(state, id, direction);
    // PS3.8 Annex E.2: bit 0 = command (1) or data set (0); bit 1 = last fragment.
    if ((mch & 0x01) !== 0) commandFragment(cs, id, value, (mch & 0x02) !== 0 && !partial, partial, state, records, issues, at);
    else datasetFragment(cs, value, (mch & 0x02) !== 0 && !partial, partial, records);
  }
}

function commandFragment(
  cs: ContextState,
  id: number,
  value: Uint8Array,
  last: boolean,
  partial: boolean,
  state: DicomState,
  records: DicomRecord[],
  issues: DecodeIssue[],
  at: number,
): void {
  if (cs.pending !== null) {
    // A new command on this context: the previous message's data set ended without its last fragment.
    datasetGap(cs.pending.scan);
    records.push(completeCommand(cs.pending));
    cs.pending = null;
  }
  if (partial || cs.commandBytes + value.length > MAX_COMMAND_BYTES) {
    issues.push({ code: 'command-lost', offset: at, message: partial ? 'command fragment cut short' : 'command set exceeds the reassembly limit' });
    cs.command = [];
    cs.commandBytes = 0;
    return;
  }
  cs.command.push(value.slice());
  cs.commandBytes += value.length;
  if (!last) return;
  const bytes = joinFragments(cs.command, cs.commandBytes);
  cs.command = [];
  cs.commandBytes = 0;
  const { record, hasDataset } = parseCommand(bytes, id, issues);
  const abstract = state.abstractSyntax.get(id);
  if (abstract !== undefined) record.abstractSyntax = abstract;
  if (!hasDataset) {
    records.push(record);
    return;
  }
  cs.pending = { record, scan: newDatasetScan(state.transferSyntax.get(id) ?? null) };
  // A deflated data set cannot be read: emit at once rather than wait for fragments we will not look at.
  if (cs.pending.scan.done) {
    records.push(completeCommand(cs.pending));
    cs.pending = null;
  }
}

function datasetFragment(cs: ContextState, value: Uint8Array, last: boolean, partial: boolean, records: DicomRecord[]): void {
  // No command seen for it (capture began mid-message, or it was already emitted): nothing to read.
  const p = cs.pending;
  if (p === null) return;
  feedDataset(p.scan, value);
  if (partial) datasetGap(p.scan);
  else if (last) datasetEnd(p.scan);
  if (p.scan.done) {
    records.push(completeCommand(p));
    cs.pending = null;
  }
}

function joinFragments(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
