/** Findings as people read and work them: listed with risk scored (highest first), and their status changed. */
import type { FindingJson, FindingKind, FindingQuery, FindingStatus, StatusChange } from '../findings/types.js';
import { resolveDeviceId } from '../inventory/resolve-device.js';
import type { DeviceJson } from '../inventory/types.js';
import { loadRiskWeights } from '../risk/weights.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { matches, riskView, score } from './risk-view.js';
import { scoredInventory } from './scored-cache.js';

export interface FindingListOptions {
  /** A device as a person names it: id, MAC, IP or host name (inventory/resolve-device.ts). */
  device?: string | undefined;
  kinds?: readonly FindingKind[] | undefined;
  /** undefined: every status. */
  statuses?: readonly FindingStatus[] | undefined;
  weightsFile?: string | undefined;
}

async function findingQuery(ws: Workspace, options: FindingListOptions): Promise<FindingQuery> {
  const deviceId = options.device === undefined ? undefined : await resolveDeviceId(ws.inventory, options.device);
  return {
    ...(deviceId !== undefined ? { deviceId } : {}),
    ...(options.kinds !== undefined ? { kinds: [...options.kinds] } : {}),
    ...(options.statuses !== undefined ? { statuses: [...options.statuses] } : {}),
  };
}

/**
 * Findings matching the options, highest risk first, with every device (retired ones too) to name them by. Scores
 * everything afresh: for a command run once (`wardwatch findings`); a server answering many reads uses findingsList.
 */
export async function listFindings(ws: Workspace, options: FindingListOptions): Promise<{ findings: FindingJson[]; devices: Map<string, DeviceJson> }> {
  const query = await findingQuery(ws, options);
  const view = await riskView(ws, { weightsFile: options.weightsFile, devices: { includeRetired: true }, findings: query });
  return { findings: view.findings, devices: new Map(view.devices.map((d) => [d.id, d])) };
}

/** The findings listFindings returns, from the scored inventory kept between reads (scored-cache.ts). */
export async function findingsList(ws: Workspace, options: FindingListOptions): Promise<FindingJson[]> {
  const query = await findingQuery(ws, options);
  const { findings } = await scoredInventory(ws, options.weightsFile);
  return findings.filter((f) => matches(f, query));
}

/** A person's status change (the workflow's rules in findings/status.ts); returns the finding as it is now. */
export function setFindingStatus(ws: Workspace, id: string, change: StatusChange): Promise<FindingJson> {
  return ws.findings.setStatus(id, change);
}

/**
 * One finding with its risk scored, as the listing shows it; AppError not-found when unknown. Read by id: its score
 * depends only on its device and that device's other findings (exposure), so those are all it reads.
 */
export async function findingById(ws: Workspace, id: string, weightsFile?: string): Promise<FindingJson> {
  const weights = loadRiskWeights(weightsFile);
  const nowMs = Date.now();
  const found = await ws.findings.get(id);
  if (found === null) throw new AppError(ErrorCode.NotFound, `no finding ${id.slice(0, 60)}`);
  const device = await ws.inventory.getDevice(found.deviceId);
  const siblings = await ws.findings.list({ deviceId: found.deviceId }, nowMs);
  const scored = await score(ws, device === null ? [] : [device], siblings, weights, nowMs);
  return scored.findings.find((f) => f.id === id) ?? found;
}
