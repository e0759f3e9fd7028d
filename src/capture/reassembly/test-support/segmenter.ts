/** Test helper: cuts a byte string into TCP segments, adds overlaps and duplicates, shuffles and drops some. */

/** Small seeded PRNG (mulberry32) so fast-check controls every random choice through one seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A segment by stream offset (0 = first stream byte); `bytes` may differ from the original (other content). */
export interface TestSegment {
  offset: number;
  bytes: Uint8Array;
}

export interface SegmentPlan {
  maxSegment: number;
  /** Extra segments over random ranges (overlaps, partial retransmissions). */
  overlaps: number;
  /** Chance that a segment is sent twice. */
  duplicateRate: number;
  /** Chance that a segment is lost. Only cut segments are dropped, never the whole range's every copy on purpose. */
  dropRate: number;
  /** Give retransmitted and overlapping copies their own random content instead of the original's. */
  scrambleCopies: boolean;
}

/** Returns the segments in arrival order. */
export function segmentStream(data: Uint8Array, plan: SegmentPlan, rnd: () => number): TestSegment[] {
  const int = (n: number): number => Math.floor(rnd() * n);
  const copy = (offset: number, end: number): TestSegment => {
    const bytes = data.slice(offset, end);
    if (plan.scrambleCopies) for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    return { offset, bytes };
  };
  const segs: TestSegment[] = [];
  for (let off = 0; off < data.length; ) {
    const end = Math.min(data.length, off + 1 + int(plan.maxSegment));
    if (rnd() >= plan.dropRate) segs.push({ offset: off, bytes: data.slice(off, end) });
    off = end;
  }
  for (let i = 0; i < plan.overlaps && data.length > 0; i++) {
    const a = int(data.length);
    segs.push(copy(a, Math.min(data.length, a + 1 + int(plan.maxSegment * 2))));
  }
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    if (s && rnd() < plan.duplicateRate) segs.push(copy(s.offset, s.offset + s.bytes.length));
  }
  for (let i = segs.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = segs[i];
    const u = segs[j];
    if (t && u) {
      segs[i] = u;
      segs[j] = t;
    }
  }
  return segs;
}

/** What the stream must read when the first arriving copy of each byte wins and nothing is given up. */
export function firstCopyWins(length: number, segs: readonly TestSegment[]): Uint8Array {
  const out = new Uint8Array(length);
  const seen = new Uint8Array(length);
  for (const s of segs) {
    for (let i = 0; i < s.bytes.length; i++) {
      const p = s.offset + i;
      if (seen[p] === 0) {
        seen[p] = 1;
        out[p] = s.bytes[i] ?? 0;
      }
    }
  }
  return out;
}
