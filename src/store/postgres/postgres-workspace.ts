/**
 * What a workspace on PostgreSQL has of its own (src/store/workspace.ts builds the rest over the Kysely handle, the
 * same stores as on SQLite): the inventory, the run log and the workspace transaction, one pinned connection holding
 * the writer lock (writer-lock-dialect.ts says why a lock and not SERIALIZABLE with retries).
 */
import { sql, type Kysely } from 'kysely';
import { iso } from '../sqlite/inventory/tx.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import type { InventoryStore, RunLog } from '../interfaces.js';
import { PostgresInventory } from './inventory/postgres-inventory.js';
import { isPostgresFailure, openPostgresHandles, toPostgresError } from './open-postgres.js';
import { inPinnedTransaction } from './writer-lock-dialect.js';

export interface DialectParts {
  db: Kysely<InventoryDb>;
  inventory: InventoryStore;
  runs: RunLog;
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Workspace.dataVersion: a stamp that moves on every committed write; null inside an open transaction. */
  dataVersion(): Promise<string | null>;
}

/** The run log in plain Kysely (src/inventory/sqlite/run-log.ts runs the same statements on SQLite's raw handle). */
export function kyselyRunLog(db: Kysely<InventoryDb>): RunLog {
  return {
    holdOpen: async (runId) => { await db.updateTable('ingest_runs').set({ finished: null }).where('id', '=', runId).execute(); },
    finish: async (runIds, atMs) => {
      if (runIds.length > 0) await db.updateTable('ingest_runs').set({ finished: iso(atMs) }).where('id', 'in', [...runIds]).execute();
    },
    list: () => db.selectFrom('ingest_runs').select(['id', 'sources', 'finished']).orderBy('id').execute(),
  };
}

export async function openPostgresParts(url: string, lockTimeoutMs: number): Promise<DialectParts> {
  const handles = await openPostgresHandles(url, { lockTimeoutMs });
  const { db, where } = handles;
  return {
    db,
    inventory: new PostgresInventory(db, false),
    runs: kyselyRunLog(db),
    // The cluster's write-ahead log position (https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADMIN-BACKUP):
    // every committed write, by any session, moves it. It also moves on writes elsewhere in the cluster (another
    // database, a checkpoint): a needless recompute, never a stale answer.
    dataVersion: async () => {
      if (inPinnedTransaction()) return null;
      return (await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(db)).rows[0]?.lsn ?? null;
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      try {
        return await handles.transaction(work);
      } catch (err) {
        // A lock wait past lock_timeout (55P03) is db-locked, as SQLite's busy timeout is; a refused write or a lost
        // server a one-line AppError; what the code inside threw, as it came.
        throw isPostgresFailure(err) ? toPostgresError(where, err, 'cannot write') : err;
      }
    },
  };
}
