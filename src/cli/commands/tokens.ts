/** `wardwatch tokens create|list|revoke`: API tokens sent as `Authorization: Bearer …`; the secret is printed once. */
import type { Command } from 'commander';
import type { ApiTokenListing } from '../../auth/api-tokens.js';
import { createToken, listTokens, revokeToken } from '../../app/user-admin.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { formatOption, textTable } from '../../util/text-table.js';
import { cliOrigin, DB_DEFAULT, parseRole } from '../auth-flags.js';
import { withWorkspace } from '../workspace-flag.js';

interface DbFlags { db: string }

/** Ten years: longer is "never", which is what leaving --expires out says. */
const MAX_EXPIRY_DAYS = 3650;

function parseDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^[0-9]{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_EXPIRY_DAYS) {
    throw new AppError(ErrorCode.BadArgument, `--expires takes a whole number of days, 1 to ${MAX_EXPIRY_DAYS}`);
  }
  return Number(text);
}

const iso = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString());

function tokensTable(tokens: readonly ApiTokenListing[]): string {
  if (tokens.length === 0) return 'no tokens\n';
  return textTable(['ID', 'NAME', 'ROLE', 'CREATED BY', 'CREATED', 'EXPIRES', 'REVOKED', 'LAST USED'],
    tokens.map((t) => [t.id, t.name, t.role, t.createdBy ?? '-', iso(t.createdAtMs), iso(t.expiresAtMs), iso(t.revokedAtMs), iso(t.lastUsedAtMs)]));
}

export function registerTokens(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for scripts and SIEMs (Authorization: Bearer …)');
  tokens.command('create').description('create a token; it is printed once on stdout and stored only hashed')
    .argument('<name>', 'what the token is for, e.g. siem-export')
    .requiredOption('--role <role>', 'viewer, analyst or admin')
    .option('--expires <days>', 'expire after this many days (default: never)')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (name: string, flags: DbFlags & { role: string; expires?: string }) => {
      const role = parseRole(flags.role);
      const expiresDays = parseDays(flags.expires);
      const created = await withWorkspace(flags.db, {}, (ws) => createToken(ws, { name, role, expiresDays }, cliOrigin()));
      // stdout carries the secret alone, so `TOKEN=$(wardwatch tokens create …)` works; the rest goes to stderr.
      process.stderr.write(`created token ${created.record.id} (${created.record.role}); it is shown only now:\n`);
      process.stdout.write(`${created.token}\n`);
    });
  tokens.command('list').description('list tokens (never the secrets)')
    .option('--format <format>', 'table or json', 'table')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: DbFlags & { format: string }) => {
      const format = formatOption(flags.format);
      const list = await withWorkspace(flags.db, { create: false }, listTokens);
      process.stdout.write(format === 'json' ? `${JSON.stringify({ tokens: list }, null, 2)}\n` : tokensTable(list));
    });
  tokens.command('revoke').description('revoke a token by its id (from tokens list)')
    .argument('<id>', 'token id, 8 characters')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (id: string, flags: DbFlags) => {
      await withWorkspace(flags.db, { create: false }, (ws) => revokeToken(ws, id, cliOrigin()));
      process.stdout.write(`revoked token ${id}\n`);
    });
}
