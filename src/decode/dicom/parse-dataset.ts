/**
 * Incremental reader of the start of a DIMSE data set (PS3.5 §7.1 data elements, §7.5 sequences, §10 transfer
 * syntaxes): keeps only device attributes, notes that patient attributes crossed the wire, never their values.
 */
import { dicomText } from './text.js';
import type { DatasetScan, Encoding } from './types.js';
import { MAX_DATASET_SCAN_BYTES } from './types.js';
import { DEVICE_ATTRIBUTES, isPatientTag, tagText, transferSyntaxEncoding } from './dataset-tags.js';

/** A wanted value longer than this is not a device attribute (LO is 64 chars): skip it. */
const MAX_VALUE_BYTES = 1024;
/** Header of the largest element (12) plus a wanted value: the most bytes ever carried between fragments. */
const MAX_CARRY_BYTES = 12 + MAX_VALUE_BYTES;
/** Nested undefined-length sequences/items deeper than this are not real data sets. */
const MAX_DEPTH = 16;
const MAX_PHI_TAGS = 16;
const UNDEFINED_LENGTH = 0xffffffff;
const EMPTY = new Uint8Array(0);

/** PS3.5 §7.1.2: explicit VRs with a 2-byte reserved field and a 4-byte length. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

export function newDatasetScan(transferSyntax: string | null): DatasetScan {
  const encoding: Encoding = transferSyntax === null ? 'unknown' : transferSyntaxEncoding(transferSyntax);
  const scan: DatasetScan = {
    encoding,
    transferSyntax,
    carry: EMPTY,
    skip: 0,
    depth: 0,
    scanned: 0,
    done: false,
    utf8: false,
    attrs: {},
    phiTags: [],
    note: null,
  };
  if (encoding === 'deflated') stop(scan, 'deflated-unreadable');
  return scan;
}

function stop(scan: DatasetScan, note: string | null): void {
  scan.done = true;
  scan.carry = EMPTY;
  scan.skip = 0;
  if (note !== null && scan.note === null) scan.note = note;
}

/** Bytes of the data set were lost (a skipped PDU tail or a truncated PDV): stop reading this message. */
export function datasetGap(scan: DatasetScan): void {
  if (!scan.done) stop(scan, 'truncated');
}

/** The last fragment arrived: whatever was not read is not there. */
export function datasetEnd(scan: DatasetScan): void {
  if (!scan.done) stop(scan, scan.carry.length > 0 ? 'truncated' : null);
}

/** Without the A-ASSOCIATE-AC, guess the encoding from the first element (PS3.5 §7.1: a VR is two capitals). */
function sniff(b: Uint8Array): Encoding {
  const v0 = b[4] ?? 0;
  const v1 = b[5] ?? 0;
  const vr = v0 >= 0x41 && v0 <= 0x5a && v1 >= 0x41 && v1 <= 0x5a;
  if (!vr) return 'implicit-le';
  // Groups start small (0x0008): a big-endian group has its zero byte first.
  return (b[0] ?? 0) === 0 && (b[1] ?? 0) !== 0 ? 'explicit-be' : 'explicit-le';
}

function u16(b: Uint8Array, at: number, le: boolean): number {
  const x = b[at] ?? 0;
  const y = b[at + 1] ?? 0;
  return le ? x | (y << 8) : (x << 8) | y;
}

function u32(b: Uint8Array, at: number, le: boolean): number {
  return le ? (u16(b, at, true) + u16(b, at + 2, true) * 0x10000) : (u16(b, at, false) * 0x10000 + u16(b, at + 2, false));
}

/** Feed one data-set fragment (a PDV value). Work is bounded by the fragment size and MAX_DATASET_SCAN_BYTES. */
export function feedDataset(scan: DatasetScan, chunk: Uint8Array): void {
  if (scan.done) return;
  let data = chunk;
  if (scan.skip > 0) {
    const n = Math.min(scan.skip, data.length);
    scan.skip -= n;
    scan.scanned += n;
    data = data.subarray(n);
    // Skipped bytes count too: the limit is on how far into the data set we follow it.
    if (overLimit(scan)) return;
  }
  if (data.length === 0) return;
  if (scan.carry.length > 0) {
    const joined = new Uint8Array(scan.carry.length + data.length);
    joined.set(scan.carry);
    joined.set(data, scan.carry.length);
    scan.scanned -= scan.carry.length; // counted again below
    data = joined;
    scan.carry = EMPTY;
  }
  if (scan.encoding === 'unknown') {
    if (data.length < 6) {
      scan.carry = data.slice();
      return;
    }
    scan.encoding = sniff(data);
  }
  const pos = walk(scan, data);
  scan.scanned += pos;
  overLimit(scan);
}

