/** Migration 0007: each device's evidence array kept as JSON text for the listing. */
import { sql, type Kysely } from 'kysely';

// A cache: a device without a row here is stale, and the listing rebuilds its row (sqlite/evidence-json.ts). Its own
// table, not a column of devices: arrays of a few KB in the devices rows would make every scan of devices read them.
// Triggers drop the row on every write to a device's evidence, whatever the path (ingest, merge, re-classification,
// cascades), so no writer has to remember it. Only first_seen/last_seen are not in the output: updating just them
// keeps the cache; `count` orders the array, so it does not.
const STALE = (id: string): string => `DELETE FROM device_evidence_json WHERE device_id = ${id};`;
const STATEMENTS = [
  `CREATE TABLE device_evidence_json (
     device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
     json TEXT NOT NULL
   ) STRICT`,
  `CREATE TRIGGER device_evidence_json_insert AFTER INSERT ON device_evidence BEGIN ${STALE('NEW.device_id')} END`,
  `CREATE TRIGGER device_evidence_json_delete AFTER DELETE ON device_evidence BEGIN ${STALE('OLD.device_id')} END`,
  `CREATE TRIGGER device_evidence_json_update
     AFTER UPDATE OF device_id, attribute, value, source, detail, confidence, "count" ON device_evidence
   BEGIN DELETE FROM device_evidence_json WHERE device_id IN (OLD.device_id, NEW.device_id); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
