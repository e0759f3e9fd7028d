/** pcapng: sections in both byte orders, interfaces with their own link type and clock, EPB/SPB/PB, skipped blocks, damage. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, ErrorCode } from '../../util/app-error.js';
import { openCapture } from './open-capture.js';
import { PcapngBuilder, payload } from './test-support/capture-builder.js';
import { drain, memoryCursor, tsharkRows, type Row } from './test-support/drain.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

/** The expected epoch time of a count of units: exact, with BigInt, independent of the reader's arithmetic. */
function ts(units: bigint, tsresol: number, offsetSec = 0n): string {
  const perSec = tsresol & 0x80 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol);
  const sec = units / perSec + offsetSec;
  const ns = ((units % perSec) * 1_000_000_000n) / perSec;
  return `${sec}.${ns.toString().padStart(9, '0')}`;
}

const row = (t: string, data: Uint8Array, linkType: number, interfaceId: number, origLen = data.length): Row => ({
  ts: t,
  origLen,
  capLen: data.length,
  interfaceId,
  linkType,
  md5: md5(data),
});

const NRB = 4;
const ISB = 5;
const CUSTOM = 0x00000bad;
const DSB = 10;

/** Two sections, big- then little-endian, with four clocks, every packet block kind and blocks to skip. */
function twoSections(): { bytes: Uint8Array; rows: Row[] } {
  const d = (n: number, seed: number): Uint8Array => payload(n, seed);
  const b = new PcapngBuilder(false);
  const rows: Row[] = [];
  b.interface(1, 0);
  b.other(NRB, new Uint8Array(4)); // just nrb_record_end

  b.epb(0, 1_700_000_000_123_456n, d(60, 1));
  rows.push(row(ts(1_700_000_000_123_456n, 6), d(60, 1), 1, 0));
  b.pb(0, 1_700_000_000_999_999n, d(61, 2), 1500);
  rows.push(row(ts(1_700_000_000_999_999n, 6), d(61, 2), 1, 0, 1500));
  b.other(CUSTOM, d(10, 3)); // a private enterprise number and opaque data
  b.section(true);
  b.interface(113, 96, { tsresol: 9 });
  b.interface(276, 0, { tsresol: 0x80 | 20, tsoffset: 1000n });
  b.interface(1, 0, { tsresol: 3 });
  b.interface(1, 0, { tsresol: 0x80 | 30 });
  const nsUnits = 1_700_000_001_987_654_321n; // > 2^53: needs the exact long division
  b.epb(0, nsUnits, d(70, 4));
  rows.push(row(ts(nsUnits, 9), d(70, 4), 113, 0));
  b.epb(1, (1_700_000_002n << 20n) + 777_777n, d(40, 5));
  rows.push(row(ts((1_700_000_002n << 20n) + 777_777n, 0x80 | 20, 1000n), d(40, 5), 276, 1));
  b.other(ISB, new Uint8Array(12)); // interface 0, time 0, no options
  b.epb(2, 1_700_000_003_042n, d(33, 6));
  rows.push(row(ts(1_700_000_003_042n, 3), d(33, 6), 1, 2));
  b.epb(3, (1_700_000_004n << 30n) + 123_456_789n, d(34, 7));
  rows.push(row(ts((1_700_000_004n << 30n) + 123_456_789n, 0x80 | 30), d(34, 7), 1, 3));
  // SPB: no timestamp (keeps the previous packet's), interface 0's link type, holding min(origLen, snaplen 96).
  b.spb(d(61, 8), 61);
  rows.push(row(rows.at(-1)?.ts ?? '', d(61, 8), 113, 0));
  b.spb(d(96, 9), 1400);
  rows.push(row(rows.at(-1)?.ts ?? '', d(96, 9), 113, 0, 1400));
  b.other(DSB, le32(0x544c534b, 0)); // an empty TLS key log
  return { bytes: b.result(), rows };
}

