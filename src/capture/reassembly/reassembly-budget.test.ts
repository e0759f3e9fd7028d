/** The shared out-of-order budget across many reassemblers: never passed, exact, back to 0 at the end. */
import { describe, expect, it } from 'vitest';
import { ReassemblyBudget } from './reassembly-budget.js';
import { StreamReassembler } from './stream-reassembler.js';
import { RecordingSink } from './test-support/recording-sink.js';
import { random } from './test-support/segmenter.js';

describe('ReassemblyBudget shared by many reassemblers', () => {
  it('is never passed, gives up holes when full, and returns to 0', () => {
    const cap = 1000;
    const budget = new ReassemblyBudget(cap);
    const streams = Array.from({ length: 20 }, () => {
      const sink = new RecordingSink();
      const r = new StreamReassembler(budget, { depthLimit: 0, maxOutOfOrderBytes: 400 }, sink);
      r.syn(0);
      return { sink, r, next: 1 };
    });
    const rnd = random(42);
    // Each stream sends 100-byte segments but loses one in four: holes pile up held bytes in every stream.
    for (let round = 0; round < 50; round++) {
      for (const s of streams) {
        const payload = new Uint8Array(100).fill(round);
        if (rnd() >= 0.25) s.r.segment(s.next, payload);
        s.next += 100;
        expect(budget.used).toBeLessThanOrEqual(cap);
        expect(budget.used).toBe(streams.reduce((n, t) => n + t.r.pendingBytes, 0));
      }
    }
    expect(budget.peak).toBeLessThanOrEqual(cap);
    expect(budget.peak).toBeGreaterThan(cap / 2);
    expect(streams.some((s) => s.r.gapBytes > 0)).toBe(true);
    for (const s of streams) {
      s.r.fin(s.next);
      s.r.close();
      expect(s.sink.position).toBe(5000);
      expect(s.r.delivered + s.r.gapBytes).toBe(5000);
      // Every delivered byte sits where it was sent: byte value = round = position / 100.
      const misplaced = s.sink.events.filter(
        (e) => e.kind === 'data' && e.bytes.some((b, i) => b !== Math.floor((e.pos + i) / 100)),
      );
      expect(misplaced).toEqual([]);
    }
    expect(budget.used).toBe(0);
  });

  it('makes a stream with nothing held skip to its segment when others filled the budget', () => {
    const budget = new ReassemblyBudget(10);
    const hog = new StreamReassembler(budget, { depthLimit: 0, maxOutOfOrderBytes: 100 }, new RecordingSink());
    hog.syn(0);
    hog.segment(5, new Uint8Array(10));
    expect(budget.used).toBe(10);
    const sink = new RecordingSink();
    const other = new StreamReassembler(budget, { depthLimit: 0, maxOutOfOrderBytes: 100 }, sink);
    other.syn(0);
    other.segment(3, new Uint8Array([7, 8]));
    expect(sink.events).toEqual([
      { kind: 'gap', pos: 0, length: 2 },
      { kind: 'data', pos: 2, bytes: new Uint8Array([7, 8]) },
    ]);
    expect(budget.used).toBe(10);
    hog.stop();
    expect(budget.used).toBe(0);
  });

  it('starts empty, tracks take and give exactly', () => {
    const budget = new ReassemblyBudget(100);
    expect(budget.used).toBe(0);
    expect(budget.fits(100)).toBe(true);
    expect(budget.fits(101)).toBe(false);
    budget.take(60);
    expect(budget.available).toBe(40);
    budget.give(60);
    expect(budget.used).toBe(0);
    expect(budget.peak).toBe(60);
  });
});
