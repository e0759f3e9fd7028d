/** `wardwatch reconcile [--db FILE] [--format table|json]`: the register against the wire. */
import type { Command } from 'commander';
import { reconcile } from '../../app/register.js';
import type { ReconcileReport } from '../../inventory/cmms/reconcile-report.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { withWorkspace } from '../workspace-flag.js';

const FORMATS = ['table', 'json'] as const;

/** Register text goes to a terminal: control characters (escape sequences) are shown, not obeyed. */
function printable(text: string | null | undefined): string {
  return (text ?? '').replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function section(title: string, lines: readonly string[]): string {
  return `${title} (${lines.length})\n${lines.map((l) => `  ${l}\n`).join('')}`;
}

function table(r: ReconcileReport): string {
  const reg = (v: Record<string, string | undefined>): string =>
    ['assetTag', 'serial', 'mac', 'ip', 'hostname', 'vendor', 'model', 'location'].map((k) => v[k]).filter((x) => x !== undefined).map(printable).join('  ');
  return [
    section('matched', r.matched.map((m) => `${m.deviceId}  line ${m.line} by ${m.matchedOn}  ${reg(m.register)}`)),
    section('seen, not registered', r.seenNotRegistered.map((d) => [d.deviceId, d.ips[0], d.mac, d.hostnames[0], d.vendor, d.type].filter((x) => x != null).map(printable).join('  '))),
    section('registered, not seen', r.registeredNotSeen.map((e) => `line ${e.line}  ${reg(e.register)}${e.retiredDeviceId === null ? '' : `  (retired ${e.retiredDeviceId})`}`)),
    section('conflicts', r.conflicts.map((c) => `${c.deviceId}  ${c.field}: register "${printable(c.register)}", wire "${printable(c.wire)}"`)),
  ].join('');
}

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('compare the imported register with the devices seen on the wire')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .action(async (flags: { db: string; format: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
      const report = await withWorkspace(flags.db, { create: false }, reconcile);
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : table(report));
    });
}
