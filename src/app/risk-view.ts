/**
 * The risk every output shows (docs/architecture.md `risk` on devices and findings): one place that reads the inventory, the
 * findings and the controls register and scores them, so `analyze --json`, `devices` and `findings` always agree.
 * Risk is computed on read, never stored: a new control or weights file changes it at once.
 */
import type { FindingQuery, FindingJson } from '../findings/types.js';
import type { DeviceJson, ListOptions, RiskDevice } from '../inventory/types.js';
import { assessRisk, byRiskDesc, type Scored } from '../risk/assess.js';
import { loadRiskWeights, type RiskWeights } from '../risk/weights.js';
import type { Workspace } from '../store/workspace.js';

export interface RiskViewOptions {
  /** A user weights file deep-merged over data/risk-weights.json (`--weights`). */
  weightsFile?: string | undefined;
  devices?: ListOptions;
  /** Which findings to return (false: none, only the devices); every finding of a device counts towards its score. */
  findings?: FindingQuery | false;
}

type RiskStores = Pick<Workspace, 'inventory' | 'findings' | 'risk'>;

/** Devices and findings with `risk` filled; findings highest risk first. */
export async function riskView(ws: RiskStores, options: RiskViewOptions = {}): Promise<{ devices: DeviceJson[]; findings: FindingJson[] }> {
  // Weights first: a bad file is the user's error and should stop before any reading.
  const weights = loadRiskWeights(options.weightsFile);
  const devices = await ws.inventory.listDevices(options.devices ?? {});
  // Scores use all of a device's findings (status decides inside the formula what counts), whatever the filter.
  const scored = await score(ws, devices, await ws.findings.list(), weights);
  if (options.findings === false) return { devices: scored.devices, findings: [] };
  const query = options.findings;
  const findings = (query === undefined ? scored.findings : scored.findings.filter((f) => matches(f, query))).sort(byRiskDesc);
  return { devices: scored.devices, findings };
}

/**
 * Devices already read, scored (a JSON export reads what risk needs, then writes each device's cached line). Weights
 * come loaded, so a bad file stops the command before any reading.
 */
export async function scoreDevices<D extends RiskDevice>(ws: RiskStores, devices: readonly D[], weights: RiskWeights): Promise<Scored<D>[]> {
  return (await score(ws, devices, await ws.findings.list(), weights)).devices;
}

/**
 * Devices and findings already read, scored against the workspace's controls, support and maintenance windows at
 * `nowMs`. A device's score rests on its own findings only, so a caller may pass one device and its findings.
 */
export async function score<D extends RiskDevice>(ws: Pick<Workspace, 'risk'>, devices: readonly D[], findings: readonly FindingJson[], weights: RiskWeights, nowMs: number = Date.now()): Promise<{ devices: Scored<D>[]; findings: FindingJson[] }> {
  const ctx = await ws.risk.context();
  return assessRisk(devices, findings, ctx.controls, ctx.support, weights, { nowMs, windows: ctx.windows });
}

/** The store's query applied to what it already returned (statuses as listed: an expired acceptance reads as open). */
export function matches(f: FindingJson, q: FindingQuery): boolean {
  return (q.deviceId === undefined || f.deviceId === q.deviceId)
    && (q.kinds === undefined || q.kinds.length === 0 || q.kinds.includes(f.kind))
    && (q.statuses === undefined || q.statuses.length === 0 || q.statuses.includes(f.status));
}
