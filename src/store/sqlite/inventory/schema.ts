/** Kysely row types for the SQLite inventory schema (migrations/0001-initial.ts); snake_case stays in this layer. */
import type { Generated } from 'kysely';
import type { AddressKind, HistoryOrigin } from '../../../inventory/identity-state.js';

export interface DevicesTable {
  id: string;
  mac: string | null;
  first_seen: string;
  last_seen: string;
  retired_at: string | null;
  vendor: string | null;
  model: string | null;
  type: string | null;
  category: Generated<string>;
  os_name: string | null;
  os_version: string | null;
  os_label: string | null;
  os_end_of_life: number | null;
  firmware: string | null;
  serial: string | null;
  confidence: Generated<number>;
  location: string | null;
  department: string | null;
  asset_tag: string | null;
  owner: string | null;
  support_end: string | null;
  support_status: string | null;
  /** The site the row belongs to (migration 0013); 'default' unless an ingest named one. */
  site_id: Generated<string>;
}


export interface DeviceAddressesTable {
  id: Generated<number>;
  device_id: string;
  kind: AddressKind;
  value: string;
  first_seen: string;
  last_seen: string;
  released_at: string | null;
  /** The site the row belongs to (migration 0013); 'default' unless an ingest named one. */
  site_id: Generated<string>;
}

export interface DeviceEvidenceTable {
  id: Generated<number>;
  device_id: string;
  attribute: string;
  value: string;
  source: string;
  detail: string;
  confidence: number;
  first_seen: string;
  last_seen: string;
  count: number;
}

/** A device's evidence array as JSON text; no row = stale (migration 0007, sqlite/evidence-json.ts). */
export interface DeviceEvidenceJsonTable {
  device_id: string;
  json: string;
}

/** A device's listing line (its JSON without `risk`) as UTF-8 bytes; no row = stale (migration 0008, sqlite/device-lines.ts). */
export interface DeviceLinesTable {
  device_id: string;
  line: Buffer;
}

/** Traffic seen from a client device to a server device's port (migration 0010); port -1 = none. */
export interface ConduitsTable {
  id: Generated<number>;
  client_id: string;
  server_id: string;
  proto: string;
  port: number;
  app: string | null;
  client_ip: string | null;
  server_ip: string | null;
  flows: number;
  bytes: number;
  first_seen: string;
  last_seen: string;
  /** The site the row belongs to (migration 0013); 'default' unless an ingest named one. */
  site_id: Generated<string>;
}

/** Traffic between a device and an address outside the site's networks (migration 0012); port -1 = none. */
export interface ExternalPeersTable {
  id: Generated<number>;
  device_id: string;
  device_ip: string | null;
  peer_ip: string;
  direction: 'out' | 'in';
  proto: string;
  port: number;
  app: string | null;
  server_name: string | null;
  flows: number;
  bytes: number;
  first_seen: string;
  last_seen: string;
}

/** Devices whose evidence a migration changed: re-classified at the end of the next ingest (migration 0012). */
export interface ReclassifyQueueTable {
  device_id: string;
}

/** An approved zone-to-zone service (migration 0011); port -1 = none. */
export interface PolicyBaselineTable {
  from_zone: string;
  to_zone: string;
  proto: string;
  port: number;
  approved_at: string;
  approved_by: string;
}

export type { AddressKind, HistoryOrigin };

export interface AttributeHistoryTable {
  id: Generated<number>;
  device_id: string;
  attribute: string;
  old_value: string | null;
  new_value: string | null;
  changed_at: string;
  origin: HistoryOrigin;
}

export interface ManualValuesTable {
  device_id: string;
  field: string;
  value: string;
  set_by: string;
  set_at: string;
  origin: 'user' | 'import';
  inferred_value: string | null;
}

export interface DeviceProtocolsTable {
  device_id: string;
  protocol: string;
  version: string;
  first_seen: string;
  last_seen: string;
}

export interface DeviceAliasesTable {
  alias_id: string;
  device_id: string;
  merged_at: string;
}

export interface IngestRunsTable {
  id: Generated<number>;
  started: string;
  finished: string | null;
  sources: string;
  stats: string;
  /** The site the row belongs to (migration 0013); 'default' unless an ingest named one. */
  site_id: Generated<string>;
}

export interface InventoryDb {
  devices: DevicesTable;
  device_addresses: DeviceAddressesTable;
  device_evidence: DeviceEvidenceTable;
  device_evidence_json: DeviceEvidenceJsonTable;
  device_lines: DeviceLinesTable;
  conduits: ConduitsTable;
  external_peers: ExternalPeersTable;
  reclassify_queue: ReclassifyQueueTable;
  policy_baseline: PolicyBaselineTable;
  attribute_history: AttributeHistoryTable;
  manual_values: ManualValuesTable;
  device_protocols: DeviceProtocolsTable;
  device_aliases: DeviceAliasesTable;
  ingest_runs: IngestRunsTable;
}
