/** An in-memory AuthStore for tests and for the conformance suite the SQL stores will run. */
import type {
  ApiTokenRecord,
  AuthStore,
  SessionRecord,
  ThrottleState,
  UserChanges,
  UserRecord,
} from './auth-store.js';
import type { AuditEvent } from './audit-event.js';

export class MemoryAuthStore implements AuthStore {
  readonly users = new Map<string, UserRecord>();
  readonly tokens = new Map<string, ApiTokenRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly throttles = new Map<string, ThrottleState>();
  readonly audit: AuditEvent[] = [];

  findUserByName(name: string): Promise<UserRecord | undefined> {
    return Promise.resolve([...this.users.values()].find((u) => u.name === name));
  }
  findUserById(id: string): Promise<UserRecord | undefined> {
    return Promise.resolve(this.users.get(id));
  }
  insertUser(user: UserRecord): Promise<boolean> {
    if ([...this.users.values()].some((u) => u.name === user.name)) return Promise.resolve(false);
    this.users.set(user.id, user);
    return Promise.resolve(true);
  }
  updateUser(id: string, changes: UserChanges): Promise<boolean> {
    const user = this.users.get(id);
    if (user === undefined) return Promise.resolve(false);
    this.users.set(id, { ...user, ...changes });
    return Promise.resolve(true);
  }
  async deleteUser(id: string): Promise<boolean> {
    if (!this.users.delete(id)) return false;
    await this.deleteUserSessions(id);
    return true;
  }
  listUsers(): Promise<readonly UserRecord[]> {
    return Promise.resolve([...this.users.values()]);
  }

  insertToken(token: ApiTokenRecord): Promise<void> {
    this.tokens.set(token.id, token);
    return Promise.resolve();
  }
  findTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    return Promise.resolve([...this.tokens.values()].find((t) => t.tokenHash === tokenHash));
  }
  listTokens(): Promise<readonly ApiTokenRecord[]> {
    return Promise.resolve([...this.tokens.values()]);
  }
  revokeToken(id: string, atMs: number): Promise<boolean> {
    const token = this.tokens.get(id);
    if (token === undefined || token.revokedAtMs !== null) return Promise.resolve(false);
    this.tokens.set(id, { ...token, revokedAtMs: atMs });
    return Promise.resolve(true);
  }
  touchToken(id: string, atMs: number): Promise<void> {
    const token = this.tokens.get(id);
    if (token !== undefined) this.tokens.set(id, { ...token, lastUsedAtMs: atMs });
    return Promise.resolve();
  }

  insertSession(session: SessionRecord): Promise<void> {
    this.sessions.set(session.idHash, session);
    return Promise.resolve();
  }
  findSession(idHash: string): Promise<SessionRecord | undefined> {
    return Promise.resolve(this.sessions.get(idHash));
  }
  touchSession(idHash: string, atMs: number): Promise<void> {
    const session = this.sessions.get(idHash);
    if (session !== undefined) this.sessions.set(idHash, { ...session, lastSeenAtMs: atMs });
    return Promise.resolve();
  }
  deleteSession(idHash: string): Promise<void> {
    this.sessions.delete(idHash);
    return Promise.resolve();
  }
  deleteUserSessions(userId: string): Promise<number> {
    let n = 0;
    for (const [key, s] of this.sessions) {
      if (s.userId === userId) {
        this.sessions.delete(key);
        n++;
      }
    }
    return Promise.resolve(n);
  }

  getThrottle(key: string): Promise<ThrottleState | undefined> {
    return Promise.resolve(this.throttles.get(key));
  }
  putThrottle(key: string, state: ThrottleState): Promise<void> {
    this.throttles.set(key, state);
    return Promise.resolve();
  }
  deleteThrottle(key: string): Promise<void> {
    this.throttles.delete(key);
    return Promise.resolve();
  }

  appendAudit(event: AuditEvent): Promise<void> {
    this.audit.push(event);
    return Promise.resolve();
  }
}
