/** What `wardwatch users|tokens|audit` share: the CLI's audit origin, a checked role, the password read from stdin or a terminal. */
import type { AuditOrigin } from '../auth/audit-log.js';
import { readPasswordFromStdin, readPasswordFromTty } from '../auth/read-password.js';
import { isRole, ROLES, type Role } from '../auth/roles.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { whoAmI } from './who-am-i.js';

/**
 * A change made at the CLI is recorded as the OS account running it, with kind `system`: the person has shell access
 * to the database, not a wardwatch login. `from` stays null: the audit log keeps only network addresses there.
 */
export function cliOrigin(): AuditOrigin {
  return { actor: { kind: 'system', name: whoAmI(), role: null }, from: null };
}

export function parseRole(value: string): Role {
  if (!isRole(value)) throw new AppError(ErrorCode.BadArgument, `unknown role (one of ${ROLES.join(', ')})`);
  return value;
}

/**
 * The new password: the first line of stdin with --password-stdin (scripts), else typed twice on the terminal
 * without echo, so a typo does not lock the user out. Never printed.
 */
export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readPasswordFromStdin(process.stdin);
  const first = await readPasswordFromTty(process.stdin, process.stderr, 'New password: ');
  const again = await readPasswordFromTty(process.stdin, process.stderr, 'Repeat it: ');
  if (first !== again) throw new AppError(ErrorCode.BadArgument, 'the two passwords differ');
  return first;
}

export const DB_DEFAULT = './wardwatch.db';
