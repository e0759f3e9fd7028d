/** Kysely row types for the auth tables (migrations 0014-auth, both dialects); snake_case stays in this layer. */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  name: string;
  role: string;
  password_hash: string;
  /** 0 or 1 (SQLite has no boolean; PostgreSQL uses SMALLINT so both read back the same). */
  disabled: number;
  created_at_ms: number;
  password_changed_at_ms: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_by: string | null;
  created_at_ms: number;
  expires_at_ms: number | null;
  revoked_at_ms: number | null;
  last_used_at_ms: number | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at_ms: number;
  last_seen_at_ms: number;
  from_address: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  failures: number;
  window_start_ms: number;
  blocked_until_ms: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_kind: string;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  from_address: string | null;
  outcome: string;
  /** JSON object text. */
  detail: string;
  /** JSON array text. */
  redacted: string;
}

export interface AuthDb {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
}
