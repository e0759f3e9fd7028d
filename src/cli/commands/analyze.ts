/** `wardwatch analyze <capture…> [--json]`: ingest captures and summarise what was seen (design.md "Report"). */
import type { Command } from 'commander';
import type { EngineStats } from '../../capture/engine.js';
import { flowDstText, flowSrcText, flowToJson, protoName } from '../../capture/flow-json.js';
import { decodeHooks } from '../../pipeline/decode-hooks.js';
import { ingestCaptures, type IngestOptions, type IngestResult } from '../../pipeline/ingest.js';
import type { Flow } from '../../capture/flow.js';
import { loadKnowledgeBase } from '../../identify/knowledge/load-kb.js';
import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import type { DeviceJson } from '../../inventory/types.js';
import { arpSender } from '../../capture/arp.js';
import { InventoryCollector } from '../../pipeline/inventory-collector.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { reassessDatabase } from '../../advisories/reassess.js';
import { loadRiskWeights } from '../../risk/weights.js';
import { riskView } from '../risk-view.js';
import { FindingsCollector } from '../../pipeline/findings-collector.js';
import { checkSegmentation } from '../../pipeline/segmentation-check.js';
import { SqliteFindings } from '../../findings/sqlite/sqlite-findings.js';
import { loadSite } from '../../findings/site.js';
import type { FindingJson } from '../../findings/types.js';
import { makeProgress } from '../progress.js';
import { addReadOptions, decodeOptionsFrom, engineOptionsFrom, type ReadFlags } from '../read-options.js';
import { finishRead } from './finish-read.js';
import { formatSummary, type TrafficSummary } from './summary.js';
import { checkCaptureFiles } from '../capture-files.js';
import { changesBlock, markBeforeRun } from '../changes-report.js';

/** Distinct hosts counted exactly up to this many, then no longer tracked (memory stays bounded). */
const MAX_TRACKED_HOSTS = 1_000_000;

export interface AnalyzeReport {
  stats: Pick<EngineStats, 'packets' | 'bytes' | 'flows' | 'records' | 'malformed'> & { seconds: number; retired?: number } & Partial<EngineStats>;
  protocols: Record<string, { flows: number; records: number }>;
  transports: Record<string, number>;
  hosts: number;
  devices: DeviceJson[];
  findings: FindingJson[];
}

export interface AnalyzeFlags extends ReadFlags {
  json?: boolean;
  db: string;
  rules?: string[];
  /** Site file (findings' network zones): managementNetworks, internalNetworks, vendorNetworks. */
  site?: string;
  /** Risk weights file over data/risk-weights.json. */
  weights?: string;
  /** Retire devices unseen for this many days (as of the newest packet); absent = never. */
  retireAfter?: string;
}

/** `--retire-after DAYS`: a whole number of days ≥ 1, or bad input. */
export function parseRetireAfter(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new AppError(ErrorCode.BadArgument, `--retire-after: expected a whole number of days ≥ 1, not '${text}'`);
  return Number(text);
}

/** The options analyze and capture share: site zones, risk weights, extra rules, retirement. */
export function addAnalysisOptions(cmd: Command): Command {
  return cmd
    .option('--site <file>', 'site file (JSON): managementNetworks, internalNetworks, vendorNetworks (docs/site-file.md)')
    .option('--weights <file>', 'risk weights (JSON) over data/risk-weights.json (docs/risk.md)')
    .option('--rules <file...>', 'extra identification rules (JSON, same shapes as data/*.json), over the shipped ones')
    .option('--retire-after <days>', 'mark devices unseen for this many days (before the newest packet) retired');
}

/** Reads the sources through every decoder and builds the report; shared by `analyze` and `capture`. */
export async function analyzeSources(
  captures: readonly string[],
  flags: AnalyzeFlags,
  extra: Pick<IngestOptions, 'stdin' | 'signal'> & { onFlow?: (f: Flow) => void } = {},
): Promise<{ report: AnalyzeReport; result: IngestResult }> {
  const kb = loadKnowledgeBase(flags.rules ?? []);
  const site = loadSite(flags.site);
  loadRiskWeights(flags.weights); // a bad weights file stops the run before any reading, not after
  parseRetireAfter(flags.retireAfter);
  const inventory = await SqliteInventory.open(flags.db);
  let findings: SqliteFindings | null = null;
  try {
    findings = await SqliteFindings.open(flags.db);
    const collector = new InventoryCollector(inventory, kb, captures, { internalNetworks: site.internalNetworks });
    return await analyzeInto(inventory, collector, captures, flags, extra, new FindingsCollector(inventory, findings, site, kb), findings);
  } finally {
    await findings?.close();
    await inventory.close();
  }
}

