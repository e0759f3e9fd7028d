/** K-way merge of several capture cursors into one, in timestamp order (what mergecap does, streaming). */
import { newPacketRef, type CursorStep, type PacketCursor, type PacketRef } from '../packet.js';

/**
 * Yields the packets of all sources ordered by (tsSec, tsNsec); on equal timestamps the earlier source in the list
 * goes first, and each source's own order is kept. A source that fails (truncated, corrupt) is dropped from the
 * merge while the others run on, so no good packet is lost; its CaptureError, which names that source in `file`,
 * is thrown once every other source has ended (the first such error, if several fail).
 */
export function mergeCursors(cursors: readonly PacketCursor[]): PacketCursor {
  return new MergedCursor(cursors);
}

class MergedCursor implements PacketCursor {
  readonly name: string;
  readonly packet: PacketRef = newPacketRef();
  /** Min-heap of source indices that hold a head packet, ordered by that packet's timestamp, then by index. */
  private readonly heap: number[] = [];
  private heapSize = 0;
  /** Sources whose next() must be called before the minimum is known. */
  private readonly pending: number[] = [];
  /** Sources waiting for refill(). */
  private readonly starving: number[] = [];
  private firstError: unknown = null;
  private hasError = false;

  constructor(private readonly sources: readonly PacketCursor[]) {
    this.name = sources.map((s) => s.name).join(', ');
    for (let i = sources.length - 1; i >= 0; i--) this.pending.push(i);
  }

  get bytesRead(): number {
    let n = 0;
    for (const s of this.sources) n += s.bytesRead;
    return n;
  }

  get totalBytes(): number | null {
    let n = 0;
    for (const s of this.sources) {
      if (s.totalBytes === null) return null;
      n += s.totalBytes;
    }
    return n;
  }

  next(): CursorStep {
    const pending = this.pending;
    while (pending.length > 0) {
      const i = pending.pop() ?? 0;
      const source = this.sources[i];
      if (source === undefined) continue;
      let step: CursorStep;
      try {
        step = source.next();
      } catch (err) {
        this.fail(err);
        continue;
      }
      if (step === 'packet') this.push(i);
      else if (step === 'refill') this.starving.push(i);
    }
    if (this.starving.length > 0) return 'refill';
    if (this.heapSize === 0) {
      if (this.hasError) throw this.firstError;
      return 'end';
    }
    const i = this.pop();
    const from = this.sources[i]?.packet;
    if (from === undefined) return 'end';
    const to = this.packet;
    to.tsSec = from.tsSec;
    to.tsNsec = from.tsNsec;
    to.linkType = from.linkType;
    to.data = from.data;
    to.offset = from.offset;
    to.capLen = from.capLen;
    to.origLen = from.origLen;
    to.interfaceId = from.interfaceId;
    // The source's packet stays valid until its own next(), which comes with our next call.
    pending.push(i);
    return 'packet';
  }

  async refill(): Promise<void> {
    const starving = this.starving.splice(0);
    await Promise.all(
      starving.map(async (i) => {
        try {
          await this.sources[i]?.refill();
          this.pending.push(i);
        } catch (err) {
          this.fail(err);
        }
      }),
    );
    // Keep the list order so sources are asked in index order (pending is used as a stack).
    this.pending.sort((a, b) => b - a);
  }

  async close(): Promise<void> {
    await Promise.all(this.sources.map((s) => s.close()));
  }

  private fail(err: unknown): void {
    if (this.hasError) return;
    this.hasError = true;
    this.firstError = err;
  }

  /** a before b in the output? */
  private before(a: number, b: number): boolean {
    const pa = this.sources[a]?.packet;
    const pb = this.sources[b]?.packet;
    if (pa === undefined || pb === undefined) return a < b;
    if (pa.tsSec !== pb.tsSec) return pa.tsSec < pb.tsSec;
    if (pa.tsNsec !== pb.tsNsec) return pa.tsNsec < pb.tsNsec;
    return a < b;
  }

  private push(i: number): void {
    const heap = this.heap;
    let k = this.heapSize++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const p = heap[parent] ?? 0;
      if (!this.before(i, p)) break;
      heap[k] = p;
      k = parent;
    }
    heap[k] = i;
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0] ?? 0;
    const last = heap[--this.heapSize] ?? 0;
    const n = this.heapSize;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.before(heap[right] ?? 0, heap[child] ?? 0)) child = right;
      const c = heap[child] ?? 0;
      if (!this.before(c, last)) break;
      heap[k] = c;
      k = child;
    }
    heap[k] = last;
    return top;
  }
}
