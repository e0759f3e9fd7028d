/** Test helpers: drain a cursor into comparable rows, in tshark's field format, and in-memory byte sources. */
import { createHash } from 'node:crypto';
import type { PacketCursor, PacketRef } from '../../packet.js';
import type { ByteSource, SourceFailure } from '../byte-source.js';
import { CaptureCursor } from '../capture-cursor.js';
import { runTsharkAsync } from '../../../test-support/tshark.js';

export interface Row {
  /** `sec.nnnnnnnnn`, as tshark prints frame.time_epoch. */
  ts: string;
  origLen: number;
  capLen: number;
  interfaceId: number;
  linkType: number;
  md5: string;
}

export interface Drained {
  rows: Row[];
  /** What next() threw at the end, or null for a clean end. */
  error: unknown;
  steps: number;
}

export function formatTs(sec: number, nsec: number): string {
  return `${sec}.${String(nsec).padStart(9, '0')}`;
}

export function toRow(p: PacketRef): Row {
  const bytes = p.data.subarray(p.offset, p.offset + p.capLen);
  return {
    ts: formatTs(p.tsSec, p.tsNsec),
    origLen: p.origLen,
    capLen: p.capLen,
    interfaceId: p.interfaceId,
    linkType: p.linkType,
    md5: createHash('md5').update(bytes).digest('hex'),
  };
}

/** Reads a cursor to its end (or its error); `maxSteps` guards against a cursor that never advances. */
export async function drain(cursor: PacketCursor, maxSteps = 10_000_000): Promise<Drained> {
  const rows: Row[] = [];
  let steps = 0;
  try {
    for (;;) {
      if (++steps > maxSteps) throw new Error('cursor does not advance');
      const step = cursor.next();
      if (step === 'end') break;
      if (step === 'packet') rows.push(toRow(cursor.packet));
      else await cursor.refill();
    }
  } catch (error) {
    return { rows, error, steps };
  }
  return { rows, error: null, steps };
}

/** Wireshark's WTAP_ENCAP numbers (frame.encap_type) for the LINKTYPE values the fixtures use. */
const WTAP_TO_LINKTYPE: Record<string, number> = { '1': 1, '25': 113, '210': 276 };

/** One tshark line (time, len, caplen, interface id, md5, encap) as a Row; interface id is empty for classic pcap. */
export function parseTsharkLine(line: string): Row {
  const [ts = '', len = '', cap = '', ifId = '', md5 = '', encap = ''] = line.split('\t');
  return {
    ts,
    origLen: Number(len),
    capLen: Number(cap),
    interfaceId: ifId === '' ? 0 : Number(ifId),
    linkType: WTAP_TO_LINKTYPE[encap] ?? -1,
    md5,
  };
}

/** The line tshark prints for this row, without the encapsulation column (the corpus digests' format). */
export function tsharkLine(row: Row, pcapng: boolean): string {
  return [row.ts, row.origLen, row.capLen, pcapng ? row.interfaceId : '', row.md5].join('\t');
}

/** tshark's rows for a file (frame.encap_type included), for files the tests generate at run time. */
export async function tsharkRows(file: string): Promise<Row[]> {
  const stdout = await runTsharkAsync([
    '-r', file, '-o', 'frame.generate_md5_hash:TRUE', '-T', 'fields',
    '-e', 'frame.time_epoch', '-e', 'frame.len', '-e', 'frame.cap_len', '-e', 'frame.interface_id',
    '-e', 'frame.md5_hash', '-e', 'frame.encap_type',
  ]);
  return stdout.split('\n').filter((l) => l !== '').map(parseTsharkLine);
}

/** An in-memory ByteSource handing out `bytes` in the given chunk sizes (cycled), for fast fuzzing. */
export class MemorySource implements ByteSource {
  bytesRead = 0;
  readonly totalBytes: number;
  failure: SourceFailure | null = null;
  private at = 0;
  private turn = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly chunkSizes: readonly number[] = [bytes.length],
    private readonly endFailure: SourceFailure | null = null,
  ) {
    this.totalBytes = bytes.length;
  }

  read(): Promise<Uint8Array | null> {
    if (this.at >= this.bytes.length) {
      this.failure = this.endFailure;
      return Promise.resolve(null);
    }
    const size = Math.max(1, this.chunkSizes[this.turn++ % this.chunkSizes.length] ?? 1);
    const chunk = this.bytes.subarray(this.at, this.at + size);
    this.at += chunk.length;
    this.bytesRead = this.at;
    return Promise.resolve(chunk);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export function memoryCursor(bytes: Uint8Array, chunkSizes?: readonly number[], name = 'mem'): CaptureCursor {
  return new CaptureCursor(name, new MemorySource(bytes, chunkSizes));
}
