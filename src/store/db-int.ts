/**
 * An integer column as a number on both dialects: better-sqlite3 hands INTEGER back as a number, node-postgres hands
 * BIGINT (ids, counts) back as a string, since it can exceed 2^53 (https://node-postgres.com/features/types).
 * Ids and counts here stay far below that.
 */
export function dbInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
