/** A StreamSink for tests: records data and gaps and checks them against the original stream. */
import type { StreamSink } from '../types.js';

export type SinkEvent = { kind: 'data'; pos: number; bytes: Uint8Array } | { kind: 'gap'; pos: number; length: number };

export class RecordingSink implements StreamSink {
  readonly events: SinkEvent[] = [];
  /** Stream position: every byte delivered or skipped so far. */
  position = 0;
  /** Views passed to data(), kept by identity to prove the hot path does not copy. */
  readonly views: Uint8Array[] = [];
  /** Optional hook run after each call, to exercise re-entrant stop(). */
  onEvent: (() => void) | undefined;

  data(bytes: Uint8Array): void {
    this.views.push(bytes);
    // The view is valid only during the call: copy, as a real sink must.
    this.events.push({ kind: 'data', pos: this.position, bytes: bytes.slice() });
    this.position += bytes.length;
    this.onEvent?.();
  }

  gap(length: number): void {
    this.events.push({ kind: 'gap', pos: this.position, length });
    this.position += length;
    this.onEvent?.();
  }

  /** Delivered bytes joined, ignoring gaps. */
  bytes(): Uint8Array {
    const parts = this.events.flatMap((e) => (e.kind === 'data' ? [e.bytes] : []));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }

  /** Text of the stream with '_' per gap byte, for readable assertions. */
  text(): string {
    return this.events
      .map((e) => (e.kind === 'data' ? new TextDecoder().decode(e.bytes) : '_'.repeat(e.length)))
      .join('');
  }

  /** Problems found comparing against `original`: data must match it where delivered, lengths must be sane. */
  mismatches(original: Uint8Array): string[] {
    const problems: string[] = [];
    for (const e of this.events) {
      if (e.kind === 'gap') {
        if (e.length <= 0) problems.push(`gap of ${e.length} at ${e.pos}`);
        continue;
      }
      if (e.bytes.length === 0) problems.push(`empty data at ${e.pos}`);
      if (e.pos + e.bytes.length > original.length) problems.push(`data past the end at ${e.pos}`);
      for (let i = 0; i < e.bytes.length; i++) {
        if (e.bytes[i] !== original[e.pos + i]) {
          problems.push(`byte ${e.pos + i} differs`);
          break;
        }
      }
    }
    return problems;
  }
}

export function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
