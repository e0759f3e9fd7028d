/** Deterministic PRNG for synthetic traffic: a 32-bit SplitMix-style generator (Steele, Lea & Flood, OOPSLA 2014). */

/**
 * A small seeded generator. The same seed always yields the same sequence on every platform, which is
 * what makes the bench capture and the bundled sample reproducible byte for byte. Not for cryptography.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next 32-bit unsigned integer. */
  u32(): number {
    // A Weyl sequence (golden-ratio increment) through MurmurHash3's fmix32 finaliser: SplitMix64's
    // construction at 32 bits, so plain Math.imul suffices and no BigInt is needed.
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Exponentially distributed value with the given mean (inter-arrival times). */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new RangeError('Prng.pick: empty array');
    return item;
  }

  /**
   * Index chosen in proportion to `weights` (non-negative, not all zero). `total` may be passed when the
   * caller has already summed them, to keep this loop-only on the hot path.
   */
  weighted(weights: readonly number[], total = weights.reduce((a, b) => a + b, 0)): number {
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fill `buf[offset, offset + length)` with random bytes. */
  fill(buf: Uint8Array, offset = 0, length = buf.length - offset): void {
    let i = offset;
    const end = offset + length;
    while (i + 4 <= end) {
      const v = this.u32();
      buf[i] = v & 0xff;
      buf[i + 1] = (v >>> 8) & 0xff;
      buf[i + 2] = (v >>> 16) & 0xff;
      buf[i + 3] = v >>> 24;
      i += 4;
    }
    if (i < end) {
      let v = this.u32();
      for (; i < end; i++) {
        buf[i] = v & 0xff;
        v >>>= 8;
      }
    }
  }
}
