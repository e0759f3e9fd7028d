/** Build design.md `devices[]` JSON from rows with one query per table, never one per device (no N+1). */
import { sql, type Selectable } from 'kysely';
import { DEVICE_CATEGORIES, type DeviceCategory } from '../../identify/types.js';
import type { DeviceJson, EvidenceJson } from '../types.js';
import type { DevicesTable } from './schema.js';
import type { Tx } from './tx.js';

type DeviceRow = Selectable<DevicesTable>;
type StoredEvidence = EvidenceJson & { count: number; lastSeen: string; rowId: number };
/** Which devices to read: all (optionally with retired ones) or these ids. */
export type DeviceScope = { all: true; includeRetired: boolean } | { ids: readonly string[] };

interface Extras {
  ips: string[];
  hostnames: string[];
  manualHostname: string | null;
  protocols: Set<string>;
  hl7Versions: Set<string>;
  evidence: StoredEvidence[];
}

const ID_CHUNK = 500;

export async function readDevices(tx: Tx, scope: DeviceScope): Promise<DeviceJson[]> {
  if ('ids' in scope) {
    const out: DeviceJson[] = [];
    for (let i = 0; i < scope.ids.length; i += ID_CHUNK) out.push(...(await readChunk(tx, scope.ids.slice(i, i + ID_CHUNK), false)));
    return out;
  }
  return readChunk(tx, null, scope.includeRetired);
}

async function readChunk(tx: Tx, ids: readonly string[] | null, includeRetired: boolean): Promise<DeviceJson[]> {
  if (ids?.length === 0) return [];
  let devicesQ = tx.selectFrom('devices').selectAll().orderBy('first_seen').orderBy('id');
  if (ids !== null) devicesQ = devicesQ.where('id', 'in', ids);
  else if (!includeRetired) devicesQ = devicesQ.where('retired_at', 'is', null);
  const devices = await devicesQ.execute();
  const extras = new Map<string, Extras>();
  for (const d of devices) extras.set(d.id, { ips: [], hostnames: [], manualHostname: null, protocols: new Set(), hl7Versions: new Set(), evidence: [] });
  // Rows for devices outside the scope are skipped by the map lookup; for the whole table that is cheaper than a join.
  const only = ids ?? [];
  const scoped = ids !== null;

  const addresses = await tx
    .selectFrom('device_addresses')
    .select(['device_id', 'kind', 'value'])
    .where('kind', 'in', ['ip', 'hostname'])
    .where('released_at', 'is', null)
    .$if(scoped, (q) => q.where('device_id', 'in', only))
    .orderBy('last_seen', 'desc')
    .orderBy('value')
    .execute();
  for (const a of addresses) {
    const x = extras.get(a.device_id);
    if (x === undefined) continue;
    (a.kind === 'ip' ? x.ips : x.hostnames).push(a.value);
  }
  const protocols = await tx
    .selectFrom('device_protocols')
    .select(['device_id', 'protocol', 'version'])
    .$if(scoped, (q) => q.where('device_id', 'in', only))
    .execute();
  for (const p of protocols) {
    const x = extras.get(p.device_id);
    if (x === undefined) continue;
    x.protocols.add(p.protocol);
    if (p.protocol === 'hl7' && p.version !== '') x.hl7Versions.add(p.version);
  }
  const manual = await tx
    .selectFrom('manual_values')
    .select(['device_id', 'value'])
    .where('field', '=', 'hostname')
    .$if(scoped, (q) => q.where('device_id', 'in', only))
    .execute();
  for (const m of manual) {
    const x = extras.get(m.device_id);
    if (x !== undefined) x.manualHostname = m.value;
  }
  // One JSON array per device: SQLite builds it in C and JSON.parse is far cheaper than a JS row object per evidence.
  const evidence = await tx
    .selectFrom('device_evidence')
    .select(['device_id', sql<string>`json_group_array(json_array(attribute, value, source, detail, confidence, "count", last_seen, id))`.as('rows')])
    .$if(scoped, (q) => q.where('device_id', 'in', only))
    .groupBy('device_id')
    .execute();
  for (const e of evidence) {
    const x = extras.get(e.device_id);
    if (x !== undefined) x.evidence = parseEvidence(e.rows);
  }
  // Strongest evidence first; sorting each device's few rows here is cheaper than SQLite sorting them all.
  for (const x of extras.values()) x.evidence.sort((a, b) => b.confidence - a.confidence || b.count - a.count || a.rowId - b.rowId);
  return devices.map((d) => toJson(d, extras.get(d.id)));
}

