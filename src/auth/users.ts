/** Local users: created with a checked name and password (`wardwatch users add`), password changes, role changes. */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../util/app-error.js';
import type { AuthDeps } from './auth-deps.js';
import type { UserRecord } from './auth-store.js';
import { AuditAction } from './audit-event.js';
import { appendAudit, type AuditOrigin } from './audit-log.js';
import { hashPassword } from './password-hash.js';
import { checkNewPassword } from './password-policy.js';
import type { Role } from './roles.js';
import { checkUserName } from './user-name.js';

export interface NewUserInput {
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

/** Who asked for a change and from where, for the audit log. The CLI is `{ kind: 'system', … }` with `from: null`. */
export type ChangeOrigin = AuditOrigin;

/** Creates a user; refuses a bad name, a password the policy refuses (all reasons in one message) or a taken name. */
export async function createUser(deps: AuthDeps, input: NewUserInput, origin: ChangeOrigin): Promise<UserRecord> {
  const name = checkUserName(input.name);
  if (!name.ok) throw new AppError(ErrorCode.BadArgument, name.reason);
  refuseWeakPassword(input.password, name.name);
  const nowMs = deps.now();
  const user: UserRecord = {
    id: randomUUID(),
    name: name.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    disabled: false,
    createdAtMs: nowMs,
    passwordChangedAtMs: nowMs,
  };
  if (!(await deps.store.insertUser(user))) throw new AppError(ErrorCode.BadArgument, `user ${name.name} already exists`);
  await appendAudit(deps, origin, AuditAction.UserCreated, `user:${user.name}`, { role: user.role });
  return user;
}

/** Sets a new password and ends the user's sessions, so a stolen session dies with the old password. */
export async function changePassword(deps: AuthDeps, userId: string, password: string, origin: ChangeOrigin): Promise<void> {
  const user = await requireUser(deps, userId);
  refuseWeakPassword(password, user.name);
  await deps.store.updateUser(userId, { passwordHash: await hashPassword(password), passwordChangedAtMs: deps.now() });
  await deps.store.deleteUserSessions(userId);
  await appendAudit(deps, origin, AuditAction.PasswordChanged, `user:${user.name}`, {});
}

/** Changes a role or disables a user; sessions end so the new rights apply at once. */
export async function changeUser(
  deps: AuthDeps,
  userId: string,
  changes: { readonly role?: Role; readonly disabled?: boolean },
  origin: ChangeOrigin,
): Promise<void> {
  const user = await requireUser(deps, userId);
  await deps.store.updateUser(userId, changes);
  await deps.store.deleteUserSessions(userId);
  await appendAudit(deps, origin, AuditAction.UserChanged, `user:${user.name}`, { ...changes });
}

/** Deletes a user and, with it, every session of theirs; the audit log keeps the name. */
export async function removeUser(deps: AuthDeps, userId: string, origin: ChangeOrigin): Promise<void> {
  const user = await requireUser(deps, userId);
  await deps.store.deleteUserSessions(userId);
  if (!(await deps.store.deleteUser(userId))) throw new AppError(ErrorCode.NotFound, 'no such user');
  await appendAudit(deps, origin, AuditAction.UserRemoved, `user:${user.name}`, { role: user.role });
}

function refuseWeakPassword(password: string, userName: string): void {
  const problems = checkNewPassword(password, userName);
  if (problems.length > 0) throw new AppError(ErrorCode.BadArgument, problems.map((p) => p.message).join('; '));
}

async function requireUser(deps: AuthDeps, userId: string): Promise<UserRecord> {
  const user = await deps.store.findUserById(userId);
  if (user === undefined) throw new AppError(ErrorCode.NotFound, 'no such user');
  return user;
}
