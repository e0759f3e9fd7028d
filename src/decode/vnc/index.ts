/** The VNC decoder (RFC 6143 RFB): both sides' ProtocolVersion and the security types offered and chosen. */
import type { DecodeContext, DecodeResult, Decoder, Direction, FrameResult, ProbeResult } from '../types.js';
import { clientChoice, parseVersion, serverSecurity, VERSION_LEN } from './parse-rfb.js';
import { createVncState, isVncState, type VncHandshakeRecord } from './types.js';

const SKIP_REST = 0x7fffffff;
const MAX_REASON = 4096;
const PREFIX = 'RFB 0';

function probe(p: Uint8Array): ProbeResult {
  const n = Math.min(p.length, PREFIX.length);
  for (let i = 0; i < n; i++) if (p[i] !== PREFIX.charCodeAt(i)) return 'no';
  if (p.length < VERSION_LEN) return 'maybe';
  return parseVersion(p) !== null ? 'yes' : 'no';
}

/** Server security message length (§7.1.2), or `need`. */
function securityFrame(buf: Uint8Array, minor: number): FrameResult {
  const head = minor === 3 ? 4 : 1;
  if (buf.length < head) return { need: head };
  const failed = minor === 3 ? buf[0] === 0 && buf[1] === 0 && buf[2] === 0 && buf[3] === 0 : buf[0] === 0;
  if (!failed) return minor === 3 ? { pduLength: 4 } : { pduLength: 1 + (buf[0] ?? 0) };
  if (buf.length < head + 4) return { need: head + 4 };
  const len = (((buf[head] ?? 0) << 24) | ((buf[head + 1] ?? 0) << 16) | ((buf[head + 2] ?? 0) << 8) | (buf[head + 3] ?? 0)) >>> 0;
  return { pduLength: head + 4 + Math.min(len, MAX_REASON) };
}

function frame(buf: Uint8Array, direction: Direction, state: unknown): FrameResult {
  const st = isVncState(state) ? state : createVncState();
  const phase = st[direction];
  if (phase === 'done') return { pduLength: buf.length, skip: SKIP_REST };
  if (phase === 'version') return buf.length >= VERSION_LEN ? { pduLength: VERSION_LEN } : { need: VERSION_LEN };
  if (direction === 'out') return { pduLength: 1 };
  return securityFrame(buf, st.minor);
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<VncHandshakeRecord> {
  const result: DecodeResult<VncHandshakeRecord> = { records: [], issues: [] };
  const st = isVncState(ctx.state) ? ctx.state : createVncState();
  const dir = ctx.direction;
  const phase = st[dir];
  if (phase === 'done') return result;
  if (phase === 'version') {
    const v = parseVersion(pdu);
    if (v === null) {
      st[dir] = 'done';
      result.issues.push({ code: 'rfb-bad-version', offset: 0, message: 'not an RFB ProtocolVersion message' });
      return result;
    }
    st[dir] = 'security';
    if (dir === 'in') st.serverVersion = v;
    else {
      st.clientVersion = v;
      st.minor = v === '3.3' ? 3 : 8; // 3.7, 3.8 and later (4.x, Apple 3.889) use the type-list form
      // RFB 3.3: the server imposes the type; the client has nothing to choose.
      if (st.minor === 3) {
        st.out = 'done';
        result.records.push({ kind: 'handshake', side: 'client', rfbVersion: v, securityType: null, noAuth: false });
      }
    }
    return result;
  }
  st[dir] = 'done';
  result.records.push(dir === 'in' ? serverSecurity(pdu, st) : clientChoice(pdu, st));
  return result;
}

export const vncDecoder: Decoder<VncHandshakeRecord> = {
  name: 'vnc',
  transport: 'tcp',
  ports: [5900, 5901, 5902, 5800],
  probe,
  frame,
  decode,
  createState: createVncState,
};
