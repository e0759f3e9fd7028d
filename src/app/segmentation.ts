/**
 * Segmentation as people ask for it (mission §5): the conduits seen (per device or per zone pair), the blast radius
 * of a compromised device with the risk of what it reaches, and the allow-list policy compiled from the conduits
 * (rendered by the caller), which a person may approve as the baseline later traffic is checked against.
 */
import { resolveDeviceId } from '../inventory/resolve-device.js';
import type { ConduitJson, ExternalPeerJson, RiskJson } from '../inventory/types.js';
import { loadRiskWeights } from '../risk/weights.js';
import { blastRadius, type BlastRadius, type ReachedDevice } from '../segmentation/blast-radius.js';
import { buildPolicy, type Policy } from '../segmentation/policy/policy-model.js';
import { readSegmentView, type SegmentView } from '../segmentation/read-view.js';
import { zoneConduits, zoneOf, type ZoneConduit } from '../segmentation/zone-conduits.js';
import type { Workspace } from '../store/workspace.js';
import { riskText } from './risk-label.js';
import { scoreDevices } from './risk-view.js';

/** Devices named in the "highest risk within reach" sentence. */
const RISKIEST_NAMED = 3;

export type ConduitWithZones = ConduitJson & { clientZone: string; serverZone: string };
export type PeerWithZone = ExternalPeerJson & { deviceZone: string };

export interface ConduitsAnswer {
  view: SegmentView;
  conduits: ConduitWithZones[];
  /** External peers of live devices (those of retired devices are left out, as their conduits are). */
  externalPeers: PeerWithZone[];
}

/** Conduits between live devices, with `device` (id, MAC, IP or host name) only its own, each end with its zone. */
export async function listConduits(ws: Workspace, device?: string): Promise<ConduitsAnswer> {
  const deviceId = device === undefined ? undefined : await resolveDeviceId(ws.inventory, device);
  const view = await readSegmentView(ws.inventory);
  const zoneOfId = (id: string): string => zoneOf(view.byId.get(id));
  const conduits = deviceId === undefined ? view.conduits : view.conduits.filter((c) => c.clientId === deviceId || c.serverId === deviceId);
  const peers = (await ws.inventory.externalPeers(deviceId)).filter((p) => view.byId.has(p.deviceId));
  return {
    view,
    conduits: conduits.map((c) => ({ ...c, clientZone: zoneOfId(c.clientId), serverZone: zoneOfId(c.serverId) })),
    externalPeers: peers.map((p) => ({ ...p, deviceZone: zoneOfId(p.deviceId) })),
  };
}

/** The same conduits summed per zone pair. */
export async function listZoneConduits(ws: Workspace, device?: string): Promise<ZoneConduit[]> {
  const { view, conduits } = await listConduits(ws, device);
  return zoneConduits(conduits, view.devices);
}

export type ReachedWithRisk = ReachedDevice & { risk: Pick<RiskJson, 'score' | 'level'> | null };

/** What a compromised `device` could reach in `maxHops` connections, each reached device with its risk. */
export async function blastRadiusOf(ws: Workspace, device: string, maxHops: number, weightsFile?: string): Promise<{
  blastRadius: Omit<BlastRadius, 'reached'> & { reached: ReachedWithRisk[] };
  view: SegmentView;
}> {
  const weights = loadRiskWeights(weightsFile);
  const origin = await resolveDeviceId(ws.inventory, device);
  const view = await readSegmentView(ws.inventory);
  const result = blastRadius(origin, view.conduits, view.devices, { maxHops });
  const scored = await scoreDevices(ws, await ws.inventory.listDevicesForExport(), weights);
  const riskOf = new Map(scored.map((d) => [d.id, { score: d.risk.score, level: d.risk.level }]));
  const reached = result.reached.map((r) => ({ ...r, risk: riskOf.get(r.id) ?? null }));
  const riskiest = reached.filter((r) => r.risk !== null && r.risk.score > 0).sort((a, b) => (b.risk?.score ?? 0) - (a.risk?.score ?? 0)).slice(0, RISKIEST_NAMED);
  const reasons = riskiest.length === 0 ? result.reasons : [...result.reasons, `Highest risk within reach: ${riskiest.map((r) => `${r.label} at ${riskText(r.risk)}`).join(', ')}.`];
  return { blastRadius: { ...result, reached, reasons }, view };
}

/** The allow-list policy of the conduits seen: one rule per zone pair and service, with external peers of live devices. */
export async function compilePolicy(ws: Workspace): Promise<{ policy: Policy; conduits: number }> {
  const view = await readSegmentView(ws.inventory);
  // External peers of live devices: rules to and from zone `external` (addresses outside the site's networks).
  const peers = (await ws.inventory.externalPeers()).filter((p) => view.byId.has(p.deviceId));
  return { policy: buildPolicy(view.conduits, view.devices, peers), conduits: view.conduits.length };
}

/** Record the zone-to-zone services seen as the approved policy; returns how many services and conduits it covers. */
export async function approvePolicy(ws: Workspace, by: string, atMs: number = Date.now()): Promise<{ services: number; conduits: number }> {
  const { policy, conduits } = await compilePolicy(ws);
  const services = policy.rules.map((r) => ({ fromZone: r.fromZone, toZone: r.toZone, proto: r.proto, port: r.port }));
  await ws.baseline.approve(services, by, atMs);
  return { services: services.length, conduits };
}
