/** Opens the inventory database: better-sqlite3 through Kysely, WAL, foreign keys, migrations run on open. */
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { AppError, ErrorCode } from '../util/app-error.js';
import { MIGRATIONS, staticMigrationProvider } from './migrations/index.js';
import { beginWrite, commitWrite, rollbackWrite } from './nested-transactions.js';
import { cachedStatements } from './statement-cache.js';
import { WARDWATCH_APPLICATION_ID } from './migrations/0001-initial.js';
import type { InventoryDb } from './sqlite/schema.js';

export const DEFAULT_DB_PATH = './wardwatch.db';
const MIGRATION_TABLE = 'schema_migrations';
const MIGRATION_LOCK_TABLE = 'schema_migrations_lock';

export interface OpenOptions {
  /** How long a write waits for another process's lock before failing with `db-locked`. */
  busyTimeoutMs?: number;
}

/** Open (creating if needed) and migrate; throws AppError not-wardwatch-db, db-newer, db-locked or io. */
export async function openInventoryDb(file: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Promise<Kysely<InventoryDb>> {
  return (await openInventoryStore(file, options)).db;
}

/**
 * The same, also handing back the better-sqlite3 handle under Kysely: bulk paths (ingest, listing) run prepared
 * statements on it directly, inside a Kysely transaction when they write (one connection, so the same transaction).
 */
export async function openInventoryStore(
  file: string = DEFAULT_DB_PATH,
  options: OpenOptions = {},
): Promise<{ db: Kysely<InventoryDb>; raw: Database.Database }> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  let raw: Database.Database;
  try {
    raw = new Database(file, { timeout: busyTimeoutMs });
  } catch (err) {
    throw toDbError(file, err);
  }
  try {
    checkOwnership(raw, file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = NORMAL');
    checkNotNewer(raw, file);
  } catch (err) {
    raw.close();
    throw toDbError(file, err);
  }
  const db = new Kysely<InventoryDb>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error } = await migrateLocked(raw, migrator);
  if (error !== undefined) {
    await db.destroy();
    throw toDbError(file, error);
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

/** A file with tables but without our application id belongs to something else: refuse to touch it. */
function checkOwnership(raw: Database.Database, file: string): void {
  const appId = raw.pragma('application_id', { simple: true });
  if (appId === WARDWATCH_APPLICATION_ID) return;
  const tables = raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  if (tables.n > 0) {
    throw new AppError(ErrorCode.NotWardwatchDb, `${file}: not a wardwatch database (a SQLite file of another program)`);
  }
}

/** Migrations applied that this code does not know mean a newer wardwatch wrote the file. */
function checkNotNewer(raw: Database.Database, file: string): void {
  const hasTable = raw.prepare('SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ?').get('table', MIGRATION_TABLE);
  if (hasTable === undefined) return;
  const rows = raw.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).all() as { name: string }[];
  const unknown = rows.map((r) => r.name).filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.DbNewer,
      `${file}: written by a newer wardwatch (unknown schema migrations: ${unknown.join(', ')}); upgrade wardwatch`,
    );
  }
}

function sqliteCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code: unknown = err.code;
  return typeof code === 'string' ? code : undefined;
}

/** Map SQLite's failures on open to the messages a person can act on. */
export function toDbError(file: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = sqliteCode(err) ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError(ErrorCode.NotWardwatchDb, `${file}: not a wardwatch database (not a SQLite file)`, { cause: err });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError(ErrorCode.DbLocked, `${file}: database is locked by another process`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AppError(ErrorCode.Io, `${file}: cannot open database: ${message}`, { cause: err });
}
