/**
 * Migration 0014: what `wardwatch serve` authenticates against: local users, API tokens (hashed), login sessions
 * (hashed ids), login throttling and an append-only audit log. Secrets are never stored: password hashes are argon2id
 * PHC strings, token and session ids are SHA-256 hex (src/auth/api-token-format.ts, src/auth/sessions.ts).
 */
import { sql, type Kysely } from 'kysely';

// Times are epoch milliseconds (the auth library's clock); the audit log's `at` is ISO 8601 text, as it is exported.
// user names are stored in their canonical lower-case form (src/auth/user-name.ts); the CHECK keeps a bypassing
// writer from storing two spellings of one name. The audit log refuses UPDATE and DELETE: a trigger RAISEs, so
// even a hand-run statement cannot rewrite history (SQLite "CREATE TRIGGER", RAISE(ABORT, …)).
const STATEMENTS = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE CHECK (name = lower(name)),
     role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
     created_at_ms INTEGER NOT NULL,
     password_changed_at_ms INTEGER NOT NULL
   ) STRICT`,
  `CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
     token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
     created_by TEXT,
     created_at_ms INTEGER NOT NULL,
     expires_at_ms INTEGER,
     revoked_at_ms INTEGER,
     last_used_at_ms INTEGER
   ) STRICT`,
  `CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at_ms INTEGER NOT NULL,
     last_seen_at_ms INTEGER NOT NULL,
     from_address TEXT
   ) STRICT`,
  'CREATE INDEX sessions_user ON sessions (user_id)',
  'CREATE INDEX sessions_last_seen ON sessions (last_seen_at_ms)',
  `CREATE TABLE login_attempts (
     key TEXT PRIMARY KEY,
     failures INTEGER NOT NULL CHECK (failures >= 0),
     window_start_ms INTEGER NOT NULL,
     blocked_until_ms INTEGER NOT NULL
   ) STRICT`,
  `CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'token', 'anonymous', 'system')),
     actor_name TEXT,
     actor_role TEXT CHECK (actor_role IN ('viewer', 'analyst', 'admin')),
     action TEXT NOT NULL,
     target TEXT,
     from_address TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
     detail TEXT NOT NULL CHECK (json_valid(detail)),
     redacted TEXT NOT NULL CHECK (json_valid(redacted))
   ) STRICT`,
  'CREATE INDEX audit_log_at ON audit_log (at)',
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
