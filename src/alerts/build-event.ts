/**
 * The one way an alert event is made: from inventory and finding types, copying only fields that are safe to send
 * (identifiers, checked addresses, vocabulary words, numbers, bounded inventory text). Finding titles, details,
 * evidence and keys are never read: they can carry user names, communities or where PHI was seen.
 */
import { randomUUID } from 'node:crypto';
import { PATIENT_ZONES } from '../findings/detectors/segmentation.js';
import { isFindingStatus } from '../findings/status.js';
import { FINDING_KINDS, type FindingJson } from '../findings/types.js';
import { DEVICE_CATEGORIES, type DeviceCategory } from '../identify/types.js';
import type { DeviceJson, HistoryEntry } from '../inventory/types.js';
import type { Violation } from '../segmentation/baseline.js';
import type { ZoneName } from '../segmentation/types.js';
import { FINDING_NAMES } from './finding-names.js';
import { isRiskLevel } from './risk-level.js';
import { safeCount, safeCve, safeId, safeIp, safeMac, safeProtoWord, safeService, safeText } from './safe-fields.js';
import type { AlertChange, AlertDevice, AlertEvent, AlertFinding, ChangeAttribute, IngestStatus, RiskLevel } from './types.js';

/** What the server hands over when something happened. */
export type AlertSource =
  | { kind: 'device-new'; device: DeviceJson }
  | { kind: 'device-changed'; device: DeviceJson; changes: readonly Pick<HistoryEntry, 'attribute' | 'oldValue' | 'newValue'>[] }
  | { kind: 'finding'; finding: FindingJson; reopened: boolean; device: DeviceJson | null }
  | { kind: 'segmentation-violation'; violation: Violation; client: DeviceJson | null; server: DeviceJson | null }
  | { kind: 'ingest-status'; status: IngestStatus }
  | { kind: 'test' };

export interface BuildContext {
  nowMs: number;
  /** Defaults to a fresh UUID. */
  id?: string;
}

/** History attribute names (src/store/sqlite/inventory/apply-profile.ts, addresses.ts) grouped as alerts report them. */
const CHANGE_OF: Readonly<Record<string, ChangeAttribute>> = {
  firmware: 'firmware', osName: 'os', osVersion: 'os', osLabel: 'os', ip: 'address', mac: 'address', category: 'zone',
};
const MAX_CHANGES = 16;
const MAX_CVES = 20;
const FIRMWARE_CHARS = 64;

function isCategory(s: string | null): s is DeviceCategory {
  return s !== null && (DEVICE_CATEGORIES as readonly string[]).includes(s);
}

function safeZone(s: string): ZoneName | null {
  return isCategory(s) || s === 'external' ? s : null;
}

function alertDevice(d: DeviceJson): AlertDevice {
  const category = isCategory(d.category) ? d.category : 'unknown';
  return {
    id: safeId(d.id) ?? 'invalid-id',
    mac: safeMac(d.mac),
    ip: d.ips.map(safeIp).find((ip) => ip !== null) ?? null,
    hostname: safeText(d.hostnames[0]),
    vendor: safeText(d.vendor),
    model: safeText(d.model),
    type: safeText(d.type),
    category,
    zone: category,
    riskScore: safeCount(d.risk?.score),
  };
}

function changeValue(field: string, v: string | null): string | null {
  if (field === 'ip') return safeIp(v);
  if (field === 'mac') return safeMac(v);
  if (field === 'category') return isCategory(v) ? v : null;
  return safeText(v, FIRMWARE_CHARS);
}

function alertChanges(changes: readonly Pick<HistoryEntry, 'attribute' | 'oldValue' | 'newValue'>[]): AlertChange[] {
  const out: AlertChange[] = [];
  for (const c of changes) {
    const attribute = CHANGE_OF[c.attribute];
    if (attribute === undefined || out.length >= MAX_CHANGES) continue;
    out.push({ attribute, field: c.attribute, from: changeValue(c.attribute, c.oldValue), to: changeValue(c.attribute, c.newValue) });
  }
  return out;
}

function alertFinding(f: FindingJson): AlertFinding {
  const cves = (f.facts.cves ?? []).map(safeCve).filter((c) => c !== null).slice(0, MAX_CVES);
  return {
    id: safeId(f.id) ?? 'invalid-id',
    kind: (FINDING_KINDS as readonly string[]).includes(f.kind) ? f.kind : 'known-vulnerability',
    severity: isRiskLevel(f.severity) ? f.severity : 'info',
    status: isFindingStatus(f.status) ? f.status : 'open',
    riskScore: safeCount(f.risk?.score),
    cves,
    kev: f.facts.kev === true,
    service: safeService(f.facts.service),
    firstSeen: isoOr(f.firstSeen),
    lastSeen: isoOr(f.lastSeen),
    count: safeCount(f.count) ?? 1,
  };
}

