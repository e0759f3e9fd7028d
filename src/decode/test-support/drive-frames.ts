/** Test support: frames and decodes one direction's byte chunks exactly as the TCP session does (need, skip, error). */
import type { Decoder, Direction, RecordBody } from '../types.js';

export interface DriveResult {
  records: RecordBody[];
  /** Bytes the framer told us to skip (bodies), over all chunks. */
  skipped: number;
  /** The framing error that ended the drive, or null. */
  error: string | null;
}

/**
 * Feeds `chunks` (as they arrive) through `decoder.frame` and `decoder.decode`, carrying a `skip` over into the next
 * chunks. A framing error ends the drive when `stopOnError` (as the session does); otherwise the bytes stay buffered
 * and framing is tried again when the next chunk arrives.
 */
export function driveFrames(decoder: Decoder, chunks: readonly Uint8Array[], direction: Direction, state: unknown, dport: number, stopOnError = true): DriveResult {
  const records: RecordBody[] = [];
  let buf = new Uint8Array(0);
  let skip = 0;
  let skipped = 0;
  for (const chunk of chunks) {
    const n = Math.min(skip, chunk.length);
    skip -= n;
    skipped += n;
    const data = chunk.subarray(n);
    const joined = new Uint8Array(buf.length + data.length);
    joined.set(buf);
    joined.set(data, buf.length);
    buf = joined;
    while (buf.length > 0) {
      const r = decoder.frame?.(buf, direction, state);
      if (r === undefined || 'need' in r) break;
      if ('error' in r) {
        if (stopOnError) return { records, skipped, error: r.error };
        break;
      }
      const ctx = { tsMs: 0, direction, src: 'a', sport: 1, dst: 'b', dport, state };
      records.push(...decoder.decode(buf.subarray(0, r.pduLength), ctx).records);
      buf = buf.subarray(r.pduLength);
      const s = Math.min(r.skip ?? 0, buf.length);
      skipped += s;
      buf = buf.subarray(s);
      skip = (r.skip ?? 0) - s;
    }
  }
  return { records, skipped, error: null };
}
