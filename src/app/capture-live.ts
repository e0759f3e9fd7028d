/**
 * Live capture into a workspace: a tcpdump child's pcap stream analyzed as it arrives (capture/tcpdump-child.ts)
 * until the caller stops it (Ctrl-C in the CLI), then the last packets are drained and the run finished as any
 * analyze run is (app/analyze.ts).
 */
import type { Flow } from '../capture/flow.js';
import { startTcpdump, type TcpdumpOptions } from '../capture/tcpdump-child.js';
import type { IngestResult } from '../pipeline/ingest.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { analyzeCaptures, type AnalyzeReport, type PreparedAnalysis } from './analyze.js';

export interface LiveCapture {
  /** Stop capturing: tcpdump flushes and exits, the run is finished with what it saw. */
  stop(): void;
  /**
   * The report once the run is finished. Read errors a stop explains (the stream cut mid-packet) are left out; a
   * tcpdump that failed on its own is an AppError tool-failed with its reason.
   */
  done: Promise<{ report: AnalyzeReport; result: IngestResult }>;
}

export function startLiveCapture(ws: Workspace, prepared: PreparedAnalysis, options: TcpdumpOptions & { onFlow?: (f: Flow) => void }): LiveCapture {
  const tcpdump = startTcpdump(options);
  const state = { stopping: false };
  const run = async (): Promise<{ report: AnalyzeReport; result: IngestResult }> => {
    try {
      const analysis = analyzeCaptures(ws, ['-'], prepared, { stdin: tcpdump.stdout, ...(options.onFlow === undefined ? {} : { onFlow: options.onFlow }) });
      const first = await Promise.race([analysis.then((a) => ({ a })), tcpdump.spawnError.then((e) => ({ e }))]);
      if ('e' in first) throw first.e;
      const { report, result } = first.a;
      const code = await tcpdump.exited;
      if (!state.stopping && code !== 0) throw tcpdump.failure(code);
      // A tcpdump that died before writing a header leaves an empty stream: that is its failure, not ours.
      if (result.stats.packets === 0 && result.errors.length > 0 && !state.stopping) throw new AppError(ErrorCode.ToolFailed, `tcpdump produced no capture: ${tcpdump.stderrText().trim()}`);
      const errors = state.stopping ? result.errors.filter((e) => e.code !== ErrorCode.CaptureTruncated) : result.errors;
      return { report, result: { ...result, errors } };
    } finally {
      tcpdump.kill();
    }
  };
  return {
    stop: () => {
      state.stopping = true;
      tcpdump.stop();
    },
    done: run(),
  };
}
