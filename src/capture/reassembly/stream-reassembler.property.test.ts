/** Property tests for TCP stream reassembly: any segmentation, order and duplication gives back the stream. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReassemblyBudget } from './reassembly-budget.js';
import { StreamReassembler } from './stream-reassembler.js';
import { RecordingSink } from './test-support/recording-sink.js';
import { firstCopyWins, random, segmentStream } from './test-support/segmenter.js';
import type { SegmentPlan, TestSegment } from './test-support/segmenter.js';

const isnArb = fc.oneof(
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.integer({ min: 0xffffff00, max: 0xffffffff }), // streams that cross 2^32
);

/**
 * Streams of up to `max` bytes, some very short. The content comes from a seed so that shrinking a failure only
 * shortens the stream instead of walking through thousands of byte values.
 */
const bytesArb = (max: number) =>
  fc.tuple(fc.oneof(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 16 })), fc.integer()).map(([length, seed]) => {
    const rnd = random(seed);
    return Uint8Array.from({ length }, () => Math.floor(rnd() * 256));
  });

/** Index of the first differing byte, or -1 when equal (cheaper than a deep equality on every run). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

interface Feed {
  isn: number;
  useSyn: boolean;
  /** Where in the arrival order the FIN comes; -1 = never. */
  finAt: number;
  depthLimit: number;
  maxOutOfOrderBytes: number;
  maxOutOfOrderSegments: number;
  capBytes: number;
}

/** Feeds the segments; checks the budget after each call; returns the sink and the reassembler after close(). */
function run(data: Uint8Array, segs: TestSegment[], feed: Feed) {
  const budget = new ReassemblyBudget(feed.capBytes);
  const sink = new RecordingSink();
  const { depthLimit, maxOutOfOrderBytes, maxOutOfOrderSegments } = feed;
  const r = new StreamReassembler(budget, { depthLimit, maxOutOfOrderBytes, maxOutOfOrderSegments }, sink);
  const start = (feed.isn + 1) >>> 0;
  if (feed.useSyn) r.syn(feed.isn);
  else {
    // Without a SYN the first segment starts the stream: make it the one at offset 0.
    const i = segs.findIndex((s) => s.offset === 0);
    const [first] = i >= 0 ? segs.splice(i, 1) : [];
    if (first) segs.unshift(first);
  }
  // Plain comparisons per segment (an expect() per segment would dominate the run time); one expect at the end.
  let budgetBroken = false;
  segs.forEach((s, i) => {
    if (i === feed.finAt) r.fin(start + data.length);
    r.segment((start + s.offset) >>> 0, s.bytes);
    const held = r.pendingBytes;
    if (budget.used > budget.capBytes || budget.used !== held || held > maxOutOfOrderBytes) budgetBroken = true;
    if (r.pendingSegments > maxOutOfOrderSegments) budgetBroken = true;
  });
  expect(budgetBroken).toBe(false);
  if (feed.finAt >= segs.length) r.fin(start + data.length);
  const beforeClose = r.delivered;
  r.close();
  expect(budget.used).toBe(0);
  expect(r.delivered + r.gapBytes).toBe(sink.position);
  return { sink, r, beforeClose };
}

const planArb = (dropRate: number, scrambleCopies: boolean) =>
  fc.record<SegmentPlan>({
    maxSegment: fc.integer({ min: 1, max: 200 }),
    overlaps: fc.integer({ min: 0, max: 8 }),
    duplicateRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    dropRate: fc.constant(dropRate),
    scrambleCopies: fc.constant(scrambleCopies),
  });

const bigFeed = (n: number) =>
  fc.record<Feed>({
    isn: isnArb,
    useSyn: fc.boolean(),
    finAt: fc.integer({ min: -1, max: n }),
    depthLimit: fc.constant(0),
    maxOutOfOrderBytes: fc.constant(1 << 20),
    maxOutOfOrderSegments: fc.constant(1 << 20),
    capBytes: fc.constant(1 << 20),
  });

describe('reassembly properties', () => {
  it('gives back exactly the original when nothing is lost', () => {
    fc.assert(
      fc.property(bytesArb(3000), planArb(0, false), bigFeed(40), fc.integer(), (data, plan, feed, seed) => {
        const segs = segmentStream(data, plan, random(seed));
        const { sink, r, beforeClose } = run(data, segs, feed);
        expect(firstDifference(sink.bytes(), data)).toBe(-1);
        expect(r.gapBytes).toBe(0);
        expect(beforeClose).toBe(data.length); // all delivered as soon as the last hole filled, not only at close
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the first arriving copy of every byte when copies differ', () => {
    fc.assert(
      fc.property(bytesArb(2000), planArb(0, true), bigFeed(40), fc.integer(), (data, plan, feed, seed) => {
        const segs = segmentStream(data, plan, random(seed));
        const { sink } = run(data, segs, { ...feed, useSyn: true });
        expect(firstDifference(sink.bytes(), firstCopyWins(data.length, segs))).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('covers the stream with matching bytes and gaps under losses, memory caps and depth limits', () => {
    const feedArb = fc.record<Feed>({
      isn: isnArb,
      useSyn: fc.constant(true),
      finAt: fc.integer({ min: -1, max: 40 }),
      depthLimit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
      maxOutOfOrderBytes: fc.integer({ min: 0, max: 1000 }),
      maxOutOfOrderSegments: fc.integer({ min: 0, max: 64 }),
      capBytes: fc.integer({ min: 0, max: 1000 }),
    });
    const dropArb = fc.double({ min: 0, max: 0.4, noNaN: true });
    fc.assert(
      fc.property(bytesArb(3000), dropArb, planArb(0, false), feedArb, fc.integer(), (data, drop, plan, feed, seed) => {
        const segs = segmentStream(data, { ...plan, dropRate: drop }, random(seed));
        const { sink, r } = run(data, segs, feed);
        expect(sink.mismatches(data)).toEqual([]);
        const end = feed.depthLimit > 0 ? Math.min(data.length, feed.depthLimit) : data.length;
        // With a FIN, or with every segment there, the whole stream (to the depth) is accounted for.
        if (feed.finAt >= 0 || drop === 0) expect(sink.position).toBe(end);
        else expect(sink.position).toBeLessThanOrEqual(end);
        if (feed.depthLimit > 0 && sink.position === feed.depthLimit) expect(r.depthReached).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
