/**
 * Analyze: captures into a workspace (docs/architecture.md "The flow of data"). Packets are decoded into records and flows, which
 * become inventory batches as they come; at the end of the run the inventory is finished (re-classified, retired),
 * then findings, segmentation and advisories are judged on it, and the report is read back with risk scored.
 *
 * A run is finished only when all of it is: each batch commits as one transaction with its run row held open, and the
 * end of the run (last batch, classification, findings, segmentation, advisories, the run rows marked finished) commits
 * as one. A process killed at any point leaves either a finished run with its findings or an unfinished one that the
 * next run completes; never devices recorded as a finished run without their findings.
 */
import type { Readable } from 'node:stream';
import { arpSender } from '../capture/arp.js';
import type { EngineOptions, EngineStats } from '../capture/engine.js';
import type { Flow } from '../capture/flow.js';
import { flowDstText, flowSrcText, flowToJson, protoName } from '../capture/flow-json.js';
import type { DecodeOptions } from '../pipeline/sessions/session-types.js';
import { loadSite, type SiteConfig } from '../findings/site.js';
import type { FindingJson } from '../findings/types.js';
import type { KnowledgeBase } from '../identify/knowledge/kb-types.js';
import { loadKnowledgeBase } from '../identify/knowledge/load-kb.js';
import type { DeviceJson } from '../inventory/types.js';
import { decodeHooks } from '../pipeline/decode-hooks.js';
import { FindingsCollector } from '../pipeline/findings-collector.js';
import { ingestCaptures, type IngestResult, type ProgressReport } from '../pipeline/ingest.js';
import { InventoryCollector, type CollectorStore } from '../pipeline/inventory-collector.js';
import { loadRiskWeights } from '../risk/weights.js';
import type { Workspace } from '../store/workspace.js';
import { reassessDevices } from './reassess.js';
import { riskView } from './risk-view.js';
import { checkSegmentation } from './segmentation-check.js';

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

export interface AnalyzeOptions {
  engine: EngineOptions;
  decode: DecodeOptions;
  /** Extra identification rule files over the shipped ones. */
  rules?: readonly string[] | undefined;
  /** Site file (findings' network zones): managementNetworks, internalNetworks, vendorNetworks. */
  siteFile?: string | undefined;
  /** Risk weights file over data/risk-weights.json. */
  weightsFile?: string | undefined;
  /** Retire devices unseen for this many days (as of the newest packet); null = never. */
  retireAfterDays: number | null;
}

export interface AnalyzeHooks {
  /** Stdin replacement ('-' source): the live tcpdump child, tests. */
  stdin?: Readable;
  signal?: AbortSignal;
  onProgress?: (p: ProgressReport) => void;
  onFlow?: (f: Flow) => void;
  /** Runs inside the transaction that finishes the run, so what it writes (a file marked read) commits with it. */
  atFinish?: (result: IngestResult) => Promise<void>;
}

interface TrafficCounts {
  protocols: Map<string, { flows: number; records: number }>;
  transports: Map<string, number>;
  hosts: Set<string>;
}

/** The options with every input file read: made before the workspace opens, so a bad file creates no database. */
export interface PreparedAnalysis {
  readonly options: AnalyzeOptions;
  readonly kb: KnowledgeBase;
  readonly site: SiteConfig;
}

export function prepareAnalysis(options: AnalyzeOptions): PreparedAnalysis {
  const kb = loadKnowledgeBase(options.rules ?? []);
  const site = loadSite(options.siteFile);
  // A bad weights file stops the run before any reading, not after.
  loadRiskWeights(options.weightsFile);
  return { options, kb, site };
}

