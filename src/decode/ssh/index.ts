/** The SSH decoder (RFC 4253): each side's identification string and first KEXINIT (HASSH); the rest is skipped. */
import { OutOfBounds } from '../common/byte-cursor.js';
import { frameLine, lineBody } from '../common/frame-lines.js';
import type { DecodeContext, DecodeResult, Decoder, Direction, FrameResult, ProbeResult } from '../types.js';
import { parseIdent } from './parse-ident.js';
import { parseKexinit } from './parse-kexinit.js';
import { createSshState, isSshState, type SshRecord } from './types.js';

const SKIP_REST = 0x7fffffff;
/** RFC 4253 §6.1: implementations must handle 35000-byte packets; a KEXINIT larger than this is not one. */
const MAX_PACKET = 35000;
/** RFC 4253 §4.2: lines before the identification are allowed from the server; give up after this many bytes. */
const MAX_PREAMBLE_LINE = 1024;

const PREFIX = [0x53, 0x53, 0x48, 0x2d]; // "SSH-"

function probe(p: Uint8Array): ProbeResult {
  const n = Math.min(p.length, PREFIX.length);
  for (let i = 0; i < n; i++) if (p[i] !== PREFIX[i]) return 'no';
  return p.length >= PREFIX.length ? 'yes' : 'maybe';
}

function frame(buf: Uint8Array, direction: Direction, state: unknown): FrameResult {
  const st = isSshState(state) ? state : createSshState();
  const phase = st[direction];
  if (phase === 'ident') return frameLine(buf, MAX_PREAMBLE_LINE);
  if (phase === 'done') return { pduLength: buf.length, skip: SKIP_REST };
  if (buf.length < 5) return { need: 5 };
  const len = (((buf[0] ?? 0) << 24) | ((buf[1] ?? 0) << 16) | ((buf[2] ?? 0) << 8) | (buf[3] ?? 0)) >>> 0;
  if (len < 12 || len > MAX_PACKET) {
    st[direction] = 'done';
    return { pduLength: buf.length, skip: SKIP_REST };
  }
  return buf.length >= len + 4 ? { pduLength: len + 4 } : { need: len + 4 };
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<SshRecord> {
  const result: DecodeResult<SshRecord> = { records: [], issues: [] };
  const st = isSshState(ctx.state) ? ctx.state : createSshState();
  const dir = ctx.direction;
  if (st[dir] === 'done') return result;
  if (st[dir] === 'ident') {
    const rec = parseIdent(lineBody(pdu));
    if (rec === null) return result; // a pre-identification line (RFC 4253 §4.2)
    result.records.push(rec);
    // SSH 1.x packets have another layout; 1.99 means the side also speaks 2.0.
    st[dir] = rec.protoVersion.startsWith('1.') && rec.protoVersion !== '1.99' ? 'done' : 'packet';
    return result;
  }
  st[dir] = 'done';
  try {
    const rec = parseKexinit(pdu, dir === 'out');
    if (rec !== null) result.records.push(rec);
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    result.issues.push({ code: 'truncated', offset: e.offset, message: `KEXINIT: ${e.message}` });
  }
  return result;
}

export const sshDecoder: Decoder<SshRecord> = {
  name: 'ssh',
  transport: 'tcp',
  ports: [22, 2222],
  probe,
  frame,
  decode,
  createState: createSshState,
};
