/**
 * The storage auth needs, as interfaces: the store layer (SQLite, PostgreSQL) implements them; memory-auth-store.ts
 * is the in-memory implementation for tests. Times are epoch milliseconds; secrets are only ever stored hashed.
 */
import type { AuditEvent } from './audit-event.js';
import type { Role } from './roles.js';

export interface UserRecord {
  readonly id: string;
  /** Canonical (lower-case) name, unique. */
  readonly name: string;
  readonly role: Role;
  /** argon2id PHC string; never logged, never sent. */
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAtMs: number;
  readonly passwordChangedAtMs: number;
}

export type UserChanges = Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'disabled' | 'passwordChangedAtMs'>>;

export interface UserStore {
  findUserByName(name: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  /** False (and nothing stored) when the name is taken. */
  insertUser(user: UserRecord): Promise<boolean>;
  updateUser(id: string, changes: UserChanges): Promise<boolean>;
  /** False when no user has that id; the user's sessions end with it. */
  deleteUser(id: string): Promise<boolean>;
  listUsers(): Promise<readonly UserRecord[]>;
}

export interface ApiTokenRecord {
  /** Short, not secret: shown in lists and used to revoke. */
  readonly id: string;
  /** What the token is for ("siem-export"), chosen by its creator. */
  readonly name: string;
  readonly role: Role;
  /** SHA-256 of the whole token, hex; unique. */
  readonly tokenHash: string;
  readonly createdBy: string | null;
  readonly createdAtMs: number;
  readonly expiresAtMs: number | null;
  readonly revokedAtMs: number | null;
  readonly lastUsedAtMs: number | null;
}

export interface ApiTokenStore {
  insertToken(token: ApiTokenRecord): Promise<void>;
  findTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  listTokens(): Promise<readonly ApiTokenRecord[]>;
  /** False when no token has that id or it was already revoked. */
  revokeToken(id: string, atMs: number): Promise<boolean>;
  touchToken(id: string, atMs: number): Promise<void>;
}

export interface SessionRecord {
  /** SHA-256 of the session id the cookie carries, hex. */
  readonly idHash: string;
  readonly userId: string;
  readonly createdAtMs: number;
  readonly lastSeenAtMs: number;
  /** Source address at login, for the user's list of sessions. */
  readonly from: string | null;
}

export interface SessionStore {
  insertSession(session: SessionRecord): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, atMs: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user: on password change, role change, disable. */
  deleteUserSessions(userId: string): Promise<number>;
}

/** Failed-login bookkeeping for one key (a hashed user name or a source address). */
export interface ThrottleState {
  readonly failures: number;
  readonly windowStartMs: number;
  /** No attempt is checked before this time. */
  readonly blockedUntilMs: number;
}

export interface ThrottleStore {
  getThrottle(key: string): Promise<ThrottleState | undefined>;
  putThrottle(key: string, state: ThrottleState): Promise<void>;
  deleteThrottle(key: string): Promise<void>;
}

export interface AuditSink {
  appendAudit(event: AuditEvent): Promise<void>;
}

export type AuthStore = UserStore & ApiTokenStore & SessionStore & ThrottleStore & AuditSink;
