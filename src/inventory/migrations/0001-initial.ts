/** Migration 0001: the inventory schema item 3 (devices, addresses, evidence, history, manual values, runs). */
import { sql, type Kysely } from 'kysely';

/** PRAGMA application_id marks a file as ours ('WARD'), so another SQLite file is refused instead of altered. */
export const WARDWATCH_APPLICATION_ID = 0x57415244;

// Times are ISO-8601 UTC text from Date#toISOString: they sort as text, and a person can read them with sqlite3.
const STATEMENTS = [
  `CREATE TABLE devices (
     id TEXT PRIMARY KEY,
     mac TEXT,
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     retired_at TEXT,
     vendor TEXT, model TEXT, type TEXT, category TEXT NOT NULL DEFAULT 'unknown',
     os_name TEXT, os_version TEXT, os_label TEXT, os_end_of_life INTEGER,
     firmware TEXT, serial TEXT,
     confidence REAL NOT NULL DEFAULT 0 CHECK (confidence >= 0 AND confidence <= 1),
     location TEXT, department TEXT, asset_tag TEXT, owner TEXT, support_end TEXT, support_status TEXT
   ) STRICT`,
  `CREATE UNIQUE INDEX devices_mac ON devices (mac) WHERE mac IS NOT NULL`,
  `CREATE INDEX devices_serial ON devices (serial) WHERE serial IS NOT NULL`,
  `CREATE INDEX devices_asset_tag ON devices (asset_tag) WHERE asset_tag IS NOT NULL`,
  `CREATE INDEX devices_last_seen ON devices (last_seen)`,
  // An address binding: released_at is set when another device took the value over (a DHCP move).
  `CREATE TABLE device_addresses (
     id INTEGER PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('mac', 'ip', 'hostname', 'vlan', 'switch_port')),
     value TEXT NOT NULL,
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     released_at TEXT,
     UNIQUE (device_id, kind, value)
   ) STRICT`,
  `CREATE INDEX device_addresses_lookup ON device_addresses (kind, value)`,
  // One device holds an IP at a time; earlier holders keep their binding as released history.
  `CREATE UNIQUE INDEX device_addresses_active_ip ON device_addresses (value) WHERE kind = 'ip' AND released_at IS NULL`,
  `CREATE TABLE device_evidence (
     id INTEGER PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     attribute TEXT NOT NULL,
     value TEXT NOT NULL,
     source TEXT NOT NULL,
     detail TEXT NOT NULL,
     confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     count INTEGER NOT NULL CHECK (count > 0),
     UNIQUE (device_id, attribute, value, source, detail)
   ) STRICT`,
  `CREATE TABLE attribute_history (
     id INTEGER PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     attribute TEXT NOT NULL,
     old_value TEXT,
     new_value TEXT,
     changed_at TEXT NOT NULL,
     origin TEXT NOT NULL CHECK (origin IN ('inferred', 'user', 'import'))
   ) STRICT`,
  `CREATE INDEX attribute_history_device ON attribute_history (device_id, changed_at)`,
  // inferred_value keeps what the wire said while a person's value wins, for reconcile's conflicts.
  `CREATE TABLE manual_values (
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     field TEXT NOT NULL,
     value TEXT NOT NULL,
     set_by TEXT NOT NULL,
     set_at TEXT NOT NULL,
     origin TEXT NOT NULL CHECK (origin IN ('user', 'import')),
     inferred_value TEXT,
     PRIMARY KEY (device_id, field)
   ) STRICT`,
  // version is '' when the protocol was seen without one (NOT NULL keeps the UNIQUE constraint meaningful).
  `CREATE TABLE device_protocols (
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     protocol TEXT NOT NULL,
     version TEXT NOT NULL DEFAULT '',
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     PRIMARY KEY (device_id, protocol, version)
   ) STRICT`,
  // Ids of devices merged away, so an id a person or another table kept still finds its device.
  `CREATE TABLE device_aliases (
     alias_id TEXT PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     merged_at TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE ingest_runs (
     id INTEGER PRIMARY KEY,
     started TEXT NOT NULL,
     finished TEXT,
     sources TEXT NOT NULL,
     stats TEXT NOT NULL
   ) STRICT`,
  `PRAGMA application_id = ${WARDWATCH_APPLICATION_ID}`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
