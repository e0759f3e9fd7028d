/**
 * `wardwatch changes [--db FILE] [--since WHEN] [--format table|json]`: what changed since a moment (new devices,
 * changed attributes, new and closed findings), read from what the store keeps (first_seen, attribute_history,
 * finding status history).
 */
import type { Command } from 'commander';
import { SqliteFindings } from '../../findings/sqlite/sqlite-findings.js';
import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { changesSince, formatChanges } from '../changes-report.js';
import { existingDb } from '../existing-db.js';

const FORMATS = ['table', 'json'] as const;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export const DEFAULT_SINCE = '24h';

/**
 * `--since` as two ISO times: `capture`, compared with packet times (devices, attribute changes, new findings), and
 * `wall`, compared with when wardwatch closed a finding. A duration counts back from the newest packet stored
 * (capture clock) and from now (wall clock); an ISO date/time is the same moment on both.
 */
export function parseSince(text: string, newestCaptureMs: number | null, nowMs: number): { capture: string; wall: string } {
  const t = text.trim();
  const dur = /^(\d{1,6})([mhdw])$/.exec(t);
  if (dur !== null) {
    const ms = Number(dur[1]) * (UNIT_MS[dur[2] ?? ''] ?? 0);
    return { capture: new Date((newestCaptureMs ?? nowMs) - ms).toISOString(), wall: new Date(nowMs - ms).toISOString() };
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'));
    if (Number.isFinite(ms)) {
      const iso = new Date(ms).toISOString();
      return { capture: iso, wall: iso };
    }
  }
  throw new AppError(ErrorCode.BadArgument, `--since: expected an ISO date/time (2026-01-31, 2026-01-31T08:00Z) or a duration (30m, 24h, 7d, 2w), not '${text}'`);
}

interface Flags {
  db: string;
  since?: string;
  format: string;
}

async function action(flags: Flags): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
  const sinceText = flags.since ?? DEFAULT_SINCE;
  // A bad --since is refused before the database is opened.
  parseSince(sinceText, null, Date.now());
  const inventory = await SqliteInventory.open(existingDb(flags.db));
  try {
    const findings = await SqliteFindings.open(flags.db);
    try {
      const newest = await inventory.newestSeen();
      const run = flags.since === undefined ? await inventory.lastRunStart() : null;
      const since = run !== null && run.capture !== null
        ? { capture: run.capture, wall: run.wall }
        : parseSince(sinceText, newest === null ? null : Date.parse(newest), Date.now());
      const report = await changesSince(inventory, findings, since.capture, since.wall);
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      process.stdout.write(`changes since ${since.capture.slice(0, 19).replace('T', ' ')} UTC (capture time)\n${formatChanges(report)}`);
    } finally {
      await findings.close();
    }
  } finally {
    await inventory.close();
  }
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
