/**
 * Write transactions on one SQLite connection, nested: the outermost is `BEGIN IMMEDIATE`, an inner one a savepoint
 * (https://sqlite.org/lang_savepoint.html). Two reasons:
 * - A workspace runs a use case (the end of an analyze run) as one transaction while the stores inside it open their
 *   own; as savepoints they commit with the outer one or not at all.
 * - `IMMEDIATE` takes the write lock at BEGIN, where SQLite's busy timeout waits for another writer. A deferred
 *   transaction that read first and writes later cannot wait: in WAL mode it fails at once with SQLITE_BUSY when
 *   another process committed in between (https://sqlite.org/lang_transaction.html, "BEGIN IMMEDIATE";
 *   https://sqlite.org/rescode.html#busy_snapshot), which is how two concurrent writers lost work.
 */
import type Database from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';

/** Open write transactions per connection: 0 none, 1 the outer one, more are savepoints. */
const depths = new WeakMap<Database.Database, number>();

export function transactionDepth(raw: Database.Database): number {
  return depths.get(raw) ?? 0;
}

export function beginWrite(raw: Database.Database): void {
  const depth = transactionDepth(raw);
  raw.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ww_nested_${String(depth)}`);
  depths.set(raw, depth + 1);
}

/** On failure the transaction stays open (the caller rolls it back), so the depth is lowered only on success. */
export function commitWrite(raw: Database.Database): void {
  const depth = transactionDepth(raw) - 1;
  if (depth < 0) throw new Error('commit without a transaction');
  raw.exec(depth === 0 ? 'COMMIT' : `RELEASE ww_nested_${String(depth)}`);
  depths.set(raw, depth);
}

export function rollbackWrite(raw: Database.Database): void {
  const depth = transactionDepth(raw) - 1;
  if (depth < 0) throw new Error('rollback without a transaction');
  depths.set(raw, depth);
  // SQLite may already have rolled the whole transaction back itself (SQLITE_FULL, SQLITE_IOERR …).
  if (!raw.inTransaction) return;
  if (depth === 0) raw.exec('ROLLBACK');
  else raw.exec(`ROLLBACK TO ww_nested_${String(depth)}; RELEASE ww_nested_${String(depth)}`);
}

const CONTROL: Readonly<Record<string, (raw: Database.Database) => void>> = {
  begin: beginWrite,
  commit: commitWrite,
  rollback: rollbackWrite,
};

/**
 * The statement Kysely's SQLite driver runs for `begin`, `commit` and `rollback` (it sends exactly those words), or
 * null for any other SQL. Decided when run, not when prepared: the statement cache keeps it.
 */
export function transactionControl(raw: Database.Database, sql: string): SqliteStatement | null {
  const action = CONTROL[sql.trim().toLowerCase()];
  if (action === undefined) return null;
  return {
    reader: false,
    all: () => { action(raw); return []; },
    run: () => { action(raw); return { changes: 0, lastInsertRowid: 0 }; },
    iterate: () => { action(raw); return [][Symbol.iterator](); },
  };
}
