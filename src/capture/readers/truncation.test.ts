/** Cut captures: every packet before the cut comes out, then `capture truncated at byte N` names the cut record. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, ErrorCode } from '../../util/app-error.js';
import { openCapture, openCaptureStream } from './open-capture.js';
import { drain, parseTsharkLine, type Row } from './test-support/drain.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): string => path.join(here, 'fixtures', name);
const golden = (name: string): Row[] =>
  readFileSync(fixture(`${name}.tshark.tsv`), 'utf8').split('\n').filter((l) => l !== '').map(parseTsharkLine);

/** Record boundaries found independently of the reader: [start, end, isPacket] for each record. */
function pcapRecords(bytes: Buffer): [number, number, boolean][] {
  const out: [number, number, boolean][] = [[0, 24, false]];
  for (let at = 24; at < bytes.length; ) {
    const end = at + 16 + bytes.readUInt32LE(at + 8);
    out.push([at, end, true]);
    at = end;
  }
  return out;
}

function pcapngBlocks(bytes: Buffer): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  for (let at = 0; at < bytes.length; ) {
    const type = bytes.readUInt32LE(at);
    const end = at + bytes.readUInt32LE(at + 4);
    out.push([at, end, type === 6 || type === 3 || type === 2]);
    at = end;
  }
  return out;
}

function expectTruncated(error: unknown, file: string, at: number): void {
  expect(error).toBeInstanceOf(CaptureError);
  const e = error as CaptureError;
  expect(e.code).toBe(ErrorCode.CaptureTruncated);
  expect(e.message).toBe(`capture truncated at byte ${at}`);
  expect(e.byteOffset).toBe(at);
  expect(e.file).toBe(file);
}

/** A few cuts: inside the header, at each boundary's neighbourhood, in the middle, one byte short of the end. */
function cutsFor(records: [number, number, boolean][], size: number): number[] {
  const cuts = new Set<number>([1, 5, 13, size - 1, Math.floor(size / 2)]);
  for (const [start, end] of records.slice(0, 4)) for (const c of [start + 1, start + 9, end - 1, end]) cuts.add(c);
  for (const [start] of records.slice(-3)) cuts.add(start + 3);
  return [...cuts].filter((c) => c >= 4 && c < size).sort((a, b) => a - b);
}

describe('truncated captures', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ww-trunc-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [name, walk] of [
    ['lo.pcap', pcapRecords],
    ['lo.pcapng', pcapngBlocks],
    ['dumpcap-two-if.pcapng', pcapngBlocks],
  ] as const) {
    it(`${name}: cut at many offsets`, async () => {
      const bytes = readFileSync(fixture(name));
      const all = golden(name);
      const records = walk(bytes);
      expect(records.at(-1)?.[1]).toBe(bytes.length);
      for (const cut of cutsFor(records, bytes.length)) {
        const file = path.join(dir, `cut-${cut}-${name}`);
        await writeFile(file, bytes.subarray(0, cut));
        const complete = records.filter(([, end]) => end <= cut);
        const packets = complete.filter(([, , isPacket]) => isPacket).length;
        const damaged = records.find(([start, end]) => start < cut && end > cut);
        const cursor = await openCapture(file).catch((err: unknown) => err);
        if (cursor instanceof Error) {
          // Only a cut inside the pcap file header can fail at open: the format is known from 4 bytes.
          expectTruncated(cursor, file, 0);
          continue;
        }
        const { rows, error } = await drain(cursor as Awaited<ReturnType<typeof openCapture>>);
        expect(rows).toEqual(all.slice(0, packets));
        if (damaged === undefined) expect(error).toBeNull();
        else expectTruncated(error, file, damaged[0]);
      }
    });
  }

  it('a cut gzip file gives the packets it still holds, then the truncation', async () => {
    const bytes = readFileSync(fixture('lo.pcap'));
    const records = pcapRecords(bytes);
    const all = golden('lo.pcap');
    const gz = gzipSync(bytes);
    for (const cut of [20, Math.floor(gz.length / 3), Math.floor(gz.length / 2), gz.length - 30, gz.length - 4]) {
      const result = await openCaptureStream('cut.gz', Readable.from([gz.subarray(0, cut)]), null)
        .then(drain)
        .catch((error: unknown) => ({ rows: [], error }));
      expect(all.slice(0, result.rows.length)).toEqual(result.rows);
      // The error names where the first missing record starts in the decompressed bytes.
      const packetRecords = records.filter(([, , p]) => p);
      const at = packetRecords[result.rows.length]?.[0] ?? bytes.length;
      expectTruncated(result.error, 'cut.gz', result.rows.length === 0 && cut < 40 ? 0 : at);
    }
  });

  it('damaged gzip data is reported as corrupt after the packets before it', async () => {
    const gz = Buffer.from(gzipSync(readFileSync(fixture('lo.pcap')), { level: 0 }));
    // Stored (level 0) deflate keeps the bytes readable; break the CRC in the trailer.
    gz[gz.length - 6] = (gz[gz.length - 6] ?? 0) ^ 0xff;
    const { rows, error } = await drain(await openCaptureStream('bad.gz', Readable.from([gz]), null));
    expect(rows).toEqual(golden('lo.pcap'));
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe(ErrorCode.CaptureCorrupt);
    expect((error as CaptureError).message).toMatch(/^capture corrupt at byte \d+: gzip data damaged/);
  });
});
