/** Test helper: every row of some tables of a SQLite inventory file, read-only, for tests that check what is at rest. */
import Database from 'better-sqlite3';

export function dumpTables(file: string, tables: readonly string[]): Record<string, unknown[]> {
  const raw = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tables.map((table) => [table, raw.prepare(`SELECT * FROM "${table}"`).all()]));
  } finally {
    raw.close();
  }
}
