/**
 * Migration 0015: the capture files continuous ingest (`wardwatch serve --watch DIR`) has read, so a restart reads
 * each file once. A file is known by its folder, name, size and modification time: a ring of rotated files
 * (tcpdump -W) reuses names, and a reused name with new bytes is a new file.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `CREATE TABLE ingested_files (
     source TEXT NOT NULL,
     name TEXT NOT NULL,
     size_bytes INTEGER NOT NULL,
     mtime_ms INTEGER NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('done', 'failed')),
     detail TEXT,
     packets INTEGER NOT NULL,
     ingested_at_ms INTEGER NOT NULL,
     PRIMARY KEY (source, name, size_bytes, mtime_ms)
   ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
