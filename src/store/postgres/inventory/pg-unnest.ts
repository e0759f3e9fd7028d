/**
 * Many rows in one INSERT: each column bound as one array and the rows rebuilt by UNNEST
 * (https://www.postgresql.org/docs/15/functions-array.html), so a batch costs a few round trips, not one per row.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../sqlite/inventory/tx.js';

export type PgType = 'text' | 'bigint' | 'integer' | 'double precision';

/** Rows at most per statement: bounds the parameter size of one statement. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * INSERT the rows (cells in `columns` order) with `onConflict`. ON CONFLICT DO UPDATE may not touch a row twice in
 * one statement, so a row whose `keyOf` repeats one already in the statement starts the next: the upserts then apply
 * in the rows' order, as one statement per row would.
 */
export async function insertUnnest(
  tx: Tx,
  table: string,
  columns: readonly (readonly [name: string, type: PgType])[],
  rows: readonly (readonly unknown[])[],
  onConflict: string,
  keyOf?: (row: readonly unknown[]) => string,
): Promise<void> {
  let chunk: (readonly unknown[])[] = [];
  let keys = new Set<string>();
  const send = async (): Promise<void> => {
    if (chunk.length === 0) return;
    await statement(table, columns, chunk, onConflict).execute(tx);
    chunk = [];
    keys = new Set();
  };
  for (const row of rows) {
    const key = keyOf?.(row);
    if (chunk.length >= ROWS_PER_STATEMENT || (key !== undefined && keys.has(key))) await send();
    if (key !== undefined) keys.add(key);
    chunk.push(row);
  }
  await send();
}

function statement(table: string, columns: readonly (readonly [string, PgType])[], rows: readonly (readonly unknown[])[], onConflict: string): RawBuilder<unknown> {
  const arrays = columns.map(([, type], i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(type)}[]`);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
    SELECT * FROM UNNEST(${sql.join(arrays)}) ${sql.raw(onConflict)}`;
}
