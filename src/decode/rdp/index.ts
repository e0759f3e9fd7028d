/** The RDP decoder (MS-RDPBCGR §2.2.1.1-2): the X.224 Connection Request cookie and protocols, and the Confirm. */
import type { DecodeContext, DecodeResult, Decoder, Direction, FrameResult, ProbeResult } from '../types.js';
import { parseTpkt, TPKT_VERSION, X224_CC, X224_CR } from './parse-x224.js';
import { createRdpState, isRdpState, type RdpRecord } from './types.js';

const SKIP_REST = 0x7fffffff;

/** TPKT version 3, reserved 0, then an X.224 CR (client) or CC (server). */
function probe(p: Uint8Array, direction: Direction): ProbeResult {
  if (p.length === 0) return 'maybe';
  if (p[0] !== TPKT_VERSION) return 'no';
  if (p.length < 6) return p.length < 2 || p[1] === 0 ? 'maybe' : 'no';
  const code = (p[5] ?? 0) & 0xf0;
  return p[1] === 0 && code === (direction === 'out' ? X224_CR : X224_CC) ? 'yes' : 'no';
}

function frame(buf: Uint8Array, direction: Direction, state: unknown): FrameResult {
  const st = isRdpState(state) ? state : createRdpState();
  if (direction === 'out' ? st.outDone : st.inDone) return { pduLength: buf.length, skip: SKIP_REST };
  if (buf.length < 4) return { need: 4 };
  const len = ((buf[2] ?? 0) << 8) | (buf[3] ?? 0);
  if (buf[0] !== TPKT_VERSION || len < 7) return { error: 'not a TPKT header' };
  return buf.length >= len ? { pduLength: len } : { need: len };
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<RdpRecord> {
  const st = isRdpState(ctx.state) ? ctx.state : createRdpState();
  const out = ctx.direction === 'out';
  if (out ? st.outDone : st.inDone) return { records: [], issues: [] };
  if (out) st.outDone = true;
  else st.inDone = true;
  return parseTpkt(pdu);
}

export const rdpDecoder: Decoder<RdpRecord> = {
  name: 'rdp',
  transport: 'tcp',
  ports: [3389],
  probe,
  frame,
  decode,
  createState: createRdpState,
};
