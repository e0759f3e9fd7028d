/**
 * The AuthStore (src/auth/auth-store.ts) over Kysely, one implementation for SQLite and PostgreSQL: the statements
 * use only what both dialects share (ON CONFLICT, no RETURNING). It runs the conformance suite of src/auth on both
 * (conformance/auth-store.test.ts). Rows are narrowed on the way out: the database is a boundary like any other.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  ApiTokenRecord, AuthStore, SessionRecord, ThrottleState, UserChanges, UserRecord,
} from '../auth/auth-store.js';
import type { AuditEvent } from '../auth/audit-event.js';
import { isRole, type Role } from '../auth/roles.js';
import type { ApiTokensTable, AuthDb, SessionsTable, UsersTable } from './auth-schema.js';
import { listAuditLog, type AuditLogEntry, type AuditLogQuery } from './audit-log-query.js';

/** What the store removes as stale: sessions no timeout can keep alive, throttle state whose window has passed. */
export interface AuthPruneLimits {
  /** Sessions last seen before this time (now − idle timeout) end. */
  readonly sessionsIdleBeforeMs: number;
  /** Sessions created before this time (now − absolute timeout) end. */
  readonly sessionsCreatedBeforeMs: number;
  /** Throttle rows whose window started before this time and whose block is over by `nowMs` go. */
  readonly attemptsBeforeMs: number;
  readonly nowMs: number;
}

export interface AuthPruneResult {
  readonly sessions: number;
  readonly loginAttempts: number;
}

export class SqlAuthStore implements AuthStore {
  private constructor(private readonly db: Kysely<AuthDb>) {}

  /** Over a migrated database of either dialect (open-database.ts); the tables come from migration 0014. */
  static over<DB>(db: Kysely<DB>): SqlAuthStore {
    // The auth tables are not in the inventory's schema type; they exist on every database migration 0014 ran on.
    return new SqlAuthStore(db as unknown as Kysely<AuthDb>);
  }

  async findUserByName(name: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }
  async findUserById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }
  async insertUser(user: UserRecord): Promise<boolean> {
    // DO NOTHING rather than catching the unique violation: on PostgreSQL an error would abort an enclosing transaction.
    const result = await this.db
      .insertInto('users')
      .values({
        id: user.id,
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        disabled: user.disabled ? 1 : 0,
        created_at_ms: user.createdAtMs,
        password_changed_at_ms: user.passwordChangedAtMs,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  async updateUser(id: string, changes: UserChanges): Promise<boolean> {
    const set: Partial<UsersTable> = {};
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
    if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
    if (changes.passwordChangedAtMs !== undefined) set.password_changed_at_ms = changes.passwordChangedAtMs;
    if (Object.keys(set).length === 0) return (await this.findUserById(id)) !== undefined;
    const result = await this.db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
  /** The user's sessions go with the row (ON DELETE CASCADE, migration 0014). */
  async deleteUser(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
  async listUsers(): Promise<readonly UserRecord[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('name').execute()).map(toUser);
  }

  async insertToken(token: ApiTokenRecord): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        name: token.name,
        role: token.role,
        token_hash: token.tokenHash,
        created_by: token.createdBy,
        created_at_ms: token.createdAtMs,
        expires_at_ms: token.expiresAtMs,
        revoked_at_ms: token.revokedAtMs,
        last_used_at_ms: token.lastUsedAtMs,
      })
      .execute();
  }
  async findTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row === undefined ? undefined : toToken(row);
  }
  async listTokens(): Promise<readonly ApiTokenRecord[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at_ms').orderBy('id').execute()).map(toToken);
  }
  async revokeToken(id: string, atMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at_ms: atMs })
      .where('id', '=', id)
      .where('revoked_at_ms', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
  async touchToken(id: string, atMs: number): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at_ms: atMs }).where('id', '=', id).execute();
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        created_at_ms: session.createdAtMs,
        last_seen_at_ms: session.lastSeenAtMs,
        from_address: session.from,
      })
      .execute();
  }
  async findSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    return row === undefined ? undefined : toSession(row);
  }
  async touchSession(idHash: string, atMs: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at_ms: atMs }).where('id_hash', '=', idHash).execute();
  }
  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }
  async deleteUserSessions(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async getThrottle(key: string): Promise<ThrottleState | undefined> {
    const row = await this.db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
    return row === undefined
      ? undefined
      : { failures: row.failures, windowStartMs: row.window_start_ms, blockedUntilMs: row.blocked_until_ms };
  }
  async putThrottle(key: string, state: ThrottleState): Promise<void> {
    const values = { failures: state.failures, window_start_ms: state.windowStartMs, blocked_until_ms: state.blockedUntilMs };
    await this.db
      .insertInto('login_attempts')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }
  async deleteThrottle(key: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('key', '=', key).execute();
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: event.at,
        actor_kind: event.actor.kind,
        actor_name: event.actor.name,
        actor_role: event.actor.role,
        action: event.action,
        target: event.target,
        from_address: event.from,
        outcome: event.outcome,
        detail: JSON.stringify(event.detail),
        redacted: JSON.stringify(event.redacted),
      })
      .execute();
  }

  /** The audit log, oldest first (`wardwatch audit`, the admin export). */
  listAudit(query: AuditLogQuery = {}): Promise<AuditLogEntry[]> {
    return listAuditLog(this.db, query);
  }

  /** Removes sessions past either timeout and throttle state nobody is blocked by any more; the server runs it hourly. */
  async prune(limits: AuthPruneLimits): Promise<AuthPruneResult> {
    const sessions = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('last_seen_at_ms', '<', limits.sessionsIdleBeforeMs), eb('created_at_ms', '<', limits.sessionsCreatedBeforeMs)]))
      .executeTakeFirst();
    const attempts = await this.db
      .deleteFrom('login_attempts')
      .where('window_start_ms', '<', limits.attemptsBeforeMs)
      .where('blocked_until_ms', '<=', limits.nowMs)
      .executeTakeFirst();
    return { sessions: Number(sessions.numDeletedRows), loginAttempts: Number(attempts.numDeletedRows) };
  }
}

function toRole(value: string): Role {
  // The CHECK constraint makes this unreachable; a row edited past it is refused rather than trusted.
  if (!isRole(value)) throw new Error(`auth store: unknown role in a stored row`);
  return value;
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    name: row.name,
    role: toRole(row.role),
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    createdAtMs: row.created_at_ms,
    passwordChangedAtMs: row.password_changed_at_ms,
  };
}

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: toRole(row.role),
    tokenHash: row.token_hash,
    createdBy: row.created_by,
    createdAtMs: row.created_at_ms,
    expiresAtMs: row.expires_at_ms,
    revokedAtMs: row.revoked_at_ms,
    lastUsedAtMs: row.last_used_at_ms,
  };
}

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAtMs: row.created_at_ms,
    lastSeenAtMs: row.last_seen_at_ms,
    from: row.from_address,
  };
}
