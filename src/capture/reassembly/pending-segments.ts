/** Out-of-order TCP segments held until their hole fills (RFC 9293 §3.10.7.4: queue segments beyond RCV.NXT). */
import type { ReassemblyBudget } from './reassembly-budget.js';

/** A run of copied stream bytes starting at sequence number `seq` (uint32). */
export interface PendingSegment {
  seq: number;
  bytes: Uint8Array;
}

/**
 * Non-overlapping copied runs sorted by sequence number, with every byte counted in the shared budget.
 * Out of order is rare, so a small sorted array beats any tree; the reassembler caps its length, because a peer
 * sending many tiny out-of-order segments would otherwise make each insert cost a long array move. Positions are compared relative to a `base`
 * (the reassembler's next expected sequence number) with signed 32-bit differences, which is exact across the
 * 2^32 wrap as long as everything lies within 2^31 of the base (the reassembler only buffers up to 1 GiB ahead).
 */
export class PendingSegments {
  private readonly segs: PendingSegment[] = [];
  private held = 0;

  constructor(private readonly budget: ReassemblyBudget) {}

  /** Bytes held by this direction. */
  get bytes(): number {
    return this.held;
  }

  get count(): number {
    return this.segs.length;
  }

  /** The earliest run, or undefined. */
  first(): PendingSegment | undefined {
    return this.segs[0];
  }

  /** Removes the earliest run and returns its bytes to the budget (before the caller delivers it). */
  shift(): PendingSegment | undefined {
    const seg = this.segs.shift();
    if (seg) this.release(seg.bytes.length);
    return seg;
  }

  /**
   * Copies `payload[0, length)`, which starts at `seq` ahead of `base`, except the bytes some held run already
   * covers: the first copy of each byte wins. May split the payload around held runs. Returns bytes added.
   */
  insert(base: number, seq: number, payload: Uint8Array, length: number): number {
    const start = (seq - base) | 0;
    const end = start + length;
    let cur = start;
    let added = 0;
    let i = this.firstEndingAfter(base, start);
    while (cur < end && i < this.segs.length) {
      const s = this.segs[i];
      if (!s) break;
      const sStart = (s.seq - base) | 0;
      const sEnd = sStart + s.bytes.length;
      if (sEnd <= cur) {
        i++;
        continue;
      }
      if (sStart >= end) break;
      if (sStart > cur) {
        added += this.place(i, base, cur, payload.slice(cur - start, sStart - start));
        i++;
      }
      cur = Math.max(cur, sEnd);
      i++;
    }
    if (cur < end) added += this.place(i, base, cur, payload.slice(cur - start, end - start));
    return added;
  }

  /** Index of the first run that ends after relative position `rel` (runs are disjoint, so ends are sorted too). */
  private firstEndingAfter(base: number, rel: number): number {
    let lo = 0;
    let hi = this.segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.segs[mid];
      if (s && ((s.seq - base) | 0) + s.bytes.length <= rel) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops every held byte at or after `endSeq` (a FIN says the stream ends there). */
  trimFrom(base: number, endSeq: number): void {
    const endRel = (endSeq - base) | 0;
    for (let i = this.segs.length - 1; i >= 0; i--) {
      const s = this.segs[i];
      if (!s) continue;
      const sStart = (s.seq - base) | 0;
      const sEnd = sStart + s.bytes.length;
      if (sEnd <= endRel) break;
      if (sStart >= endRel) {
        this.segs.splice(i, 1);
        this.release(s.bytes.length);
      } else {
        // Copy the kept part so the dropped tail's memory really goes.
        const keep = endRel - sStart;
        this.release(s.bytes.length - keep);
        s.bytes = s.bytes.slice(0, keep);
      }
    }
  }

  /** Drops everything and returns it to the budget. */
  clear(): void {
    this.segs.length = 0;
    this.release(this.held);
  }

  private place(index: number, base: number, rel: number, bytes: Uint8Array): number {
    this.segs.splice(index, 0, { seq: (base + rel) >>> 0, bytes });
    this.held += bytes.length;
    this.budget.take(bytes.length);
    return bytes.length;
  }

  private release(n: number): void {
    this.held -= n;
    this.budget.give(n);
  }
}
