/** `wardwatch audit [--since WHEN] [--format json|csv]`: the audit log export for admins (logins, changes, imports). */
import type { Command } from 'commander';
import { exportAudit } from '../../app/user-admin.js';
import { auditCsvHeader, auditCsvRow, parseAuditSince } from '../../app/audit-view.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { cliOrigin, DB_DEFAULT } from '../auth-flags.js';
import { withWorkspace } from '../workspace-flag.js';

export function registerAudit(program: Command): void {
  program.command('audit').description('export the audit log (who did what, when, from where)')
    .option('--since <when>', 'only events from then on: Nd, YYYY-MM-DD or ISO 8601')
    .option('--format <format>', 'json or csv', 'json')
    .option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: { db: string; since?: string; format: string }) => {
      if (flags.format !== 'json' && flags.format !== 'csv') throw new AppError(ErrorCode.BadArgument, 'unknown format (json or csv)');
      const sinceIso = flags.since === undefined ? undefined : parseAuditSince(flags.since, Date.now());
      const entries = await withWorkspace(flags.db, { create: false }, (ws) => exportAudit(ws, sinceIso === undefined ? {} : { sinceIso }, cliOrigin()));
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify({ events: entries }, null, 2)}\n`);
        return;
      }
      process.stdout.write(auditCsvHeader() + entries.map(auditCsvRow).join(''));
    });
}
