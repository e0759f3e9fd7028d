/**
 * `wardwatch blast-radius DEVICE [--db FILE] [--max-hops N] [--format table|json]`: what a compromised device could
 * reach by the connections it and the devices it reaches were seen opening (mission §5), nearest first, with why, and
 * each device reached with its risk (docs/risk.md): an analyst looks first at what is both reachable and weak.
 */
import type { Command } from 'commander';
import { resolveDeviceId } from '../../inventory/resolve-device.js';
import { SqliteFindings } from '../../findings/sqlite/sqlite-findings.js';
import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import { loadRiskWeights } from '../../risk/weights.js';
import { blastRadius, DEFAULT_MAX_HOPS } from '../../segmentation/blast-radius.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { readSegmentView } from '../../segmentation/read-view.js';
import { scoreDevices } from '../risk-view.js';
import { textTable } from '../../util/text-table.js';
import { SEGMENT_TABLE, serviceText } from '../segment-view.js';
import { existingDb } from '../existing-db.js';
import { riskCell, riskText } from '../scale-words.js';

const FORMATS = ['table', 'json'] as const;
/** Devices named in the "highest risk within reach" sentence. */
const RISKIEST_NAMED = 3;
/** Beyond this the answer is "most of the network": the bound keeps the command's cost and output sane. */
const MAX_HOPS_LIMIT = 10;

function parseHops(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_HOPS_LIMIT) throw new AppError(ErrorCode.BadArgument, `--max-hops ${text.slice(0, 20)}: a whole number from 1 to ${String(MAX_HOPS_LIMIT)}`);
  return n;
}

export function registerBlastRadius(program: Command): void {
  program
    .command('blast-radius')
    .description('devices a compromised device could reach through the connections seen')
    .argument('<device>', 'device id, MAC, IP or host name')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--max-hops <n>', `connections followed at most (1-${String(MAX_HOPS_LIMIT)})`, String(DEFAULT_MAX_HOPS))
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .option('--weights <file>', 'risk weights (JSON) over data/risk-weights.json (docs/risk.md)')
    .action(async (device: string, flags: { db: string; maxHops: string; format: string; weights?: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
      const maxHops = parseHops(flags.maxHops);
      const weights = loadRiskWeights(flags.weights);
      const inventory = await SqliteInventory.open(existingDb(flags.db));
      const findings = await SqliteFindings.open(flags.db);
      try {
        const origin = await resolveDeviceId(inventory, device);
        const view = await readSegmentView(inventory);
        const result = blastRadius(origin, view.conduits, view.devices, { maxHops });
        const scored = await scoreDevices(inventory, findings, await inventory.listDevicesForExport(), weights);
        const riskOf = new Map(scored.map((d) => [d.id, { score: d.risk.score, level: d.risk.level }]));
        const reached = result.reached.map((r) => ({ ...r, risk: riskOf.get(r.id) ?? null }));
        const riskiest = reached.filter((r) => r.risk !== null && r.risk.score > 0).sort((a, b) => (b.risk?.score ?? 0) - (a.risk?.score ?? 0)).slice(0, RISKIEST_NAMED);
        const reasons = riskiest.length === 0 ? result.reasons : [...result.reasons, `Highest risk within reach: ${riskiest.map((r) => `${r.label} at ${riskText(r.risk)}`).join(', ')}.`];
        if (flags.format === 'json') {
          process.stdout.write(`${JSON.stringify({ blastRadius: { ...result, reached, reasons } }, null, 2)}\n`);
          return;
        }
        const name = (id: string): string => view.byId.get(id)?.label ?? id;
        const rows = reached.map((r) => [String(r.hops), r.label, r.zone, riskCell(r.risk), serviceText(r.via), name(r.via.from)]);
        process.stdout.write(`${reasons.join('\n')}\n\n`);
        if (rows.length > 0) process.stdout.write(textTable(['HOPS', 'DEVICE', 'ZONE', 'RISK 0-100', 'REACHED BY', 'FROM'], rows, SEGMENT_TABLE));
      } finally {
        await findings.close();
        await inventory.close();
      }
    });
}
