/** TCP stream reassembly for one direction of a flow (RFC 9293 §3.4 sequence numbers, §3.10.7.4 segment text). */
import { PendingSegments } from './pending-segments.js';
import type { ReassemblyBudget } from './reassembly-budget.js';
import { DEFAULT_MAX_OUT_OF_ORDER_SEGMENTS } from './types.js';
import type { ReassemblerOptions, StreamSink } from './types.js';

/** Segments starting further than this ahead of the next expected byte are garbage, not buffered. */
export const MAX_SEQ_JUMP = 1 << 30;

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Turns one direction's segments into in-order bytes and gaps for the decoder dispatcher.
 *
 * In-order segments go straight to the sink without copying; out-of-order ones are copied into a small sorted
 * store and delivered when their hole fills. The first copy of every byte wins: retransmitted or overlapping
 * bytes never replace ones already delivered or held. When the direction's or the engine's memory cap would be
 * passed, the earliest hole is given up as a gap. Sequence numbers are uint32 and compared with signed 32-bit
 * differences, so the 2^32 wrap needs no special case.
 *
 * The sink may call `stop()` from inside `data()` or `gap()`; it must not feed segments re-entrantly.
 */
export class StreamReassembler {
  private readonly pending: PendingSegments;
  private readonly depthLimit: number;
  private readonly maxOutOfOrder: number;
  private readonly maxSegments: number;
  private started = false;
  private nextSeq = 0;
  private hasFin = false;
  private finSeq = 0;
  private halted = false;
  private isEnded = false;
  private isDepthReached = false;
  private deliveredBytes = 0;
  private gapTotal = 0;

  constructor(
    private readonly budget: ReassemblyBudget,
    options: ReassemblerOptions,
    private readonly sink: StreamSink,
  ) {
    this.pending = new PendingSegments(budget);
    this.depthLimit = options.depthLimit > 0 ? options.depthLimit : 0;
    this.maxOutOfOrder = options.maxOutOfOrderBytes > 0 ? options.maxOutOfOrderBytes : 0;
    const maxSegments = options.maxOutOfOrderSegments ?? DEFAULT_MAX_OUT_OF_ORDER_SEGMENTS;
    this.maxSegments = maxSegments > 0 ? maxSegments : 0;
  }

  /** Bytes passed to `sink.data()`. */
  get delivered(): number {
    return this.deliveredBytes;
  }

  /** Bytes reported to `sink.gap()`. */
  get gapBytes(): number {
    return this.gapTotal;
  }

  /** True once further segments are ignored: `stop()`, `close()`, depth reached, or the stream ended at its FIN. */
  get stopped(): boolean {
    return this.halted;
  }

  get depthReached(): boolean {
    return this.isDepthReached;
  }

  /** True when every byte up to the FIN was delivered or reported as a gap. */
  get ended(): boolean {
    return this.isEnded;
  }

  /** Bytes this direction holds out of order right now. */
  get pendingBytes(): number {
    return this.pending.bytes;
  }

  /** Runs this direction holds out of order right now. */
  get pendingSegments(): number {
    return this.pending.count;
  }

  /** The SYN's sequence number: the stream starts at isn + 1. Ignored once the stream has started. */
  syn(isn: number): void {
    if (!this.started && !this.halted) this.begin(isn + 1);
  }

  /** A segment: seq of its first payload byte, and its payload (a view valid only during the call). */
  segment(seq: number, payload: Uint8Array): void {
    const len = payload.length;
    if (this.halted || len === 0) return;
    if (!this.started) this.begin(seq);
    // Hot path: the next expected bytes with nothing held and no limit in reach; no copy, no allocation.
    if (((seq - this.nextSeq) | 0) === 0 && this.pending.count === 0 && len < this.room()) {
      this.nextSeq = (this.nextSeq + len) >>> 0;
      this.deliveredBytes += len;
      this.sink.data(payload);
      return;
    }
    this.place(seq, payload);
  }

  /** FIN at seq (the FIN consumes one sequence number after the data). The first plausible FIN wins. */
  fin(seq: number): void {
    if (this.halted || this.hasFin) return;
    this.hasFin = true;
    this.finSeq = seq >>> 0;
    // Before the stream starts (a FIN overtook the data) it is only noted; `begin` checks it.
    if (!this.started) return;
    if (!this.finFits()) return;
    this.pending.trimFrom(this.nextSeq, this.finSeq);
    this.checkLimits();
  }

  /** End of flow / eviction: deliver what can be delivered, mark holes as gaps, free memory. */
  close(): void {
    while (!this.halted && this.pending.count > 0) this.skipToFirstPending();
    if (!this.halted && this.started && this.hasFin) {
      const hole = (this.finSeq - this.nextSeq) | 0;
      if (hole > 0) this.emitGap(hole);
    }
    this.halt();
  }

  /** Stop reassembling (the decoder gave up or depth reached): free memory, ignore further segments. */
  stop(): void {
    this.halt();
  }

