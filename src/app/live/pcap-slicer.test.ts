/** The live stream cut into slices: whole records only, a slice per time window, the damaged tail passed on. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test-support/test-data.js';
import { PcapSlicer } from './pcap-slicer.js';

const SAMPLE = readFileSync(path.join(repoRoot, 'samples/hospital-sample.pcap'));
const HEADER = 24;

async function bytesOf(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Offsets where the sample's records start (little-endian classic pcap). */
function recordStarts(b: Buffer): number[] {
  const out: number[] = [];
  for (let off = HEADER; off + 16 <= b.length; off += 16 + b.readUInt32LE(off + 8)) out.push(off);
  return out;
}

describe('PcapSlicer', () => {
  it('cuts at record boundaries when the window closes, whatever the chunking, and loses no byte', async () => {
    const starts = recordStarts(SAMPLE);
    const cutAt = (starts[40] ?? 0) + 5; // mid-record: the slice must stop before it
    const stream = new PassThrough();
    const slicer = new PcapSlicer(stream);
    // Odd-sized chunks so record headers straddle chunks.
    for (let off = 0; off < cutAt; off += 333) stream.write(SAMPLE.subarray(off, Math.min(off + 333, cutAt)));
    expect(await slicer.ready()).toBe(true);
    const first = await bytesOf(slicer.slice(150));
    expect(first.subarray(0, HEADER)).toEqual(SAMPLE.subarray(0, HEADER));
    expect(first.length - HEADER).toBe((starts[40] ?? 0) - HEADER);
    stream.end(SAMPLE.subarray(cutAt));
    expect(await slicer.ready()).toBe(true);
    const second = await bytesOf(slicer.slice(10_000));
    expect(Buffer.concat([first, second.subarray(HEADER)])).toEqual(SAMPLE);
    expect(await slicer.ready()).toBe(false);
    expect(slicer.finished).toBe(true);
  });

  it('waits for a first packet (a quiet network makes no empty slice) and passes a cut-short tail on', async () => {
    const stream = new PassThrough();
    const slicer = new PcapSlicer(stream);
    stream.write(SAMPLE.subarray(0, HEADER));
    let ready = false;
    void slicer.ready().then(() => { ready = true; });
    await new Promise((r) => setTimeout(r, 100));
    expect(ready).toBe(false);
    const starts = recordStarts(SAMPLE);
    stream.end(SAMPLE.subarray(HEADER, (starts[2] ?? 0) + 9));
    expect(await slicer.ready()).toBe(true);
    const slice = await bytesOf(slicer.slice(1000));
    expect(slice.length).toBe((starts[2] ?? 0) + 9);
  });

  it('refuses a stream that is not pcap', async () => {
    const stream = new PassThrough();
    stream.end(Buffer.alloc(64, 0x41));
    await expect(new PcapSlicer(stream).ready()).rejects.toThrow(/not a pcap/);
  });
});
