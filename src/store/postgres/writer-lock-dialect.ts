/**
 * Kysely's PostgreSQL dialect whose transactions take one transaction-level advisory lock when they begin
 * (`pg_advisory_xact_lock`, https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS), so
 * write transactions run one at a time, as they do on SQLite (BEGIN IMMEDIATE, src/store/sqlite/nested-transactions.ts).
 *
 * Why: the stores read, decide in code, then write (a finding's upsert reads the row to merge its evidence; identity
 * reads the devices a batch can reach). Under READ COMMITTED two such transactions decide on the same snapshot and
 * the second fails on a unique key or overwrites the first. Waiting for the lock, the second sees the first's commit.
 * The lock is released at commit or rollback; a crashed client's session ends and releases it.
 */
import { CompiledQuery, PostgresDialect, PostgresDriver, type DatabaseConnection, type Driver, type PostgresDialectConfig, type TransactionSettings } from 'kysely';

/** Any fixed 64-bit key shared by every wardwatch process: 'WARDWRIT' in ASCII. */
export const WRITER_LOCK_KEY = 0x5741524457524954n;

class WriterLockPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw('SELECT pg_advisory_xact_lock($1::bigint)', [WRITER_LOCK_KEY.toString()]));
  }
}

export class WriterLockPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriterLockPostgresDriver(this.#config);
  }
}
