/**
 * CEF escaping and field bounds (ArcSight "Implementing ArcSight Common Event Format (CEF)", rev 25, "Character
 * Encoding" and the extension dictionary's lengths): header fields escape `\` and `|`; extension values escape `\`
 * and `=`, and write line breaks as the two characters `\n` / `\r`.
 */
import { cutChars } from './safe-fields.js';

// eslint-disable-next-line no-control-regex
const HEADER_CONTROLS = /[\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const EXT_CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g;

/** A header field: one line (controls become spaces), bounded, then `\` and `|` escaped. */
export function cefHeader(value: string, maxChars: number): string {
  return cutChars(value.replace(HEADER_CONTROLS, ' '), maxChars).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** An extension value: bounded first (so an escape is never cut in half), then `\`, `=` and line breaks escaped. */
export function cefExtensionValue(value: string, maxChars: number): string {
  return cutChars(value.replace(EXT_CONTROLS, ' '), maxChars)
    .replace(/\\/g, '\\\\')
    .replace(/=/g, '\\=')
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** Undo both escapings: the test receivers use it to check what a SIEM would read. */
export function cefUnescape(value: string): string {
  return value.replace(/\\([\\|=nr])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}
