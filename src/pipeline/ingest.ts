/**
 * Reading captures through the engine: opens every source, merges them in time order, drives the per-packet loop
 * (synchronous between reads), reports progress, and on damage keeps everything before it.
 */
import type { Readable } from 'node:stream';
import { Engine, type EngineHooks, type EngineOptions, type EngineStats, defaultEngineOptions } from '../capture/engine.js';
import type { PacketCursor } from '../capture/packet.js';
import { mergeCursors } from '../capture/readers/merge-cursors.js';
import { openCapture, openCaptureStream } from '../capture/readers/open-capture.js';
import { AppError } from '../util/app-error.js';

export interface ProgressReport {
  bytesRead: number;
  totalBytes: number | null;
  packets: number;
}

export interface IngestOptions {
  engine?: EngineOptions;
  /** Called after each buffer refill (about every MiB). */
  onProgress?: (p: ProgressReport) => void;
  /** Awaited between reads so a slow consumer (a pipe) holds the reader back instead of memory growing. */
  backpressure?: () => Promise<void> | null;
  /** Stdin replacement for tests and for the live tcpdump child. */
  stdin?: Readable;
  /** Stops the loop at the next buffer boundary (SIGINT on a live capture). */
  signal?: AbortSignal;
}

export interface IngestResult {
  stats: EngineStats;
  /** Sources that could not be read (not a capture, truncated, unreadable): the rest was still processed. */
  errors: AppError[];
  seconds: number;
}

async function openSource(name: string, options: IngestOptions): Promise<PacketCursor> {
  if (name === '-') return openCaptureStream('-', options.stdin ?? process.stdin, null);
  return openCapture(name);
}

/** Runs captures through a fresh engine driving `hooks` (each hook call is handed the engine's current packet). */
export async function ingestCaptures(sources: readonly string[], hooks: EngineHooks, options: IngestOptions = {}): Promise<IngestResult> {
  const started = performance.now();
  const engine = new Engine(hooks, options.engine ?? defaultEngineOptions);
  const errors: AppError[] = [];
  const cursors: PacketCursor[] = [];
  for (const name of sources) {
    try {
      cursors.push(await openSource(name, options));
    } catch (e) {
      if (e instanceof AppError) errors.push(e);
      else throw e;
    }
  }
  if (cursors.length > 0) {
    const cursor = cursors.length === 1 ? (cursors[0] as PacketCursor) : mergeCursors(cursors);
    try {
      await runLoop(engine, cursor, options);
    } catch (e) {
      if (e instanceof AppError) errors.push(e);
      else throw e;
    } finally {
      await cursor.close();
    }
  }
  engine.finish();
  return { stats: engine.stats, errors, seconds: (performance.now() - started) / 1000 };
}

async function runLoop(engine: Engine, cursor: PacketCursor, options: IngestOptions): Promise<void> {
  const { onProgress, backpressure, signal } = options;
  for (;;) {
    const step = cursor.next();
    if (step === 'packet') {
      engine.packet(cursor.packet);
      continue;
    }
    if (step === 'end') break;
    if (signal?.aborted) break;
    const wait = backpressure?.();
    if (wait) await wait;
    await cursor.refill();
    onProgress?.({ bytesRead: cursor.bytesRead, totalBytes: cursor.totalBytes, packets: engine.stats.packets });
  }
  onProgress?.({ bytesRead: cursor.bytesRead, totalBytes: cursor.totalBytes, packets: engine.stats.packets });
}