function toJson(d: DeviceRow, x: Extras | undefined): DeviceJson {
  const ev = x?.evidence ?? [];
  const hostnames = x?.manualHostname == null ? (x?.hostnames ?? []) : [x.manualHostname, ...x.hostnames.filter((h) => h !== x.manualHostname)];
  return {
    id: d.id,
    mac: d.mac,
    ips: x?.ips ?? [],
    hostnames,
    vendor: d.vendor,
    model: d.model,
    type: d.type,
    category: toCategory(d.category),
    os: { name: d.os_name, version: d.os_version, label: d.os_label, endOfLife: d.os_end_of_life === null ? null : d.os_end_of_life !== 0 },
    firmware: d.firmware,
    protocols: [...(x?.protocols ?? [])].sort(),
    dicom: {
      aeTitles: distinct(ev, 'aeTitle'),
      implementationClassUid: strongest(ev, 'dicomImplementationClassUid'),
      implementationVersionName: strongest(ev, 'dicomImplementationVersionName'),
    },
    hl7: { applications: distinct(ev, 'hl7Application'), facilities: distinct(ev, 'hl7Facility'), versions: [...(x?.hl7Versions ?? [])].sort() },
    location: d.location,
    department: d.department,
    assetTag: d.asset_tag,
    owner: d.owner,
    serial: d.serial,
    supportEnd: d.support_end,
    supportStatus: d.support_status,
    confidence: d.confidence,
    firstSeen: d.first_seen,
    lastSeen: d.last_seen,
    retiredAt: d.retired_at,
    evidence: ev.map((e) => ({ attribute: e.attribute, value: e.value, source: e.source, detail: e.detail, confidence: e.confidence })),
    risk: null,
  };
}

/** Narrow the JSON SQLite built from our own rows; anything malformed is skipped rather than trusted. */
function parseEvidence(json: string): StoredEvidence[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  const out: StoredEvidence[] = [];
  for (const row of parsed as unknown[]) {
    if (!Array.isArray(row)) continue;
    const [attribute, value, source, detail, confidence, count, lastSeen, rowId] = row as unknown[];
    if (typeof attribute !== 'string' || typeof value !== 'string' || typeof source !== 'string' || typeof detail !== 'string') continue;
    if (typeof confidence !== 'number' || typeof count !== 'number' || typeof lastSeen !== 'string' || typeof rowId !== 'number') continue;
    out.push({ attribute, value, source, detail, confidence, count, lastSeen, rowId });
  }
  return out;
}

function toCategory(value: string): DeviceCategory {
  return (DEVICE_CATEGORIES as readonly string[]).includes(value) ? (value as DeviceCategory) : 'unknown';
}

function distinct(ev: readonly EvidenceJson[], attribute: string): string[] {
  return [...new Set(ev.filter((e) => e.attribute === attribute).map((e) => e.value))].sort();
}

/** The value seen most often (then most recently) for an attribute. */
function strongest(ev: readonly StoredEvidence[], attribute: string): string | null {
  let best: (typeof ev)[number] | null = null;
  for (const e of ev) {
    if (e.attribute !== attribute) continue;
    if (best === null || e.count > best.count || (e.count === best.count && e.lastSeen > best.lastSeen)) best = e;
  }
  return best?.value ?? null;
}
