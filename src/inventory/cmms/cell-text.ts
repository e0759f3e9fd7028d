/**
 * Cell bytes to text: UTF-8 (RFC 3629) when the bytes are valid UTF-8, else Windows-1252 (WHATWG Encoding §9).
 *
 * Why the fallback and not an error: a CMMS register saved from Excel on Windows as "CSV" is Windows-1252, and one
 * accented room name must not stop a 10,000-row import. The choice is per cell, so a mostly-UTF-8 file with one
 * pasted Latin-1 value still reads right; Windows-1252 text is almost never valid UTF-8 by accident (its high bytes
 * would have to form exact lead/continuation patterns), so valid UTF-8 is trusted as UTF-8. Rows read this way are
 * counted in the import summary.
 */
import { Buffer, isUtf8 } from 'node:buffer';

/** Windows-1252 0x80-0x9F (WHATWG index-windows-1252); the rest is Latin-1. Node's TextDecoder('windows-1252')
 *  decodes this range as C1 controls (Latin-1), so the table is ours. */
const C1_TO_CP1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => C1_TO_CP1252.charAt(c.charCodeAt(0) - 0x80));
}

export interface CellText {
  text: string;
  windows1252: boolean;
}

export function decodeCell(parts: readonly Uint8Array[], totalBytes: number): CellText {
  if (parts.length === 0) return { text: '', windows1252: false };
  const bytes = parts.length === 1 ? (parts[0] ?? new Uint8Array(0)) : Buffer.concat(parts, totalBytes);
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), windows1252: false };
  return { text: decodeWindows1252(bytes), windows1252: true };
}
