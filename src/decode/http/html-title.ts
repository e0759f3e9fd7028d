/** The <title> of an HTML page (HTML Living Standard §4.2.2) from the first KiB of its body; nothing else is kept. */
import { latin1, utf8 } from '../common/byte-cursor.js';
import { cleanTextUntrimmed } from '../common/text.js';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (all, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Title text, whitespace collapsed, or null when the body (as given) holds no complete <title> element. */
export function htmlTitle(body: Uint8Array, charset: string | null): string | null {
  const text = charset !== null && /^(iso-8859-1|latin1|windows-1252|us-ascii)$/i.test(charset) ? latin1(body) : utf8(body);
  const open = /<title[^>]*>/i.exec(text);
  if (open === null) return null;
  const start = open.index + open[0].length;
  const end = text.toLowerCase().indexOf('</title', start);
  if (end < 0) return null;
  return cleanTextUntrimmed(decodeEntities(text.slice(start, end)).replace(/\s+/g, ' ').trim());
}