function isoOr(s: string): string {
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? new Date(0).toISOString() : new Date(ms).toISOString();
}

function label(d: AlertDevice | null): string {
  if (d === null) return 'an unknown device';
  return d.hostname ?? d.ip ?? d.mac ?? d.id;
}

function deviceLevel(d: DeviceJson): RiskLevel {
  return d.risk !== null && isRiskLevel(d.risk.level) ? d.risk.level : 'info';
}

function ingestLevel(s: IngestStatus): RiskLevel {
  if (s.state === 'error') return 'medium';
  return (s.drops ?? 0) > 0 ? 'low' : 'info';
}

/**
 * The alert event for `source`, or null when nothing in it is alert-worthy (a device change that touches none of
 * firmware, OS, address and zone).
 */
export function buildAlertEvent(source: AlertSource, ctx: BuildContext): AlertEvent | null {
  const base = { id: ctx.id ?? randomUUID(), tsMs: ctx.nowMs };
  switch (source.kind) {
    case 'device-new': {
      const device = alertDevice(source.device);
      const what = device.type ?? device.category;
      return { ...base, kind: 'device-new', level: deviceLevel(source.device), device, summary: `New device ${label(device)} (${what}) in zone ${device.zone}` };
    }
    case 'device-changed': {
      const changes = alertChanges(source.changes);
      if (changes.length === 0) return null;
      const device = alertDevice(source.device);
      const what = [...new Set(changes.map((c) => c.attribute))].join(', ');
      return { ...base, kind: 'device-changed', level: deviceLevel(source.device), device, changes, summary: `Device ${label(device)} changed ${what}` };
    }
    case 'finding': {
      const finding = alertFinding(source.finding);
      const device = source.device === null ? null : alertDevice(source.device);
      const kind = source.reopened ? 'finding-reopened' : 'finding-new';
      const level = source.finding.risk !== null && isRiskLevel(source.finding.risk.level) ? source.finding.risk.level : finding.severity;
      const prefix = source.reopened ? 'Re-opened: ' : '';
      return { ...base, kind, level, device, finding, summary: `${prefix}${FINDING_NAMES[finding.kind]} on ${label(device)}` };
    }
    case 'segmentation-violation': {
      const v = source.violation;
      const c = v.conduit;
      const fromZone = safeZone(v.fromZone) ?? 'unknown';
      const toZone = safeZone(v.toZone) ?? 'unknown';
      const client = source.client === null ? null : alertDevice(source.client);
      const server = source.server === null ? null : alertDevice(source.server);
      const proto = safeProtoWord(c.proto) ?? 'unknown';
      const port = c.port !== null && Number.isInteger(c.port) && c.port >= 0 && c.port <= 65535 ? c.port : null;
      const conduit = { fromZone, toZone, proto, port, app: safeProtoWord(c.app), flows: safeCount(c.flows) ?? 0, bytes: safeCount(c.bytes) ?? 0 };
      const svc = `${proto}/${port === null ? '-' : String(port)}`;
      return {
        ...base, kind: 'segmentation-violation', level: PATIENT_ZONES.has(toZone) ? 'high' : 'medium', client, server, conduit,
        summary: `Unapproved ${svc} from ${label(client)} (${fromZone}) to ${label(server)} (${toZone})`,
      };
    }
    case 'ingest-status': {
      const s = source.status;
      const state = s.state === 'running' || s.state === 'stopped' ? s.state : 'error';
      const ingest: IngestStatus = {
        state, packetsPerSec: safeCount(s.packetsPerSec), drops: safeCount(s.drops), lastFile: safeText(baseName(s.lastFile)),
      };
      return { ...base, kind: 'ingest-status', level: ingestLevel(ingest), ingest, summary: `Ingest ${state}${ingest.drops !== null && ingest.drops > 0 ? `, ${String(ingest.drops)} packets dropped` : ''}` };
    }
    case 'test':
      return { ...base, kind: 'test', level: 'info', summary: 'wardwatch test alert' };
  }
}

function baseName(p: string | null): string | null {
  if (p === null) return null;
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] ?? null;
}
