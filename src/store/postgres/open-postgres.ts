/**
 * Opens a PostgreSQL database: Kysely's PostgresDialect over a `pg` Pool, and the frozen PostgreSQL migrations run
 * while holding a session advisory lock (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS),
 * so two processes creating one database at once both succeed: the second waits, then finds the schema in place.
 */
import { Kysely, Migrator, sql } from 'kysely';
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
/**
 * How long connecting may take: a host that drops packets would otherwise leave a command hanging on the kernel's
 * TCP timeout (minutes). Ten seconds covers a slow network; a socket or a refused port fails at once anyway.
 */
const CONNECT_TIMEOUT_MS = 10_000;

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
  return (await openPostgresHandles(url, options)).db;
}

/** The Kysely handle and the workspace transaction of its dialect (writer-lock-dialect.ts `pinnedTransaction`). */
export interface PostgresHandles {
  db: Kysely<InventoryDb>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** The URL as it may be printed (no password). */
  where: string;
}

export async function openPostgresHandles(url: string, options: PostgresOpenOptions = {}): Promise<PostgresHandles> {
  const where = describeDbLocation({ dialect: 'postgres', url });
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types, options: `-c lock_timeout=${lockTimeoutMs}`, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  } catch (err) {
    throw toPostgresError(where, err);
  }
  // An idle client's error (the server restarted) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const dialect = new WriterLockPostgresDialect({ pool });
  const db = new Kysely<InventoryDb>({ dialect });
  try {
    await migrate(pool, db, where);
    // Through Kysely once, so its driver holds the pool before a workspace transaction asks it for a connection.
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw toPostgresError(where, err);
  }
  return { db, where, transaction: (work) => dialect.pinnedTransaction(work) };
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

/**
 * SQLSTATE classes a person fixes outside wardwatch (PostgreSQL 15 appendix A,
 * https://www.postgresql.org/docs/15/errcodes-appendix.html): what to say for each.
 */
const ACCESS_PROBLEMS: Readonly<Record<string, string>> = {
  '28000': 'the server refused the login (pg_hba.conf)',
  '28P01': 'wrong user name or password',
  '3D000': 'no such database (create it first: createdb)',
  '42501': 'permission denied: this user may not read or change wardwatch\'s tables (grant it the privileges, or connect as their owner)',
  '25006': 'the server is read-only (a standby?): wardwatch needs to write',
  '53300': 'the server has no free connection slot',
  '57P03': 'the server is starting up or shutting down',
};

/**
 * Map PostgreSQL's failures to messages a person can act on (SQLSTATE codes, PostgreSQL 15 appendix A); `doing` says
 * what failed (opening, or a write of a database already open).
 */
export function toPostgresError(where: string, err: unknown, doing = 'cannot open database'): AppError {
  if (err instanceof AppError) return err;
  const code = pgCode(err);
  // 55P03 lock_not_available: lock_timeout passed while another session held the lock.
  if (code === '55P03') return new AppError(ErrorCode.DbLocked, `${where}: database is locked by another process`, { cause: err });
  // Node's URL parser (which pg uses) rejects the text before any connection is tried.
  if (code === 'ERR_INVALID_URL') {
    return new AppError(ErrorCode.BadArgument, `${where}: not a valid PostgreSQL URL (postgresql://user:password@host:port/database)`, { cause: err });
  }
  const problem = ACCESS_PROBLEMS[code];
  if (problem !== undefined) return new AppError(ErrorCode.Io, `${where}: ${doing}: ${problem}`, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new AppError(ErrorCode.Io, `${where}: ${doing}: ${oneLine(message)}`, { cause: err });
}

/**
 * Whether a failure came from the server or the connection (a SQLSTATE, a socket error), not from the code that ran
 * inside a transaction: only those are turned into a message about the database.
 */
export function isPostgresFailure(err: unknown): boolean {
  if (err instanceof pg.DatabaseError) return true;
  const code = pgCode(err);
  return /^E[A-Z]+$/.test(code) || (err instanceof Error && /^Connection terminated/.test(err.message));
}

/** A driver message can span lines (a server's DETAIL); the CLI prints one. */
function oneLine(message: string): string {
  const first = message.split('\n')[0]?.trim() ?? '';
  return first === '' ? 'unknown error' : first;
}
