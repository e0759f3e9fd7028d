/**
 * `wardwatch findings [--db FILE] [--format table|json] [--device D] [--kind K…] [--status S…] [--all]` and
 * `wardwatch findings set ID status=S [reason=…] [owner=…] [expires=YYYY-MM-DD]` (docs/architecture.md CLI).
 * Lists open and acknowledged findings by default, highest risk first, each score with its reasons (src/risk).
 */
import type { Command } from 'commander';
import { whoAmI } from '../who-am-i.js';
import { listFindings, setFindingStatus } from '../../app/findings.js';
import { FINDING_KINDS, FINDING_STATUSES, type FindingJson, type FindingKind, type FindingStatus, type StatusChange } from '../../findings/types.js';
import type { DeviceJson } from '../../inventory/types.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { withWorkspace } from '../workspace-flag.js';
import { riskCell } from '../scale-words.js';

const FORMATS = ['table', 'json'] as const;
const DEFAULT_STATUSES: readonly FindingStatus[] = ['open', 'acknowledged'];
const SET_FIELDS = ['status', 'reason', 'owner', 'expires'] as const;

interface ListFlags {
  db: string;
  format: string;
  device?: string;
  kind?: string[];
  status?: string[];
  all?: boolean;
  weights?: string;
}

function oneOf<T extends string>(values: readonly string[] | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (values === undefined) return undefined;
  const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  for (const v of list) if (!(allowed as readonly string[]).includes(v)) throw new AppError(ErrorCode.BadArgument, `unknown ${what} '${v}' (use ${allowed.join(', ')})`);
  return list as T[];
}

function label(d: DeviceJson | undefined, id: string): string {
  if (d === undefined) return id.slice(0, 12);
  const name = d.hostnames[0] ?? d.type;
  const ip = d.ips[0] ?? d.mac ?? d.id.slice(0, 12);
  return name !== null ? `${name} (${ip})` : ip;
}

/** Reasons printed under a row: the rest are in `--format json` (risk.reasons). */
const RISK_REASONS_SHOWN = 6;

/** The reasons that moved the score (not the `+0` ones, not each SSVC decision point: the decision says them). */
function shownReasons(reasons: readonly string[]): string[] {
  return reasons.filter((r) => !/[+−-]0\.$/.test(r) && !/^SSVC (exploitation|automatable|technical impact|mission)/.test(r)).slice(0, RISK_REASONS_SHOWN);
}

function table(findings: readonly FindingJson[], devices: ReadonlyMap<string, DeviceJson>): string {
  if (findings.length === 0) return 'no findings\n';
  const rows = findings.map((f) => [f.id, riskCell(f.risk), f.severity, f.kind, label(devices.get(f.deviceId), f.deviceId), f.status, f.lastSeen.slice(0, 19).replace('T', ' '), f.title]);
  const head = ['ID', 'RISK 0-100', 'SEVERITY', 'KIND', 'DEVICE', 'STATUS', 'LAST SEEN', 'TITLE'];
  const widths = head.map((h, i) => Math.min(i === 7 ? 80 : 36, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: readonly string[]): string => r.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(head)];
  findings.forEach((f, i) => {
    out.push(line(rows[i] ?? []));
    const more = f.evidence.length > 1 ? ` (+${f.evidence.length - 1} more)` : '';
    if (f.evidence[0] !== undefined) out.push(`${' '.repeat((widths[0] ?? 0) + 2)}evidence: ${f.evidence[0]}${more}`);
    const why = f.risk === null ? undefined : shownReasons(f.risk.reasons).join(' ');
    if (why !== undefined && why !== '') out.push(`${' '.repeat((widths[0] ?? 0) + 2)}why: ${why}`);
    if (f.status === 'risk-accepted') out.push(`${' '.repeat((widths[0] ?? 0) + 2)}accepted by ${f.statusOwner ?? '?'} until ${f.statusExpires ?? '?'}: ${f.statusReason ?? ''}`);
  });
  return `${out.join('\n')}\n`;
}

