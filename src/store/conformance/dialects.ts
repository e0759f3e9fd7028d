/**
 * The dialects every store conformance test runs against: SQLite (a file in a temporary folder) and PostgreSQL (a
 * throwaway cluster, src/test-support/postgres.ts, one fresh database per `newDatabase`). A suite is written once:
 *
 *   describe.each(STORE_DIALECTS)('$name', (d) => {
 *     useDialect(d);
 *     it('…', async () => { const db = await openInventoryDb(d.newDatabase()); … });
 *   });
 *
 * PostgreSQL's group skips, its reason in the title, where the server binaries are missing, and fails in CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { postgresGate, startPostgres, type PostgresCluster } from '../../test-support/postgres.js';
import type { Gate } from '../../test-support/tools.js';

export interface StoreDialect {
  readonly name: string;
  readonly gate: Gate;
  /** The `--db` value of a new, empty database (valid between the group's beforeAll and afterAll). */
  newDatabase(): string;
  start(): void;
  stop(): void;
}

function sqliteDialect(): StoreDialect {
  let dir: string | null = null;
  return {
    name: 'sqlite',
    gate: { skip: false, reason: null, title: (n) => n },
    start: () => { dir = mkdtempSync(path.join(tmpdir(), 'ww-store-')); },
    stop: () => { if (dir !== null) rmSync(dir, { recursive: true, force: true }); },
    newDatabase: () => {
      if (dir === null) throw new Error('sqlite dialect not started');
      return path.join(dir, `${randomBytes(4).toString('hex')}.db`);
    },
  };
}

function postgresDialect(): StoreDialect {
  let cluster: PostgresCluster | null = null;
  return {
    name: postgresGate.title('postgres'),
    gate: postgresGate,
    start: () => { cluster = startPostgres(); },
    stop: () => { cluster?.stop(); },
    newDatabase: () => {
      if (cluster === null) throw new Error('postgres dialect not started');
      return cluster.createDatabase();
    },
  };
}

export const STORE_DIALECTS: readonly StoreDialect[] = [sqliteDialect(), postgresDialect()];

/** Start the dialect's server (or folder) for the enclosing group and stop it after; nothing when it is skipped. */
export function useDialect(d: StoreDialect): void {
  beforeAll(() => { if (!d.gate.skip) d.start(); });
  afterAll(() => { if (!d.gate.skip) d.stop(); });
}

/** What `run` answers on a fresh SQLite file of its own: the reference another dialect's answers must equal. */
export async function onSqliteReference<T>(run: (location: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-store-ref-'));
  try {
    return await run(path.join(dir, 'reference.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
