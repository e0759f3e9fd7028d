/** Migration 0006: compensating controls, maintenance windows and model support. */
import { sql, type Kysely } from 'kysely';

// A control or window targets one device (device_id) or every device of a vendor/model (model NULL = all models):
// the CHECKs keep exactly one form. Times are ISO 8601 text (UTC), dates YYYY-MM-DD. A device merged away or deleted
// takes its own controls with it; vendor/model rows outlive any one device.
const STATEMENTS = [
  `CREATE TABLE controls (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('segmentation', 'host-firewall', 'monitoring', 'vendor-access-control', 'physical', 'other')),
     description TEXT NOT NULL,
     device_id TEXT REFERENCES devices (id) ON DELETE CASCADE,
     vendor TEXT,
     model TEXT,
     expires TEXT CHECK (expires IS NULL OR expires GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'),
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     CHECK ((device_id IS NOT NULL AND vendor IS NULL AND model IS NULL) OR (device_id IS NULL AND vendor IS NOT NULL))
   ) STRICT`,
  `CREATE INDEX controls_device ON controls (device_id) WHERE device_id IS NOT NULL`,
  `CREATE INDEX controls_model ON controls (vendor COLLATE NOCASE, model COLLATE NOCASE) WHERE vendor IS NOT NULL`,
  `CREATE TABLE maintenance_windows (
     id TEXT PRIMARY KEY,
     device_id TEXT REFERENCES devices (id) ON DELETE CASCADE,
     vendor TEXT,
     model TEXT,
     schedule TEXT NOT NULL,
     description TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     CHECK ((device_id IS NOT NULL AND vendor IS NULL AND model IS NULL) OR (device_id IS NULL AND vendor IS NOT NULL))
   ) STRICT`,
  `CREATE TABLE model_support (
     vendor TEXT NOT NULL COLLATE NOCASE,
     model TEXT NOT NULL COLLATE NOCASE,
     end_of_support TEXT CHECK (end_of_support IS NULL OR end_of_support GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
     status TEXT CHECK (status IS NULL OR status IN ('supported', 'limited', 'ended', 'unknown')),
     source TEXT NOT NULL CHECK (source IN ('user', 'import')),
     notes TEXT,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (vendor, model)
   ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
