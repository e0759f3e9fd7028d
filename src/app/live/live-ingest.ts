/**
 * Continuous ingest for `wardwatch serve --watch DIR --capture IFACE`: one loop over one workspace that reads each
 * ready capture file of the watched folders once (watch-folder.ts), and each live interface through a tcpdump child
 * in time slices (pcap-slicer.ts), every file and slice one analyze run (app/analyze.ts). After each run it posts
 * what changed (batch-events.ts) and the sources' status. Runs take turns: the workspace has one connection and one
 * transaction at a time. A stop finishes the run in hand, drains what tcpdump already captured, and starts nothing new.
 */
import path from 'node:path';
import { buildAlertEvent } from '../../alerts/build-event.js';
import type { AlertEvent } from '../../alerts/types.js';
import { startTcpdump, type TcpdumpChild } from '../../capture/tcpdump-child.js';
import type { IngestResult } from '../../pipeline/ingest.js';
import { loadRiskWeights, type RiskWeights } from '../../risk/weights.js';
import type { Workspace } from '../../store/workspace.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { analyzeCaptures, type PreparedAnalysis } from '../analyze.js';
import { takeMark } from '../changes.js';
import { batchEvents } from './batch-events.js';
import { PcapSlicer } from './pcap-slicer.js';
import { fileKey, WatchFolder, type FileSighting } from './watch-folder.js';

export interface LiveSources {
  /** Folders to watch, absolute. */
  watch: readonly string[];
  /** Interfaces to capture on. */
  capture: readonly string[];
  /** BPF filter for every capture; blank = none. */
  filter?: string | undefined;
  tcpdump: string;
  /** A live capture becomes one run per this many ms of traffic (its findings and events come at each run's end). */
  sliceMs: number;
  /** How often the watched folders are listed. */
  scanMs: number;
  /** How long a file must be unchanged before it is read (watch-folder.ts). */
  settleMs: number;
}

export type SourceState = 'starting' | 'running' | 'stopped' | 'error';

/** One source as GET /api/ingest/status shows it. */
export interface SourceStatus {
  /** `watch:/abs/dir` or `capture:eth0`. */
  source: string;
  kind: 'watch' | 'capture';
  state: SourceState;
  packets: number;
  /** Of the last run: packets over its wall time (a live slice: the arrival rate; a file: the ingest rate). */
  packetsPerSec: number | null;
  /** tcpdump's "packets dropped by kernel" (live capture only). */
  drops: number | null;
  lastFile: string | null;
  lastError: string | null;
  runs: number;
  filesDone: number;
  filesFailed: number;
  updatedAt: string | null;
}

export type LiveMessage =
  | { type: 'status'; sources: SourceStatus[] }
  | { type: 'events'; events: AlertEvent[] };

/** A file that fails this often for reasons other than its bytes (the database busy …) is recorded as failed. */
const MAX_FILE_ATTEMPTS = 3;
const DROPPED = /(\d+) packets? dropped by kernel/g;

function newStatus(source: string, kind: SourceStatus['kind']): SourceStatus {
  return { source, kind, state: 'starting', packets: 0, packetsPerSec: null, drops: kind === 'capture' ? 0 : null, lastFile: null, lastError: null, runs: 0, filesDone: 0, filesFailed: 0, updatedAt: null };
}

interface Watched {
  folder: WatchFolder;
  status: SourceStatus;
  done: Set<string>;
  attempts: Map<string, number>;
}

interface Captured {
  iface: string;
  status: SourceStatus;
  tcpdump: TcpdumpChild;
  slicer: PcapSlicer;
  /** Resolves when a slice can start (true) or the stream is over (false). */
  ready: Promise<boolean>;
  hasSlice: boolean;
  over: boolean;
  /** Its end was handled (state set): once per capture. */
  closed: boolean;
}

export class LiveIngest {
  private stopping = false;
  private wake: (() => void) | null = null;
  private readonly watched: Watched[] = [];
  private readonly captured: Captured[] = [];
  private readonly weights: RiskWeights;

  constructor(
    private readonly ws: Workspace,
    private readonly prepared: PreparedAnalysis,
    private readonly sources: LiveSources,
    private readonly post: (m: LiveMessage) => void,
  ) {
    this.weights = loadRiskWeights(prepared.options.weightsFile);
  }

  /** Asks for a graceful stop: the run in hand finishes, tcpdump flushes, what it captured is read. */
  stop(): void {
    this.stopping = true;
    for (const c of this.captured) c.tcpdump.stop();
    this.wake?.();
  }