describe('pcapng', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ww-pcapng-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads sections in both byte orders, every clock and every packet block', async () => {
    const { bytes, rows } = twoSections();
    for (const chunks of [[bytes.length], [1], [5, 13, 64]]) {
      const got = await drain(memoryCursor(bytes, chunks));
      expect(got.error).toBeNull();
      expect(got.rows).toEqual(rows);
    }
  });

  it.skipIf(tshark.skip)(tshark.title('agrees with tshark on the same file'), async () => {
    const { bytes } = twoSections();
    const file = path.join(dir, 'two-sections.pcapng');
    await writeFile(file, bytes);
    const ours = (await drain(await openCapture(file))).rows;
    // tshark shows the custom block as a frame of its own (no time, no link type); we skip it.
    const theirs = (await tsharkRows(file)).filter((r) => !(r.ts === '' && r.linkType === -1));
    // An SPB has no time: tshark prints none, we carry the previous packet's.
    const spbLess = (rows: Row[]): Row[] => rows.map((r, i) => (i >= rows.length - 2 ? { ...r, ts: '' } : r));
    expect(spbLess(ours)).toEqual(spbLess(theirs));
  });

  it('reads a block much larger than a read chunk', async () => {
    const big = payload(3_000_000, 5);
    const bytes = new PcapngBuilder(true).interface(1, 0).epb(0, 5n, payload(10)).epb(0, 6n, big).epb(0, 7n, payload(11)).result();
    const file = path.join(dir, 'big.pcapng');
    await writeFile(file, bytes);
    const { rows, error } = await drain(await openCapture(file));
    expect(error).toBeNull();
    expect(rows.map((r) => r.capLen)).toEqual([10, 3_000_000, 11]);
    expect(rows[1]?.md5).toBe(md5(big));
  });

  describe('damage', () => {
    const good = (): PcapngBuilder => new PcapngBuilder(true).interface(1, 0).epb(0, 1n, payload(20));
    const cases: [string, (at: number) => Uint8Array, string][] = [
      ['a length that is not a multiple of 4', (): Uint8Array => block(6, 33), 'impossible block length 33'],
      ['a length below 12', (): Uint8Array => block(6, 8), 'impossible block length 8'],
      ['a length beyond 256 MiB', (): Uint8Array => block(6, 0x20000000), 'impossible block length 536870912'],
      ['a trailer that differs', (): Uint8Array => setU32(block(6, 32), 28, 36), 'block length at the end differs from the one at the start'],
      ['a packet on an undefined interface', (): Uint8Array => new PcapngBuilder(true).epb(7, 1n, payload(4)).result().subarray(28), 'packet on undefined interface 7'],
      ['a captured length beyond the block', (): Uint8Array => setU32(new PcapngBuilder(true).epb(0, 1n, payload(4)).result().subarray(28), 20, 5), 'packet length 5 exceeds its block'],
      ['an option running past the block', (): Uint8Array => setU16(new PcapngBuilder(true).interface(1, 0).result().subarray(28), 18, 200), 'interface option 2 runs past its block'],
      ['a section with an unknown version', (): Uint8Array => setU16(new PcapngBuilder(true).result(), 12, 2), 'unsupported pcapng version 2.0'],
      ['a section with a bad byte-order magic', (): Uint8Array => setU32(new PcapngBuilder(true).result(), 8, 0x11223344), 'bad byte-order magic in section header'],
      ['a short packet block', (): Uint8Array => block(6, 24), 'packet block too short'],
    ];
    for (const [what, tail, reason] of cases) {
      it(`stops at ${what}, after the packets before it`, async () => {
        const head = good().result();
        const bad = tail(head.length);
        const bytes = new Uint8Array(head.length + bad.length);
        bytes.set(head);
        bytes.set(bad, head.length);
        const { rows, error } = await drain(memoryCursor(bytes, [7]));
        expect(rows).toHaveLength(1);
        expect(error).toBeInstanceOf(CaptureError);
        expect((error as CaptureError).code).toBe(ErrorCode.CaptureCorrupt);
        expect((error as CaptureError).message).toBe(`capture corrupt at byte ${head.length}: ${reason}`);
      });
    }

    it('refuses an SPB before any interface', async () => {
      const bytes = new PcapngBuilder(true).spb(payload(8)).result();
      const error = (await drain(memoryCursor(bytes))).error as CaptureError;
      expect(error.message).toBe('capture corrupt at byte 28: simple packet block before any interface');
    });

    it('names a file whose first block is not a section header as not a capture', async () => {
      const bytes = setU32(new PcapngBuilder(true).result(), 8, 0x01020304);
      const error = (await drain(memoryCursor(bytes))).error as CaptureError;
      expect(error.code).toBe(ErrorCode.NotCapture);
    });
  });
});

function le32(...values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  values.forEach((v, i) => {
    new DataView(b.buffer).setUint32(i * 4, v, true);
  });
  return b;
}

/** A block of `total` declared bytes (the bytes present follow `total` up to 64, then stop), type `type`. */
function block(type: number, total: number): Uint8Array {
  const len = Math.max(12, Math.min(total, 64));
  const b = new Uint8Array(len);
  const v = new DataView(b.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, total, true);
  if (total === len) v.setUint32(len - 4, total, true);
  return b;
}

function setU32(b: Uint8Array, at: number, value: number): Uint8Array {
  const copy = b.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
}

function setU16(b: Uint8Array, at: number, value: number): Uint8Array {
  const copy = b.slice();
  new DataView(copy.buffer).setUint16(at, value, true);
  return copy;
}
