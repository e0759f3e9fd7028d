/**
 * Captures read without a database: protocol records (docs/architecture.md "Records") and flows (docs/architecture.md "Flows") handed to
 * the caller as they come, for `wardwatch records` and `wardwatch flows` (and any other consumer of the same streams).
 */
import type { EngineOptions } from '../capture/engine.js';
import { flowToJson, type FlowJson } from '../capture/flow-json.js';
import { decoders } from '../decode/registry.js';
import type { DecodeOptions } from '../pipeline/sessions/session-types.js';
import { decodeHooks, type RecordListener } from '../pipeline/decode-hooks.js';
import { ingestCaptures, type IngestResult, type ProgressReport } from '../pipeline/ingest.js';
import { AppError, ErrorCode } from '../util/app-error.js';

export interface CaptureReadOptions {
  engine: EngineOptions;
  decode: DecodeOptions;
  onProgress?: (p: ProgressReport) => void;
  /** Awaited between reads: a slow consumer holds the reader back. */
  backpressure?: () => Promise<void> | null;
}

/** Names of decoders (`dicom`, `hl7` …), checked against the registry; bad input names the known ones. */
export function checkProtocols(names: readonly string[]): string[] {
  const known = new Set(decoders.map((d) => d.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.BadArgument, `unknown protocol '${unknown.join("', '")}' (known: ${[...known].sort().join(', ') || 'none'})`);
  }
  return [...names];
}

/** Every record (and, when the listener wants them, decode issues) of the captures. */
export function readRecords(captures: readonly string[], options: CaptureReadOptions, listener: RecordListener): Promise<IngestResult> {
  return ingestCaptures(captures, decodeHooks(options.decode, listener), ingestOptions(options));
}

/** Every flow as it ends; with `probeApps`, each named by the decoder that claimed it (else `app` is null). */
export function readFlows(captures: readonly string[], options: CaptureReadOptions & { probeApps: boolean }, onFlow: (f: FlowJson) => void): Promise<IngestResult> {
  return ingestCaptures(
    captures,
    {
      ...(options.probeApps ? decodeHooks(options.decode, null) : {}),
      flowEnded: (f) => { onFlow(flowToJson(f)); },
    },
    ingestOptions(options),
  );
}

function ingestOptions(options: CaptureReadOptions): Parameters<typeof ingestCaptures>[2] {
  return {
    engine: options.engine,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.backpressure === undefined ? {} : { backpressure: options.backpressure }),
  };
}