async function analyzeInto(
  inventory: SqliteInventory,
  collector: InventoryCollector,
  captures: readonly string[],
  flags: AnalyzeFlags,
  extra: Pick<IngestOptions, 'stdin' | 'signal'> & { onFlow?: (f: Flow) => void },
  findingsCollector: FindingsCollector,
  findings: SqliteFindings,
): Promise<{ report: AnalyzeReport; result: IngestResult }> {
  const summary: TrafficSummary = { protocols: new Map(), transports: new Map(), hosts: new Set() };
  const bump = (name: string, field: 'flows' | 'records'): void => {
    const p = summary.protocols.get(name) ?? { flows: 0, records: 0 };
    p[field]++;
    summary.protocols.set(name, p);
  };
  const progress = makeProgress(flags.progress !== false && extra.stdin === undefined);
  const result = await ingestCaptures(
    captures,
    (engine) => {
      const hooks = decodeHooks(engine, decodeOptionsFrom(flags, 'full', null), {
        record: (r) => {
          bump(r.proto, 'records');
          collector.record(r);
          findingsCollector.record(r);
        },
      });
      return {
        ...hooks,
        arp: (p, info) => {
          const arp = arpSender(p.data, info.l3Offset, info.l3End);
          if (arp !== null) collector.arp(arp.mac, arp.ip, engine().nowMs);
        },
        flowEnded: (f) => {
          const t = protoName(f.proto);
          summary.transports.set(t, (summary.transports.get(t) ?? 0) + 1);
          if (f.app !== null) bump(f.app, 'flows');
          if (summary.hosts.size < MAX_TRACKED_HOSTS) {
            summary.hosts.add(flowSrcText(f));
            summary.hosts.add(flowDstText(f));
          }
          const json = flowToJson(f);
          collector.flow(json);
          findingsCollector.flow(json);
          extra.onFlow?.(f);
        },
      };
    },
    { ...extra, engine: engineOptionsFrom(flags), onProgress: (p) => { progress.update(p); }, backpressure: () => collector.backpressure() },
  );
  progress.stop();
  // End of life is judged as of the capture's newest packet: an old capture reads as it was then.
  await collector.finish(new Date(collector.latestCaptureMs || Date.now()));
  // Retirement uses the same clock: a device is unseen for N days before the newest packet of this run.
  const retireDays = parseRetireAfter(flags.retireAfter);
  const retired = retireDays === null ? 0 : await inventory.retireUnseen(retireDays, collector.latestCaptureMs || Date.now());
  // Findings need the devices written and classified (ids, categories, OS end of life): they come last.
  await findingsCollector.finish();
  // Conduits the approved segmentation policy does not allow (none approved: nothing to check).
  await checkSegmentation(inventory, findings);
  // Devices may now match advisories imported earlier (a model or firmware first seen in this capture).
  await reassessDatabase(flags.db, inventory);
  const view = await riskView(inventory, findings, { weightsFile: flags.weights, findings: { statuses: ['open', 'acknowledged', 'risk-accepted'] } });
  const report: AnalyzeReport = {
    stats: { ...result.stats, seconds: Number(result.seconds.toFixed(3)), retired },
    protocols: Object.fromEntries([...summary.protocols].sort((a, b) => a[0].localeCompare(b[0]))),
    transports: Object.fromEntries(summary.transports),
    hosts: summary.hosts.size,
    devices: view.devices,
    findings: view.findings,
  };
  return { report, result };
}

export function printReport(captures: readonly string[], report: AnalyzeReport, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(captures, report));
}

export function registerAnalyze(program: Command): void {
  const cmd = addReadOptions(program.command('analyze').description('ingest captures and print a summary').argument('<capture...>', "pcap/pcapng files, gzip ok; '-' for stdin"))
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--json', 'print the JSON report instead of the summary');
  addAnalysisOptions(cmd)
    .action(async (captures: string[], flags: AnalyzeFlags) => {
      checkCaptureFiles(captures);
      const mark = flags.json === true ? null : await markBeforeRun(flags.db);
      const { report, result } = await analyzeSources(captures, flags);
      // What this run changed leads the summary; a first run (no devices before) has nothing to compare.
      if (mark !== null) process.stdout.write(await changesBlock(flags.db, mark));
      printReport(captures, report, flags.json === true);
      finishRead(result);
    });
}
