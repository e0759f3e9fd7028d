/** Bounded, printable text from DICOM byte fields (AE titles PS3.5 §6.2 AE, UIDs §9.1, attribute values). */
import { utf8 } from '../byte-cursor.js';

/** No string we emit is longer than this. */
export const MAX_TEXT = 256;

/**
 * Latin-1 (or UTF-8) text with control characters dropped, NUL/space padding trimmed and the length capped.
 * UIDs are padded with a NUL and AE titles with spaces (PS3.5 §6.2), so both are trimmed.
 */
export function cleanText(bytes: Uint8Array, asUtf8 = false): string {
  const n = Math.min(bytes.length, MAX_TEXT * 4);
  let s = '';
  if (asUtf8) {
    const raw = utf8(bytes.subarray(0, n));
    for (const ch of raw) {
      const c = ch.codePointAt(0) ?? 0;
      if (c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0)) s += ch;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = bytes[i] ?? 0;
      if (c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0)) s += String.fromCharCode(c);
    }
  }
  s = s.trim();
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
}

/** AE titles are 16 bytes of the default repertoire without backslash or control characters (PS3.5 Table 6.2-1). */
export function isPrintableAe(bytes: Uint8Array, start: number, length: number): boolean {
  let nonSpace = 0;
  for (let i = start; i < start + length; i++) {
    const c = bytes[i];
    if (c === undefined) return false;
    if (c === 0x20) continue;
    // Some peers pad with NUL instead of spaces: tolerate trailing NULs.
    if (c === 0x00) continue;
    if (c < 0x21 || c > 0x7e) return false;
    nonSpace++;
  }
  return nonSpace > 0;
}
