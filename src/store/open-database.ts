/**
 * The one entry from a `--db` value to a migrated database: a file path opens SQLite (with the better-sqlite3 handle
 * the bulk paths use), a postgres:// URL opens PostgreSQL. Both hand back Kysely over the one schema type.
 */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { InventoryDb } from './sqlite/inventory/schema.js';
import { parseDbLocation } from './db-location.js';
import { openPostgres } from './postgres/open-postgres.js';
import { openSqlite } from './sqlite/open-sqlite.js';

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's lock (SQLite busy timeout, PostgreSQL lock_timeout). */
  busyTimeoutMs?: number;
}

export type OpenedDatabase =
  | { dialect: 'sqlite'; db: Kysely<InventoryDb>; raw: Database.Database }
  | { dialect: 'postgres'; db: Kysely<InventoryDb> };

export async function openDatabase(value: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const location = parseDbLocation(value);
  if (location.dialect === 'postgres') {
    const db = await openPostgres(location.url, options.busyTimeoutMs === undefined ? {} : { lockTimeoutMs: options.busyTimeoutMs });
    return { dialect: 'postgres', db };
  }
  return { dialect: 'sqlite', ...(await openSqlite(location.file, options)) };
}
