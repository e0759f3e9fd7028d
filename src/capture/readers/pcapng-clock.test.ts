/** PcapngClock against exact BigInt arithmetic, for every resolution and random 64-bit timestamps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPacketRef } from '../packet.js';
import { PcapngClock } from './pcapng-clock.js';

function exact(high: number, low: number, tsresol: number, offset: bigint): [number, number] {
  const units = (BigInt(high) << 32n) | BigInt(low);
  const perSec = tsresol & 0x80 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol & 0x7f);
  return [Number(units / perSec + offset), Number(((units % perSec) * 1_000_000_000n) / perSec)];
}

/** Every decimal exponent up to 10^-19 and binary up to 2^-63, which covers every fast path and the fallback. */
const RESOLUTIONS = [...Array.from({ length: 20 }, (_, k) => k), ...Array.from({ length: 64 }, (_, k) => 0x80 | k)];

describe('PcapngClock', () => {
  const packet = newPacketRef();

  it('matches exact arithmetic for random timestamps and resolutions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESOLUTIONS),
        fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0x1fffff }), fc.constantFrom(0, 0xfffff, 0x100000)),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }),
        (tsresol, high, low, offset) => {
          const clock = new PcapngClock(tsresol, offset);
          clock.apply(high, low, packet);
          const [sec, ns] = exact(high, low, tsresol, offset);
          // Seconds beyond 2^53 cannot be exact in a number; then only closeness is asked.
          if (Math.abs(sec) < 2 ** 53) expect(packet.tsSec).toBe(sec);
          else expect(Math.abs(packet.tsSec - sec) / sec).toBeLessThan(1e-15);
          expect(packet.tsNsec).toBe(ns);
          expect(packet.tsNsec).toBeGreaterThanOrEqual(0);
          expect(packet.tsNsec).toBeLessThan(1_000_000_000);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('handles the everyday resolutions at their edges', () => {
    // [if_tsresol, high word, low word]: around 2^52 (where the one-division path ends) and the 64-bit maximum.
    const cases: [number, number, number][] = [
      [6, 0x00060000, 0x12345678],
      [9, 0x17a2b3c4, 0xffffffff],
      [9, 0xffffffff, 0xffffffff],
      [6, 0xfffff, 0xffffffff],
      [6, 0x100000, 0],
    ];
    for (const [tsresol, high, low] of cases) {
      new PcapngClock(tsresol).apply(high, low, packet);
      expect([packet.tsSec, packet.tsNsec]).toEqual(exact(high, low, tsresol, 0n));
    }
  });

  it('defaults to microseconds', () => {
    new PcapngClock().apply(0, 1_500_001, packet);
    expect([packet.tsSec, packet.tsNsec]).toEqual([1, 500_001_000]);
  });
});
