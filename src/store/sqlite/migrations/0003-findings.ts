/** Migration 0003: findings, their status history and vendor remote-access sessions. */
import { sql, type Kysely } from 'kysely';

// Times are ISO-8601 UTC text (as in 0001); JSON columns hold arrays/objects written by src/store/sqlite/findings only.
// (device_id, kind, key) is a finding's identity: the same fact seen on a later run updates the row, never adds one.
const STATEMENTS = [
  `CREATE TABLE findings (
     id TEXT PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     key TEXT NOT NULL,
     severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
     title TEXT NOT NULL,
     detail TEXT NOT NULL,
     evidence TEXT NOT NULL DEFAULT '[]',
     facts TEXT NOT NULL DEFAULT '{}',
     suppression TEXT,
     risk TEXT,
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     count INTEGER NOT NULL DEFAULT 1 CHECK (count > 0),
     status TEXT NOT NULL DEFAULT 'open'
       CHECK (status IN ('open', 'acknowledged', 'mitigated', 'risk-accepted', 'not-affected')),
     status_reason TEXT,
     status_owner TEXT,
     status_expires TEXT,
     status_changed_at TEXT,
     status_by TEXT,
     UNIQUE (device_id, kind, key),
     CHECK (status <> 'risk-accepted' OR (status_reason IS NOT NULL AND status_owner IS NOT NULL AND status_expires IS NOT NULL))
   ) STRICT`,
  `CREATE INDEX findings_kind ON findings (kind, status)`,
  `CREATE INDEX findings_last_seen ON findings (last_seen)`,
  `CREATE TABLE finding_status_history (
     id INTEGER PRIMARY KEY,
     finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
     old_status TEXT NOT NULL,
     new_status TEXT NOT NULL,
     reason TEXT,
     owner TEXT,
     expires TEXT,
     changed_at TEXT NOT NULL,
     changed_by TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX finding_status_history_finding ON finding_status_history (finding_id, changed_at)`,
  // One row per remote-access session (a flow): re-reading the same capture finds the same (device, peer, service, start).
  `CREATE TABLE remote_sessions (
     id INTEGER PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     peer TEXT NOT NULL,
     service TEXT NOT NULL,
     started TEXT NOT NULL,
     ended TEXT NOT NULL,
     duration_s REAL NOT NULL CHECK (duration_s >= 0),
     bytes INTEGER NOT NULL CHECK (bytes >= 0),
     always_on INTEGER NOT NULL DEFAULT 0 CHECK (always_on IN (0, 1)),
     UNIQUE (device_id, peer, service, started)
   ) STRICT`,
  `CREATE INDEX remote_sessions_device ON remote_sessions (device_id, started)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