function overLimit(scan: DatasetScan): boolean {
  if (!scan.done && scan.scanned > MAX_DATASET_SCAN_BYTES) stop(scan, 'scan-limit');
  return scan.done;
}

/** Walks elements from the start of `b`; returns how many bytes were consumed (the rest is carried or skipped). */
function walk(scan: DatasetScan, b: Uint8Array): number {
  const le = scan.encoding !== 'explicit-be';
  const explicit = scan.encoding !== 'implicit-le';
  let pos = 0;
  // Each pass consumes at least 8 bytes or returns, so at most b.length / 8 passes.
  for (;;) {
    if (b.length - pos < 8) return carry(scan, b, pos);
    const group = u16(b, pos, le);
    const element = u16(b, pos + 2, le);
    if (group === 0xfffe) {
      // PS3.5 §7.5: item / delimitation tags have no VR in any transfer syntax.
      const len = u32(b, pos + 4, le);
      pos += 8;
      if (element === 0xe000 && len !== UNDEFINED_LENGTH) pos = skipValue(scan, b, pos, len);
      else if (element === 0xe000) scan.depth++;
      else scan.depth = Math.max(0, scan.depth - 1);
      if (scan.depth > MAX_DEPTH) {
        stop(scan, 'too-deep');
        return pos;
      }
      continue;
    }
    let header = 8;
    let len: number;
    let vr = '';
    if (explicit) {
      const v0 = b[pos + 4] ?? 0;
      const v1 = b[pos + 5] ?? 0;
      if (v0 < 0x41 || v0 > 0x5a || v1 < 0x41 || v1 > 0x5a) {
        stop(scan, 'bad-vr');
        return pos;
      }
      vr = String.fromCharCode(v0, v1);
      if (LONG_VRS.has(vr)) {
        if (b.length - pos < 12) return carry(scan, b, pos);
        header = 12;
        len = u32(b, pos + 8, le);
      } else len = u16(b, pos + 6, le);
    } else len = u32(b, pos + 4, le);
    if (scan.depth === 0 && group > 0x0018) {
      stop(scan, null); // PS3.5 §7.1: top-level elements ascend; nothing we keep comes later
      return pos;
    }
    // An empty element (Type 2 attributes are often sent empty) carries no patient data.
    if (len !== 0 && isPatientTag(group, element) && scan.phiTags.length < MAX_PHI_TAGS) {
      const t = tagText(group, element);
      if (!scan.phiTags.includes(t)) scan.phiTags.push(t);
    }
    if (len === UNDEFINED_LENGTH) {
      // Undefined length is legal only for SQ (and UN / encapsulated pixel data): step inside, bounded by MAX_DEPTH.
      if (explicit && vr !== 'SQ' && vr !== 'UN' && vr !== 'OB' && vr !== 'OW') {
        stop(scan, 'bad-length');
        return pos;
      }
      scan.depth++;
      pos += header;
      if (scan.depth > MAX_DEPTH) {
        stop(scan, 'too-deep');
        return pos;
      }
      continue;
    }
    const name = scan.depth === 0 ? wantedName(group, element) : undefined;
    if (name !== undefined && len <= MAX_VALUE_BYTES) {
      if (b.length - pos < header + len) return carry(scan, b, pos);
      const value = b.subarray(pos + header, pos + header + len);
      if (group === 0x0008 && element === 0x0005) scan.utf8 = dicomText(value).includes('ISO_IR 192');
      else scan.attrs[name] = dicomText(value, scan.utf8);
      pos += header + len;
      continue;
    }
    pos = skipValue(scan, b, pos + header, len);
  }
}

function wantedName(group: number, element: number): string | undefined {
  if (group === 0x0008 && element === 0x0005) return 'specificCharacterSet';
  return DEVICE_ATTRIBUTES.get(group * 0x10000 + element);
}

/** Skip `len` value bytes from `at`; a value running past this fragment is skipped in the next ones. */
function skipValue(scan: DatasetScan, b: Uint8Array, at: number, len: number): number {
  if (b.length - at >= len) return at + len;
  scan.skip = len - (b.length - at);
  return b.length;
}

function carry(scan: DatasetScan, b: Uint8Array, pos: number): number {
  const rest = b.length - pos;
  if (rest > MAX_CARRY_BYTES) {
    stop(scan, 'bad-length');
    return pos;
  }
  scan.carry = b.slice(pos);
  return b.length;
}