/** Reads the sources through every decoder into the workspace and returns the report (with risk) and the read result. */
export async function analyzeCaptures(
  ws: Workspace,
  captures: readonly string[],
  prepared: PreparedAnalysis,
  hooks: AnalyzeHooks = {},
): Promise<{ report: AnalyzeReport; result: IngestResult }> {
  const { options, kb, site } = prepared;
  const runIds: number[] = [];
  const collector = new InventoryCollector(batchesHeldOpen(ws, runIds), kb, captures, { internalNetworks: site.internalNetworks });
  const findingsCollector = new FindingsCollector(ws.inventory, ws.findings, site, kb);
  const counts: TrafficCounts = { protocols: new Map(), transports: new Map(), hosts: new Set() };
  const bump = (name: string, field: 'flows' | 'records'): void => {
    const p = counts.protocols.get(name) ?? { flows: 0, records: 0 };
    p[field]++;
    counts.protocols.set(name, p);
  };
  const result = await ingestCaptures(
    captures,
    {
      ...decodeHooks(options.decode, {
        record: (r) => {
          bump(r.proto, 'records');
          collector.record(r);
          findingsCollector.record(r);
        },
      }),
      arp: (p, info, engine) => {
        const arp = arpSender(p.data, info.l3Offset, info.l3End);
        if (arp !== null) collector.arp(arp.mac, arp.ip, engine.nowMs);
      },
      flowEnded: (f) => {
        const t = protoName(f.proto);
        counts.transports.set(t, (counts.transports.get(t) ?? 0) + 1);
        if (f.app !== null) bump(f.app, 'flows');
        if (counts.hosts.size < MAX_TRACKED_HOSTS) {
          counts.hosts.add(flowSrcText(f));
          counts.hosts.add(flowDstText(f));
        }
        const json = flowToJson(f);
        collector.flow(json);
        findingsCollector.flow(json);
        hooks.onFlow?.(f);
      },
    },
    {
      engine: options.engine,
      ...(hooks.stdin === undefined ? {} : { stdin: hooks.stdin }),
      ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
      ...(hooks.onProgress === undefined ? {} : { onProgress: hooks.onProgress }),
      backpressure: () => collector.backpressure(),
    },
  );
  // A batch still being written commits on its own before the end of the run begins (one transaction at a time).
  await collector.backpressure();
  const retired = await ws.transaction(async () => {
    const n = await finishRun(ws, collector, findingsCollector, options.retireAfterDays, runIds);
    await hooks.atFinish?.(result);
    return n;
  });
  const view = await riskView(ws, { weightsFile: options.weightsFile, findings: { statuses: ['open', 'acknowledged', 'risk-accepted'] } });
  const report: AnalyzeReport = {
    stats: { ...result.stats, seconds: Number(result.seconds.toFixed(3)), retired },
    protocols: Object.fromEntries([...counts.protocols].sort((a, b) => a[0].localeCompare(b[0]))),
    transports: Object.fromEntries(counts.transports),
    hosts: counts.hosts.size,
    devices: view.devices,
    findings: view.findings,
  };
  return { report, result };
}

/** The end of a run, inside one transaction; returns how many devices were retired. */
async function finishRun(
  ws: Workspace,
  collector: InventoryCollector,
  findingsCollector: FindingsCollector,
  retireAfterDays: number | null,
  runIds: number[],
): Promise<number> {
  const clockMs = collector.latestCaptureMs || Date.now();
  // End of life is judged as of the capture's newest packet: an old capture reads as it was then.
  await collector.finish(new Date(clockMs));
  // Retirement uses the same clock: a device is unseen for N days before the newest packet of this run.
  const retired = retireAfterDays === null ? 0 : await ws.inventory.retireUnseen(retireAfterDays, clockMs);
  // Findings need the devices written and classified (ids, categories, OS end of life): they come last.
  await findingsCollector.finish();
  // Conduits the approved segmentation policy does not allow (none approved: nothing to check).
  await checkSegmentation(ws);
  // Devices may now match advisories imported earlier (a model or firmware first seen in this capture).
  await reassessDevices(ws);
  await ws.runs.finish(runIds, Date.now());
  return retired;
}

/**
 * The inventory as the collector writes into it: each batch one transaction, its run row held open and noted in
 * `runIds` for the end of the run to finish.
 */
function batchesHeldOpen(ws: Workspace, runIds: number[]): CollectorStore {
  const inventory = ws.inventory;
  return {
    ingest: (batch, nowMs) => ws.transaction(async () => {
      const r = await inventory.ingest(batch, nowMs);
      await ws.runs.holdOpen(r.runId);
      runIds.push(r.runId);
      return r;
    }),
    forgetExternal: (isExternal, atMs) => inventory.forgetExternal(isExternal, atMs),
    reclassify: (deviceIds, classify, atMs) => inventory.reclassify(deviceIds, classify, atMs),
  };
}
