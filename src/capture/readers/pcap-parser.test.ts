/** Classic pcap: both byte orders, µs and ns, the patched format, FCS bits, odd fractions, old versions, bad lengths. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, ErrorCode } from '../../util/app-error.js';
import { openCapture } from './open-capture.js';
import { buildPcap, payload, type PcapRecord } from './test-support/capture-builder.js';
import { drain, memoryCursor, tsharkRows } from './test-support/drain.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

const RECORDS: PcapRecord[] = [
  { sec: 1_700_000_000, frac: 1, data: payload(60, 1) },
  { sec: 1_700_000_000, frac: 999_999, data: payload(1514, 2) },
  { sec: 1_700_000_001, frac: 0, data: payload(64, 3), origLen: 1500 },
  { sec: 4_294_967_295, frac: 500_000, data: payload(1, 4) },
  { sec: 0, frac: 0, data: new Uint8Array(0) },
];

describe('classic pcap', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ww-pcap-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const littleEndian of [true, false]) {
    for (const kind of ['usec', 'nsec', 'modified'] as const) {
      it(`${littleEndian ? 'little' : 'big'}-endian ${kind}`, async () => {
        const nanoseconds = kind === 'nsec';
        const records = RECORDS.map((r) => (nanoseconds ? { ...r, frac: r.frac * 1000 + 7 } : r));
        const bytes = buildPcap({ littleEndian, nanoseconds, modified: kind === 'modified', snapLen: 65535 }, records);
        const { rows, error } = await drain(memoryCursor(bytes, [3, 100]));
        expect(error).toBeNull();
        expect(rows).toEqual(
          records.map((r) => ({
            ts: `${r.sec}.${String(nanoseconds ? r.frac : r.frac * 1000).padStart(9, '0')}`,
            origLen: r.origLen ?? r.data.length,
            capLen: r.data.length,
            interfaceId: 0,
            linkType: 1,
            md5: md5(r.data),
          })),
        );
      });
    }
  }

  // tshark is slow to start, so only the big-endian nanosecond file is also checked against it.
  it.skipIf(tshark.skip)(tshark.title('big-endian nsec agrees with tshark'), async () => {
    const records = RECORDS.map((r) => ({ ...r, frac: r.frac * 1000 + 7 }));
    const file = path.join(dir, 'big-endian-ns.pcap');
    await writeFile(file, buildPcap({ littleEndian: false, nanoseconds: true, modified: false, snapLen: 65535 }, records));
    expect((await drain(await openCapture(file))).rows).toEqual((await tsharkRows(file)).map((r) => ({ ...r, linkType: 1 })));
  });

  it('masks the FCS and reserved bits off the link type', async () => {
    // LT_FCS_LENGTH_PRESENT (0x04000000) with 2 sixteen-bit words of FCS (0x2 << 28), on LINKTYPE_ETHERNET.
    const bytes = buildPcap({ littleEndian: false, linkTypeField: 0x24000001 }, RECORDS);
    const { rows } = await drain(memoryCursor(bytes));
    expect(rows.map((r) => r.linkType)).toEqual(RECORDS.map(() => 1));
    const sll2 = buildPcap({ littleEndian: true, linkTypeField: 0x03ff0114 }, RECORDS);
    expect((await drain(memoryCursor(sll2))).rows.every((r) => r.linkType === 276)).toBe(true);
  });

  it('carries an out-of-range fraction into the seconds', async () => {
    const us = buildPcap({ littleEndian: true }, [{ sec: 10, frac: 2_500_000, data: payload(4) }]);
    expect((await drain(memoryCursor(us))).rows[0]?.ts).toBe('12.500000000');
    const ns = buildPcap({ littleEndian: false, nanoseconds: true }, [{ sec: 10, frac: 4_294_967_295, data: payload(4) }]);
    expect((await drain(memoryCursor(ns))).rows[0]?.ts).toBe('14.294967295');
  });

  it('swaps caplen and len in files older than version 2.4, as libpcap does', async () => {
    const swapped = (r: PcapRecord): PcapRecord => ({ ...r, data: r.data, origLen: r.data.length });
    const v22 = buildPcap({ littleEndian: true, version: [2, 2] }, [swapped({ sec: 1, frac: 0, data: payload(8) })]);
    // In 2.2 the first length field is the wire length: write (caplen=8, len=8) and read back equal.
    expect((await drain(memoryCursor(v22))).rows[0]).toMatchObject({ capLen: 8, origLen: 8 });
    const bytes = buildPcap({ littleEndian: true, version: [2, 3] }, [{ sec: 1, frac: 0, data: payload(8), origLen: 4 }]);
    // 2.3 with caplen (8) > len (4): libpcap takes them as swapped, so 4 bytes are the packet and 8 the wire length.
    const cut = bytes.subarray(0, bytes.length - 4);
    expect((await drain(memoryCursor(cut))).rows[0]).toMatchObject({ capLen: 4, origLen: 8 });
  });

  it('rejects impossible lengths and versions as corrupt, after the good packets', async () => {
    const good = buildPcap({ littleEndian: true, snapLen: 65535 }, RECORDS.slice(0, 2));
    const bad = new Uint8Array(good.length + 16);
    bad.set(good);
    new DataView(bad.buffer).setUint32(good.length + 8, 300_000, true);
    const { rows, error } = await drain(memoryCursor(bad));
    expect(rows).toHaveLength(2);
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe(ErrorCode.CaptureCorrupt);
    expect((error as CaptureError).byteOffset).toBe(good.length);
    expect((error as CaptureError).message).toBe(`capture corrupt at byte ${good.length}: packet length 300000 exceeds the maximum of 262144`);

    const v3 = buildPcap({ littleEndian: true, version: [3, 0] }, RECORDS);
    const e3 = (await drain(memoryCursor(v3))).error as CaptureError;
    expect(e3.code).toBe(ErrorCode.CaptureCorrupt);
    expect(e3.message).toBe('capture corrupt at byte 0: unsupported pcap version 3.0');
  });

  it('accepts records up to a large header snaplen', async () => {
    const big = payload(400_000);
    const bytes = buildPcap({ littleEndian: true, snapLen: 1 << 20 }, [{ sec: 1, frac: 2, data: big }]);
    const { rows, error } = await drain(memoryCursor(bytes, [1000, 65536]));
    expect(error).toBeNull();
    expect(rows[0]?.capLen).toBe(400_000);
  });

  it('keeps throwing the same error once damaged', async () => {
    const cursor = memoryCursor(buildPcap({ littleEndian: true, version: [1, 0] }, RECORDS));
    await cursor.refill();
    expect(() => cursor.next()).toThrow(CaptureError);
    expect(() => cursor.next()).toThrow('unsupported pcap version 1.0');
  });
});
