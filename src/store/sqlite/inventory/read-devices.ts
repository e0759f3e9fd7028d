/**
 * Build docs/architecture.md `devices[]` JSON (§7 scale): each table read once with a prepared statement in array
 * mode, grouped per device in memory; never one query per device.
 */
import { CompiledQuery, Kysely, type Selectable } from 'kysely';
import { DEVICE_CATEGORIES, type DeviceCategory } from '../../../identify/types.js';
import { prepared } from '../statement-cache.js';
import type { DeviceJson, EvidenceJson, ExternalPeerJson, RiskDevice } from '../../../inventory/types.js';
import { IN_JSON, type Raw } from './batch-state.js';
import type { DevicesTable } from './schema.js';
import type { Tx } from './tx.js';
import { EVIDENCE_JSON_OF } from './evidence-json.js';
import { devicePeersSql, peerOfCells } from './external-peers.js';

// The listing does not show the site (the JSON contract has no such field yet).
type DeviceRow = Omit<Selectable<DevicesTable>, 'site_id'>;

/** Which devices to read: all (optionally with retired ones) or these ids. */
export type DeviceScope = { all: true; includeRetired: boolean } | { ids: readonly string[] };

interface StoredEvidence {
  attribute: string;
  value: string;
  confidence: number;
  count: number;
  lastSeen: string;
  rowId: number;
}

interface Extras {
  ips: string[];
  hostnames: string[];
  manualHostname: string | null;
  protocols: string[];
  hl7Versions: string[];
  evidence: EvidenceJson[];
  summary: StoredEvidence[];
  peers: Omit<ExternalPeerJson, 'deviceId'>[];
}

/**
 * What the listing's SQL spells per dialect: the filter by a JSON list of ids (bound as the one parameter of each
 * query) and the query building each device's evidence array as JSON text. Everything else here is plain SQL.
 */
export interface ListingSql {
  readonly inIds: string;
  readonly evidenceJsonOf: string;
}

export const SQLITE_LISTING: ListingSql = { inIds: IN_JSON, evidenceJsonOf: EVIDENCE_JSON_OF };

type Where = 'all' | 'live' | 'ids';
const deviceWhere = (w: Where, d: ListingSql): string => ({ all: '', live: 'WHERE retired_at IS NULL', ids: `WHERE id ${d.inIds}` })[w];
const and = (where: Where, d: ListingSql, column = 'device_id'): string => (where === 'ids' ? `AND ${column} ${d.inIds}` : '');
/** Read as arrays in this order (no object per row from the driver, whose property-by-property objects cost more). */
const DEVICE_COLUMNS = [
  'id', 'mac', 'first_seen', 'last_seen', 'retired_at', 'vendor', 'model', 'type', 'category', 'os_name', 'os_version',
  'os_label', 'os_end_of_life', 'firmware', 'serial', 'confidence', 'location', 'department', 'asset_tag', 'owner',
  'support_end', 'support_status',
] as const satisfies readonly (keyof DeviceRow)[];
type Cells<T extends readonly string[]> = { [K in keyof T]: T[K] extends keyof DeviceRow ? DeviceRow[T[K]] : never };
type DeviceCells = Cells<typeof DEVICE_COLUMNS>;
const SQL = {
  devices: (w: Where, d: ListingSql) => `SELECT ${DEVICE_COLUMNS.join(', ')} FROM devices ${deviceWhere(w, d)} ORDER BY first_seen, id`,
  // The cached evidence arrays (evidence-json.ts).
  evidence: (w: Where, d: ListingSql) => `SELECT device_id, json FROM device_evidence_json ${w === 'ids' ? `WHERE device_id ${d.inIds}` : ''}`,
  addresses: (w: Where, d: ListingSql) =>
    `SELECT device_id, kind, value FROM device_addresses WHERE kind IN ('ip', 'hostname') AND released_at IS NULL ${and(w, d)} ORDER BY last_seen DESC, value`,
  protocols: (w: Where, d: ListingSql) => `SELECT device_id, protocol, version FROM device_protocols ${w === 'ids' ? `WHERE device_id ${d.inIds}` : ''} ORDER BY protocol, version`,
  manual: (w: Where, d: ListingSql) => `SELECT device_id, value FROM manual_values WHERE field = 'hostname' ${and(w, d)}`,
  // The few facts the DICOM and HL7 summaries need, with what ranks them.
  summary: (w: Where, d: ListingSql) =>
    `SELECT device_id, attribute, value, confidence, "count", last_seen, id FROM device_evidence
     WHERE attribute IN ('aeTitle', 'hl7Application', 'hl7Facility', 'dicomImplementationClassUid', 'dicomImplementationVersionName') ${and(w, d)}`,
} as const;

