/** HL7 v2.5 ch. 2.5 (message construction): segments, fields and encoding characters found by byte offsets. */
import { cleanField } from '../common/text.js';
import type { Hl7Delimiters } from './types.js';

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
/** Fields looked at per segment; the highest we read is PV1-50 / IN1-49. */
export const MAX_FIELDS = 64;

/** HL7 v2.5 ch. 2.5.4 defaults, used when MSH-2 is shorter than four characters. */
const DEFAULT_ENCODING = [0x5e, 0x7e, 0x5c, 0x26] as const; // ^ ~ \ &

/** Segment terminator: CR by the standard; LF and CRLF from real senders are accepted too. */
export function isSegmentEnd(b: number | undefined): boolean {
  return b === CR || b === LF;
}

/** Index of the next CR/LF at or after `from`, or `end`. */
export function segmentEnd(buf: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end && !isSegmentEnd(buf[i])) i++;
  return i;
}

function isNameChar(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39));
}

/** A three-character segment ID (A-Z, 0-9) followed by the field separator or the segment end, else null. */
export function segmentName(buf: Uint8Array, at: number, segEnd: number, field: number): string | null {
  if (segEnd - at < 3) return null;
  const a = buf[at];
  const b = buf[at + 1];
  const c = buf[at + 2];
  if (!isNameChar(a) || !isNameChar(b) || !isNameChar(c)) return null;
  if (at + 3 < segEnd && buf[at + 3] !== field) return null;
  return String.fromCharCode(a ?? 0, b ?? 0, c ?? 0);
}

/** True when `MSH` plus a plausible field separator starts at `at`. */
export function isMshAt(buf: Uint8Array, at: number, end: number): boolean {
  if (at + 4 > end) return false;
  if (buf[at] !== 0x4d || buf[at + 1] !== 0x53 || buf[at + 2] !== 0x48) return false;
  const fs = buf[at + 3] ?? 0;
  return fs > SPACE && fs < 0x7f && !isNameChar(fs) && !(fs >= 0x61 && fs <= 0x7a);
}

/** MSH-1 and MSH-2 of the MSH segment starting at `at` (caller checked isMshAt). */
export function readDelimiters(buf: Uint8Array, at: number, segEnd: number): Hl7Delimiters {
  const field = buf[at + 3] ?? 0x7c;
  const enc: number[] = [];
  for (let i = at + 4; i < segEnd && enc.length < 4; i++) {
    const b = buf[i] ?? 0;
    if (b === field) break;
    enc.push(b);
  }
  return {
    field,
    component: enc[0] ?? DEFAULT_ENCODING[0],
    repetition: enc[1] ?? DEFAULT_ENCODING[1],
    escape: enc[2] ?? DEFAULT_ENCODING[2],
    subcomponent: enc[3] ?? DEFAULT_ENCODING[3],
  };
}

/**
 * Field boundaries of one segment, by field number (SEG-n; for MSH, MSH-1 is the separator itself so MSH-2 is the
 * first stored field). Reused across segments: one allocation per message.
 */
export class SegmentFields {
  readonly starts = new Int32Array(MAX_FIELDS + 1);
  readonly ends = new Int32Array(MAX_FIELDS + 1);
  count = 0;

  /** Split `[at, segEnd)` (a segment whose name is at `at`) on the field separator. */
  split(buf: Uint8Array, at: number, segEnd: number, field: number, isMsh: boolean): void {
    // Field 0 is the name; MSH numbering is shifted by one because MSH-1 is the separator.
    let n = isMsh ? 1 : 0;
    let s = at;
    this.count = 0;
    for (let i = at + 3; i <= segEnd; i++) {
      if (i === segEnd || buf[i] === field) {
        if (n <= MAX_FIELDS) {
          this.starts[n] = s;
          this.ends[n] = i;
          this.count = n + 1;
        } else break;
        n++;
        s = i + 1;
        if (isMsh && n === 2) {
          // MSH-1 lives between the name and MSH-2: mark it empty so it is never mistaken for data.
          this.starts[1] = this.ends[1] = at + 3;
        }
      }
    }
  }

  has(n: number): boolean {
    return n < this.count;
  }
}

/** Non-empty field: anything but separators, blanks and the HL7 null `""` (ch. 2.5.3). */
export function fieldHasValue(buf: Uint8Array, s: number, e: number, d: Hl7Delimiters): boolean {
  if (e - s === 2 && buf[s] === QUOTE && buf[s + 1] === QUOTE) return false;
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (b !== d.component && b !== d.repetition && b !== d.subcomponent && b !== SPACE) return true;
  }
  return false;
}

/**
 * Text of a field's first repetition, at most `components` components, with the sender's separators mapped to the
 * standard `^` and `&` (so custom encoding characters give the same text). Trailing empty components are dropped.
 */
export function fieldText(buf: Uint8Array, s: number, e: number, d: Hl7Delimiters, components = 64): string | null {
  const out = new Uint8Array(Math.min(e - s, 1024));
  let n = 0;
  let comps = 1;
  for (let i = s; i < e && n < out.length; i++) {
    const b = buf[i] ?? 0;
    if (b === d.repetition) break;
    if (b === d.component) {
      if (++comps > components) break;
      out[n++] = 0x5e;
    } else if (b === d.subcomponent) out[n++] = 0x26;
    else out[n++] = b;
  }
  while (n > 0 && (out[n - 1] === 0x5e || out[n - 1] === 0x26)) n--;
  return cleanField(out, 0, n);
}

/** Every repetition of a field as its own text (for equipment identifiers), at most `max`. */
export function fieldRepetitions(buf: Uint8Array, s: number, e: number, d: Hl7Delimiters, max: number): string[] {
  const out: string[] = [];
  let from = s;
  for (let i = s; i <= e && out.length < max; i++) {
    if (i === e || buf[i] === d.repetition) {
      const t = fieldText(buf, from, i, d);
      if (t !== null) out.push(t);
      from = i + 1;
    }
  }
  return out;
}
