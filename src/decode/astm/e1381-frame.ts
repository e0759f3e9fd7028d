/**
 * ASTM E1381-02 low-level protocol (CLSI LIS1-A): ENQ/ACK/NAK/EOT control bytes and frames
 * `STX FN text ETX|ETB C1 C2 CR LF`; also bare E1394 records (ended by CR) over TCP. Probe and TCP framer.
 */
import type { FrameResult, ProbeResult } from '../types.js';
import { isHeaderRecord } from './parse-records.js';

export const ENQ = 0x05;
export const ACK = 0x06;
export const NAK = 0x15;
export const EOT = 0x04;
export const STX = 0x02;
export const ETX = 0x03;
export const ETB = 0x17;
export const CR = 0x0d;
export const LF = 0x0a;
/** E1381 frames hold at most 240 text characters; anything far longer is not a frame. */
export const MAX_FRAME = 64 * 1024;

function text(p: Uint8Array, from: number, n: number): string {
  return String.fromCharCode(...p.subarray(from, Math.min(p.length, from + n)));
}

/** ENQ then `STX digit H|\^&`, or a bare `H|\^&` header record -> yes; a lone ENQ or a short prefix -> maybe. */
export function probeAstm(p: Uint8Array): ProbeResult {
  let i = 0;
  while (i < p.length && i < 4 && p[i] === ENQ) i++;
  if (i === p.length) return i > 0 ? 'maybe' : 'no';
  if (p[i] === STX) {
    const fn = p[i + 1];
    if (fn === undefined) return 'maybe';
    if (fn < 0x30 || fn > 0x37) return 'no';
    if (p.length < i + 7) return 'maybe';
    return isHeaderRecord(text(p, i + 2, 5)) ? 'yes' : 'no';
  }
  const head = text(p, i, 5);
  if (head.length < 5) return 'H|\\^&'.startsWith(head) ? 'maybe' : 'no';
  if (!isHeaderRecord(head)) return 'no';
  return head === 'H|\\^&' ? 'yes' : 'maybe';
}

/** Index of ETX or ETB in `p[from, to)`, or -1. */
export function frameEnd(p: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (p[i] === ETX || p[i] === ETB) return i;
  return -1;
}

/** Index of the next CR or LF in `p[from, to)`, or -1. */
export function lineEnd(p: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (p[i] === CR || p[i] === LF) return i;
  return -1;
}

/** One PDU: a control byte, one whole frame (with its CR LF when present), or one bare record line. */
export function frameAstm(buf: Uint8Array): FrameResult {
  const len = buf.length;
  if (len === 0) return { need: 1 };
  const limit = Math.min(len, MAX_FRAME);
  const b = buf[0];
  if (b === STX) {
    const term = frameEnd(buf, 1, limit);
    if (term < 0) return len >= MAX_FRAME ? { pduLength: MAX_FRAME } : { need: len + 1 };
    let end = term + 3; // the two checksum characters
    if (len < end + 1) return { need: end + 1 }; // wait for the CR (or for whatever follows a sender that omits it)
    if (buf[end] === CR) end++;
    if (end < len && buf[end] === LF) end++; // a LF arriving later is skipped as a control byte
    return { pduLength: end };
  }
  if (b !== undefined && b < 0x20) return { pduLength: 1 }; // ENQ, ACK, NAK, EOT, a stray CR/LF
  const eol = lineEnd(buf, 0, limit);
  if (eol >= 0) return { pduLength: eol + 1 < len && buf[eol] === CR && buf[eol + 1] === LF ? eol + 2 : eol + 1 };
  return len >= MAX_FRAME ? { pduLength: MAX_FRAME } : { need: len + 1 };
}
