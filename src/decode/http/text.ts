/** Bounded printable text from peer bytes (decoder rule: cap 256 characters, no control characters). */

const MAX_TEXT = 256;

export function cleanText(s: string, max = MAX_TEXT): string {
  let out = '';
  for (let i = 0; i < s.length && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0)) out += String.fromCharCode(c);
  }
  return out;
}
