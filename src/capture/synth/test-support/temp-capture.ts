/** Test support: write a synthetic capture to a temp file (for tshark to check), or keep its frames in memory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKSUM_OPTIONS, tsharkFields } from '../../../test-support/tshark.js';
import { SynthClock } from '../clock.js';
import { PcapWriter } from '../pcap-writer.js';
import type { PacketSink } from '../pcap-writer.js';

/** Writes a capture with `build` (frames through `sink`, time from `clock`) and returns its path. */
export function writeTempCapture(name: string, build: (sink: PcapWriter, clock: SynthClock) => void): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ww-synth-')), name);
  const writer = PcapWriter.toFile(path);
  build(writer, new SynthClock(1_709_539_200));
  writer.close();
  return path;
}

/** `-T fields` rows with checksum validation on (what the synthesiser's tests check), optionally display-filtered. */
export function fields(file: string, names: readonly string[], filter?: string): string[][] {
  return tsharkFields(file, names, { extra: CHECKSUM_OPTIONS, ...(filter === undefined ? {} : { filter }) });
}

/** A sink that keeps copies of the frames, for tests that inspect bytes directly. */
export class CollectSink implements PacketSink {
  readonly frames: { bytes: Uint8Array; tsSec: number; tsNsec: number }[] = [];

  writePacket(frame: Uint8Array, offset: number, length: number, tsSec: number, tsNsec: number): void {
    this.frames.push({ bytes: frame.slice(offset, offset + length), tsSec, tsNsec });
  }
}
