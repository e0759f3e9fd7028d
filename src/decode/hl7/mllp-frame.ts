/**
 * MLLP framing (HL7 v2 Appendix C, MLLP release 2: <VT 0x0B> message <FS 0x1C><CR 0x0D>) and bare HL7 over TCP:
 * content probe and the TCP framer. Tolerates a missing CR after FS, bytes between messages, and messages that
 * arrive in many TCP segments.
 */
import { isMshAt, isSegmentEnd } from './segment-scan.js';
import type { FrameResult, ProbeResult } from '../types.js';

export const MLLP_START = 0x0b;
export const MLLP_END = 0x1c;
const CR = 0x0d;
/** A message without its end block after this many bytes is decoded as truncated (its head names the sender). */
export const MAX_HL7_PDU = 256 * 1024;

/** 0x0B + `MSH` + separator -> yes; bare `MSH|` -> maybe (port hint decides); a short prefix of either -> maybe. */
export function probeHl7(p: Uint8Array): ProbeResult {
  if (p.length === 0) return 'no';
  if (p[0] === MLLP_START) {
    if (p.length >= 5) return isMshAt(p, 1, p.length) ? 'yes' : 'no';
    return 'MSH'.startsWith(String.fromCharCode(...p.subarray(1))) ? 'maybe' : 'no';
  }
  if (p.length >= 4) return isMshAt(p, 0, p.length) && p[3] === 0x7c ? 'maybe' : 'no';
  return 'MSH|'.startsWith(String.fromCharCode(...p)) ? 'maybe' : 'no';
}

/** Index of the next byte `b` in `buf[from, to)`, or -1. */
function indexOf(buf: Uint8Array, b: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (buf[i] === b) return i;
  return -1;
}

/** Index of the next `MSH` at a segment start (after CR/LF) in `buf[from, to)`, or -1. */
function nextMshLine(buf: Uint8Array, from: number, to: number): number {
  for (let i = Math.max(1, from); i + 4 <= to; i++) {
    if (buf[i] === 0x4d && isSegmentEnd(buf[i - 1]) && isMshAt(buf, i, to)) return i;
  }
  return -1;
}

/**
 * One PDU: a whole MLLP block (VT … FS [CR]), a bare message (MSH … up to the next MSH line, or the buffered bytes
 * when they end with a segment terminator), or the bytes up to the next message start (noise; decode ignores it).
 */
export function frameHl7(buf: Uint8Array): FrameResult {
  const len = buf.length;
  if (len === 0) return { need: 1 };
  const limit = Math.min(len, MAX_HL7_PDU);
  if (buf[0] === MLLP_START) {
    const fs = indexOf(buf, MLLP_END, 1, limit);
    const nextVt = indexOf(buf, MLLP_START, 1, fs >= 0 ? fs : limit);
    if (nextVt > 0) return { pduLength: nextVt }; // a block without its end: decoded as truncated
    if (fs >= 0) return { pduLength: fs + 1 < len && buf[fs + 1] === CR ? fs + 2 : fs + 1 };
    if (len >= MAX_HL7_PDU) return { pduLength: MAX_HL7_PDU };
    return { need: len + 1 };
  }
  if (isMshAt(buf, 0, len) || (len < 4 && 'MSH'.startsWith(String.fromCharCode(...buf)))) {
    if (len < 4) return { need: 4 };
    // Bare HL7 has no end marker: a message ends where the next one starts, an MLLP block starts, or, when the
    // sender wrote whole messages, where the buffered bytes end on a segment terminator.
    const next = nextMshLine(buf, 4, limit);
    const vt = indexOf(buf, MLLP_START, 1, limit);
    const cut = next >= 0 && (vt < 0 || next < vt) ? next : vt;
    if (cut > 0) return { pduLength: cut };
    if (len >= MAX_HL7_PDU || isSegmentEnd(buf[len - 1])) return { pduLength: Math.min(len, MAX_HL7_PDU) };
    return { need: len + 1 };
  }
  // Noise between messages (a CR after FS, keep-alives, the tail of a message cut at MAX_HL7_PDU): up to the next
  // message start, or everything buffered.
  const vt = indexOf(buf, MLLP_START, 1, limit);
  const msh = nextMshLine(buf, 1, limit);
  const cut = vt >= 0 && (msh < 0 || vt < msh) ? vt : msh;
  return { pduLength: cut > 0 ? cut : limit };
}
