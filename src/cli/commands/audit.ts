/** `wardwatch audit [--since WHEN] [--format json|csv]`: the audit log export for admins (logins, changes, imports). */
import type { Command } from 'commander';
import { exportAudit } from '../../app/user-admin.js';
import type { AuditLogEntry } from '../../store/interfaces.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { cliOrigin, DB_DEFAULT } from '../auth-flags.js';
import { withWorkspace } from '../workspace-flag.js';
import { csvCell } from './devices.js';

const DAY_MS = 86_400_000;

/** `7d` (days ago), a date `2026-12-01` or an ISO 8601 time with zone; returned as ISO 8601 UTC. */
export function parseSince(text: string, nowMs: number): string {
  const days = /^([0-9]{1,5})d$/.exec(text);
  if (days?.[1] !== undefined) return new Date(nowMs - Number(days[1]) * DAY_MS).toISOString();
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2}))?$/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  throw new AppError(ErrorCode.BadArgument, '--since takes Nd (days ago), YYYY-MM-DD or an ISO 8601 time with a zone');
}

const CSV_COLUMNS: readonly (readonly [string, (e: AuditLogEntry) => string | number | null])[] = [
  ['seq', (e) => e.seq],
  ['at', (e) => e.at],
  ['actor_kind', (e) => e.actor.kind],
  ['actor_name', (e) => e.actor.name],
  ['actor_role', (e) => e.actor.role],
  ['action', (e) => e.action],
  ['target', (e) => e.target],
  ['from', (e) => e.from],
  ['outcome', (e) => e.outcome],
  ['detail', (e) => JSON.stringify(e.detail)],
  ['redacted', (e) => e.redacted.join(' ')],
];

export function registerAudit(program: Command): void {
  program.command('audit').description('export the audit log (who did what, when, from where)')
    .option('--since <when>', 'only events from then on: Nd, YYYY-MM-DD or ISO 8601')
    .option('--format <format>', 'json or csv', 'json')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: { db: string; since?: string; format: string }) => {
      if (flags.format !== 'json' && flags.format !== 'csv') throw new AppError(ErrorCode.BadArgument, 'unknown format (json or csv)');
      const sinceIso = flags.since === undefined ? undefined : parseSince(flags.since, Date.now());
      const entries = await withWorkspace(flags.db, { create: false }, (ws) => exportAudit(ws, sinceIso === undefined ? {} : { sinceIso }, cliOrigin()));
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify({ events: entries }, null, 2)}\n`);
        return;
      }
      const lines = [CSV_COLUMNS.map(([h]) => h).join(','), ...entries.map((e) => CSV_COLUMNS.map(([, get]) => csvCell(get(e))).join(','))];
      process.stdout.write(`${lines.join('\r\n')}\r\n`);
    });
}
