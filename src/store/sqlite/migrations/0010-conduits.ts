/** Migration 0010: conduits, the traffic seen between devices (segmentation learns them from flows). */
import { sql, type Kysely } from 'kysely';

// One row per (client device, server device, protocol, server port), summed over every flow of that kind and every
// run. Port -1 stands for "no port" (ICMP …): UNIQUE treats NULLs as distinct, which would duplicate those rows.
// Both ends are devices of the inventory: a merge moves the rows (sqlite/merge.ts), a deleted device takes its own.
// The addresses are the last ones the conduit was seen between (a firewall rule names addresses; devices move).
const STATEMENTS = [
  `CREATE TABLE conduits (
     id INTEGER PRIMARY KEY,
     client_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     server_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
     proto TEXT NOT NULL,
     port INTEGER NOT NULL CHECK (port >= -1 AND port <= 65535),
     app TEXT,
     client_ip TEXT,
     server_ip TEXT,
     flows INTEGER NOT NULL CHECK (flows >= 0),
     bytes INTEGER NOT NULL CHECK (bytes >= 0),
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     UNIQUE (client_id, server_id, proto, port)
   ) STRICT`,
  'CREATE INDEX conduits_server ON conduits (server_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
