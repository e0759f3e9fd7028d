/** NUL-terminated SMB strings (MS-CIFS §2.2.1.1: OEM, or UTF-16LE aligned to 2 bytes from the SMB header start). */
import { MAX_TEXT, oemText, utf16leText } from '../common/text.js';

/** A string read from an SMB message and where the next one starts. */
export interface SmbString {
  text: string;
  next: number;
}

/** Strings longer than this are not names: stop scanning there. */
const MAX_STRING_BYTES = MAX_TEXT * 2 + 2;

/**
 * Reads the string at `at` (relative to the SMB header at msg[0]), ending at a NUL or `end`. Unicode strings start
 * on an even offset, so an odd `at` first skips one pad byte.
 */
export function readSmbString(msg: Uint8Array, at: number, end: number, unicode: boolean): SmbString {
  const stop = Math.min(end, msg.length, at + MAX_STRING_BYTES + 1);
  if (!unicode) {
    let i = at;
    while (i < stop && msg[i] !== 0) i++;
    return { text: oemText(msg.subarray(at, i)), next: Math.min(i + 1, end) };
  }
  const start = at + (at & 1);
  let i = start;
  while (i + 1 < stop && (msg[i] !== 0 || msg[i + 1] !== 0)) i += 2;
  const text = utf16leText(msg.subarray(start, Math.min(i, stop)));
  return { text, next: Math.min(i + 2, end) };
}
