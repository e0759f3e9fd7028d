/**
 * Starts a continuous-ingest job beside the server and hands its messages over; `stop()` asks for a graceful stop
 * and resolves once the job has finished the run in hand and closed its workspace.
 */
import { Worker } from 'node:worker_threads';
import { runIngest, type IngestJob, type JobMessage } from './ingest-job.js';

export interface IngestHandle {
  stop(): Promise<void>;
  /** Resolves when the job has ended (stopped, or failed: a `fatal` message said why). */
  readonly ended: Promise<void>;
}

/**
 * The compiled worker sits beside this module (dist/app/live/, or dist/bundle/ where scripts/bundle-cli.mjs emits it
 * as its own entry). Under the test runner this module is TypeScript source, which a plain worker cannot load: there
 * the same job runs on the calling thread (the thread boundary itself is covered by the CLI tests on the build).
 */
const WORKER_URL = new URL('./ingest-worker.js', import.meta.url);
const RUNNING_SOURCE = import.meta.url.endsWith('.ts');

export function startIngest(job: IngestJob, onMessage: (m: JobMessage) => void): IngestHandle {
  if (RUNNING_SOURCE) return startInProcess(job, onMessage);
  const worker = new Worker(WORKER_URL, { workerData: job });
  worker.on('message', (m: JobMessage) => { onMessage(m); });
  const ended = new Promise<void>((resolve) => {
    worker.once('error', (err) => { onMessage({ type: 'fatal', message: err.message }); });
    worker.once('exit', () => { resolve(); });
  });
  return {
    ended,
    stop: async () => {
      worker.postMessage({ type: 'stop' });
      await ended;
    },
  };
}

function startInProcess(job: IngestJob, onMessage: (m: JobMessage) => void): IngestHandle {
  const stop = new AbortController();
  const ended = runIngest(job, onMessage, stop.signal);
  return {
    ended,
    stop: async () => {
      stop.abort();
      await ended;
    },
  };
}
