/**
 * What one ingested batch changed, as live events: the same before/after diff `wardwatch analyze` prints
 * (src/app/changes.ts), turned into alert events by the one event builder (src/alerts/build-event.ts), so events on
 * the server's stream and alerts to a SIEM carry the same PHI-free fields.
 */
import { buildAlertEvent, type AlertSource } from '../../alerts/build-event.js';
import type { AlertEvent } from '../../alerts/types.js';
import type { FindingJson } from '../../findings/types.js';
import type { DeviceJson } from '../../inventory/types.js';
import type { RiskWeights } from '../../risk/weights.js';
import { violations } from '../../segmentation/baseline.js';
import { readSegmentView } from '../../segmentation/read-view.js';
import type { Workspace } from '../../store/workspace.js';
import { diffAfterMark, type ChangeMark } from '../changes.js';
import { scoreDevices } from '../risk-view.js';

type EventStores = Pick<Workspace, 'inventory' | 'findings' | 'risk' | 'baseline'>;

/** Devices by id, scored, read once for every event of the batch. */
async function devicesById(ws: EventStores, ids: Iterable<string>, weights: RiskWeights): Promise<Map<string, DeviceJson>> {
  const found: DeviceJson[] = [];
  for (const id of new Set(ids)) {
    const d = await ws.inventory.getDevice(id);
    if (d !== null) found.push(d);
  }
  const scored = found.length === 0 ? [] : await scoreDevices(ws, found, weights);
  return new Map(scored.map((d) => [d.id, d]));
}

/** The violation behind a segmentation finding (its key is `serverId|proto|port`, its device the client). */
async function violationSources(ws: EventStores, found: readonly FindingJson[], devices: (id: string) => DeviceJson | null): Promise<AlertSource[]> {
  if (found.length === 0) return [];
  const baseline = await ws.baseline.read();
  if (baseline === null) return [];
  const view = await readSegmentView(ws.inventory);
  const byKey = new Map(violations(view.conduits, view.byId, baseline).map((v) => [`${v.conduit.clientId}|${v.conduit.serverId}|${v.conduit.proto}|${String(v.conduit.port ?? -1)}`, v]));
  const out: AlertSource[] = [];
  for (const f of found) {
    const v = byKey.get(`${f.deviceId}|${f.key}`);
    if (v !== undefined) out.push({ kind: 'segmentation-violation', violation: v, client: devices(v.conduit.clientId), server: devices(v.conduit.serverId) });
  }
  return out;
}

/** The events for everything that changed after `mark`, in a fixed order: devices, changes, findings, violations. */
export async function batchEvents(ws: EventStores, mark: ChangeMark, weights: RiskWeights, nowMs: number): Promise<AlertEvent[]> {
  const diff = await diffAfterMark(ws, mark);
  const violationFindings = diff.opened.filter((f) => f.kind === 'segmentation-violation');
  const otherFindings = diff.opened.filter((f) => f.kind !== 'segmentation-violation');
  const changedIds = [...new Set(diff.changes.map((c) => c.deviceId))];
  const serverIds = violationFindings.map((f) => f.key.split('|')[0] ?? '');
  const devices = await devicesById(ws, [...diff.newDeviceIds, ...changedIds, ...diff.opened.map((f) => f.deviceId), ...serverIds], weights);
  const device = (id: string): DeviceJson | null => devices.get(id) ?? null;

  const sources: AlertSource[] = [];
  for (const id of diff.newDeviceIds) {
    const d = device(id);
    if (d !== null) sources.push({ kind: 'device-new', device: d });
  }
  for (const id of changedIds) {
    const d = device(id);
    if (d !== null) sources.push({ kind: 'device-changed', device: d, changes: diff.changes.filter((c) => c.deviceId === id) });
  }
  for (const f of otherFindings) sources.push({ kind: 'finding', finding: f, reopened: mark.knownFindings.has(f.id), device: device(f.deviceId) });
  sources.push(...await violationSources(ws, violationFindings, device));

  const events: AlertEvent[] = [];
  for (const s of sources) {
    const e = buildAlertEvent(s, { nowMs });
    if (e !== null) events.push(e);
  }
  return events;
}
