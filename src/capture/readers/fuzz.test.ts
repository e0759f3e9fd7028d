/** Fuzzing the readers: mutated and cut pcap/pcapng (and gzip) never throw anything but CaptureError, never stall. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureError } from '../../util/app-error.js';
import { openCaptureStream } from './open-capture.js';
import { buildPcap, PcapngBuilder, payload } from './test-support/capture-builder.js';
import { drain, memoryCursor } from './test-support/drain.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Small valid captures of every flavour to start mutating from. */
function seeds(): Uint8Array[] {
  const recs = [0, 1, 2].map((i) => ({ sec: 1_700_000_000 + i, frac: i * 1000, data: payload(6 + i * 5, i) }));
  const out: Uint8Array[] = [];
  for (const littleEndian of [true, false]) {
    out.push(buildPcap({ littleEndian }, recs));
    out.push(buildPcap({ littleEndian, nanoseconds: true, snapLen: 16 }, recs));
    out.push(buildPcap({ littleEndian, modified: true, version: [2, 3] }, recs));
    const ng = new PcapngBuilder(littleEndian).interface(1, 0, { tsresol: 9 }).epb(0, 5n, payload(9)).spb(payload(7));
    ng.other(5, new Uint8Array(12)).section(!littleEndian).interface(113, 8, { tsresol: 0x80 | 40, tsoffset: -3n });
    out.push(ng.pb(0, 1n << 50n, payload(5)).epb(0, 7n, payload(3)).result());
  }
  for (const f of ['lo.pcapng', 'dumpcap-two-if.pcapng', 'lo-modified.pcap']) {
    out.push(readFileSync(path.join(here, 'fixtures', f)).subarray(0, 400));
  }
  return out;
}

const SEEDS = seeds();
const INTERESTING = [0, 1, 3, 4, 11, 12, 0x7fffffff, 0x80000000, 0xffffffff, 0x0a0d0d0a, 0x1a2b3c4d, 0xa1b2c3d4, 65536];

/** A seed with some bytes overwritten, some 32-bit fields set to edge values, maybe cut short. */
const mutated = fc
  .record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    bytes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    words: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INTERESTING), fc.boolean()), { maxLength: 2 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ seed, bytes, words, cut }) => {
    const b = (SEEDS[seed] ?? new Uint8Array(0)).slice();
    const view = new DataView(b.buffer);
    for (const [at, v] of bytes) b[at % b.length] = v;
    for (const [at, v, le] of words) if (b.length >= 4) view.setUint32((at % (b.length - 3)) & ~3, v, le);
    return cut === undefined ? b : b.subarray(0, cut % (b.length + 1));
  });

const chunking = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 3 });

async function survives(bytes: Uint8Array, chunks: number[]): Promise<void> {
  // Each next() either consumes a record (>= 12 bytes) or asks for a chunk (>= 1 byte), so this bounds the steps.
  const { error } = await drain(memoryCursor(bytes, chunks), 2 * bytes.length + 10);
  if (error !== null) expect(error).toBeInstanceOf(CaptureError);
}

describe('reader fuzzing', () => {
  it('mutated captures: only CaptureError, always advancing', async () => {
    await fc.assert(fc.asyncProperty(mutated, chunking, survives), { numRuns: 60_000 });
  });

  it('random bytes behind a capture magic', async () => {
    const magic = fc.constantFrom([0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x0a, 0x0d, 0x0d, 0x0a], [0x34, 0xcd, 0xb2, 0xa1]);
    const body = fc.uint8Array({ maxLength: 120 });
    await fc.assert(
      fc.asyncProperty(magic, body, chunking, async (m, rest, chunks) => {
        const bytes = new Uint8Array(4 + rest.length);
        bytes.set(m);
        bytes.set(rest, 4);
        await survives(bytes, chunks);
      }),
      { numRuns: 40_000 },
    );
  });

  it('mutated gzip streams', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.nat(), fc.integer({ min: 0, max: 255 }), async (bytes, at, value) => {
        const gz = Buffer.from(gzipSync(bytes));
        if (at % 3 !== 0) gz[10 + (at % (gz.length - 10))] = value; // a third of the cases keep the gzip intact
        try {
          const { error } = await drain(await openCaptureStream('fuzz.gz', Readable.from([gz]), null), 2 * bytes.length + 10);
          if (error !== null) expect(error).toBeInstanceOf(CaptureError);
        } catch (err) {
          expect(err).toBeInstanceOf(CaptureError);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
