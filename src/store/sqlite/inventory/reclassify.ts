/**
 * Stored evidence for many devices at once and their re-classification (§7 scale): one query per chunk
 * of devices instead of one per device, profiles written by applyProfiles in the caller's transaction.
 */
import type { DeviceProfile, Evidence, EvidenceAttribute } from '../../../identify/types.js';
import { prepared } from '../statement-cache.js';
import { applyProfiles, factKey, type ProfileEntry, type StoredFact } from './apply-profile.js';
import { IN_JSON, type Raw } from './batch-state.js';

export type Classify = (evidence: Evidence[]) => DeviceProfile;

const EVIDENCE_ATTRIBUTES = {
  vendor: true, model: true, type: true, category: true, osName: true, osVersion: true, osLabel: true, firmware: true,
  serial: true, hostname: true, aeTitle: true, hl7Application: true, hl7Facility: true, dicomImplementationClassUid: true,
  dicomImplementationVersionName: true, location: true, department: true, switchPort: true, switchName: true, vlan: true,
  udi: true, eui64: true, tlsClientFingerprint: true, tlsServerName: true,
} as const satisfies Record<EvidenceAttribute, true>;

function isEvidenceAttribute(value: string): value is EvidenceAttribute {
  return Object.hasOwn(EVIDENCE_ATTRIBUTES, value);
}

const SQL = {
  existing: `SELECT id FROM devices WHERE id ${IN_JSON}`,
  aliases: `SELECT alias_id AS aliasId, device_id AS deviceId FROM device_aliases WHERE alias_id ${IN_JSON}`,
  evidence: `SELECT device_id AS deviceId, attribute, value, source, detail, confidence, last_seen AS lastSeen
    FROM device_evidence WHERE device_id ${IN_JSON} ORDER BY id`,
} as const;

export interface EvidenceRow {
  deviceId: string;
  attribute: string;
  value: string;
  source: string;
  detail: string;
  confidence: number;
  lastSeen: string;
}

/** Ids as they are now: a merged-away id becomes its survivor, unknown ids drop out, each id once, in order. */
export function resolveIds(raw: Raw, ids: readonly string[]): string[] {
  const json = JSON.stringify(ids);
  const existing = new Set((prepared(raw, SQL.existing).all(json) as { id: string }[]).map((r) => r.id));
  const aliases = new Map((prepared(raw, SQL.aliases).all(json) as { aliasId: string; deviceId: string }[]).map((r) => [r.aliasId, r.deviceId]));
  const out = new Set<string>();
  for (const id of ids) {
    const resolved = existing.has(id) ? id : aliases.get(id);
    if (resolved !== undefined) out.add(resolved);
  }
  return [...out];
}

export interface DeviceEvidence {
  evidence: Evidence[];
  stored: Map<string, StoredFact>;
}

/** Every stored evidence row of these (resolved) devices, oldest row first, as identify reads it. */
export function evidenceOf(raw: Raw, ids: readonly string[]): Map<string, DeviceEvidence> {
  return evidenceRowsOf(ids, prepared(raw, SQL.evidence).all(JSON.stringify(ids)) as EvidenceRow[]);
}

/** Evidence rows (SQL.evidence's, oldest first, from any dialect) grouped per device as identify reads them. */
export function evidenceRowsOf(ids: readonly string[], rows: readonly EvidenceRow[]): Map<string, DeviceEvidence> {
  const out = new Map<string, DeviceEvidence>(ids.map((id) => [id, { evidence: [], stored: new Map() }]));
  for (const r of rows) {
    const d = out.get(r.deviceId);
    if (d === undefined) continue;
    const tsMs = Date.parse(r.lastSeen);
    d.stored.set(factKey(r.attribute, r.value, r.source, r.detail), { confidence: r.confidence, lastSeenMs: tsMs });
    if (!isEvidenceAttribute(r.attribute)) continue;
    d.evidence.push({ attribute: r.attribute, value: r.value, source: r.source, detail: r.detail, confidence: r.confidence, tsMs });
  }
  return out;
}

/** Classify each device from its stored evidence and write the profiles; returns how many devices. */
export function reclassifyChunk(raw: Raw, ids: readonly string[], classify: Classify, atMs: number): number {
  const evidence = evidenceOf(raw, resolveIds(raw, ids));
  const entries: ProfileEntry[] = [];
  for (const [deviceId, d] of evidence) entries.push({ deviceId, profile: classify(d.evidence), stored: d.stored });
  applyProfiles(raw, entries, atMs);
  return entries.length;
}
