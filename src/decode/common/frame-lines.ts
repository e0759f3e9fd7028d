/** Line framing for the text protocols (FTP RFC 959 §4.1, Telnet NVT lines, SSH RFC 4253 §4.2 identification). */
import type { FrameResult } from '../types.js';

/** A line longer than this is cut into pieces of this size (its parts decode as separate, partial lines). */
export const MAX_LINE = 2048;

/** One PDU per LF-terminated line (CR LF or bare LF); a line without LF waits, up to `max` bytes. */
export function frameLine(buf: Uint8Array, max = MAX_LINE): FrameResult {
  const n = Math.min(buf.length, max);
  for (let i = 0; i < n; i++) if (buf[i] === 0x0a) return { pduLength: i + 1 };
  if (buf.length >= max) return { pduLength: max };
  return { need: buf.length + 1 };
}

/** The line's bytes without its CR LF / LF ending. */
export function lineBody(line: Uint8Array): Uint8Array {
  let end = line.length;
  if (end > 0 && line[end - 1] === 0x0a) end--;
  if (end > 0 && line[end - 1] === 0x0d) end--;
  return line.subarray(0, end);
}
