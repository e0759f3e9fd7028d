/**
 * `wardwatch changes [--db FILE] [--since WHEN] [--format table|json]`: what changed since a moment (new devices,
 * changed attributes, new and closed findings), read from what the store keeps (first_seen, attribute_history,
 * finding status history).
 */
import type { Command } from 'commander';
import { changesReport, DEFAULT_SINCE, parseSince } from '../../app/changes.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { formatChanges } from '../changes-format.js';
import { withWorkspace } from '../workspace-flag.js';

export { DEFAULT_SINCE, parseSince };

const FORMATS = ['table', 'json'] as const;

interface Flags {
  db: string;
  since?: string;
  format: string;
}

async function action(flags: Flags): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
  // A bad --since is refused before the database is opened.
  parseSince(flags.since ?? DEFAULT_SINCE, null, Date.now());
  await withWorkspace(flags.db, { create: false }, async (ws) => {
    const { since, report } = await changesReport(ws, flags.since);
    if (flags.format === 'json') {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    process.stdout.write(`changes since ${since.capture.slice(0, 19).replace('T', ' ')} UTC (capture time)\n${formatChanges(report)}`);
  });
}

export function registerChanges(program: Command): void {
  program
    .command('changes')
    .description('what changed since a moment: new devices, changed attributes, new and closed findings')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--since <when>',
      'ISO date/time or a duration (30m, 24h, 7d, 2w). Compared with capture time (packet timestamps): a duration counts back ' +
      'from the newest packet stored. Default: the earliest packet of the last analyze run (else ' + DEFAULT_SINCE + '). ' +
      'Closed findings are judged by when wardwatch closed them (wall clock; by default since the last run started).')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .action(action);
}
