/** Simulated capture clock for synthetic traffic: seconds + nanoseconds, as pcap records carry them. */

const NS_PER_SEC = 1_000_000_000;

/**
 * Time is kept as two integers because nanoseconds since the epoch (~1.7e18) do not fit a double exactly.
 * The clock only moves forward, so frames written in clock order have non-decreasing timestamps.
 */
export class SynthClock {
  sec: number;
  nsec: number;

  /** `startSec` is whole seconds; `startNsec` may exceed a second and is carried over. */
  constructor(startSec: number, startNsec = 0) {
    this.sec = Math.floor(startSec);
    this.nsec = 0;
    this.advanceNs(startNsec);
  }

  /** Move forward by `ns` nanoseconds (fractions are dropped; negative values are ignored). */
  advanceNs(ns: number): void {
    if (!(ns > 0)) return;
    let n = this.nsec + Math.floor(ns);
    if (n >= NS_PER_SEC) {
      const carry = Math.floor(n / NS_PER_SEC);
      this.sec += carry;
      n -= carry * NS_PER_SEC;
    }
    this.nsec = n;
  }

  advanceUs(us: number): void {
    this.advanceNs(us * 1000);
  }

  /** Milliseconds since the epoch (what a TCP timestamp option or a ms counter would read). */
  get ms(): number {
    return this.sec * 1000 + Math.floor(this.nsec / 1_000_000);
  }

  /** Set to the later of this clock and `other` (merging independently advanced timelines). */
  catchUp(other: SynthClock): void {
    if (other.sec > this.sec || (other.sec === this.sec && other.nsec > this.nsec)) {
      this.sec = other.sec;
      this.nsec = other.nsec;
    }
  }
}
