/** The HTTP/1.x decoder (RFC 9112): requests and responses on keep-alive / pipelined connections, bodies skipped. */
import { indexOfBytes } from '../common/byte-cursor.js';
import { NO_DECODER_DEPS, type DecodeContext, type DecodeResult, type Decoder, type Direction, type FrameResult, type ProbeResult } from '../types.js';
import { frameHttp } from './frame-http.js';
import { htmlTitle } from './html-title.js';
import { authorizationFields, challengeFields } from './parse-auth.js';
import { NO_DEFAULT_CREDENTIALS, type DefaultCredentials } from '../common/default-credentials.js';
import { headEnd, leadingBlankLines, parseHead, value, type MessageHead } from './parse-head.js';
import { cleanTextUntrimmed } from '../common/text.js';
import { createHttpState, isHttpState, type HttpRecord, type HttpRequestRecord, type HttpResponseRecord } from './types.js';

const MAX_URI = 512;
const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'REPORT', 'SEARCH', 'SUBSCRIBE', 'NOTIFY', 'M-SEARCH'];
const HTTP1 = new TextEncoder().encode(' HTTP/1.');
const STATUS_PREFIX = 'HTTP/1.';

function startsWith(p: Uint8Array, s: string): 'yes' | 'prefix' | 'no' {
  const n = Math.min(p.length, s.length);
  for (let i = 0; i < n; i++) if (p[i] !== s.charCodeAt(i)) return 'no';
  return p.length >= s.length ? 'yes' : 'prefix';
}

/** Request line `METHOD SP target SP HTTP/1.x` or status line `HTTP/1.x SP code`. */
function probe(p: Uint8Array): ProbeResult {
  const lead = leadingBlankLines(p);
  const b = p.subarray(lead);
  if (b.length === 0) return 'maybe';
  const st = startsWith(b, STATUS_PREFIX);
  if (st === 'yes') return 'yes';
  if (st === 'prefix') return 'maybe';
  const lineEnd = b.indexOf(0x0a);
  for (const m of METHODS) {
    const r = startsWith(b, `${m} `);
    if (r === 'prefix') return 'maybe';
    if (r === 'no') continue;
    if (indexOfBytes(b, HTTP1, m.length, lineEnd < 0 ? b.length : lineEnd) >= 0) return 'yes';
    return lineEnd < 0 ? 'maybe' : 'no';
  }
  return 'no';
}

function frame(buf: Uint8Array, direction: Direction, state: unknown): FrameResult {
  return frameHttp(buf, direction, isHttpState(state) ? state : createHttpState(NO_DECODER_DEPS));
}

function text(head: MessageHead, name: string): string | null {
  const v = value(head, name);
  return v === null ? null : cleanTextUntrimmed(v);
}

function requestRecord(head: MessageHead, defaults: DefaultCredentials): HttpRequestRecord {
  const rec: HttpRequestRecord = {
    kind: 'request',
    method: cleanTextUntrimmed(head.method),
    uri: cleanTextUntrimmed(head.uri, MAX_URI),
    version: head.version,
    host: text(head, 'host'),
    userAgent: text(head, 'user-agent'),
    authScheme: null,
    authUser: null,
  };
  const auth = value(head, 'authorization') ?? value(head, 'proxy-authorization');
  if (auth !== null) Object.assign(rec, authorizationFields(auth, defaults));
  return rec;
}

/** The body bytes that rode along with the head (first KiB of an HTML body), de-chunked if need be. */
function bodyStart(head: MessageHead, rest: Uint8Array): Uint8Array {
  if (!/chunked/i.test(value(head, 'transfer-encoding') ?? '')) return rest;
  const nl = rest.indexOf(0x0a);
  return nl < 0 ? new Uint8Array(0) : rest.subarray(nl + 1);
}

function responseRecord(head: MessageHead, rest: Uint8Array): HttpResponseRecord {
  const contentType = text(head, 'content-type');
  const rec: HttpResponseRecord = {
    kind: 'response',
    status: head.status,
    reason: cleanTextUntrimmed(head.reason),
    version: head.version,
    server: text(head, 'server'),
    contentType,
    title: null,
    wwwAuthenticate: null,
  };
  const powered = text(head, 'x-powered-by');
  if (powered !== null) rec.poweredBy = powered;
  const challenges = head.fields.get('www-authenticate') ?? head.fields.get('proxy-authenticate');
  if (challenges !== undefined) Object.assign(rec, challengeFields(challenges));
  if (rest.length > 0 && contentType?.toLowerCase().startsWith('text/html') === true) {
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? null;
    rec.title = htmlTitle(bodyStart(head, rest), charset);
  }
  return rec;
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<HttpRecord> {
  const result: DecodeResult<HttpRecord> = { records: [], issues: [] };
  if (isHttpState(ctx.state) && ctx.state[ctx.direction].pdu === 'body') return result;
  const lead = leadingBlankLines(pdu);
  let end = headEnd(pdu, lead);
  if (end < 0) end = pdu.length; // decoded without framing: take what there is
  const head = parseHead(pdu.subarray(lead, end));
  if (head === null) {
    result.issues.push({ code: 'not-http', offset: lead, message: 'start line is not an HTTP/1.x request or status line' });
    return result;
  }
  result.records.push(head.request ? requestRecord(head, isHttpState(ctx.state) ? ctx.state.credentials : NO_DEFAULT_CREDENTIALS) : responseRecord(head, pdu.subarray(end)));
  return result;
}

export const httpDecoder: Decoder<HttpRecord> = {
  name: 'http',
  transport: 'tcp',
  // Web, alternates, proxies, IPP (631), WinRM (5985: NTLM/Negotiate over HTTP).
  ports: [80, 591, 631, 3128, 5985, 8000, 8008, 8080, 8081, 8888],
  probe,
  frame,
  decode,
  createState: createHttpState,
};
