/** Migration 0008: each device's listing line kept as JSON bytes (`devices --format json` under a second). */
import { sql, type Kysely } from 'kysely';

// A cache like 0007's, one level up: the device's whole docs/architecture.md JSON except `risk` (computed on read), so the JSON
// export reads one blob a device instead of five tables. No row = stale (sqlite/device-lines.ts rebuilds it).
// Triggers drop the row on any write to what the line shows, whatever the path (ingest, merge, re-classification,
// manual values, retirement, cascades), so no writer has to remember it: the devices row itself, its addresses (ips
// and hostnames, ordered by last seen), protocols, manual values (a hostname a person set) and evidence (the array,
// and the DICOM/HL7 summaries, ranked by count and last seen).
const stale = (table: string, when: string, ids: string): string =>
  `CREATE TRIGGER device_lines_${table}_${when.toLowerCase()} AFTER ${when} ON ${table}
   BEGIN DELETE FROM device_lines WHERE device_id IN (${ids}); END`;

const STATEMENTS = [
  `CREATE TABLE device_lines (
     device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
     line BLOB NOT NULL
   ) STRICT`,
  stale('devices', 'UPDATE', 'OLD.id, NEW.id'),
  ...['device_addresses', 'device_protocols', 'manual_values', 'device_evidence'].flatMap((table) => [
    stale(table, 'INSERT', 'NEW.device_id'),
    stale(table, 'UPDATE', 'OLD.device_id, NEW.device_id'),
    stale(table, 'DELETE', 'OLD.device_id'),
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
