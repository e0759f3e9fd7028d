/** Contracts between TCP stream reassembly (RFC 9293 §3.4 sequence space) and its callers: the sink and the options. */

/**
 * Receives one direction of a TCP stream, in order. Calls alternate freely between `data` and `gap`; together they
 * cover the stream from its first byte with no overlap, so the sum of all lengths is the stream position.
 */
export interface StreamSink {
  /** Contiguous in-order bytes. The view is valid only during the call (the sink copies what it keeps). */
  data(bytes: Uint8Array): void;
  /** `length` bytes are missing here (hole never filled, or dropped for memory); stream goes on after them. */
  gap(length: number): void;
}

export interface ReassemblerOptions {
  /**
   * Stream position (delivered bytes + gap bytes) per direction after which the direction stops; 0 = unlimited.
   * Gaps count, as in Suricata's stream depth: a decoder that is past a hole at this depth would learn nothing more.
   */
  depthLimit: number;
  /** Bytes this direction may hold out of order before it gives up waiting for the earliest hole. */
  maxOutOfOrderBytes: number;
  /**
   * Held out-of-order runs per direction (default DEFAULT_MAX_OUT_OF_ORDER_SEGMENTS). Bounds the per-segment cost
   * and object overhead when a peer sends many tiny segments out of order; past it, the earliest hole is given up.
   */
  maxOutOfOrderSegments?: number;
}

/** About a full 1 MiB window of 1460-byte segments: enough for real loss, small enough to scan and move cheaply. */
export const DEFAULT_MAX_OUT_OF_ORDER_SEGMENTS = 1024;
