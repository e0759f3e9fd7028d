/**
 * The worker thread of continuous ingest (node:worker_threads): its own workspace connection, so decoding and the
 * database writes of a run never hold up the API's event loop. It talks to the server only by messages
 * (ingest-thread.ts): LiveMessage out, `stop` in.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runIngest, type IngestJob } from './ingest-job.js';

if (parentPort === null) throw new Error('ingest-worker runs as a worker thread');
const port = parentPort;
const stop = new AbortController();
port.on('message', (m: unknown) => {
  if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'stop') stop.abort();
});
await runIngest(workerData as IngestJob, (m) => { port.postMessage(m); }, stop.signal);
port.close();
