/** `wardwatch devices [--db FILE] [--format table|json|csv|fhir]`: the inventory (docs/architecture.md "devices[]"). */
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { devicesFhirBundle, devicesForExport, listDevices } from '../../app/devices.js';
import { csvCell, csvHeader, csvRow } from '../../app/devices-csv.js';

export { csvCell };
import type { DeviceJson } from '../../inventory/types.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { textTable } from '../../util/text-table.js';
import { LineWriter } from '../output.js';
import { withWorkspace } from '../workspace-flag.js';
import { riskCell } from '../scale-words.js';
import { byRiskThenCategory, evidenceSources } from '../device-order.js';

const FORMATS = ['table', 'json', 'csv', 'fhir'] as const;
type Format = (typeof FORMATS)[number];

/** Evidence sources named per row; `--format json` has every piece with its detail. */
const EVIDENCE_SHOWN = 3;

/** Highest risk first, then category; the OS is never cut (it is what end of life and advisories turn on). */
export function devicesTable(devices: readonly DeviceJson[]): string {
  const head = ['RISK 0-100', 'IP', 'MAC', 'HOSTNAME', 'VENDOR', 'MODEL', 'TYPE', 'CATEGORY', 'OS', 'CONF', 'EVIDENCE'];
  const rows = [...devices].sort(byRiskThenCategory).map((d) => {
    const os = d.os.label ?? d.os.name;
    return [
      riskCell(d.risk), d.ips[0] ?? '', d.mac ?? '', d.hostnames[0] ?? '', d.vendor ?? '', d.model ?? '', d.type ?? '', d.category,
      os === null ? '' : `${os}${d.os.endOfLife === true ? ' (end of life)' : ''}`, d.confidence.toFixed(2), evidenceSources(d, EVIDENCE_SHOWN).join(', '),
    ];
  });
  return textTable(head, rows, { maxWidth: 32, columnMaxWidth: head.map((h) => (h === 'OS' ? Infinity : undefined)), lastMaxWidth: Infinity, markCut: true });
}

/** Devices whose lines are in memory at once: bounds the memory whatever the inventory's size. */
const CHUNK = 500;
// Keys of our own fixed shape, never user text: JSON escapes every quote inside a string, so `"supportEnd":` can only
// be the property itself, and the device's `confidence` directly follows its `supportStatus`.
const SUPPORT_KEY = Buffer.from('"supportEnd":');
const AFTER_SUPPORT_KEY = Buffer.from(',"confidence":');

/** What a listing line takes from scoring: the support fields as the score used them, and the risk. */
export type LineScore = Pick<DeviceJson, 'id' | 'supportEnd' | 'supportStatus' | 'risk'>;

/** Devices' listing lines (docs/architecture.md JSON without `risk`, UTF-8), by id; a device gone since it was listed has none. */
export type DeviceLinesOf = (ids: readonly string[]) => Promise<ReadonlyMap<string, Buffer>>;

/** A cached line with what is computed on read put in: the support dates (a model's record may fill them) and risk. */
function scoredLine(line: Buffer, d: LineScore): (string | Buffer)[] {
  const at = line.indexOf(SUPPORT_KEY);
  const after = at < 0 ? -1 : line.indexOf(AFTER_SUPPORT_KEY, at);
  if (after < 0) throw new Error(`device ${d.id}: its cached line has no support fields`);
  return [
    line.subarray(0, at),
    `"supportEnd":${JSON.stringify(d.supportEnd)},"supportStatus":${JSON.stringify(d.supportStatus)}`,
    line.subarray(after, line.length - 1),
    `,"risk":${JSON.stringify(d.risk)}}`,
  ];
}

/**
 * `{"devices": [` then one device a line, then `]}`: valid JSON that jq reads, grep-able per device, and written in
 * chunks with backpressure instead of one string of tens of megabytes (10,000 devices with their evidence). `devices`
 * are scored (risk and support filled); each line's bytes come from the cache, never parsed and serialised again.
 */
export async function writeDevicesJson(devices: readonly LineScore[], linesOf: DeviceLinesOf, to?: Writable): Promise<void> {
  const out = new LineWriter(to);
  out.line('{"devices": [');
  // Held back one line: whether it takes a comma depends on a next line, and a device merged away meanwhile has none.
  let held: (string | Buffer)[] | null = null;
  for (let start = 0; start < devices.length && !out.closed; start += CHUNK) {
    const chunk = devices.slice(start, start + CHUNK);
    const lines = await linesOf(chunk.map((d) => d.id));
    for (const d of chunk) {
      const line = lines.get(d.id);
      if (line === undefined) continue;
      if (held !== null) out.lineOf([...held, ',']);
      held = scoredLine(line, d);
    }
    await out.backpressure();
  }
  if (held !== null) out.lineOf(held);
  out.line(']}');
  await out.end();
}

export function registerDevices(program: Command): void {
  program
    .command('devices')
    .description('list the inventory')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .option('--weights <file>', 'risk weights (JSON) over data/risk-weights.json (docs/risk.md)')
    .action(async (flags: { db: string; format: string; weights?: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
      const format = flags.format as Format;
      await withWorkspace(flags.db, { create: false }, async (ws) => {
        if (format === 'json') {
          const { devices, linesOf } = await devicesForExport(ws, flags.weights);
          await writeDevicesJson(devices, linesOf);
        } else if (format === 'fhir') {
          process.stdout.write(`${JSON.stringify(await devicesFhirBundle(ws, flags.weights, new Date()), null, 2)}\n`);
        } else {
          const devices = await listDevices(ws, { weightsFile: flags.weights });
          if (format === 'csv') process.stdout.write(`${csvHeader()}${devices.map(csvRow).join('')}`);
          else process.stdout.write(devicesTable(devices));
        }
      });
    });
}
