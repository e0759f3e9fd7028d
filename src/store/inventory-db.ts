/** Opens the inventory database named by `--db` (src/store/open-database.ts): a SQLite file or a postgres:// URL. */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { openDatabase } from './open-database.js';
import { parseDbLocation } from './db-location.js';
import { openSqlite, toSqliteError } from './sqlite/open-sqlite.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import type { InventoryDb } from './sqlite/inventory/schema.js';

export const DEFAULT_DB_PATH = './wardwatch.db';

export interface OpenOptions {
  /** How long a write waits for another process's lock before failing with `db-locked`. */
  busyTimeoutMs?: number;
}

/** Open (creating if needed) and migrate; throws AppError not-wardwatch-db, db-newer, db-locked or io. */
export async function openInventoryDb(location: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Promise<Kysely<InventoryDb>> {
  return (await openDatabase(location, options)).db;
}

/**
 * A SQLite file, also handing back the better-sqlite3 handle under Kysely: bulk paths (ingest, listing) run prepared
 * statements on it directly, inside a Kysely transaction when they write (one connection, so the same transaction).
 */
export async function openInventoryStore(
  file: string = DEFAULT_DB_PATH,
  options: OpenOptions = {},
): Promise<{ db: Kysely<InventoryDb>; raw: Database.Database }> {
  if (parseDbLocation(file).dialect === 'postgres') {
    // A workspace opens a URL through the PostgreSQL stores (src/store/workspace.ts); this handle is SQLite's alone.
    throw new AppError(ErrorCode.BadArgument, 'a PostgreSQL URL has no SQLite handle: open it through a workspace (src/store/workspace.ts)');
  }
  return openSqlite(file, options);
}

/** Map SQLite's failures on open to the messages a person can act on. */
export const toDbError = toSqliteError;
