/** The shared conformance suite every decoder runs: truncations, random bytes, determinism, no throw. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DecodeContext, Decoder, Direction } from '../types.js';
import { SHIPPED_DEPS } from './deps.js';

export interface ConformanceFixture {
  /** What the bytes are, for test names. */
  name: string;
  /** One PDU (TCP, as framed) or one datagram / link payload. */
  bytes: Uint8Array;
  direction?: Direction;
}

function context(decoder: Decoder, direction: Direction): DecodeContext {
  return {
    tsMs: 1_700_000_000_000,
    direction,
    src: '10.0.0.1',
    sport: 40000,
    dst: '10.0.0.2',
    dport: decoder.ports[0] ?? null,
    state: decoder.createState ? decoder.createState(SHIPPED_DEPS) : undefined,
  };
}

/** Runs probe, frame and decode on the bytes; any exception escapes to fail the test. */
function exercise(decoder: Decoder, bytes: Uint8Array, direction: Direction): string {
  decoder.probe(bytes, direction);
  const ctx = context(decoder, direction);
  if (decoder.frame) decoder.frame(bytes, direction, ctx.state);
  return JSON.stringify(decoder.decode(bytes, ctx));
}

export function runDecoderConformance(decoder: Decoder, fixtures: readonly ConformanceFixture[], randomRuns = 2000): void {
  describe(`${decoder.name} decoder conformance`, () => {
    it('has fixtures', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });
    for (const f of fixtures) {
      const dir = f.direction ?? 'out';
      it(`probes its own fixture ${f.name} as not 'no'`, () => {
        expect(decoder.probe(f.bytes, dir)).not.toBe('no');
      });
      it(`decodes ${f.name} deterministically with records`, () => {
        const a = exercise(decoder, f.bytes, dir);
        const b = exercise(decoder, f.bytes, dir);
        expect(a).toBe(b);
        const parsed = JSON.parse(a) as { records: unknown[] };
        expect(parsed.records.length).toBeGreaterThan(0);
      });
      it(`never throws on any truncation of ${f.name}`, () => {
        for (let n = 0; n < f.bytes.length; n++) exercise(decoder, f.bytes.subarray(0, n), dir);
      });
      it(`never throws on mutations of ${f.name}`, () => {
        fc.assert(
          fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (muts) => {
            const copy = new Uint8Array(f.bytes);
            for (const [at, v] of muts) if (copy.length > 0) copy[at % copy.length] = v;
            exercise(decoder, copy, dir);
          }),
          { numRuns: 300 },
        );
      });
    }
    it('never throws on random bytes', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 512 }), fc.boolean(), (bytes, out) => {
          exercise(decoder, bytes, out ? 'out' : 'in');
        }),
        { numRuns: randomRuns },
      );
    });
  });
}
