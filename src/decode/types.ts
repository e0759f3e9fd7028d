/** The decoder contract: content probe, TCP framing, pure decode (docs/architecture.md §4.1 "a protocol"). */
import { NO_DEFAULT_CREDENTIALS, type DefaultCredentials } from './common/default-credentials.js';

/** A JSON value a record field may hold. */
export type FieldValue = string | number | boolean | null | readonly FieldValue[] | { readonly [k: string]: FieldValue };

/**
 * What a decoder emits. The engine adds the envelope (`ts`, `proto`, `src`, `sport`, `dst`, `dport`),
 * so a decoder returns only `kind` and the protocol's own fields (names as in docs/architecture.md).
 */
export interface RecordBody {
  kind: string;
  /**
   * Set to 'client' on a record of what the flow's client did but which only the server's reply completes (a login):
   * its envelope then names the client as `src` whichever direction completed it.
   */
  actor?: 'client';
  [field: string]: FieldValue | undefined;
}

/** A protocol record as printed by `wardwatch records`. */
export interface ProtocolRecord extends RecordBody {
  ts: string;
  proto: string;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  /** MAC addresses of the sender and receiver when the link layer carried them (identity for the inventory). */
  srcMac?: string | null;
  dstMac?: string | null;
}

/** Bad bytes are data: a decoder reports them as an issue and the pipeline counts it. */
export interface DecodeIssue {
  code: string;
  offset: number;
  message: string;
}

export interface DecodeResult<R extends RecordBody = RecordBody> {
  records: R[];
  issues: DecodeIssue[];
}

/** 'out' = sent by the flow's initiator (client), 'in' = sent by the responder (server). */
export type Direction = 'out' | 'in';

export interface DecodeContext {
  /** Capture time of the packet that completed this PDU, ms since the epoch. */
  tsMs: number;
  direction: Direction;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  /**
   * Per-flow state the decoder owns (created by `createState`, one per flow, shared by both
   * directions), for protocols whose meaning spans PDUs (DICOM command fragments, HTTP request/response
   * pairing). Undefined when the decoder has no `createState`.
   */
  state: unknown;
}

/** Result of framing buffered TCP bytes. */
export type FrameResult =
  /** Not enough bytes yet: call again once at least `need` bytes are buffered. */
  | { need: number }
  /** The first `pduLength` bytes are one PDU; after it, discard `skip` further bytes (bodies not needed). */
  | { pduLength: number; skip?: number }
  /** The bytes cannot be framed: stop decoding this direction of the flow. */
  | { error: string };

export type ProbeResult = 'no' | 'maybe' | 'yes';

/**
 * Data the caller gives decoders when it makes a flow's state (decoders read no file): the session wiring loads it
 * once (src/pipeline/decode-hooks.ts), tests pass their own.
 */
export interface DecoderDeps {
  /** Published default credentials, to say whether a cleartext login used one (never keeping the password). */
  readonly credentials: DefaultCredentials;
}

/** What a decoder falls back to when called without its state (a test's bare `decode`): no defaults known. */
export const NO_DECODER_DEPS: DecoderDeps = { credentials: NO_DEFAULT_CREDENTIALS };

export interface Decoder<R extends RecordBody = RecordBody> {
  /** Folder name = record `proto`. */
  readonly name: string;
  /** 'link' decoders get the layer-2 payload (ethertype in `etherTypes`, or 802.3 LLC frames for 0). */
  readonly transport: 'tcp' | 'udp' | 'link';
  /** Port hints; detection is by content. */
  readonly ports: readonly number[];
  /** For 'link' decoders: the ethertypes they take (0 = 802.2 LLC/SNAP frames). */
  readonly etherTypes?: readonly number[];
  /** Does this payload (the first bytes of one direction, or one datagram) look like this protocol? */
  probe(payload: Uint8Array, direction: Direction): ProbeResult;
  /** TCP only: find the next PDU boundary in buffered bytes. Without it, each contiguous chunk is a PDU. */
  frame?(buf: Uint8Array, direction: Direction, state: unknown): FrameResult;
  /** Pure: no I/O, no clock, no logging; bad bytes give an issue, never a throw. */
  decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<R>;
  /** Per-flow state for decoders that need it, holding what of `deps` the decoder uses. */
  createState?(deps: DecoderDeps): unknown;
}
