/** Bounded, printable text from wire bytes: every string a clinical-messaging decoder emits goes through here. */
import { utf8 } from '../byte-cursor.js';

/** Longest string a record field keeps (design.md: strings are bounded). */
export const MAX_TEXT = 256;

/**
 * UTF-8 text of `bytes[start, end)` (invalid sequences replaced), control characters removed, trimmed and cut to
 * `cap` characters. Reads at most 4 bytes per kept character, so a huge field costs no more than a small one.
 * Returns null for empty text.
 */
export function cleanText(bytes: Uint8Array, start: number, end: number, cap = MAX_TEXT): string | null {
  const s = Math.max(0, start);
  const e = Math.min(bytes.length, end, s + cap * 4);
  if (e <= s) return null;
  return cleanString(utf8(bytes.subarray(s, e)), cap);
}

/** The same cleaning for a string already decoded. */
export function cleanString(text: string, cap = MAX_TEXT): string | null {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const t = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (t.length === 0) return null;
  return t.length > cap ? t.slice(0, cap) : t;
}