/** Where rows come from: the raw handle (fast path), or a Kysely handle or transaction (same SQL, through Kysely). */
export type RowSource = Raw | Tx;

/** Rows as arrays (no object per row on the fast path): the listing reads hundreds of thousands of them. */
export async function rows(source: RowSource, sql: string, params: readonly unknown[]): Promise<unknown[][]> {
  if (!(source instanceof Kysely)) return prepared(source, sql).raw(true).all(...params) as unknown[][];
  return (await source.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sql, [...params]))).rows.map((r) => Object.values(r));
}

/**
 * How much of each device to read: `all`, or `no-evidence` (arrays left empty: the listing cache splices in the text
 * SQLite built, evidence-json.ts, without parsing 100,000s of objects only to serialise them again).
 */
export type DeviceParts = 'all' | 'no-evidence';

/** Reads devices in `scope` (`dialect`: SQLITE_LISTING, or PostgreSQL's through a Kysely handle). */
export async function readDevices(source: RowSource, scope: DeviceScope, parts: DeviceParts = 'all', dialect: ListingSql = SQLITE_LISTING): Promise<DeviceJson[]> {
  const where: Where = 'ids' in scope ? 'ids' : scope.includeRetired ? 'all' : 'live';
  if ('ids' in scope && scope.ids.length === 0) return [];
  const params = 'ids' in scope ? [JSON.stringify(scope.ids)] : [];
  const devices = (await rows(source, SQL.devices(where, dialect), params) as unknown as DeviceCells[]).map(toRow);
  const extras = new Map<string, Extras>();
  for (const d of devices) extras.set(d.id, { ips: [], hostnames: [], manualHostname: null, protocols: [], hl7Versions: [], evidence: [], summary: [], peers: [] });
  // Rows of devices outside the scope (retired ones) are skipped by the map lookup: cheaper than a join.
  for (const [id, kind, value] of await rows(source, SQL.addresses(where, dialect), params) as [string, string, string][]) {
    const x = extras.get(id);
    if (x !== undefined) (kind === 'ip' ? x.ips : x.hostnames).push(value);
  }
  for (const [id, protocol, version] of await rows(source, SQL.protocols(where, dialect), params) as [string, string, string][]) {
    const x = extras.get(id);
    if (x === undefined) continue;
    // Sorted by protocol, version: a repeat is the row just before.
    if (x.protocols.at(-1) !== protocol) x.protocols.push(protocol);
    if (protocol === 'hl7' && version !== '' && x.hl7Versions.at(-1) !== version) x.hl7Versions.push(version);
  }
  for (const [id, value] of await rows(source, SQL.manual(where, dialect), params) as [string, string][]) {
    const x = extras.get(id);
    if (x !== undefined) x.manualHostname = value;
  }
  for (const cells of await rows(source, devicePeersSql(where === 'ids', dialect.inIds), params)) {
    const { deviceId, peer } = peerOfCells(cells);
    extras.get(deviceId)?.peers.push(peer);
  }
  if (parts === 'all') {
    // The cached arrays; the stale ones (no row) built now by SQLite, for just those devices. SQLite built this JSON from
    // our own rows in the shape EvidenceJson names.
    const stale = new Set(extras.keys());
    const parse = (id: string, json: string): void => {
      const x = extras.get(id);
      if (x !== undefined) x.evidence = JSON.parse(json) as EvidenceJson[];
      stale.delete(id);
    };
    for (const [id, json] of await rows(source, SQL.evidence(where, dialect), params) as [string, string][]) parse(id, json);
    if (stale.size > 0) for (const [id, json] of await rows(source, dialect.evidenceJsonOf, [JSON.stringify([...stale])]) as [string, string][]) parse(id, json);
  }
  type SummaryRow = [string, string, string, number, number, string, number];
  for (const [id, attribute, value, confidence, count, lastSeen, rowId] of await rows(source, SQL.summary(where, dialect), params) as SummaryRow[]) {
    extras.get(id)?.summary.push({ attribute, value, confidence, count, lastSeen, rowId });
  }
  return devices.map((d) => toJson(d, extras.get(d.id)));
}

