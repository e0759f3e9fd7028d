/**
 * The scored inventory kept between reads: every device and finding with risk filled, computed once and reused until
 * something it rests on moves. Risk stays computed on read (risk-view.ts): a read never returns a score older than
 * the data, the weights file or the day it is asked on, it only skips recomputing when none of them changed:
 *  - the workspace's data-version stamp (a committed write by anyone: findings, devices, controls, support, VEX);
 *  - the weights file's identity and modification time (a user edits --weights);
 *  - the UTC day: every time-dependent rule compares a date with now at day granularity (risk/applicability.ts
 *    endOfDayMs, findings/status.ts effectiveStatus), so within one UTC day the clock changes no score or status.
 * Inside an open transaction (stamp null) nothing is kept: the answer is computed and handed out only.
 */
import { statSync } from 'node:fs';
import type { FindingJson } from '../findings/types.js';
import { isoDay } from '../findings/status.js';
import type { RiskDevice } from '../inventory/types.js';
import { byRiskDesc, type Scored } from '../risk/assess.js';
import { loadRiskWeights } from '../risk/weights.js';
import type { Workspace } from '../store/workspace.js';
import { score } from './risk-view.js';

export type CacheStores = Pick<Workspace, 'inventory' | 'findings' | 'risk' | 'dataVersion'>;

export interface ScoredInventory {
  /** Live devices (as `wardwatch devices` lists them), ordered by id. */
  devices: readonly Scored<RiskDevice>[];
  /** Every finding, scored against its device (retired ones too), highest risk first. */
  findings: readonly FindingJson[];
}

interface Entry {
  key: string;
  value: Promise<ScoredInventory>;
}

// One per workspace object: a second workspace (another database) never sees this one's rows.
const entries = new WeakMap<object, Entry>();

/** Counts builds, so tests can tell a reuse from a recompute. */
export const scoredCacheStats = { builds: 0 };

/**
 * The weights file as far as a stat can tell it apart: path, inode, size and mtime in nanoseconds. null when it
 * cannot be stat'ed: then loadRiskWeights is left to say why, with its own error.
 */
function weightsKey(weightsFile: string | undefined): string | null {
  if (weightsFile === undefined) return 'shipped'; // loadRiskWeights reads the shipped file once per process
  try {
    const s = statSync(weightsFile, { bigint: true });
    return `${weightsFile}\0${String(s.ino)}\0${String(s.size)}\0${String(s.mtimeNs)}`;
  } catch {
    return null;
  }
}

async function build(ws: CacheStores, weightsFile: string | undefined, nowMs: number): Promise<ScoredInventory> {
  scoredCacheStats.builds++;
  // Weights first: a bad file is the user's error and should stop before any reading.
  const weights = loadRiskWeights(weightsFile);
  const live = new Set((await ws.inventory.listDevicesForExport()).map((d) => d.id));
  const all = await ws.inventory.listDevicesForExport({ includeRetired: true });
  const scored = await score(ws, all, await ws.findings.list({}, nowMs), weights, nowMs);
  const devices = scored.devices.filter((d) => live.has(d.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { devices, findings: scored.findings.sort(byRiskDesc) };
}

/** The scored inventory as of now: reused while the stamp, the weights file and the day are as they were. */
export async function scoredInventory(ws: CacheStores, weightsFile?: string): Promise<ScoredInventory> {
  const nowMs = Date.now();
  const stamp = await ws.dataVersion();
  const weights = weightsKey(weightsFile);
  if (stamp === null || weights === null) return build(ws, weightsFile, nowMs);
  const key = `${stamp}\0${weights}\0${isoDay(nowMs)}`;
  const held = entries.get(ws);
  if (held !== undefined && held.key === key) return held.value;
  // Requests arriving while it builds share the one build; a failed build is not kept.
  const value = build(ws, weightsFile, nowMs);
  const entry = { key, value };
  entries.set(ws, entry);
  value.catch(() => {
    if (entries.get(ws) === entry) entries.delete(ws);
  });
  return value;
}