async function listAction(flags: ListFlags): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
  const kinds = oneOf<FindingKind>(flags.kind, FINDING_KINDS, 'kind');
  const statuses = flags.all === true ? undefined : oneOf<FindingStatus>(flags.status, FINDING_STATUSES, 'status') ?? DEFAULT_STATUSES;
  await withWorkspace(flags.db, { create: false }, async (ws) => {
    const { findings, devices } = await listFindings(ws, { device: flags.device, kinds, statuses, weightsFile: flags.weights });
    if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
    else process.stdout.write(table(findings, devices));
  });
}

/** `status=risk-accepted reason=… owner=… expires=…` (flags may give the same fields). */
export function parseSetArgs(pairs: readonly string[], flags: Partial<Record<(typeof SET_FIELDS)[number], string>>, by: string): StatusChange {
  const fields: Partial<Record<(typeof SET_FIELDS)[number], string>> = { ...flags };
  for (const p of pairs) {
    const eq = p.indexOf('=');
    const name = eq < 0 ? '' : p.slice(0, eq);
    if (!(SET_FIELDS as readonly string[]).includes(name)) throw new AppError(ErrorCode.BadArgument, `expected field=value with field one of ${SET_FIELDS.join(', ')}, not '${p}'`);
    fields[name as (typeof SET_FIELDS)[number]] = p.slice(eq + 1);
  }
  const status = fields.status;
  if (status === undefined || status === '') throw new AppError(ErrorCode.BadArgument, `status is required (status=${FINDING_STATUSES.filter((s) => s !== 'not-affected').join('|')})`);
  if (!(FINDING_STATUSES as readonly string[]).includes(status)) throw new AppError(ErrorCode.BadArgument, `unknown status '${status}' (use ${FINDING_STATUSES.filter((s) => s !== 'not-affected').join(', ')})`);
  // not-affected is a vendor's word (VEX), not a person's choice here.
  if (status === 'not-affected') throw new AppError(ErrorCode.BadArgument, 'status not-affected comes only from a vendor VEX statement (`wardwatch vex import`)');
  return {
    status: status as FindingStatus, by,
    ...(fields.reason !== undefined ? { reason: fields.reason } : {}),
    ...(fields.owner !== undefined ? { owner: fields.owner } : {}),
    ...(fields.expires !== undefined ? { expires: fields.expires } : {}),
  };
}

export function registerFindings(program: Command): void {
  const findings = program
    .command('findings')
    .description('findings (open and acknowledged by default), highest risk first; `findings set ID status=…` changes one')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .option('--device <device>', 'only this device (id, IP, MAC or host name)')
    .option('--kind <kind...>', `only these kinds (${FINDING_KINDS.join(', ')})`)
    .option('--status <status...>', `only these statuses (${FINDING_STATUSES.join(', ')}); default open, acknowledged`)
    .option('--all', 'every status, mitigated and risk-accepted included')
    .option('--weights <file>', 'risk weights (JSON) over data/risk-weights.json (docs/risk.md)')
    .action(listAction);
  findings
    .command('set')
    .description('change a finding\'s status: status=open|acknowledged|mitigated|risk-accepted; risk-accepted needs reason=, owner=, expires=YYYY-MM-DD')
    .argument('<id>', 'finding id (from `wardwatch findings`)')
    .argument('<field=value...>', 'status=…, reason=…, owner=…, expires=YYYY-MM-DD')
    .option('--by <name>', 'who makes the change (default: the login name)')
    // --db belongs to `findings` (commander gives a parent's options to the parent wherever they stand).
    .action(async (id: string, pairs: string[], _opts: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<{ db: string; by?: string }>();
      const change = parseSetArgs(pairs, {}, flags.by ?? whoAmI());
      const f = await withWorkspace(flags.db, { create: false }, (ws) => setFindingStatus(ws, id, change));
      const extra = f.status === 'risk-accepted' ? ` until ${f.statusExpires ?? '?'} (owner ${f.statusOwner ?? '?'})` : '';
      process.stdout.write(`${f.id}: ${f.status}${extra}: ${f.title}\n`);
    });
}
