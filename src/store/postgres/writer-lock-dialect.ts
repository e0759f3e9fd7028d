/**
 * Kysely's PostgreSQL dialect whose transactions take one transaction-level advisory lock when they begin
 * (`pg_advisory_xact_lock`, https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS), so
 * write transactions run one at a time, as they do on SQLite (BEGIN IMMEDIATE, src/store/sqlite/nested-transactions.ts).
 *
 * Why a lock and not SERIALIZABLE with retries: the stores read, decide in code, then write (a finding's upsert reads
 * the row to merge its evidence; identity reads the devices a batch can reach), and an analyze run's end is one
 * transaction of many such steps that also calls back into classification code. Under READ COMMITTED two such
 * transactions decide on the same rows and the second fails on a unique key or overwrites the first; under
 * SERIALIZABLE the loser fails with 40001 and the whole run's end would have to be replayed, code and all. Waiting
 * for the lock, the second sees the first's commit (each statement of READ COMMITTED reads the latest commit). The
 * lock is released at commit or rollback; a crashed client's session ends and releases it. Readers never take it.
 *
 * A workspace transaction (`pinnedTransaction`) pins one pooled connection to the async work it runs
 * (AsyncLocalStorage, https://nodejs.org/docs/latest-v20.x/api/async_context.html): every query the stores send
 * inside it goes to that connection, and a store's own `db.transaction()` becomes a savepoint of it, as on SQLite's
 * one connection. Without the pin a store's transaction would take another connection and wait for the lock its own
 * workspace holds.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery, PostgresDialect, PostgresDriver, type DatabaseConnection, type Driver, type PostgresDialectConfig, type TransactionSettings,
} from 'kysely';

/** Any fixed 64-bit key shared by every wardwatch process: 'WARDWRIT' in ASCII. */
export const WRITER_LOCK_KEY = 0x5741524457524954n;

interface Pin {
  readonly connection: DatabaseConnection;
  /** Savepoints open inside the pinned transaction. */
  depth: number;
}

const pins = new AsyncLocalStorage<Pin>();

/** Whether this async work runs inside a workspace transaction (which holds the writer lock). */
export function inPinnedTransaction(): boolean {
  return pins.getStore() !== undefined;
}

const run = (connection: DatabaseConnection, text: string): Promise<unknown> => connection.executeQuery(CompiledQuery.raw(text));

/** The connection type PostgresDriver's release and rollback take (Kysely does not export its name). */
type PgConnection = Parameters<PostgresDriver['releaseConnection']>[0];

class WriterLockPostgresDriver extends PostgresDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return pins.getStore()?.connection ?? super.acquireConnection();
  }

  override async releaseConnection(connection: PgConnection): Promise<void> {
    if (pins.getStore()?.connection === connection) return;
    await super.releaseConnection(connection);
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const pin = pins.getStore();
    if (pin?.connection === connection) {
      pin.depth++;
      await run(connection, `SAVEPOINT ww_nested_${String(pin.depth)}`);
      return;
    }
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw('SELECT pg_advisory_xact_lock($1::bigint)', [WRITER_LOCK_KEY.toString()]));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const pin = pins.getStore();
    if (pin?.connection !== connection) return super.commitTransaction(connection);
    await run(connection, `RELEASE ww_nested_${String(pin.depth)}`);
    pin.depth--;
  }

  override async rollbackTransaction(connection: PgConnection): Promise<void> {
    const pin = pins.getStore();
    if (pin?.connection !== connection) return super.rollbackTransaction(connection);
    const name = `ww_nested_${String(pin.depth)}`;
    pin.depth--;
    await run(connection, `ROLLBACK TO ${name}`);
    await run(connection, `RELEASE ${name}`);
  }

  /** `work` as one transaction on one connection (a savepoint when already inside one); see the header. */
  async pinnedTransaction<T>(work: () => Promise<T>): Promise<T> {
    const outer = pins.getStore();
    // Kysely's PostgresConnection, typed as the DatabaseConnection it implements.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const connection = (outer?.connection ?? await super.acquireConnection()) as PgConnection;
    try {
      await this.beginTransaction(connection, {});
      let result: T;
      try {
        result = outer === undefined ? await pins.run({ connection, depth: 0 }, work) : await work();
      } catch (err) {
        await this.rollbackTransaction(connection).catch(() => undefined);
        throw err;
      }
      try {
        await this.commitTransaction(connection);
      } catch (err) {
        await this.rollbackTransaction(connection).catch(() => undefined);
        throw err;
      }
      return result;
    } finally {
      if (outer === undefined) await super.releaseConnection(connection);
    }
  }
}

export class WriterLockPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  #driver: WriterLockPostgresDriver | null = null;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    this.#driver = new WriterLockPostgresDriver(this.#config);
    return this.#driver;
  }

  /** A workspace's transaction (see the header); the Kysely instance over this dialect must have run a query first. */
  pinnedTransaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#driver === null) throw new Error('the PostgreSQL dialect has no driver yet');
    return this.#driver.pinnedTransaction(work);
  }
}
