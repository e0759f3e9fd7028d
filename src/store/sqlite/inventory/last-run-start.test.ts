/**
 * `wardwatch changes` without --since reads from the start of the last finished analyze run (read-changes.ts
 * lastRunStart): a run killed in the middle, or one still in progress, leaves its batch rows unfinished and must not
 * count. Each run below is written as analyze writes it: every batch held open, the end of the run finishing them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, key, obs, T0 } from '../../../inventory/test-support/batch.js';
import { openWorkspace, type Workspace } from '../../workspace.js';

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

let dir: string;
let ws: Workspace;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-last-run-'));
  ws = await openWorkspace(path.join(dir, 'w.db'));
});

afterEach(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A run's batches as analyze ingests them (each held open); returns their run row ids. */
async function batches(source: string, startMs: number, captureMs: readonly number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, ts] of captureMs.entries()) {
    const b = { ...batch([obs(key(`00:1b:00:00:00:0${i}`, null), 'hostname', `H${i}`, ts)]), sources: [source] };
    const r = await ws.inventory.ingest(b, startMs + i * 1000);
    await ws.runs.holdOpen(r.runId);
    ids.push(r.runId);
  }
  return ids;
}

async function finishedRun(source: string, startMs: number, captureMs: readonly number[]): Promise<void> {
  await ws.runs.finish(await batches(source, startMs, captureMs), startMs + HOUR);
}

describe('the last finished run', () => {
  it('skips a run killed in the middle after it (other sources): the finished run before it is the last run', async () => {
    await finishedRun('first.pcap', T0, [T0 - 2 * HOUR, T0 - HOUR]);
    await batches('second.pcap', T0 + 2 * HOUR, [T0 + 5 * HOUR, T0 + 6 * HOUR]);
    expect(await ws.inventory.lastRunStart()).toEqual({ wall: iso(T0), capture: iso(T0 - 2 * HOUR) });
  });

  it('does not reach back through a killed run over the same sources into the run before it', async () => {
    await finishedRun('ward.pcap', T0, [T0 - 9 * HOUR]);
    await batches('ward.pcap', T0 + HOUR, [T0 - 8 * HOUR]);
    await finishedRun('ward.pcap', T0 + 2 * HOUR, [T0 - 7 * HOUR, T0 - 6 * HOUR]);
    expect(await ws.inventory.lastRunStart()).toEqual({ wall: iso(T0 + 2 * HOUR), capture: iso(T0 - 7 * HOUR) });
  });

  it('is none while the only run is still in progress', async () => {
    await batches('first.pcap', T0, [T0]);
    expect(await ws.inventory.lastRunStart()).toBeNull();
  });

  it('is the newest run once it finishes, all its batches counted', async () => {
    await finishedRun('first.pcap', T0, [T0 - 2 * HOUR]);
    const ids = await batches('second.pcap', T0 + 2 * HOUR, [T0 + 5 * HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR]);
    await ws.runs.finish(ids, T0 + 3 * HOUR);
    expect(await ws.inventory.lastRunStart()).toEqual({ wall: iso(T0 + 2 * HOUR), capture: iso(T0 + 4 * HOUR) });
  });
});