  private begin(seq: number): void {
    this.started = true;
    this.nextSeq = seq >>> 0;
    if (this.hasFin) this.finFits();
  }

  /** Forgets a FIN before bytes already delivered, or absurdly far ahead: it contradicts the stream. */
  private finFits(): boolean {
    const rel = (this.finSeq - this.nextSeq) | 0;
    if (rel >= 0 && rel <= MAX_SEQ_JUMP) return true;
    this.hasFin = false;
    return false;
  }

  /** Bytes from `nextSeq` that may still be delivered before the depth limit or the FIN. */
  private room(): number {
    let room = this.depthLimit === 0 ? NO_LIMIT : this.depthLimit - this.deliveredBytes - this.gapTotal;
    if (this.hasFin) room = Math.min(room, (this.finSeq - this.nextSeq) | 0);
    return room;
  }

  /** Anything but the plain in-order case: old, overlapping, out of order, or touching a limit. */
  private place(seq: number, payload: Uint8Array): void {
    const len = payload.length;
    // Each turn either returns, or frees at least one held run, or closes the hole before `seq`: it ends.
    while (!this.halted) {
      const rel = (seq - this.nextSeq) | 0;
      if (rel + len <= 0) return; // all of it delivered (or given up) already
      const room = this.room();
      if (rel >= room || rel > MAX_SEQ_JUMP) return; // past the FIN or the depth, or garbage
      if (rel <= 0) {
        this.fillFrom(seq, payload);
        return;
      }
      const keep = Math.min(len, room - rel);
      if (
        this.pending.bytes + keep <= this.maxOutOfOrder &&
        this.pending.count < this.maxSegments &&
        this.budget.fits(keep)
      ) {
        this.pending.insert(this.nextSeq, seq, payload, keep);
        // Split around held runs, one segment can add several: give up holes until back under the cap
        // (a stop() from the sink meanwhile empties the store, which ends this loop too).
        while (this.pending.count > this.maxSegments) this.skipToFirstPending();
        return;
      }
      // Over a memory cap: give up the earliest hole, which may be the one right before this segment.
      if (this.pending.count === 0) this.emitGap(rel);
      else this.skipToFirstPending();
    }
  }

  /** Delivers a segment that covers `nextSeq`, letting held runs win where they overlap it. */
  private fillFrom(seq: number, payload: Uint8Array): void {
    const len = payload.length;
    while (!this.halted) {
      const skip = (this.nextSeq - seq) | 0;
      if (skip >= len) break;
      const head = this.pending.first();
      let take = len - skip;
      if (head) {
        const headRel = (head.seq - this.nextSeq) | 0;
        if (headRel <= 0) {
          this.deliverHead();
          continue;
        }
        take = Math.min(take, headRel);
      }
      this.emitData(skip === 0 && take === len ? payload : payload.subarray(skip, skip + take));
    }
    this.drain();
  }

  /** Delivers held runs that have become contiguous with `nextSeq`. */
  private drain(): void {
    for (let head = this.pending.first(); head && !this.halted; head = this.pending.first()) {
      if (((head.seq - this.nextSeq) | 0) > 0) return;
      this.deliverHead();
    }
  }

  /** Delivers the earliest held run from `nextSeq` on. Its budget is returned first, in case the sink stops us. */
  private deliverHead(): void {
    const head = this.pending.shift();
    if (!head) return;
    const off = (this.nextSeq - head.seq) | 0;
    if (off < head.bytes.length) this.emitData(off <= 0 ? head.bytes : head.bytes.subarray(off));
  }

  /** Gives up the hole before the earliest held run, then delivers what became contiguous. */
  private skipToFirstPending(): void {
    const head = this.pending.first();
    if (!head) return;
    const hole = (head.seq - this.nextSeq) | 0;
    if (hole > 0) this.emitGap(hole);
    this.drain();
  }

  private emitData(bytes: Uint8Array): void {
    const room = this.room();
    const view = bytes.length > room ? bytes.subarray(0, Math.max(room, 0)) : bytes;
    const n = view.length;
    if (n > 0) {
      this.nextSeq = (this.nextSeq + n) >>> 0;
      this.deliveredBytes += n;
      this.sink.data(view);
    }
    this.checkLimits();
  }

  private emitGap(length: number): void {
    const n = Math.min(length, this.room());
    if (n > 0) {
      this.nextSeq = (this.nextSeq + n) >>> 0;
      this.gapTotal += n;
      this.sink.gap(n);
    }
    this.checkLimits();
  }

  private checkLimits(): void {
    if (this.halted) return;
    if (this.depthLimit !== 0 && this.deliveredBytes + this.gapTotal >= this.depthLimit) {
      this.isDepthReached = true;
      this.halt();
    } else if (this.hasFin && this.started && this.nextSeq === this.finSeq) {
      this.isEnded = true;
      this.halt();
    }
  }

  private halt(): void {
    this.halted = true;
    this.pending.clear();
  }
}
