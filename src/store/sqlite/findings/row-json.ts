/** Findings rows to docs/architecture.md's `findings[]` JSON, and the one sort order every list uses. */
import { SEVERITIES, type FindingFacts, type FindingJson, type FindingKind, type FindingStatus, type Severity, type Suppression } from '../../../findings/types.js';
import type { RiskJson } from '../../../inventory/types.js';
import { effectiveStatus } from '../../../findings/status.js';
import type { Selectable } from 'kysely';
import type { FindingsTable } from './schema.js';

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function rowToJson(r: Selectable<FindingsTable>, nowMs: number): FindingJson {
  return {
    id: r.id,
    deviceId: r.device_id,
    kind: r.kind as FindingKind,
    key: r.key,
    severity: r.severity as Severity,
    title: r.title,
    detail: r.detail,
    evidence: parseJson<string[]>(r.evidence, []),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    count: r.count,
    status: effectiveStatus(r.status as FindingStatus, r.status_expires, nowMs),
    statusReason: r.status_reason,
    statusOwner: r.status_owner,
    statusExpires: r.status_expires,
    statusChangedAt: r.status_changed_at,
    statusBy: r.status_by,
    facts: parseJson<FindingFacts>(r.facts, {}),
    suppression: parseJson<Suppression | null>(r.suppression, null),
    risk: parseJson<RiskJson | null>(r.risk, null),
  };
}

/** Highest severity first, then highest risk score (when the risk stage gave one), then most recently seen. */
export function compareFindings(a: FindingJson, b: FindingJson): number {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s !== 0) return s;
  const ra = a.risk?.score ?? -1;
  const rb = b.risk?.score ?? -1;
  if (ra !== rb) return rb - ra;
  if (a.lastSeen !== b.lastSeen) return a.lastSeen < b.lastSeen ? 1 : -1;
  return a.id.localeCompare(b.id);
}
