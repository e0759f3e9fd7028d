/** `wardwatch users add|list|remove|set-role|passwd`: local console/API users (argon2id hashes; no default password). */
import type { Command } from 'commander';
import { addUser, listUsers, removeUserNamed, setUserPassword, setUserRole, type UserListing } from '../../app/user-admin.js';
import { checkUserName } from '../../auth/user-name.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { formatOption, textTable } from '../../util/text-table.js';
import { cliOrigin, DB_DEFAULT, parseRole, readNewPassword } from '../auth-flags.js';
import { withWorkspace } from '../workspace-flag.js';

interface DbFlags { db: string }

const out = (text: string): void => { process.stdout.write(text); };

function refuseBadName(name: string): void {
  const checked = checkUserName(name);
  if (!checked.ok) throw new AppError(ErrorCode.BadArgument, checked.reason);
}

function usersTable(users: readonly UserListing[]): string {
  if (users.length === 0) return 'no users\n';
  return textTable(['NAME', 'ROLE', 'DISABLED', 'CREATED', 'PASSWORD CHANGED'],
    users.map((u) => [u.name, u.role, u.disabled ? 'yes' : 'no', u.createdAt, u.passwordChangedAt]));
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('console and API users (roles viewer, analyst, admin)');
  users.command('add').description('add a user; the password is prompted on a terminal, or read from stdin')
    .argument('<name>', 'user name: letters, digits, . _ @ - (stored lower-case)')
    .requiredOption('--role <role>', 'viewer, analyst or admin')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (name: string, flags: DbFlags & { role: string; passwordStdin?: boolean }) => {
      const role = parseRole(flags.role);
      refuseBadName(name); // before the prompt: nobody should type a password for a name that will be refused
      const password = await readNewPassword(flags.passwordStdin === true);
      const user = await withWorkspace(flags.db, {}, (ws) => addUser(ws, { name, role, password }, cliOrigin()));
      out(`added user ${user.name} (${user.role})\n`);
    });
  users.command('list').description('list users (never their password hashes)')
    .option('--format <format>', 'table or json', 'table')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: DbFlags & { format: string }) => {
      const format = formatOption(flags.format);
      const list = await withWorkspace(flags.db, { create: false }, listUsers);
      out(format === 'json' ? `${JSON.stringify({ users: list }, null, 2)}\n` : usersTable(list));
    });
  users.command('remove').description('delete a user and end their sessions')
    .argument('<name>', 'user name')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (name: string, flags: DbFlags) => {
      await withWorkspace(flags.db, { create: false }, (ws) => removeUserNamed(ws, name, cliOrigin()));
      out(`removed user ${name.toLowerCase()}\n`);
    });
  users.command('set-role').description("change a user's role (their sessions end)")
    .argument('<name>', 'user name').argument('<role>', 'viewer, analyst or admin')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (name: string, roleText: string, flags: DbFlags) => {
      const role = parseRole(roleText);
      await withWorkspace(flags.db, { create: false }, (ws) => setUserRole(ws, name, role, cliOrigin()));
      out(`user ${name.toLowerCase()} is now ${role}\n`);
    });
  users.command('passwd').description("set a user's password (their sessions end)")
    .argument('<name>', 'user name')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (name: string, flags: DbFlags & { passwordStdin?: boolean }) => {
      const password = await readNewPassword(flags.passwordStdin === true);
      await withWorkspace(flags.db, { create: false }, (ws) => setUserPassword(ws, name, password, cliOrigin()));
      out(`password of ${name.toLowerCase()} changed\n`);
    });
}
