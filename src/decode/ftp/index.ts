/** The FTP control-connection decoder (RFC 959; RFC 4217 AUTH TLS): greeting, USER/PASS outcome, AUTH TLS. */
import { OutOfBounds } from '../common/byte-cursor.js';
import { NO_DECODER_DEPS, type DecodeContext, type DecodeResult, type Decoder, type Direction, type FrameResult, type ProbeResult } from '../types.js';
import { frameLine } from '../common/frame-lines.js';
import { onCommand, onReply } from './parse-ftp.js';
import { createFtpState, isFtpState, type FtpRecord } from './types.js';

/** After AUTH TLS succeeds the rest of both directions is TLS: hand it over unread. */
const SKIP_REST = 0x7fffffff;

const COMMANDS = ['USER ', 'AUTH ', 'FEAT', 'SYST', 'OPTS ', 'PASS '];

function startsWithText(p: Uint8Array, s: string): 'yes' | 'prefix' | 'no' {
  const n = Math.min(p.length, s.length);
  for (let i = 0; i < n; i++) {
    const c = p[i] ?? 0;
    if ((c >= 0x61 && c <= 0x7a ? c - 0x20 : c) !== s.charCodeAt(i)) return 'no';
  }
  return p.length >= s.length ? 'yes' : 'prefix';
}

/** Server: a `220` greeting ('yes' when it names FTP, else 'maybe': SMTP greets with 220 too). Client: a login verb. */
function probe(p: Uint8Array, direction: Direction): ProbeResult {
  if (direction === 'in') {
    const g = startsWithText(p, '220');
    if (g === 'no') return 'no';
    if (g === 'prefix') return 'maybe';
    if (p.length > 3 && p[3] !== 0x20 && p[3] !== 0x2d) return 'no';
    const nl = p.indexOf(0x0a);
    const line = p.subarray(0, nl < 0 ? Math.min(p.length, 256) : nl);
    for (let i = 0; i + 3 <= line.length; i++) {
      if (startsWithText(line.subarray(i), 'FTP') === 'yes') return 'yes';
    }
    return 'maybe';
  }
  for (const c of COMMANDS) if (startsWithText(p, c) !== 'no') return 'maybe';
  return 'no';
}

function frame(buf: Uint8Array, _direction: Direction, state: unknown): FrameResult {
  if (isFtpState(state) && state.tls) return { pduLength: buf.length, skip: SKIP_REST };
  return frameLine(buf);
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<FtpRecord> {
  const result: DecodeResult<FtpRecord> = { records: [], issues: [] };
  const st = isFtpState(ctx.state) ? ctx.state : createFtpState(NO_DECODER_DEPS);
  if (st.tls) return result;
  try {
    if (ctx.direction === 'out') onCommand(pdu, st);
    else onReply(pdu, st, result);
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    result.issues.push({ code: 'truncated', offset: e.offset, message: e.message });
  }
  return result;
}

export const ftpDecoder: Decoder<FtpRecord> = {
  name: 'ftp',
  transport: 'tcp',
  ports: [21, 2121],
  probe,
  frame,
  decode,
  createState: createFtpState,
};
