/**
 * Migration 0012: external peers (addresses outside the site's networks, kept per device instead of as devices), and
 * the router's OUI taken off the hosts behind it.
 */
import { sql, type Kysely } from 'kysely';

// One row per (device, peer address, direction, protocol, server port), summed over flows and runs like conduits
// (0010; port -1 = none). The device is the site's; the peer is no device, so only one end references devices. A
// merge moves the rows (sqlite/merge.ts). A device's listing line (0008) shows its peers: the same triggers drop it.
//
// A device without a MAC was only ever keyed by IP, so a `mac.oui` vendor on it came from another device's MAC: the
// router that forwarded its traffic. That evidence goes, with what classification derived from it (a computer maker's
// OUI rule, type and category rules on the vendor, which classification re-derives from whatever vendor still
// stands), and the devices are queued for re-classification at the end of the next ingest (sqlite/reclassify-queue.ts).
// External devices already stored are not touched here: which networks are the site's depends on the site file, which
// only `analyze` knows (sqlite/forget-external.ts).
const stale = (when: string, ids: string): string =>
  `CREATE TRIGGER device_lines_external_peers_${when.toLowerCase()} AFTER ${when} ON external_peers
   BEGIN DELETE FROM device_lines WHERE device_id IN (${ids}); END`;

const ROUTER_DERIVED = "('mac.oui', 'rule.computer-maker-oui')";
const DERIVED_FROM_VENDOR = "source IN ('rule.device-types.vendor', 'rule.device-types.vendorModel')";

const STATEMENTS = [
  `CREATE TABLE external_peers (
     id INTEGER PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     device_ip TEXT,
     peer_ip TEXT NOT NULL,
     direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
     proto TEXT NOT NULL,
     port INTEGER NOT NULL CHECK (port >= -1 AND port <= 65535),
     app TEXT,
     server_name TEXT,
     flows INTEGER NOT NULL CHECK (flows >= 0),
     bytes INTEGER NOT NULL CHECK (bytes >= 0),
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     UNIQUE (device_id, peer_ip, direction, proto, port)
   ) STRICT`,
  'CREATE INDEX external_peers_peer ON external_peers (peer_ip)',
  stale('INSERT', 'NEW.device_id'),
  stale('UPDATE', 'OLD.device_id, NEW.device_id'),
  stale('DELETE', 'OLD.device_id'),
  `CREATE TABLE reclassify_queue (
     device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE
   ) STRICT`,
  `INSERT OR IGNORE INTO reclassify_queue (device_id)
   SELECT DISTINCT e.device_id FROM device_evidence AS e JOIN devices AS d ON d.id = e.device_id
   WHERE d.mac IS NULL AND e.source IN ${ROUTER_DERIVED}`,
  `DELETE FROM device_evidence WHERE source IN ${ROUTER_DERIVED} AND device_id IN (SELECT id FROM devices WHERE mac IS NULL)`,
  `DELETE FROM device_evidence WHERE ${DERIVED_FROM_VENDOR} AND device_id IN (SELECT device_id FROM reclassify_queue)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
