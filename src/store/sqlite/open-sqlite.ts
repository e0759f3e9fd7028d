/**
 * Opens a SQLite database file: better-sqlite3 through Kysely, WAL, foreign keys, a busy timeout that makes a writer
 * wait for another process's transaction, and the frozen SQLite migrations run under the write lock.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { beginWrite, commitWrite, rollbackWrite } from './nested-transactions.js';
import { cachedStatements } from './statement-cache.js';
import type { InventoryDb } from './inventory/schema.js';
import { MIGRATIONS, staticMigrationProvider } from './migrations/index.js';
import { WARDWATCH_APPLICATION_ID } from './migrations/0001-initial.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from '../migration-tables.js';

/**
 * How long a write waits for another process's transaction before failing with `db-locked`. An ingest batch or a
 * re-classification chunk holds the lock for well under a second; a minute covers a slow disk and a busy machine.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;

export interface SqliteOpenOptions {
  busyTimeoutMs?: number;
}

/** The Kysely handle and, for the bulk paths (ingest, listing), the better-sqlite3 handle under it. */
export interface SqliteHandles {
  db: Kysely<InventoryDb>;
  raw: Database.Database;
}

/** Open (creating if needed) and migrate; throws AppError not-wardwatch-db, db-newer, db-locked or io. */
export async function openSqlite(file: string, options: SqliteOpenOptions = {}): Promise<SqliteHandles> {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let raw: Database.Database;
  try {
    raw = new Database(file, { timeout: busyTimeoutMs });
  } catch (err) {
    throw toSqliteError(file, err);
  }
  let pending: boolean;
  try {
    checkOwnership(raw, file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = NORMAL');
    pending = hasPendingMigrations(raw, file);
  } catch (err) {
    raw.close();
    throw toSqliteError(file, err);
  }
  // Kysely's begin/commit/rollback become BEGIN IMMEDIATE and savepoints (src/store/sqlite/nested-transactions.ts).
  const db = new Kysely<InventoryDb>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
  // An up-to-date file is only read on open: the migrator would take the write lock to find nothing to do.
  if (!pending) return { db, raw };
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error } = await migrateLocked(raw, migrator);
  if (error !== undefined) {
    await db.destroy();
    throw toSqliteError(file, error);
  }
  return { db, raw };
}

/**
 * Kysely runs SQLite migrations outside any transaction (its SQLite adapter reports no transactional DDL), so two
 * processes opening a new file at once both ran them ("table devices already exists"). Under one IMMEDIATE transaction
 * the second waits for the first to commit and then finds them applied; a failed migration leaves nothing behind.
 */
async function migrateLocked(raw: Database.Database, migrator: Migrator): Promise<{ error?: unknown }> {
  try {
    beginWrite(raw);
  } catch (err) {
    return { error: err };
  }
  const result = await migrator.migrateToLatest();
  try {
    if (result.error === undefined) commitWrite(raw);
    else rollbackWrite(raw);
  } catch (err) {
    rollbackWrite(raw);
    return { error: err };
  }
  return result;
}

/**
 * A file with tables but without our application id belongs to something else: refuse to touch it. An empty file is
 * claimed (the id set) under the write lock before anything else: another process opening the same new file at once
 * then sees the id, not the migrator's bookkeeping tables of a file it would take for another program's.
 */
function checkOwnership(raw: Database.Database, file: string): void {
  if (raw.pragma('application_id', { simple: true }) === WARDWATCH_APPLICATION_ID) return;
  raw.exec('BEGIN IMMEDIATE');
  try {
    if (raw.pragma('application_id', { simple: true }) !== WARDWATCH_APPLICATION_ID) {
      const tables = raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) {
        throw new AppError(ErrorCode.NotWardwatchDb, `${file}: not a wardwatch database (a SQLite file of another program)`);
      }
      raw.pragma(`application_id = ${WARDWATCH_APPLICATION_ID}`);
    }
    raw.exec('COMMIT');
  } catch (err) {
    raw.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Whether migrations this code knows are still to run. Migrations applied that this code does not know mean a newer
 * wardwatch wrote the file: refused.
 */
function hasPendingMigrations(raw: Database.Database, file: string): boolean {
  const hasTable = raw.prepare('SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ?').get('table', MIGRATION_TABLE);
  if (hasTable === undefined) return true;
  const applied = new Set((raw.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).all() as { name: string }[]).map((r) => r.name));
  const unknown = [...applied].filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.DbNewer,
      `${file}: written by a newer wardwatch (unknown schema migrations: ${unknown.join(', ')}); upgrade wardwatch`,
    );
  }
  return Object.keys(MIGRATIONS).some((name) => !applied.has(name));
}

function sqliteCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code: unknown = err.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether SQLite refused because another connection holds the lock (past the busy timeout). */
export function isSqliteBusy(err: unknown): boolean {
  const code = sqliteCode(err) ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Map SQLite's failures to the messages a person can act on. */
export function toSqliteError(file: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = sqliteCode(err) ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError(ErrorCode.NotWardwatchDb, `${file}: not a wardwatch database (not a SQLite file)`, { cause: err });
  }
  if (isSqliteBusy(err)) {
    return new AppError(ErrorCode.DbLocked, `${file}: database is locked by another process`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AppError(ErrorCode.Io, `${file}: cannot open database: ${message}`, { cause: err });
}
