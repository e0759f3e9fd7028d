/** Migration 0011: the approved segmentation policy: zone-to-zone services a person signed off. */
import { sql, type Kysely } from 'kysely';

// One row per allowed (from zone, to zone, protocol, port) — port -1 for none, as in conduits. Approving replaces
// every row in one transaction; traffic seen later outside these rows is a segmentation-violation finding.
const STATEMENTS = [
  `CREATE TABLE policy_baseline (
     from_zone TEXT NOT NULL,
     to_zone TEXT NOT NULL,
     proto TEXT NOT NULL,
     port INTEGER NOT NULL CHECK (port >= -1 AND port <= 65535),
     approved_at TEXT NOT NULL,
     approved_by TEXT NOT NULL,
     PRIMARY KEY (from_zone, to_zone, proto, port)
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
