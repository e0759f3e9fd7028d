/**
 * Migration 0014 (PostgreSQL, as on SQLite): what `wardwatch serve` authenticates against: local users, API tokens
 * (hashed), login sessions (hashed ids), login throttling and an append-only audit log. Secrets are never stored:
 * password hashes are argon2id PHC strings, token and session ids are SHA-256 hex.
 */
import { sql, type Kysely } from 'kysely';

// Times are epoch milliseconds in BIGINT (read back as numbers: open-postgres.ts parses int8); the audit log's `at`
// is ISO 8601 text, as on SQLite. The audit log refuses UPDATE, DELETE and TRUNCATE through a trigger that raises
// (PostgreSQL "CREATE TRIGGER", PL/pgSQL RAISE EXCEPTION), so history cannot be rewritten through the application's
// own connection; a superuser can still drop the trigger, which is what database permissions are for.
const STATEMENTS = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE CHECK (name = lower(name)),
     role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
     password_hash TEXT NOT NULL,
     disabled SMALLINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
     created_at_ms BIGINT NOT NULL,
     password_changed_at_ms BIGINT NOT NULL
   )`,
  `CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
     token_hash CHAR(64) NOT NULL UNIQUE,
     created_by TEXT,
     created_at_ms BIGINT NOT NULL,
     expires_at_ms BIGINT,
     revoked_at_ms BIGINT,
     last_used_at_ms BIGINT
   )`,
  `CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at_ms BIGINT NOT NULL,
     last_seen_at_ms BIGINT NOT NULL,
     from_address TEXT
   )`,
  'CREATE INDEX sessions_user ON sessions (user_id)',
  'CREATE INDEX sessions_last_seen ON sessions (last_seen_at_ms)',
  `CREATE TABLE login_attempts (
     key TEXT PRIMARY KEY,
     failures INTEGER NOT NULL CHECK (failures >= 0),
     window_start_ms BIGINT NOT NULL,
     blocked_until_ms BIGINT NOT NULL
   )`,
  `CREATE TABLE audit_log (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'token', 'anonymous', 'system')),
     actor_name TEXT,
     actor_role TEXT CHECK (actor_role IN ('viewer', 'analyst', 'admin')),
     action TEXT NOT NULL,
     target TEXT,
     from_address TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
     detail TEXT NOT NULL CHECK (detail::jsonb IS NOT NULL),
     redacted TEXT NOT NULL CHECK (redacted::jsonb IS NOT NULL)
   )`,
  'CREATE INDEX audit_log_at ON audit_log (at)',
  `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END
   $$`,
  `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
