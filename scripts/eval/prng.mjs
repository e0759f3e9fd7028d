// The eval generators' seeded random numbers: mulberry32, small and deterministic, enough for addresses and filler
// bytes. Both scenario families draw from it, so a family's capture depends only on its own seed.

/** A generator of unsigned 32-bit integers from `seed`. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
