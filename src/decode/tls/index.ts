/** The TLS decoder (RFC 8446, RFC 5246): record framing, handshake reassembly, hellos and the server certificate. */
import type { DecodeContext, DecodeResult, Decoder, Direction, FrameResult, ProbeResult } from '../types.js';
import { flushServerHello, handshakeFragment, type Emit } from './handshake.js';
import { looksLikeSslv2Hello, parseSslv2Hello } from './parse-sslv2.js';
import { ContentType, HandshakeType, MAX_RECORD_LENGTH } from './tls-names.js';
import { createTlsState, type TlsRecord, type TlsState } from './types.js';

/** Skip value meaning "the rest of this direction": once encrypted, nothing more is readable. */
const SKIP_REST = Number.MAX_SAFE_INTEGER;
const HEADER = 5;

function isTlsState(s: unknown): s is TlsState {
  return typeof s === 'object' && s !== null && 'out' in s && 'in' in s;
}

/** RFC 8446 §5.1 TLSPlaintext header: known content type, version 3.x (x <= 4), sane length. */
function headerProblem(b: Uint8Array): string | null {
  const type = b[0] ?? 0;
  if (type < ContentType.ChangeCipherSpec || type > ContentType.Heartbeat) return `content type ${type}`;
  if (b.length > 1 && b[1] !== 3) return `version major ${b[1] ?? 0}`;
  if (b.length > 2 && (b[2] ?? 0) > 4) return `version minor ${b[2] ?? 0}`;
  if (b.length >= HEADER && (((b[3] ?? 0) << 8) | (b[4] ?? 0)) > MAX_RECORD_LENGTH) return 'record length over 2^14+2048';
  return null;
}

function probe(p: Uint8Array, direction: Direction): ProbeResult {
  if (p.length === 0) return 'maybe';
  if (headerProblem(p) === null) {
    if (p[0] !== ContentType.Handshake) return 'maybe'; // mid-stream capture: claim only on a TLS port
    if (p.length <= HEADER) return 'maybe';
    const want = direction === 'out' ? HandshakeType.ClientHello : HandshakeType.ServerHello;
    return p[HEADER] === want ? 'yes' : 'maybe';
  }
  if (direction === 'out' && looksLikeSslv2Hello(p)) {
    const major = p[3];
    return major === undefined || major === 0 || major === 3 ? 'maybe' : 'no';
  }
  return 'no';
}

function frame(buf: Uint8Array, direction: Direction, state: unknown): FrameResult {
  const dir = isTlsState(state) ? state[direction] : null;
  if (dir?.done === true) return { pduLength: 1, skip: SKIP_REST };
  if (direction === 'out' && (dir === null || dir.records === 0) && ((buf[0] ?? 0) & 0x80) !== 0) {
    if (buf.length < 3) return { need: 3 };
    if (!looksLikeSslv2Hello(buf)) return { error: 'not an SSLv2 CLIENT-HELLO' };
    const total = 2 + ((((buf[0] ?? 0) & 0x7f) << 8) | (buf[1] ?? 0));
    if (buf.length < total) return { need: total };
    if (dir !== null) dir.records++;
    return { pduLength: total };
  }
  const bad = headerProblem(buf);
  if (bad !== null) return { error: `not a TLS record: ${bad}` };
  if (buf.length < HEADER) return { need: HEADER };
  if (dir !== null) dir.records++;
  const type = buf[0];
  // Past ChangeCipherSpec or at application data everything is encrypted: hand over the header only, skip the rest.
  if (type === ContentType.ChangeCipherSpec || type === ContentType.ApplicationData) return { pduLength: HEADER, skip: SKIP_REST };
  const total = HEADER + (((buf[3] ?? 0) << 8) | (buf[4] ?? 0));
  if (buf.length < total) return { need: total };
  return { pduLength: total };
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<TlsRecord> {
  const out: Emit = { records: [], issues: [] };
  const state = isTlsState(ctx.state) ? ctx.state : createTlsState();
  const dir = state[ctx.direction];
  if (dir.done) return out;
  if (ctx.direction === 'out' && looksLikeSslv2Hello(pdu)) {
    try {
      out.records.push(parseSslv2Hello(pdu));
    } catch {
      out.issues.push({ code: 'malformed-sslv2-hello', offset: 0, message: 'SSLv2 CLIENT-HELLO runs past its record' });
    }
    return out;
  }
  if (pdu.length < HEADER || headerProblem(pdu) !== null) {
    out.issues.push({ code: 'bad-record', offset: 0, message: 'not a TLS record header' });
    return out;
  }
  const type = pdu[0];
  if (type === ContentType.Handshake) {
    const len = ((pdu[3] ?? 0) << 8) | (pdu[4] ?? 0);
    if (pdu.length < HEADER + len) out.issues.push({ code: 'truncated-record', offset: HEADER, message: `record of ${len} bytes has ${pdu.length - HEADER}` });
    handshakeFragment(dir, pdu.subarray(HEADER, HEADER + len), out);
    return out;
  }
  // Any other record ends the plaintext flight; after ChangeCipherSpec / data nothing is readable.
  flushServerHello(dir, out);
  if (type === ContentType.ChangeCipherSpec || type === ContentType.ApplicationData) dir.done = true;
  return out;
}

export const tlsDecoder: Decoder<TlsRecord> = {
  name: 'tls',
  transport: 'tcp',
  // HTTPS, SMTPS, LDAPS, DoT, IMAPS, POP3S, DICOM TLS (PS3.15 Annex B), GC-LDAPS, SIPS, AMQPS, k8s API, common alternates.
  ports: [443, 465, 636, 853, 993, 995, 2762, 3269, 4433, 5061, 5671, 6443, 8443, 9443],
  probe,
  frame,
  decode,
  createState: createTlsState,
};
