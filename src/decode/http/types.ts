/** HTTP/1.x decoder per-flow state and record shapes (docs/architecture.md, Records: http). */
import type { DefaultCredentials } from '../common/default-credentials.js';
import type { DecoderDeps, RecordBody } from '../types.js';

export type DirectionMode = 'head' | 'chunk' | 'stopped';

export interface HttpDirectionState {
  mode: DirectionMode;
  /** What the PDU just framed is: a message head (decoded) or chunk framing (ignored by decode). */
  pdu: 'head' | 'body';
}

export interface HttpState {
  out: HttpDirectionState;
  in: HttpDirectionState;
  /** Methods of requests not yet answered, oldest first (RFC 9112 §9.3: responses come in request order). */
  methods: string[];
  readonly credentials: DefaultCredentials;
}

/** Unanswered requests remembered per flow; a pipelining client rarely has more than a handful. */
export const MAX_PENDING_METHODS = 64;

export function createHttpState(deps: DecoderDeps): HttpState {
  return { out: { mode: 'head', pdu: 'head' }, in: { mode: 'head', pdu: 'head' }, methods: [], credentials: deps.credentials };
}

export function isHttpState(s: unknown): s is HttpState {
  return typeof s === 'object' && s !== null && 'methods' in s && 'out' in s && 'in' in s;
}

export interface HttpRequestRecord extends RecordBody {
  kind: 'request';
  method: string;
  uri: string;
  version: string;
  host: string | null;
  userAgent: string | null;
  authScheme: string | null;
  authUser: string | null;
  /** HTTP Basic only: the user and password are a published default (the password itself is never kept). */
  authDefaultCredential?: boolean;
}

export interface HttpResponseRecord extends RecordBody {
  kind: 'response';
  status: number;
  reason: string;
  version: string;
  server: string | null;
  contentType: string | null;
  title: string | null;
  wwwAuthenticate: string | null;
}

export type HttpRecord = HttpRequestRecord | HttpResponseRecord;
