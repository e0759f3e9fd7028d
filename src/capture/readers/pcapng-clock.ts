/** One pcapng interface's clock: if_tsresol and if_tsoffset applied to 64-bit timestamps (pcapng §4.2, §4.3). */
import type { PacketRef } from '../packet.js';

const TWO_POW_32 = 4_294_967_296;
const NS_PER_SEC = 1_000_000_000;
/** Below this high word the 64-bit count is < 2^52, so one double division (plus a fix-up) is exact. */
const SMALL_HIGH_WORD = 0x100000;

/** How a count of units becomes seconds + nanoseconds; chosen once per interface. */
const Mode = { Decimal: 0, Binary: 1, Big: 2 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/**
 * Converts the (high, low) 32-bit timestamp words of a packet block into tsSec/tsNsec exactly. Decimal
 * resolutions up to 10^-11 and binary ones up to 2^-23 use Number arithmetic only (a long division in 16-bit digits
 * keeps every intermediate below 2^53); anything finer falls back to BigInt, per packet, as it is never seen in
 * practice.
 */
export class PcapngClock {
  private readonly mode: Mode;
  /** Timestamp units per second (10^k or 2^k). */
  private readonly unitsPerSec: number;
  /** Decimal: nanoseconds per unit when k <= 9, else units per nanosecond as a divisor (10^(k-9)). */
  private readonly nsScale: number;
  private readonly offsetSec: number;
  private readonly bigUnitsPerSec: bigint;
  private rem = 0;

  /** `tsresol` is the if_tsresol byte (default 6 = microseconds); `offsetSec` the signed if_tsoffset. */
  constructor(tsresol = 6, offsetSec = 0n) {
    const binary = (tsresol & 0x80) !== 0;
    const exponent = tsresol & 0x7f;
    this.offsetSec = Number(offsetSec);
    this.bigUnitsPerSec = binary ? 1n << BigInt(exponent) : 10n ** BigInt(exponent);
    this.unitsPerSec = Number(this.bigUnitsPerSec);
    if (!binary && exponent <= 11) {
      this.mode = Mode.Decimal;
      this.nsScale = exponent <= 9 ? 10 ** (9 - exponent) : 10 ** (exponent - 9);
    } else if (binary && exponent <= 23) {
      this.mode = Mode.Binary;
      this.nsScale = 1;
    } else {
      this.mode = Mode.Big;
      this.nsScale = 1;
    }
  }

  /** Sets packet.tsSec and packet.tsNsec from the block's timestamp words. */
  apply(high: number, low: number, packet: PacketRef): void {
    if (this.mode === Mode.Big) {
      this.applyBig(high, low, packet);
      return;
    }
    const d = this.unitsPerSec;
    let sec: number;
    if (high < SMALL_HIGH_WORD) {
      sec = this.divide(high * TWO_POW_32 + low, d);
    } else {
      // Long division of the 64-bit count in base 2^16: each partial dividend is < d * 2^16 <= 2^53.
      const q1 = this.divide(high, d);
      const q2 = this.divide(this.rem * 65_536 + (low >>> 16), d);
      const q3 = this.divide(this.rem * 65_536 + (low & 0xffff), d);
      sec = q1 * TWO_POW_32 + q2 * 65_536 + q3;
    }
    const r = this.rem;
    let ns: number;
    if (this.mode === Mode.Binary) ns = Math.floor((r * NS_PER_SEC) / d);
    else if (d <= NS_PER_SEC) ns = r * this.nsScale;
    else ns = Math.floor(r / this.nsScale);
    packet.tsSec = sec + this.offsetSec;
    packet.tsNsec = ns;
  }

  /** Exact floor(x / d) for integers x < 2^53; the remainder goes to `this.rem`. */
  private divide(x: number, d: number): number {
    let q = Math.floor(x / d);
    let r = x - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    this.rem = r;
    return q;
  }

  private applyBig(high: number, low: number, packet: PacketRef): void {
    const units = (BigInt(high) << 32n) | BigInt(low);
    const d = this.bigUnitsPerSec;
    packet.tsSec = Number(units / d) + this.offsetSec;
    packet.tsNsec = Number(((units % d) * 1_000_000_000n) / d);
  }
}
