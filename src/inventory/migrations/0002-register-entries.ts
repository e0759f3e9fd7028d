/** Migration 0002: the biomed register's rows as last imported, so reconcile can list registered-not-seen. */
import { sql, type Kysely } from 'kysely';

// One row per register line of the latest import; an import replaces them all (the export is the whole register).
// device_id is the device the row matched at import; fields holds every mapped value as JSON text, never evaluated.
const STATEMENTS = [
  `CREATE TABLE register_entries (
     id INTEGER PRIMARY KEY,
     source TEXT NOT NULL,
     line INTEGER NOT NULL,
     imported_at TEXT NOT NULL,
     device_id TEXT REFERENCES devices (id) ON DELETE SET NULL,
     matched_on TEXT,
     asset_tag TEXT, serial TEXT, mac TEXT, ip TEXT, hostname TEXT,
     fields TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX register_entries_device ON register_entries (device_id) WHERE device_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