  private stopRequested(): boolean {
    return this.stopping;
  }

  async run(): Promise<void> {
    for (const dir of this.sources.watch) {
      const done = new Set((await this.ws.ingestedFiles.list(dir)).map((f) => fileKey(f)));
      this.watched.push({ folder: new WatchFolder(dir, this.sources.settleMs), status: newStatus(`watch:${dir}`, 'watch'), done, attempts: new Map() });
    }
    for (const iface of this.sources.capture) this.captured.push(this.startCapture(iface));
    for (const w of this.watched) this.setState(w.status, 'running');
    this.postStatus();
    // stop() flips `stopping` from another task while this loop awaits: read it through a call, not a narrowed field.
    while (!this.stopRequested()) {
      for (const c of this.captured) if (c.hasSlice && !this.stopRequested()) await this.ingestSlice(c);
      for (const w of this.watched) if (!this.stopRequested()) await this.scan(w);
      for (const c of this.captured) if (c.over) await this.captureEnded(c);
      if (!this.stopRequested()) await this.idle();
    }
    // Drain: tcpdump was asked to stop (stop()); what it wrote before exiting is read, in slices like the rest.
    for (const c of this.captured) {
      while (await c.ready) await this.ingestSlice(c);
      await this.captureEnded(c);
    }
    for (const w of this.watched) this.setState(w.status, 'stopped');
    this.postStatus();
  }

  private statuses(): SourceStatus[] {
    return [...this.watched.map((w) => w.status), ...this.captured.map((c) => c.status)];
  }

  private postStatus(): void {
    this.post({ type: 'status', sources: this.statuses().map((s) => ({ ...s })) });
  }

  private postEvents(events: AlertEvent[]): void {
    if (events.length > 0) this.post({ type: 'events', events });
  }

  /** Moves a source to `state`; a change of state (and an error) is an ingest-status event. */
  private setState(s: SourceStatus, state: SourceState, error?: string): void {
    const changed = s.state !== state || error !== undefined;
    s.state = state;
    if (error !== undefined) s.lastError = error;
    s.updatedAt = new Date().toISOString();
    if (changed) this.postIngestEvent(s);
  }

  private postIngestEvent(s: SourceStatus): void {
    const state = s.state === 'starting' ? 'running' : s.state;
    const e = buildAlertEvent({ kind: 'ingest-status', status: { state, packetsPerSec: s.packetsPerSec, drops: s.drops, lastFile: s.lastFile } }, { nowMs: Date.now() });
    if (e !== null) this.postEvents([e]);
  }

  /** Waits for a live slice, the next folder scan, or a stop. */
  private async idle(): Promise<void> {
    const waits: Promise<unknown>[] = [new Promise((r) => { this.wake = () => { r(undefined); }; })];
    if (this.watched.length > 0 || this.captured.length === 0) waits.push(new Promise((r) => setTimeout(r, this.sources.scanMs)));
    for (const c of this.captured) if (!c.over) waits.push(c.ready);
    await Promise.race(waits);
    this.wake = null;
  }

  private startCapture(iface: string): Captured {
    const status = newStatus(`capture:${iface}`, 'capture');
    const tcpdump = startTcpdump({
      iface, filter: this.sources.filter, tcpdump: this.sources.tcpdump,
      onListening: () => { this.setState(status, 'running'); this.postStatus(); },
      onStderr: (text) => {
        let drops: number | null = null;
        for (const m of text.matchAll(DROPPED)) drops = Number(m[1]);
        if (drops !== null && drops !== status.drops) {
          const grew = drops > (status.drops ?? 0);
          status.drops = drops;
          if (grew) this.postIngestEvent(status);
        }
      },
    });
    const c: Captured = { iface, status, tcpdump, slicer: new PcapSlicer(tcpdump.stdout), ready: Promise.resolve(false), hasSlice: false, over: false, closed: false };
    void tcpdump.spawnError.then((e) => { this.setState(status, 'error', e.message); });
    this.armReady(c);
    return c;
  }

  private armReady(c: Captured): void {
    c.hasSlice = false;
    c.ready = c.slicer.ready().then((ok) => {
      c.hasSlice = ok;
      if (!ok) c.over = true;
      this.wake?.();
      return ok;
    }, (err: unknown) => {
      c.over = true;
      this.setState(c.status, 'error', err instanceof Error ? err.message : String(err));
      return false;
    });
  }

