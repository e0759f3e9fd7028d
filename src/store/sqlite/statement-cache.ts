/**
 * Prepared statements reused across queries. Kysely's SQLite driver prepares every query afresh, and preparing is
 * as costly as running the small lookups an ingest makes by the thousand; the same SQL text gets the same statement.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { transactionControl } from './nested-transactions.js';

/** Distinct SQL texts kept; queries with variable-length IN lists make new texts, so the cache is bounded. */
const MAX_STATEMENTS = 512;

export function cachedStatements(raw: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const hit = cache.get(sql);
      if (hit !== undefined) return hit;
      // Kysely's begin/commit/rollback: IMMEDIATE at the outside, savepoints inside (nested-transactions.ts).
      const stmt: SqliteStatement = transactionControl(raw, sql) ?? raw.prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

const rawCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A better-sqlite3 statement for fixed SQL text, prepared once per database (bulk paths use a few dozen texts). */
export function prepared(raw: Database.Database, sql: string): Database.Statement {
  let cache = rawCaches.get(raw);
  if (cache === undefined) {
    cache = new Map();
    rawCaches.set(raw, cache);
  }
  let stmt = cache.get(sql);
  if (stmt === undefined) {
    stmt = raw.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
