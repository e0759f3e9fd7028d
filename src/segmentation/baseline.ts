/**
 * The approved policy (mission §5): the zone-to-zone services a person signed off (`wardwatch policy --approve`),
 * and the conduits that break it. Approval is by zone and service, the unit a segmentation design talks about: a new
 * scanner sending DICOM to the PACS is what the imaging zone does; a pump opening SSH to the PACS is not.
 */
import type { ConduitJson } from '../inventory/types.js';
import type { SegmentDevice, ZoneName } from './types.js';
import { zoneOf } from './zone-conduits.js';

export interface ApprovedService {
  fromZone: string;
  toZone: string;
  proto: string;
  port: number | null;
}

export interface Baseline {
  services: ApprovedService[];
  approvedAt: string;
  approvedBy: string;
}

export function serviceKey(s: ApprovedService): string {
  return `${s.fromZone}>${s.toZone}|${s.proto}|${String(s.port ?? -1)}`;
}

export interface Violation {
  conduit: ConduitJson;
  fromZone: ZoneName;
  toZone: ZoneName;
}

/**
 * Conduits whose zone pair and service the approved policy does not list. Not judged by time: approving takes in
 * every service seen until then, so whatever is outside it was seen later, or in a capture read later.
 */
export function violations(conduits: readonly ConduitJson[], devices: ReadonlyMap<string, SegmentDevice>, baseline: Baseline): Violation[] {
  const allowed = new Set(baseline.services.map(serviceKey));
  const out: Violation[] = [];
  for (const c of conduits) {
    const fromZone = zoneOf(devices.get(c.clientId));
    const toZone = zoneOf(devices.get(c.serverId));
    if (!allowed.has(serviceKey({ fromZone, toZone, proto: c.proto, port: c.port }))) out.push({ conduit: c, fromZone, toZone });
  }
  return out;
}
