/** Test helpers: write a synthetic capture to a temp file and ask tshark (Wireshark 4.x CLI) what it sees in it. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SynthClock } from '../clock.js';
import { PcapWriter } from '../pcap-writer.js';
import type { PacketSink } from '../pcap-writer.js';


/** Checksum validation is off by default in Wireshark; the point of these tests is to turn it on. */
const CHECK_OPTS = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];

/** Writes a capture with `build` (frames through `sink`, time from `clock`) and returns its path. */
export function writeTempCapture(name: string, build: (sink: PcapWriter, clock: SynthClock) => void): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ww-synth-')), name);
  const writer = PcapWriter.toFile(path);
  build(writer, new SynthClock(1_709_539_200));
  writer.close();
  return path;
}

function tshark(args: readonly string[]): string {
  const r = spawnSync('tshark', [...CHECK_OPTS, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * Expert items of severity warning or error ("Protocol  Summary" lines of `-z expert,warn`), minus
 * the TCP "Connection reset (RST)" warning that a deliberate RST always raises.
 */
export function expertWarnings(file: string): string[] {
  const out = tshark(['-r', file, '-q', '-z', 'expert,warn']);
  return out
    .split('\n')
    .filter((l) => /^\s+\d+\s+\S+\s+\S+\s+\S/.test(l))
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => !l.includes('Connection reset (RST)'));
}

export interface Conversation {
  a: string;
  b: string;
  /** Frames B -> A (tshark's "<-" column). */
  framesToA: number;
  /** Frames A -> B ("->"). */
  framesToB: number;
  frames: number;
}

/** Rows of `-z conv,tcp` / `conv,udp`. */
export function conversations(file: string, kind: 'tcp' | 'udp'): Conversation[] {
  const out = tshark(['-r', file, '-q', '-z', `conv,${kind}`]);
  const rows: Conversation[] = [];
  const re = /^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+\d+ \S+\s+(\d+)\s+\d+ \S+\s+(\d+)\s/;
  for (const line of out.split('\n')) {
    const m = re.exec(line);
    if (m) rows.push({ a: m[1] ?? '', b: m[2] ?? '', framesToA: Number(m[3]), framesToB: Number(m[4]), frames: Number(m[5]) });
  }
  return rows;
}

/** `-T fields` output, one array of column values per frame (optionally filtered with a display filter). */
export function fields(file: string, names: readonly string[], filter?: string): string[][] {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=\t', ...names.flatMap((n) => ['-e', n])];
  if (filter !== undefined) args.push('-Y', filter);
  return tshark(args).split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
}

/** A sink that keeps copies of the frames, for tests that inspect bytes directly. */
export class CollectSink implements PacketSink {
  readonly frames: { bytes: Uint8Array; tsSec: number; tsNsec: number }[] = [];

  writePacket(frame: Uint8Array, offset: number, length: number, tsSec: number, tsNsec: number): void {
    this.frames.push({ bytes: frame.slice(offset, offset + length), tsSec, tsNsec });
  }
}
