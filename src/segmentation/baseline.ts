/**
 * The approved policy (mission §5): the zone-to-zone services a person signed off (`wardwatch policy --approve`),
 * and the conduits that break it. Approval is by zone and service, the unit a segmentation design talks about: a new
 * scanner sending DICOM to the PACS is what the imaging zone does; a pump opening SSH to the PACS is not.
 */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../inventory/sqlite/schema.js';
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

/** Replaces the approved services, in one transaction. */
export async function approveBaseline(db: Kysely<InventoryDb>, services: readonly ApprovedService[], by: string, atMs: number): Promise<void> {
  const at = new Date(atMs).toISOString();
  const unique = new Map(services.map((s) => [serviceKey(s), s]));
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('policy_baseline').execute();
    for (const s of unique.values()) {
      await tx.insertInto('policy_baseline').values({ from_zone: s.fromZone, to_zone: s.toZone, proto: s.proto, port: s.port ?? -1, approved_at: at, approved_by: by }).execute();
    }
  });
}

/** The approved policy, or null when none was ever approved (then nothing is a violation). */
export async function readBaseline(db: Kysely<InventoryDb>): Promise<Baseline | null> {
  const rows = await db.selectFrom('policy_baseline').selectAll().orderBy('from_zone').orderBy('to_zone').orderBy('proto').orderBy('port').execute();
  const first = rows[0];
  if (first === undefined) return null;
  return {
    services: rows.map((r) => ({ fromZone: r.from_zone, toZone: r.to_zone, proto: r.proto, port: r.port === -1 ? null : r.port })),
    approvedAt: first.approved_at,
    approvedBy: first.approved_by,
  };
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
