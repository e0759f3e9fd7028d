/**
 * Administering users and API tokens, and reading the audit log, over a workspace: what `wardwatch users|tokens|audit`
 * and the server's admin routes both call. Every change runs in one transaction with its audit event, so a change is
 * never stored without its record, nor recorded without being made.
 */
import { AuditAction } from '../auth/audit-event.js';
import { appendAudit, type AuditOrigin } from '../auth/audit-log.js';
import type { AuthDeps } from '../auth/auth-deps.js';
import type { UserRecord } from '../auth/auth-store.js';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenListing, type NewApiToken } from '../auth/api-tokens.js';
import type { Role } from '../auth/roles.js';
import { DEFAULT_SESSION_POLICY } from '../auth/sessions.js';
import { checkUserName } from '../auth/user-name.js';
import { changePassword, changeUser, createUser, removeUser } from '../auth/users.js';
import type { AuditLogEntry, AuditLogQuery } from '../store/interfaces.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';

/** A user as listed: never the password hash. */
export interface UserListing {
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly passwordChangedAt: string;
}

const DAY_MS = 86_400_000;

function deps(ws: Workspace, now: () => number): AuthDeps {
  return { store: ws.auth, now, sessionPolicy: DEFAULT_SESSION_POLICY };
}

/** The stored user a typed name means; the name is checked first so a hostile one is refused, never looked up. */
async function userNamed(ws: Workspace, name: string): Promise<UserRecord> {
  const checked = checkUserName(name);
  if (!checked.ok) throw new AppError(ErrorCode.BadArgument, checked.reason);
  const user = await ws.auth.findUserByName(checked.name);
  if (user === undefined) throw new AppError(ErrorCode.NotFound, `no user ${checked.name}`);
  return user;
}

export async function addUser(
  ws: Workspace, input: { name: string; role: Role; password: string }, origin: AuditOrigin, now: () => number = Date.now,
): Promise<UserListing> {
  return toListing(await ws.transaction(() => createUser(deps(ws, now), input, origin)));
}

export async function listUsers(ws: Workspace): Promise<UserListing[]> {
  return (await ws.auth.listUsers()).map(toListing);
}

export async function removeUserNamed(ws: Workspace, name: string, origin: AuditOrigin, now: () => number = Date.now): Promise<void> {
  await ws.transaction(async () => { await removeUser(deps(ws, now), (await userNamed(ws, name)).id, origin); });
}

export async function setUserRole(ws: Workspace, name: string, role: Role, origin: AuditOrigin, now: () => number = Date.now): Promise<void> {
  await ws.transaction(async () => { await changeUser(deps(ws, now), (await userNamed(ws, name)).id, { role }, origin); });
}

export async function setUserPassword(
  ws: Workspace, name: string, password: string, origin: AuditOrigin, now: () => number = Date.now,
): Promise<void> {
  await ws.transaction(async () => { await changePassword(deps(ws, now), (await userNamed(ws, name)).id, password, origin); });
}

/** A new token (its secret returned for printing once); `expiresDays` null never expires. */
export async function createToken(
  ws: Workspace, input: { name: string; role: Role; expiresDays: number | null }, origin: AuditOrigin, now: () => number = Date.now,
): Promise<NewApiToken> {
  const nowMs = now();
  return ws.transaction(async () => {
    const created = await createApiToken(ws.auth, {
      name: input.name,
      role: input.role,
      createdBy: origin.actor.name,
      expiresAtMs: input.expiresDays === null ? null : nowMs + input.expiresDays * DAY_MS,
    }, nowMs);
    await appendAudit(deps(ws, now), origin, AuditAction.TokenCreated, `token:${created.record.id}`, {
      // 'purpose', not 'name': the sanitiser drops fields called name (they may name a patient).
      purpose: created.record.name, role: created.record.role, expiresAtMs: created.record.expiresAtMs,
    });
    return created;
  });
}

export function listTokens(ws: Workspace): Promise<ApiTokenListing[]> {
  return listApiTokens(ws.auth);
}

export async function revokeToken(ws: Workspace, id: string, origin: AuditOrigin, now: () => number = Date.now): Promise<void> {
  // Token ids are 8 base64url characters (src/auth/api-token-format.ts); anything else is refused before a lookup.
  if (!/^[A-Za-z0-9_-]{8}$/.test(id)) throw new AppError(ErrorCode.BadArgument, 'a token id is 8 characters: letters, digits, _ or -');
  await ws.transaction(async () => {
    await revokeApiToken(ws.auth, id, now());
    await appendAudit(deps(ws, now), origin, AuditAction.TokenRevoked, `token:${id}`, {});
  });
}

/** The audit log for an admin export; the export is itself an audited action (AuditAction.Export). */
export async function exportAudit(ws: Workspace, query: AuditLogQuery, origin: AuditOrigin, now: () => number = Date.now): Promise<AuditLogEntry[]> {
  return ws.transaction(async () => {
    const entries = await ws.auth.listAudit(query);
    await appendAudit(deps(ws, now), origin, AuditAction.Export, 'audit-log', { events: entries.length, since: query.sinceIso ?? null });
    return entries;
  });
}

function toListing(user: UserRecord): UserListing {
  return {
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: new Date(user.createdAtMs).toISOString(),
    passwordChangedAt: new Date(user.passwordChangedAtMs).toISOString(),
  };
}
