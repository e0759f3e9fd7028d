/** Migration 0008 (PostgreSQL): each device's listing line kept as JSON bytes, as on SQLite. */
import { sql, type Kysely } from 'kysely';

// A cache like 0007's, one level up: no row = stale. Triggers drop the row on any write to what the line shows
// (the devices row, its addresses, protocols, manual values and evidence), with the SQLite migration's names.
const staleFunction = (name: string, column: string): string =>
  `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN DELETE FROM device_lines WHERE device_id = OLD.${column}; END IF;
     IF TG_OP <> 'DELETE' THEN DELETE FROM device_lines WHERE device_id = NEW.${column}; END IF;
     RETURN NULL;
   END $$`;

const stale = (table: string, when: string, fn: string): string =>
  `CREATE TRIGGER device_lines_${table}_${when.toLowerCase()} AFTER ${when} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`;

const STATEMENTS = [
  `CREATE TABLE device_lines (
     device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
     line BYTEA NOT NULL
   )`,
  staleFunction('device_lines_stale_by_id', 'id'),
  staleFunction('device_lines_stale_by_device_id', 'device_id'),
  stale('devices', 'UPDATE', 'device_lines_stale_by_id'),
  ...['device_addresses', 'device_protocols', 'manual_values', 'device_evidence'].flatMap((table) =>
    ['INSERT', 'UPDATE', 'DELETE'].map((when) => stale(table, when, 'device_lines_stale_by_device_id')),
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
