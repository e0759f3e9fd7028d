/**
 * One write at a time per workspace. The workspace shares one connection and its transaction helper is not re-entrant
 * across concurrent callers (store/workspace.ts: a second transaction begun while one is open nests inside it), so the
 * server runs every unsafe-method handler after the previous one has finished.
 */
import type { Workspace } from '../store/workspace.js';

const tails = new WeakMap<Workspace, Promise<unknown>>();

export function oneWriterAtATime<T>(ws: Workspace, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(ws) ?? Promise.resolve();
  // The next writer waits for this one whether it succeeds or fails.
  const run = previous.then(work, work);
  tails.set(ws, run.catch(() => undefined));
  return run;
}