/** Dialect-neutral SQL (no parameter). */
export const RISK_SQL = (w: 'all' | 'live'): string => `SELECT id, vendor, model, type, category, os_name, os_version, os_label, os_end_of_life,
  support_end, support_status FROM devices ${w === 'live' ? 'WHERE retired_at IS NULL' : ''} ORDER BY first_seen, id`;
export type RiskCells = [string, string | null, string | null, string | null, string, string | null, string | null, string | null, number | null, string | null, string | null];

/**
 * The fields risk reads of every device, in listing order: a listing whose device JSON is cached (device-lines.ts)
 * scores these instead of reading five tables (half the columns: a third of the time of a full row at 10,000 devices).
 */
export function readRiskDevices(raw: Raw, includeRetired: boolean): RiskDevice[] {
  return (prepared(raw, RISK_SQL(includeRetired ? 'all' : 'live')).raw(true).all() as RiskCells[]).map(riskDeviceOf);
}

/** A row of RISK_SQL as risk reads it. */
export function riskDeviceOf(c: RiskCells): RiskDevice {
  return {
    id: c[0], vendor: c[1], model: c[2], type: c[3], category: toCategory(c[4]),
    os: { name: c[5], version: c[6], label: c[7], endOfLife: c[8] === null ? null : c[8] !== 0 },
    supportEnd: c[9], supportStatus: c[10],
  };
}

function toRow(c: DeviceCells): DeviceRow {
  return {
    id: c[0], mac: c[1], first_seen: c[2], last_seen: c[3], retired_at: c[4], vendor: c[5], model: c[6], type: c[7],
    category: c[8], os_name: c[9], os_version: c[10], os_label: c[11], os_end_of_life: c[12], firmware: c[13], serial: c[14],
    confidence: c[15], location: c[16], department: c[17], asset_tag: c[18], owner: c[19], support_end: c[20], support_status: c[21],
  };
}

/** Strongest evidence first (the order of the evidence array), so ties below go to the stronger row. */
function byStrength(a: StoredEvidence, b: StoredEvidence): number {
  return b.confidence - a.confidence || b.count - a.count || a.rowId - b.rowId;
}

function toJson(d: DeviceRow, x: Extras | undefined): DeviceJson {
  const hostnames = x?.manualHostname == null ? (x?.hostnames ?? []) : [x.manualHostname, ...x.hostnames.filter((h) => h !== x.manualHostname)];
  const facts = summarise(x?.summary ?? []);
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
    protocols: x?.protocols ?? [],
    dicom: { aeTitles: facts.aeTitles, implementationClassUid: facts.classUid?.value ?? null, implementationVersionName: facts.versionName?.value ?? null },
    hl7: { applications: facts.applications, facilities: facts.facilities, versions: x?.hl7Versions ?? [] },
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
    // Before the evidence: the listing cache cuts each line at its evidence array (device-lines.ts).
    externalPeers: x?.peers ?? [],
    evidence: x?.evidence ?? [],
    risk: null,
  };
}

interface Facts {
  aeTitles: string[];
  applications: string[];
  facilities: string[];
  classUid: StoredEvidence | null;
  versionName: StoredEvidence | null;
}

/** One pass over the evidence for the DICOM and HL7 summaries: distinct sorted names, the strongest UID and version. */
function summarise(ev: StoredEvidence[]): Facts {
  ev.sort(byStrength);
  const f: Facts = { aeTitles: [], applications: [], facilities: [], classUid: null, versionName: null };
  for (const e of ev) {
    switch (e.attribute) {
      case 'aeTitle': addDistinct(f.aeTitles, e.value); break;
      case 'hl7Application': addDistinct(f.applications, e.value); break;
      case 'hl7Facility': addDistinct(f.facilities, e.value); break;
      case 'dicomImplementationClassUid': f.classUid = stronger(f.classUid, e); break;
      case 'dicomImplementationVersionName': f.versionName = stronger(f.versionName, e); break;
      default: break;
    }
  }
  for (const list of [f.aeTitles, f.applications, f.facilities]) if (list.length > 1) list.sort();
  return f;
}

function addDistinct(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** The value seen most often, then most recently. */
function stronger(best: StoredEvidence | null, e: StoredEvidence): StoredEvidence {
  return best === null || e.count > best.count || (e.count === best.count && e.lastSeen > best.lastSeen) ? e : best;
}

function toCategory(value: string): DeviceCategory {
  return (DEVICE_CATEGORIES as readonly string[]).includes(value) ? (value as DeviceCategory) : 'unknown';
}
