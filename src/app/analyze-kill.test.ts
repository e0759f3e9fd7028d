/**
 * A run is finished only when all of it is (app/analyze.ts): `wardwatch analyze` killed with SIGKILL at any moment
 * leaves either a finished run with all its devices and findings, or no finished run (what committed of it is held
 * open); never devices recorded as a finished run without their findings. The next run completes it.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../store/workspace.js';
import { corpusCaptures, dbState, run, SAMPLE, start, type DbState, type Exit } from './test-support/analyze-runs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-kill-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const captures = [...corpusCaptures(), SAMPLE];
const analyze = (db: string): string[] => ['analyze', ...captures, '--db', db, '--json', '--no-progress'];

let complete: DbState;
let fullRunMs = 0;

beforeAll(async () => {
  const db = path.join(dir, 'reference.db');
  const t0 = performance.now();
  const r = await run(analyze(db));
  fullRunMs = performance.now() - t0;
  expect(r.code, r.stderr).toBe(0);
  complete = await dbState(db);
  // The run must have something to lose: devices and findings.
  expect(complete.devices).toBeGreaterThan(50);
  expect(complete.findings.length).toBeGreaterThan(5);
});

/** An empty, migrated database: the only writes the run makes are its own batches and its end. */
async function emptyDb(name: string): Promise<string> {
  const db = path.join(dir, name);
  await (await openWorkspace(db)).close();
  return db;
}

/** A write-ahead log starts with a 32-byte header, written when a connection opens it (https://sqlite.org/fileformat.html#the_write_ahead_log). */
const WAL_HEADER_BYTES = 32;

function walBytes(db: string): number {
  return existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
}

/** Checks what a killed run left, then that a rerun completes it. Returns whether the killed run had finished. */
async function checkAfterKill(db: string, killed: Exit): Promise<boolean> {
  const after = await dbState(db);
  const finished = after.runs.some((r) => r.finished);
  if (finished) {
    // Recorded as finished: then all of it is there.
    expect(after.devices).toBe(complete.devices);
    expect(after.findings).toEqual(complete.findings);
  } else {
    // Not finished: whatever committed is held open, and no finding was written without its run's end.
    expect(after.findings, `killed by ${String(killed.signal)}`).toEqual([]);
  }
  const rerun = await run(analyze(db));
  expect(rerun.code, rerun.stderr).toBe(0);
  const final = await dbState(db);
  expect(final.devices).toBe(complete.devices);
  expect(final.addresses).toEqual(complete.addresses);
  expect(final.findings).toEqual(complete.findings);
  expect(final.runs.at(-1)?.finished).toBe(true);
  return finished;
}

describe('analyze killed with SIGKILL', () => {
  it.each([0.2, 0.5, 0.8, 0.95, 1.1])('at %f of a full run: finished with everything, or not finished; a rerun completes', async (fraction) => {
    const db = await emptyDb(`timed-${String(fraction)}.db`);
    const p = start(analyze(db));
    const timer = setTimeout(() => { p.child.kill('SIGKILL'); }, Math.round(fullRunMs * fraction));
    const killed = await p.done;
    clearTimeout(timer);
    await checkAfterKill(db, killed);
  });

  it('during the final write (the first bytes the run puts in the write-ahead log)', async () => {
    const db = await emptyDb('final-write.db');
    const p = start(analyze(db));
    const state = { exited: false };
    void p.done.then(() => { state.exited = true; });
    // Poll the log: the run's first write is a batch or its end, so the kill lands inside or just after that commit.
    while (!state.exited && walBytes(db) <= WAL_HEADER_BYTES) await new Promise((resolve) => setImmediate(resolve));
    p.child.kill('SIGKILL');
    await checkAfterKill(db, await p.done);
  });
});
