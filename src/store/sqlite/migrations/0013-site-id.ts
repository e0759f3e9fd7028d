/**
 * Migration 0013: a site id on devices, their addresses, conduits, findings and ingest runs, so one database holds
 * several sites whose private address plans overlap (two sites both using 10.1.2.3, RFC 1918 space). Rows written
 * before belong to the site 'default'. A MAC and a live IP binding are unique per site, no longer across sites.
 */
import { sql, type Kysely } from 'kysely';

// device_addresses carries its device's site (a copy, never changed: identity never merges across sites) so that the
// one-live-holder-per-IP index can be per site. A column DEFAULT keeps every existing INSERT valid.
const SITE_COLUMN = "site_id TEXT NOT NULL DEFAULT 'default'";
/** The findings part alone: findings tables made late on a placeholder-era file (src/store/sqlite/findings) need it too. */
export const FINDINGS_SITE_STATEMENTS = [
  `ALTER TABLE findings ADD COLUMN ${SITE_COLUMN}`,
  'CREATE INDEX findings_site ON findings (site_id)',
];
const STATEMENTS = [
  ...['devices', 'device_addresses', 'conduits', 'ingest_runs'].map((table) => `ALTER TABLE ${table} ADD COLUMN ${SITE_COLUMN}`),
  'DROP INDEX devices_mac',
  'CREATE UNIQUE INDEX devices_mac ON devices (site_id, mac) WHERE mac IS NOT NULL',
  'DROP INDEX device_addresses_active_ip',
  "CREATE UNIQUE INDEX device_addresses_active_ip ON device_addresses (site_id, value) WHERE kind = 'ip' AND released_at IS NULL",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  // A file that recorded 0003 while it was an empty placeholder has no findings table: the findings store makes it
  // (with this column) when it opens.
  const findings = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'findings'`.execute(db);
  if ((findings.rows[0]?.n ?? 0) > 0) for (const statement of FINDINGS_SITE_STATEMENTS) await sql.raw(statement).execute(db);
}
