/** NetBIOS names: first-level encoding (RFC 1001 §14.1, RFC 1002 §4.1) and the `NAME<xx>` text form. */
import { cleanText } from '../common/text.js';

/** An encoded name is a 32-byte label: each nibble of the 16 raw bytes plus 'A'. */
export const ENCODED_LABEL_LEN = 32;

/** `NAME<xx>` from the 16 raw bytes at `at`: 15 space-padded characters and the suffix (service type) byte. */
export function rawNameText(b: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 15; i++) s += String.fromCharCode(b[at + i] ?? 0);
  const suffix = (b[at + 15] ?? 0).toString(16).padStart(2, '0');
  // NUL-padded names ('*' for the wildcard) and space-padded ones both end at their padding.
  return `${cleanText(s.replace(/[\0 ]+$/, ''), 15)}<${suffix}>`;
}

export interface EncodedNameRead {
  name: string;
  next: number;
}

/**
 * Reads an encoded name (length 0x20, 32 letters 'A'-'P', then NetBIOS scope labels to a zero byte) at `at`.
 * Returns null when the shape is wrong. The scope, rarely used, is appended DNS-style after a dot.
 */
export function readEncodedName(b: Uint8Array, at: number): EncodedNameRead | null {
  if (b[at] !== ENCODED_LABEL_LEN || at + 1 + ENCODED_LABEL_LEN > b.length) return null;
  const raw = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const hi = (b[at + 1 + 2 * i] ?? 0) - 0x41;
    const lo = (b[at + 2 + 2 * i] ?? 0) - 0x41;
    if (hi < 0 || hi > 15 || lo < 0 || lo > 15) return null;
    raw[i] = (hi << 4) | lo;
  }
  let pos = at + 1 + ENCODED_LABEL_LEN;
  let scope = '';
  for (let labels = 0; labels < 64; labels++) {
    const len = b[pos];
    if (len === undefined) return null;
    if (len === 0) {
      pos++;
      const name = rawNameText(raw, 0);
      return { name: scope === '' ? name : `${name}.${scope}`, next: pos };
    }
    // RFC 1002 §4.1: names in RRs may be compressed with a pointer back to the question.
    if ((len & 0xc0) === 0xc0) return null;
    if (pos + 1 + len > b.length) return null;
    let label = '';
    for (let i = 0; i < len; i++) label += String.fromCharCode(b[pos + 1 + i] ?? 0);
    scope = scope === '' ? cleanText(label, 63) : `${scope}.${cleanText(label, 63)}`;
    pos += 1 + len;
  }
  return null;
}

/**
 * Reads a name that may be a compression pointer (RFC 1002 §4.2.1.2 allows the RR name to point at the question's).
 */
export function readNameOrPointer(b: Uint8Array, at: number): EncodedNameRead | null {
  const first = b[at] ?? 0;
  if ((first & 0xc0) !== 0xc0) return readEncodedName(b, at);
  if (at + 1 >= b.length) return null;
  const target = ((first & 0x3f) << 8) | (b[at + 1] ?? 0);
  if (target >= at) return null; // only backward pointers: no loops
  const r = readEncodedName(b, target);
  return r === null ? null : { name: r.name, next: at + 2 };
}
