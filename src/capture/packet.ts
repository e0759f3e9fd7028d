/** The packet handed from a capture reader to the engine: a reused view into the reader's buffer (zero copy). */

/**
 * One captured packet. Readers reuse a single instance and overwrite it on every `next()`; the bytes
 * `data[offset, offset + capLen)` stay valid only until that reader's next `next()` call.
 */
export interface PacketRef {
  /** Seconds since the Unix epoch. */
  tsSec: number;
  /** Nanoseconds within the second (0..999_999_999), whatever the file's own resolution. */
  tsNsec: number;
  /** LINKTYPE_* value of the interface this packet came from (1 = Ethernet, 113 = SLL, 276 = SLL2 …). */
  linkType: number;
  /** Buffer the packet lives in. */
  data: Uint8Array;
  /** First byte of the packet inside `data`. */
  offset: number;
  /** Bytes captured (may be less than origLen when the snap length cut the packet). */
  capLen: number;
  /** Length of the packet on the wire. */
  origLen: number;
  /** pcapng interface index (0 for classic pcap). */
  interfaceId: number;
}

export function newPacketRef(): PacketRef {
  return { tsSec: 0, tsNsec: 0, linkType: 1, data: new Uint8Array(0), offset: 0, capLen: 0, origLen: 0, interfaceId: 0 };
}

/** Result of a cursor step: a packet is ready, more bytes must be read first, or the source is done. */
export type CursorStep = 'packet' | 'refill' | 'end';

/**
 * A pull cursor over one capture source (file, gzip file, stdin, a tcpdump child's stdout).
 * `next()` is synchronous so the per-packet path has no promise; only `refill()` awaits I/O.
 * Damage is reported by throwing `CaptureError` from `next()` or `refill()`.
 */
export interface PacketCursor {
  /** File path, or '-' for stdin. */
  readonly name: string;
  /** The current packet; valid after `next()` returned 'packet' and until the next `next()`. */
  readonly packet: PacketRef;
  next(): CursorStep;
  refill(): Promise<void>;
  /** Bytes consumed from the underlying file so far (compressed bytes for gzip), for progress. */
  readonly bytesRead: number;
  /** Total size of the underlying file when known (null for pipes). */
  readonly totalBytes: number | null;
  close(): Promise<void>;
}
