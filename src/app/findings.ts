/** Findings as people read and work them: listed with risk scored (highest first), and their status changed. */
import type { FindingJson, FindingKind, FindingStatus, StatusChange } from '../findings/types.js';
import { resolveDeviceId } from '../inventory/resolve-device.js';
import type { DeviceJson } from '../inventory/types.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { riskView } from './risk-view.js';

export interface FindingListOptions {
  /** A device as a person names it: id, MAC, IP or host name (inventory/resolve-device.ts). */
  device?: string | undefined;
  kinds?: readonly FindingKind[] | undefined;
  /** undefined: every status. */
  statuses?: readonly FindingStatus[] | undefined;
  weightsFile?: string | undefined;
}

/** Findings matching the options, highest risk first, with every device (retired ones too) to name them by. */
export async function listFindings(ws: Workspace, options: FindingListOptions): Promise<{ findings: FindingJson[]; devices: Map<string, DeviceJson> }> {
  const deviceId = options.device === undefined ? undefined : await resolveDeviceId(ws.inventory, options.device);
  const query = {
    ...(deviceId !== undefined ? { deviceId } : {}),
    ...(options.kinds !== undefined ? { kinds: [...options.kinds] } : {}),
    ...(options.statuses !== undefined ? { statuses: [...options.statuses] } : {}),
  };
  const view = await riskView(ws, { weightsFile: options.weightsFile, devices: { includeRetired: true }, findings: query });
  return { findings: view.findings, devices: new Map(view.devices.map((d) => [d.id, d])) };
}

/** A person's status change (the workflow's rules in findings/status.ts); returns the finding as it is now. */
export function setFindingStatus(ws: Workspace, id: string, change: StatusChange): Promise<FindingJson> {
  return ws.findings.setStatus(id, change);
}

/** One finding with its risk scored, as the listing shows it; AppError not-found when unknown. */
export async function findingById(ws: Workspace, id: string): Promise<FindingJson> {
  const found = (await listFindings(ws, {})).findings.find((f) => f.id === id);
  if (found === undefined) throw new AppError(ErrorCode.NotFound, `no finding ${id.slice(0, 60)}`);
  return found;
}
