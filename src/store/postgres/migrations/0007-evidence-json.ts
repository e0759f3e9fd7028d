/** Migration 0007 (PostgreSQL): each device's evidence array kept as JSON text for the listing, as on SQLite. */
import { sql, type Kysely } from 'kysely';

// A cache: a device without a row here is stale, and the listing rebuilds its row. Triggers drop the row on every
// write to a device's evidence, whatever the path, so no writer has to remember it (the SQLite migration's triggers,
// as one PL/pgSQL function: PostgreSQL triggers call a function, https://www.postgresql.org/docs/15/plpgsql-trigger.html).
const STATEMENTS = [
  `CREATE TABLE device_evidence_json (
     device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
     json TEXT NOT NULL
   )`,
  `CREATE FUNCTION device_evidence_json_stale() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN DELETE FROM device_evidence_json WHERE device_id = OLD.device_id; END IF;
     IF TG_OP <> 'DELETE' THEN DELETE FROM device_evidence_json WHERE device_id = NEW.device_id; END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER device_evidence_json_insert AFTER INSERT ON device_evidence
     FOR EACH ROW EXECUTE FUNCTION device_evidence_json_stale()`,
  `CREATE TRIGGER device_evidence_json_delete AFTER DELETE ON device_evidence
     FOR EACH ROW EXECUTE FUNCTION device_evidence_json_stale()`,
  `CREATE TRIGGER device_evidence_json_update
     AFTER UPDATE OF device_id, attribute, value, source, detail, confidence, "count" ON device_evidence
     FOR EACH ROW EXECUTE FUNCTION device_evidence_json_stale()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
