/**
 * One continuous-ingest job from start to stop, wherever it runs (a worker thread in `serve`, the test runner's own
 * thread in unit tests): opens its workspace, runs the loop until `signal` aborts, and always closes what it opened.
 */
import type { AnalyzeOptions } from '../analyze.js';
import { prepareAnalysis } from '../analyze.js';
import { openWorkspace } from '../../store/workspace.js';
import { LiveIngest, type LiveMessage, type LiveSources } from './live-ingest.js';

/** Plain data only: it crosses into the worker by structured clone. */
export interface IngestJob {
  db: string;
  analysis: AnalyzeOptions;
  sources: LiveSources;
}

export type JobMessage = LiveMessage | { type: 'fatal'; message: string } | { type: 'stopped' };

export async function runIngest(job: IngestJob, post: (m: JobMessage) => void, signal: AbortSignal): Promise<void> {
  try {
    const prepared = prepareAnalysis(job.analysis);
    // serve opened (and so migrated) the database first; this second connection only joins it.
    const ws = await openWorkspace(job.db, { create: false });
    try {
      const ingest = new LiveIngest(ws, prepared, job.sources, post);
      if (signal.aborted) ingest.stop();
      else signal.addEventListener('abort', () => { ingest.stop(); }, { once: true });
      await ingest.run();
    } finally {
      await ws.close();
    }
  } catch (err) {
    post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  }
  post({ type: 'stopped' });
}
