/**
 * HTTP/1.x message framing (RFC 9112 §6.3 message body length, §7.1 chunked coding): the head is one PDU, bodies are
 * skipped, except the first KiB of an HTML response body, which rides with its head for the <title>.
 */
import type { Direction, FrameResult } from '../types.js';
import { headEnd, leadingBlankLines, parseHead, value, MAX_HEAD, type MessageHead } from './parse-head.js';
import { MAX_PENDING_METHODS, type DirectionMode, type HttpDirectionState, type HttpState } from './types.js';

/** Bytes of an HTML body decoded for its title. */
export const TITLE_BYTES = 1024;
const SKIP_REST = Number.MAX_SAFE_INTEGER;
const MAX_CHUNK_LINE = 1024;

type Body = { type: 'none' } | { type: 'length'; length: number } | { type: 'chunked' } | { type: 'close' } | { type: 'tunnel' };

function chunked(head: MessageHead): boolean {
  const te = head.fields.get('transfer-encoding');
  if (te === undefined) return false;
  const codings = te.join(',').toLowerCase().split(',');
  return codings[codings.length - 1]?.trim() === 'chunked';
}

function contentLength(head: MessageHead): number | null {
  const cl = value(head, 'content-length');
  if (cl === null || !/^\d{1,15}$/.test(cl)) return null;
  return Number(cl);
}

/** RFC 9112 §6.3, in its order; the method of the answered request decides HEAD / CONNECT. Reads state only. */
function bodyOf(head: MessageHead, state: HttpState): Body {
  if (head.request) {
    if (chunked(head)) return { type: 'chunked' };
    const cl = contentLength(head);
    return cl === null || cl === 0 ? { type: 'none' } : { type: 'length', length: cl };
  }
  if (head.status === 101) return { type: 'tunnel' }; // protocol switch: not HTTP any more
  if (head.status < 200) return { type: 'none' }; // interim response: the request is still pending
  const method = state.methods[0] ?? 'GET';
  if (method === 'HEAD' || head.status === 204 || head.status === 304) return { type: 'none' };
  if (method === 'CONNECT' && head.status < 300) return { type: 'tunnel' };
  if (chunked(head)) return { type: 'chunked' };
  if (head.fields.has('transfer-encoding')) return { type: 'close' };
  const cl = contentLength(head);
  if (cl !== null) return cl === 0 ? { type: 'none' } : { type: 'length', length: cl };
  return { type: 'close' };
}

function wantsTitle(head: MessageHead): boolean {
  const ct = value(head, 'content-type')?.toLowerCase() ?? '';
  const ce = value(head, 'content-encoding')?.toLowerCase() ?? 'identity';
  return !head.request && ct.startsWith('text/html') && ce === 'identity';
}

/** A chunk-size line (RFC 9112 §7.1) at `at`, after any CRLF left from the previous chunk's data. */
function chunkLine(buf: Uint8Array, at: number): { end: number; size: number } | 'need' | 'bad' {
  let i = at;
  while (i < buf.length && i < at + 2 && (buf[i] === 0x0d || buf[i] === 0x0a)) i++;
  const limit = Math.min(buf.length, i + MAX_CHUNK_LINE);
  let size = 0;
  let digits = 0;
  for (; i < limit; i++) {
    const c = buf[i] ?? 0;
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (d < 0) break;
    if (++digits > 12) return 'bad';
    size = size * 16 + d;
  }
  if (digits === 0 && i < limit) return 'bad';
  for (; i < limit; i++) if (buf[i] === 0x0a) return { end: i + 1, size };
  return buf.length - at > MAX_CHUNK_LINE ? 'bad' : 'need';
}

function frameChunk(buf: Uint8Array, dir: HttpDirectionState): FrameResult {
  dir.pdu = 'body';
  const line = chunkLine(buf, 0);
  if (line === 'need') return { need: buf.length + 1 };
  if (line === 'bad') return { error: 'bad chunk-size line' };
  if (line.size > 0) return { pduLength: line.end, skip: line.size };
  // Last chunk: trailer fields end with a blank line (RFC 9112 §7.1.2).
  if (buf[line.end] === 0x0a) return done(dir, line.end + 1);
  if (buf[line.end] === 0x0d && buf[line.end + 1] === 0x0a) return done(dir, line.end + 2);
  if (buf.length < line.end + 2) return { need: line.end + 2 };
  const end = headEnd(buf, line.end);
  if (end < 0) return buf.length - line.end > MAX_HEAD ? { error: 'trailer section too long' } : { need: buf.length + 1 };
  return done(dir, end);
}

/** A head is framed: remember the request's method, or retire the answered one (interim responses answer nothing). */
function commit(head: MessageHead, state: HttpState, dir: HttpDirectionState, mode: DirectionMode, tunnel = false): void {
  dir.pdu = 'head';
  dir.mode = mode;
  if (head.request) {
    if (state.methods.length < MAX_PENDING_METHODS) state.methods.push(head.method);
  } else if (head.status >= 200 || head.status === 101) state.methods.shift();
  if (tunnel) state.out.mode = 'stopped'; // 101 / CONNECT: the rest is another protocol, both ways
}

function done(dir: HttpDirectionState, pduLength: number): FrameResult {
  dir.mode = 'head';
  return { pduLength };
}

export function frameHttp(buf: Uint8Array, direction: Direction, state: HttpState): FrameResult {
  const dir = state[direction];
  if (dir.mode === 'stopped') {
    dir.pdu = 'body';
    return { pduLength: 1, skip: SKIP_REST };
  }
  if (dir.mode === 'chunk') return frameChunk(buf, dir);
  const lead = leadingBlankLines(buf);
  const end = headEnd(buf, lead);
  if (end < 0) return buf.length > MAX_HEAD ? { error: 'message head over 64 KiB' } : { need: buf.length + 1 };
  const head = parseHead(buf.subarray(lead, end));
  if (head === null) return { error: 'not an HTTP/1.x message' };
  const body = bodyOf(head, state);
  const title = wantsTitle(head);
  // State changes only once a PDU is returned: a `need` makes the framer come back with the same head.
  switch (body.type) {
    case 'none':
      commit(head, state, dir, 'head');
      return { pduLength: end };
    case 'length': {
      const take = title ? Math.min(body.length, TITLE_BYTES) : 0;
      if (buf.length < end + take) return { need: end + take };
      commit(head, state, dir, 'head');
      return { pduLength: end + take, skip: body.length - take };
    }
    case 'chunked': {
      const line = title ? chunkLine(buf, end) : 'bad';
      if (line === 'need') return { need: buf.length + 1 };
      if (line !== 'bad' && line.size > 0) {
        const take = Math.min(line.size, TITLE_BYTES);
        if (buf.length < line.end + take) return { need: line.end + take };
        commit(head, state, dir, 'chunk');
        return { pduLength: line.end + take, skip: line.size - take };
      }
      commit(head, state, dir, 'chunk');
      return { pduLength: end };
    }
    case 'close':
      // Delimited by the connection's end: the title must be in what has already arrived.
      commit(head, state, dir, 'stopped');
      return { pduLength: end + (title ? Math.min(buf.length - end, TITLE_BYTES) : 0), skip: SKIP_REST };
    case 'tunnel':
      commit(head, state, dir, 'stopped', true);
      return { pduLength: end, skip: SKIP_REST };
  }
}
