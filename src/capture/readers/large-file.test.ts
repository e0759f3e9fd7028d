/** Captures larger than the read chunk: records across chunk boundaries, a record bigger than a chunk, gzip damage mid-stream. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, ErrorCode } from '../../util/app-error.js';
import { openCapture, READ_CHUNK_BYTES } from './open-capture.js';
import { buildPcap, payload, type PcapRecord } from './test-support/capture-builder.js';
import { drain } from './test-support/drain.js';

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

/** About 5 MiB of packets of many sizes, one of them 256 KiB and one of them 1.5 MiB (allowed by a big snaplen). */
function records(): PcapRecord[] {
  const out: PcapRecord[] = [];
  let size = 1;
  for (let i = 0; out.reduce((n, r) => n + r.data.length, 0) < 5 * 1024 * 1024; i++) {
    size = i === 40 ? 262_144 : i === 90 ? 1_500_000 : (size * 7919 + 13) % 65_536;
    out.push({ sec: 1_700_000_000 + i, frac: (i * 37) % 1_000_000, data: payload(size, i) });
  }
  return out;
}

describe('large captures', () => {
  let dir = '';
  const recs = records();
  const bytes = buildPcap({ littleEndian: true, snapLen: 2 * 1024 * 1024 }, recs);
  const expected = recs.map((r) => ({ capLen: r.data.length, md5: md5(r.data) }));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ww-large-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams a file several read chunks long, plain and gzipped', async () => {
    expect(bytes.length).toBeGreaterThan(4 * READ_CHUNK_BYTES);
    for (const [name, content] of [
      ['big.pcap', bytes],
      ['big.pcap.gz', gzipSync(bytes, { level: 1 })],
    ] as const) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const cursor = await openCapture(file);
      const { rows, error } = await drain(cursor);
      expect(error).toBeNull();
      expect(rows.map((r) => ({ capLen: r.capLen, md5: r.md5 }))).toEqual(expected);
      expect(cursor.bytesRead).toBe(content.length);
      await cursor.close();
    }
  });

  it('reports damage in the middle of a gzip stream after the packets before it', async () => {
    // Stored deflate blocks (level 0) keep the layout simple: break the length check of the third block.
    const gz = Buffer.from(gzipSync(bytes, { level: 0 }));
    let at = 10; // RFC 1952 header without optional fields
    for (let block = 0; block < 2; block++) at += 5 + gz.readUInt16LE(at + 1);
    gz.writeUInt16LE(gz.readUInt16LE(at + 3) ^ 0x0101, at + 3);
    const file = path.join(dir, 'damaged.pcap.gz');
    await writeFile(file, gz);
    const { rows, error } = await drain(await openCapture(file));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => ({ capLen: r.capLen, md5: r.md5 }))).toEqual(expected.slice(0, rows.length));
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe(ErrorCode.CaptureCorrupt);
    expect((error as CaptureError).message).toMatch(/gzip data damaged \(invalid stored block lengths\)$/);
  });
});
