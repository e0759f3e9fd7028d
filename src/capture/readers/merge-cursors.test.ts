/** mergeCursors: timestamp order across sources, stable ties, every source's link type, deferred per-source errors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureError, ErrorCode } from '../../util/app-error.js';
import { mergeCursors } from './merge-cursors.js';
import { openCapture } from './open-capture.js';
import { buildPcap, payload } from './test-support/capture-builder.js';
import { drain, memoryCursor, parseTsharkLine, type Row } from './test-support/drain.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): string => path.join(here, 'fixtures', name);
const golden = (name: string): Row[] =>
  readFileSync(fixture(`${name}.tshark.tsv`), 'utf8').split('\n').filter((l) => l !== '').map(parseTsharkLine);

/** Timestamp order, ties by source order then by position: what the merge must produce. */
function expectedOrder<T extends { ts: string }>(sources: T[][]): T[] {
  const tagged = sources.flatMap((rows, s) => rows.map((r, i) => ({ r, s, i })));
  const key = (ts: string): [bigint, bigint] => {
    const [sec = '0', ns = '0'] = ts.split('.');
    return [BigInt(sec), BigInt(ns)];
  };
  tagged.sort((a, b) => {
    const [as, an] = key(a.r.ts);
    const [bs, bn] = key(b.r.ts);
    if (as !== bs) return as < bs ? -1 : 1;
    if (an !== bn) return an < bn ? -1 : 1;
    return a.s - b.s || a.i - b.i;
  });
  return tagged.map((t) => t.r);
}

describe('mergeCursors', () => {
  it('merges an Ethernet and a Linux-cooked capture like mergecap, keeping each link type', async () => {
    const merged = mergeCursors([await openCapture(fixture('lo.pcap')), await openCapture(fixture('any-sll2.pcap'))]);
    const { rows, error } = await drain(merged);
    expect(error).toBeNull();
    expect(rows).toEqual(expectedOrder([golden('lo.pcap'), golden('any-sll2.pcap')]));
    // mergecap's own result holds the same packets (it breaks timestamp ties differently and renumbers interfaces).
    const strip = (r: Row): string => `${r.ts} ${r.md5} ${r.linkType}`;
    expect(rows.map(strip).sort()).toEqual(golden('two-linktypes.pcapng').map(strip).sort());
    expect(new Set(rows.map((r) => r.linkType))).toEqual(new Set([1, 276]));
    const sizes = ['lo.pcap', 'any-sll2.pcap'].map((f) => readFileSync(fixture(f)).length);
    expect(merged.totalBytes).toBe((sizes[0] ?? 0) + (sizes[1] ?? 0));
    expect(merged.bytesRead).toBe(merged.totalBytes);
    expect(merged.name).toBe(`${fixture('lo.pcap')}, ${fixture('any-sll2.pcap')}`);
    await merged.close();
  });

  it('orders any sources, with any chunking, stably', async () => {
    const source = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(source, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 4 }), async (sources, chunks) => {
        const built = sources.map((steps, s) => {
          let sec = 100;
          let frac = 0;
          const records = steps.map(([ds, df], i) => {
            sec += ds;
            frac = ds > 0 ? df : Math.min(999_999, frac + df);
            return { sec, frac, data: payload(1 + i, s * 16 + i) };
          });
          return { bytes: buildPcap({ littleEndian: s % 2 === 0, linkTypeField: 100 + s }, records), records };
        });
        const cursors = built.map((b, s) => memoryCursor(b.bytes, chunks, `src${s}`));
        const { rows, error } = await drain(mergeCursors(cursors));
        expect(error).toBeNull();
        const perSource = built.map((b, s) => b.records.map((r) => ({ ts: `${r.sec}.${String(r.frac * 1000).padStart(9, '0')}`, linkType: 100 + s, capLen: r.data.length })));
        expect(rows.map((r) => ({ ts: r.ts, linkType: r.linkType, capLen: r.capLen }))).toEqual(expectedOrder(perSource));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps merging the healthy sources and then names the damaged one', async () => {
    const records = (base: number, n: number): { sec: number; frac: number; data: Uint8Array }[] =>
      Array.from({ length: n }, (_, i) => ({ sec: base + i * 10, frac: 0, data: payload(20, i) }));
    const whole = buildPcap({ littleEndian: true }, records(1, 6));
    const cut = buildPcap({ littleEndian: true }, records(2, 6));
    const damaged = cut.subarray(0, cut.length - 5); // its last record is incomplete
    const merged = mergeCursors([memoryCursor(damaged, [50], 'b.pcap'), memoryCursor(whole, [64], 'a.pcap')]);
    const { rows, error } = await drain(merged);
    expect(rows).toHaveLength(11);
    expect(rows.at(-1)?.ts).toBe('51.000000000'); // a.pcap's last packet came after b.pcap failed
    expect(error).toBeInstanceOf(CaptureError);
    const e = error as CaptureError;
    expect(e.code).toBe(ErrorCode.CaptureTruncated);
    expect(e.file).toBe('b.pcap');
    expect(e.byteOffset).toBe(24 + 5 * 36);
    // Asked again, the merged cursor fails the same way.
    expect(() => merged.next()).toThrow(e);
  });

  it('ends at once with no sources', () => {
    expect(mergeCursors([]).next()).toBe('end');
  });
});