  /** tcpdump's stream is over: a stop, or tcpdump failing on its own (then the source is in error). */
  private async captureEnded(c: Captured): Promise<void> {
    if (c.closed) return;
    c.closed = true;
    const code = await c.tcpdump.exited;
    if (c.status.state === 'error') return;
    if (this.stopping) this.setState(c.status, 'stopped');
    else this.setState(c.status, 'error', code === 0 ? 'tcpdump ended' : c.tcpdump.failure(code).message);
  }

  private async ingestSlice(c: Captured): Promise<void> {
    const mark = await takeMark(this.ws);
    const startedMs = Date.now();
    try {
      const { result } = await analyzeCaptures(this.ws, ['-'], this.prepared, { stdin: c.slicer.slice(this.sources.sliceMs) });
      c.tcpdump.requestStats();
      // A stream cut mid-packet by a stop is the stop, not damage (app/capture-live.ts says the same).
      const errors = result.errors.filter((e) => !(this.stopping && e.code === ErrorCode.CaptureTruncated));
      this.counted(c.status, result, startedMs);
      if (errors[0] !== undefined) this.setState(c.status, c.status.state, errors[0].message);
      this.postEvents(await batchEvents(this.ws, mark, this.weights, Date.now()));
    } catch (err) {
      this.setState(c.status, c.status.state, err instanceof Error ? err.message : String(err));
    }
    this.postStatus();
    this.armReady(c);
  }

  private counted(s: SourceStatus, result: IngestResult, startedMs: number): void {
    const seconds = Math.max((Date.now() - startedMs) / 1000, 0.001);
    s.packets += result.stats.packets;
    s.packetsPerSec = Math.round(result.stats.packets / seconds);
    s.runs++;
    s.updatedAt = new Date().toISOString();
  }

  private async scan(w: Watched): Promise<void> {
    let ready: FileSighting[];
    try {
      ready = await w.folder.ready(w.done);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      if (w.status.lastError !== why) this.setState(w.status, 'error', why);
      return;
    }
    if (w.status.state === 'error') this.setState(w.status, 'running');
    for (const f of ready) {
      if (this.stopping) return;
      await this.ingestFile(w, f);
    }
  }

  private async ingestFile(w: Watched, f: FileSighting): Promise<void> {
    const dir = w.folder.dir;
    const key = fileKey(f);
    const mark = await takeMark(this.ws);
    const startedMs = Date.now();
    try {
      let failure: AppError | undefined;
      const { result } = await analyzeCaptures(this.ws, [path.join(dir, f.name)], this.prepared, {
        // Marked read in the transaction that finishes its run: a crash before it leaves the file to read again.
        atFinish: async (r) => {
          failure = r.errors[0];
          await this.ws.ingestedFiles.record({ source: dir, name: f.name, sizeBytes: f.sizeBytes, mtimeMs: f.mtimeMs, outcome: failure === undefined ? 'done' : 'failed', detail: failure?.message ?? null, packets: r.stats.packets, ingestedAtMs: Date.now() });
        },
      });
      w.done.add(key);
      w.status.lastFile = f.name;
      this.counted(w.status, result, startedMs);
      if (failure === undefined) {
        w.status.filesDone++;
      } else {
        // A damaged file is reported and skipped; what could be read of it is kept.
        w.status.filesFailed++;
        this.setState(w.status, w.status.state, `${f.name}: ${failure.message}`);
      }
      this.postEvents(await batchEvents(this.ws, mark, this.weights, Date.now()));
    } catch (err) {
      await this.fileFailedOutside(w, f, err);
    }
    this.postStatus();
  }

  /** The run itself failed (not the file's bytes): tried again at the next scans, then recorded as failed. */
  private async fileFailedOutside(w: Watched, f: FileSighting, err: unknown): Promise<void> {
    const key = fileKey(f);
    const why = `${f.name}: ${err instanceof Error ? err.message : String(err)}`;
    const attempts = (w.attempts.get(key) ?? 0) + 1;
    w.attempts.set(key, attempts);
    this.setState(w.status, w.status.state, why);
    if (attempts < MAX_FILE_ATTEMPTS) return;
    try {
      await this.ws.transaction(() => this.ws.ingestedFiles.record({ source: w.folder.dir, name: f.name, sizeBytes: f.sizeBytes, mtimeMs: f.mtimeMs, outcome: 'failed', detail: why, packets: 0, ingestedAtMs: Date.now() }));
      w.done.add(key);
      w.status.filesFailed++;
    } catch {
      // The database refuses even this: the file stays unread and is tried again after a restart.
    }
  }
}
