/**
 * Cell bytes to text: UTF-8 (RFC 3629) when the bytes are valid UTF-8, else Windows-1252 (decoded by iconv-lite).
 *
 * Why the fallback and not an error: a CMMS register saved from Excel on Windows as "CSV" is Windows-1252, and one
 * accented room name must not stop a 10,000-row import. The choice is per cell, so a mostly-UTF-8 file with one
 * pasted Latin-1 value still reads right; Windows-1252 text is almost never valid UTF-8 by accident (its high bytes
 * would have to form exact lead/continuation patterns), so valid UTF-8 is trusted as UTF-8. Rows read this way are
 * counted in the import summary. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become
 * U+FFFD, which a person sees as "unreadable character" rather than an invisible control code.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface CellText {
  text: string;
  windows1252: boolean;
}

export function decodeCell(parts: readonly Uint8Array[], totalBytes: number): CellText {
  if (parts.length === 0) return { text: '', windows1252: false };
  const bytes = parts.length === 1 ? (parts[0] ?? new Uint8Array(0)) : Buffer.concat(parts, totalBytes);
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), windows1252: false };
  return { text: iconv.decode(bytes, 'windows-1252'), windows1252: true };
}
