/** DICOM value text: AE titles (PS3.5 §6.2 AE), UIDs (§9.1) and attribute values, default repertoire unless ISO_IR 192. */
import { MAX_TEXT, cleanField } from '../common/text.js';

/**
 * Latin-1 (or UTF-8) text with control characters dropped, NUL/space padding trimmed and the length capped.
 * UIDs are padded with a NUL and AE titles with spaces (PS3.5 §6.2), so both are trimmed.
 */
export function dicomText(bytes: Uint8Array, asUtf8 = false): string {
  return cleanField(bytes, 0, bytes.length, MAX_TEXT, asUtf8) ?? '';
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
