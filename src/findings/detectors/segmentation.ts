/**
 * segmentation-violation findings (mission §5): traffic between zones on a service the approved policy does not list.
 * One finding per client device, server device and service; reaching a device that keeps a patient alive or
 * monitored is high, anything else medium.
 */
import type { Baseline, Violation } from '../../segmentation/baseline.js';
import type { SegmentDevice, ZoneName } from '../../segmentation/types.js';
import type { FindingInput } from '../types.js';

/** Zones whose devices act on a patient: an unapproved path into them is one step from harm. */
export const PATIENT_ZONES: ReadonlySet<ZoneName> = new Set(['life-support', 'infusion', 'patient-monitoring']);

function service(v: Violation): string {
  const c = v.conduit;
  const where = c.port === null ? c.proto : `${c.proto}/${String(c.port)}`;
  return c.app === null ? where : `${where} (${c.app})`;
}

function named(id: string, ip: string | null, zone: ZoneName, devices: ReadonlyMap<string, SegmentDevice>): string {
  const label = devices.get(id)?.label ?? id;
  return `${label} (${ip === null || label.includes(ip) ? '' : `${ip}, `}${zone})`;
}

export function segmentationFinding(v: Violation, devices: ReadonlyMap<string, SegmentDevice>, baseline: Baseline): FindingInput {
  const c = v.conduit;
  const what = service(v);
  const from = named(c.clientId, c.clientIp, v.fromZone, devices);
  const to = named(c.serverId, c.serverIp, v.toZone, devices);
  const times = c.flows === 1 ? 'once' : `${String(c.flows)} times`;
  return {
    deviceId: c.clientId,
    kind: 'segmentation-violation',
    key: `${c.serverId}|${c.proto}|${String(c.port ?? -1)}`,
    severity: PATIENT_ZONES.has(v.toZone) ? 'high' : 'medium',
    title: `Traffic outside the approved segmentation policy: ${v.fromZone} -> ${v.toZone} ${what}`,
    detail: `${from} opened ${what} to ${to} ${times}; the policy approved on ${baseline.approvedAt.slice(0, 10)} by ${baseline.approvedBy} does not allow ${v.fromZone} -> ${v.toZone} on it`,
    evidence: [`${from} -> ${to} ${what}: ${times} between ${c.firstSeen} and ${c.lastSeen}`],
    firstSeenMs: Date.parse(c.firstSeen),
    lastSeenMs: Date.parse(c.lastSeen),
    count: c.flows,
    facts: { service: c.port === null ? c.proto : `${c.proto}/${String(c.port)}`, ...(c.serverIp === null ? {} : { peers: [c.serverIp] }) },
  };
}
