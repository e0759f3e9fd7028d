/** The global cap on out-of-order bytes held by all TCP stream reassemblers of one engine (docs/architecture.md, the hot path). */

/**
 * One engine shares one budget among all its reassemblers, so memory stays bounded whatever the number of flows.
 * A reassembler asks `fits` before it copies a segment; when the answer is no, it gives up its own earliest hole
 * (reported as a gap) rather than buffer more, so the budget is never exceeded.
 */
export class ReassemblyBudget {
  readonly capBytes: number;
  private usedBytes = 0;
  private peakBytes = 0;

  constructor(capBytes: number) {
    // A bad cap (negative, NaN) means "hold nothing out of order", never "unbounded".
    this.capBytes = Number.isFinite(capBytes) && capBytes > 0 ? Math.floor(capBytes) : 0;
  }

  /** Bytes currently held out of order by all reassemblers sharing this budget. */
  get used(): number {
    return this.usedBytes;
  }

  /** Highest `used` seen, for stats and tuning. */
  get peak(): number {
    return this.peakBytes;
  }

  get available(): number {
    return this.capBytes - this.usedBytes;
  }

  /** Whether `bytes` more can be held without passing the cap. */
  fits(bytes: number): boolean {
    return this.usedBytes + bytes <= this.capBytes;
  }

  /** Counts `bytes` as held. Callers check `fits` first; the count stays exact either way. */
  take(bytes: number): void {
    this.usedBytes += bytes;
    if (this.usedBytes > this.peakBytes) this.peakBytes = this.usedBytes;
  }

  /** Returns `bytes` that were taken; never more than were taken (that would be an accounting bug). */
  give(bytes: number): void {
    this.usedBytes -= bytes;
  }
}
