import { describe, expect, it } from 'vitest';
import { SynthClock } from './clock.js';

describe('SynthClock', () => {
  it('carries nanoseconds into seconds and ignores backward steps', () => {
    const c = new SynthClock(100, 1_500_000_000);
    expect([c.sec, c.nsec]).toEqual([101, 500_000_000]);
    c.advanceUs(600_000);
    expect([c.sec, c.nsec]).toEqual([102, 100_000_000]);
    c.advanceNs(-5);
    c.advanceNs(Number.NaN);
    expect([c.sec, c.nsec]).toEqual([102, 100_000_000]);
    c.advanceNs(3.7);
    expect(c.nsec).toBe(100_000_003);
  });

  it('reads milliseconds and catches up only forwards', () => {
    const a = new SynthClock(1_709_539_200, 999_999_999);
    expect(a.ms).toBe(1_709_539_200_999);
    const b = new SynthClock(1_709_539_201);
    a.catchUp(b);
    expect([a.sec, a.nsec]).toEqual([1_709_539_201, 0]);
    a.catchUp(new SynthClock(5));
    expect(a.sec).toBe(1_709_539_201);
  });
});
