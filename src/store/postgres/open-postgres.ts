/**
 * Opens a PostgreSQL database: Kysely's PostgresDialect over a `pg` Pool, and the frozen PostgreSQL migrations run
 * while holding a session advisory lock (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS),
 * so two processes creating one database at once both succeed: the second waits, then finds the schema in place.
 */
import { Kysely, Migrator } from 'kysely';
import pg from 'pg';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { describeDbLocation } from '../db-location.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from '../migration-tables.js';
import { MIGRATIONS, staticMigrationProvider } from './migrations/index.js';
import { WriterLockPostgresDialect } from './writer-lock-dialect.js';

/** Any fixed 64-bit key shared by every wardwatch process: 'WARDMIGR' in ASCII. */
const MIGRATION_LOCK_KEY = 0x574152444d494752n;
/** pg's type OIDs (https://github.com/postgres/postgres/blob/REL_15_STABLE/src/include/catalog/pg_type.dat). */
const INT8_OID = 20;
/** Connections a process keeps: one for the migration lock while another migrates; the stores write one at a time. */
const POOL_SIZE = 4;

export interface PostgresOpenOptions {
  /** How long a statement waits for a row or table lock held by another session before failing with `db-locked`. */
  lockTimeoutMs?: number;
}

/**
 * BIGINT columns (ids, byte counts) come back as JS numbers, as they do from SQLite, so one schema type serves both.
 * Exact below 2^53, far above any count or id this inventory reaches.
 */
const types = new pg.TypeOverrides();
types.setTypeParser(INT8_OID, (value: string) => Number(value));

export async function openPostgres(url: string, options: PostgresOpenOptions = {}): Promise<Kysely<InventoryDb>> {
  const where = describeDbLocation({ dialect: 'postgres', url });
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types, options: `-c lock_timeout=${lockTimeoutMs}` });
  // An idle client's error (the server restarted) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<InventoryDb>({ dialect: new WriterLockPostgresDialect({ pool }) });
  try {
    await migrate(pool, db, where);
  } catch (err) {
    await db.destroy();
    throw toPostgresError(where, err);
  }
  return db;
}

async function migrate(pool: pg.Pool, db: Kysely<InventoryDb>, where: string): Promise<void> {
  // An up-to-date database is only read on open: the migrator's transaction would wait behind a writer for nothing.
  if (!await hasPendingMigrations(pool, where)) return;
  const lock = await pool.connect();
  try {
    // Kysely's own lock comes after it creates its tables, and two concurrent CREATE TABLE IF NOT EXISTS collide in
    // the catalog; this lock is taken first, on a connection of its own, and held until every migration ran.
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const migrator = new Migrator({ db, provider: staticMigrationProvider, migrationTableName: MIGRATION_TABLE, migrationLockTableName: MIGRATION_LOCK_TABLE });
    const { error } = await migrator.migrateToLatest();
    if (error instanceof Error) throw error;
    if (error !== undefined) throw new Error('migration failed');
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    lock.release();
  }
}

/**
 * Whether migrations this code knows are still to run. Migrations applied that this code does not know mean a newer
 * wardwatch wrote the database: refused.
 */
async function hasPendingMigrations(pool: pg.Pool, where: string): Promise<boolean> {
  const table = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [MIGRATION_TABLE]);
  if (table.rows[0]?.t == null) return true;
  const applied = new Set((await pool.query<{ name: string }>(`SELECT name FROM ${MIGRATION_TABLE}`)).rows.map((r) => r.name));
  const unknown = [...applied].filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.DbNewer, `${where}: written by a newer wardwatch (unknown schema migrations: ${unknown.join(', ')}); upgrade wardwatch`);
  }
  return Object.keys(MIGRATIONS).some((name) => !applied.has(name));
}

function pgCode(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'string' ? code : '';
}

/** Map PostgreSQL's failures to messages a person can act on (SQLSTATE codes, PostgreSQL 15 appendix A). */
export function toPostgresError(where: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = pgCode(err);
  // 55P03 lock_not_available: lock_timeout passed while another session held the lock.
  if (code === '55P03') return new AppError(ErrorCode.DbLocked, `${where}: database is locked by another process`, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new AppError(ErrorCode.Io, `${where}: cannot open database: ${message}`, { cause: err });
}
