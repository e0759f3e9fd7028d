/**
 * `wardwatch blast-radius DEVICE [--db FILE] [--max-hops N] [--format table|json]`: what a compromised device could
 * reach by the connections it and the devices it reaches were seen opening (mission §5), nearest first, with why, and
 * each device reached with its risk (docs/risk.md): an analyst looks first at what is both reachable and weak.
 */
import type { Command } from 'commander';
import { blastRadiusOf } from '../../app/segmentation.js';
import { DEFAULT_MAX_HOPS } from '../../segmentation/blast-radius.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { textTable } from '../../util/text-table.js';
import { SEGMENT_TABLE, serviceText } from '../segment-view.js';
import { riskCell } from '../scale-words.js';
import { withWorkspace } from '../workspace-flag.js';

const FORMATS = ['table', 'json'] as const;
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
      await withWorkspace(flags.db, { create: false }, async (ws) => {
        const { blastRadius, view } = await blastRadiusOf(ws, device, maxHops, flags.weights);
        if (flags.format === 'json') {
          process.stdout.write(`${JSON.stringify({ blastRadius }, null, 2)}\n`);
          return;
        }
        const name = (id: string): string => view.byId.get(id)?.label ?? id;
        const rows = blastRadius.reached.map((r) => [String(r.hops), r.label, r.zone, riskCell(r.risk), serviceText(r.via), name(r.via.from)]);
        process.stdout.write(`${blastRadius.reasons.join('\n')}\n\n`);
        if (rows.length > 0) process.stdout.write(textTable(['HOPS', 'DEVICE', 'ZONE', 'RISK 0-100', 'REACHED BY', 'FROM'], rows, SEGMENT_TABLE));
      });
    });
}
