/** `wardwatch analyze <capture…> [--json]`: ingest captures and summarise what was seen (docs/architecture.md "Report"). */
import type { Command } from 'commander';
import { analyzeCaptures, prepareAnalysis, type AnalyzeHooks, type AnalyzeOptions, type AnalyzeReport, type PreparedAnalysis } from '../../app/analyze.js';
import { changesAfterMark, markBeforeRun } from '../../app/changes.js';
import type { IngestResult } from '../../pipeline/ingest.js';
import type { Workspace } from '../../store/workspace.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { checkCaptureFiles } from '../capture-files.js';
import { changesBlock } from '../changes-format.js';
import { makeProgress } from '../progress.js';
import { addReadOptions, decodeOptionsFrom, engineOptionsFrom, type ReadFlags } from '../read-options.js';
import { withWorkspace } from '../workspace-flag.js';
import { finishRead } from './finish-read.js';
import { formatSummary } from './summary.js';

export type { AnalyzeReport };

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

/** The flags as the application core takes them, input files read: bad values are refused before anything is opened. */
export function analysisFrom(flags: AnalyzeFlags): PreparedAnalysis {
  return prepareAnalysis(optionsFrom(flags));
}

/** The flags as the application core's options (plain data: serve hands them to its ingest worker). */
export function optionsFrom(flags: AnalyzeFlags): AnalyzeOptions {
  return {
    engine: engineOptionsFrom(flags),
    decode: decodeOptionsFrom(flags, 'full', null),
    rules: flags.rules,
    siteFile: flags.site,
    weightsFile: flags.weights,
    retireAfterDays: parseRetireAfter(flags.retireAfter),
  };
}

/** Analyze into an open workspace with a progress bar (unless reading stdin or --no-progress); shared with `capture`. */
export async function analyzeWithProgress(
  ws: Workspace,
  captures: readonly string[],
  analysis: PreparedAnalysis,
  flags: Pick<AnalyzeFlags, 'progress'>,
  hooks: AnalyzeHooks = {},
): Promise<{ report: AnalyzeReport; result: IngestResult }> {
  const progress = makeProgress(flags.progress !== false && hooks.stdin === undefined);
  try {
    return await analyzeCaptures(ws, captures, analysis, { ...hooks, onProgress: (p) => { progress.update(p); } });
  } finally {
    progress.stop();
  }
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
      const prepared = analysisFrom(flags);
      const result = await withWorkspace(flags.db, {}, async (ws) => {
        const mark = flags.json === true ? null : await markBeforeRun(ws);
        const analysis = await analyzeWithProgress(ws, captures, prepared, flags);
        // What this run changed leads the summary; a first run (no devices before) has nothing to compare.
        if (mark !== null) process.stdout.write(changesBlock(await changesAfterMark(ws, mark)));
        printReport(captures, analysis.report, flags.json === true);
        return analysis.result;
      });
      finishRead(result);
    });
}
