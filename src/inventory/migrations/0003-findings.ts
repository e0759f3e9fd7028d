/** Migration 0003: findings tables (issue 5). Placeholder: its owner fills STATEMENTS before release. */
import { sql, type Kysely } from 'kysely';

const STATEMENTS: string[] = [];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
