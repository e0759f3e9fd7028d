/** What a decoding session needs from the pipeline: where records and issues go, and the current capture time. */
import type { Flow } from '../../capture/flow.js';
import type { DecodeIssue, RecordBody } from '../../decode/types.js';

export interface DecodeSink {
  /** Capture time of the packet being processed, ms since the epoch. */
  nowMs(): number;
  record(flow: Flow, out: boolean, decoder: string, body: RecordBody, tsMs: number): void;
  issue(flow: Flow, decoder: string, issue: DecodeIssue): void;
}

export interface DecodeOptions {
  /** 'probe' names each flow's protocol and stops; 'full' decodes up to the depth limit. */
  mode: 'probe' | 'full';
  /** Reassembled bytes per direction, after which a flow is no longer decoded (Zeek/Suricata stream depth). */
  depthLimitBytes: number;
  /** Global cap on bytes held out of order across all flows. */
  reassemblyMemoryBytes: number;
  /** Out-of-order bytes one direction may hold before its hole is declared a gap. */
  maxOutOfOrderBytes: number;
  /** Only decoders with these names (all when null). */
  only: readonly string[] | null;
}

export const defaultDecodeOptions: DecodeOptions = {
  mode: 'full',
  depthLimitBytes: 1024 * 1024,
  reassemblyMemoryBytes: 64 * 1024 * 1024,
  maxOutOfOrderBytes: 256 * 1024,
  only: null,
};
