/**
 * The continuous-ingest and alerts flags of `wardwatch serve` (--watch, --capture, --alerts …): checked and read
 * before anything opens, turned into the ingest job (src/app/live) and the alerts configuration.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { IngestJob } from '../app/live/ingest-job.js';
import { readAlertsConfigFile } from '../alerts/config-file.js';
import type { AlertsConfig } from '../alerts/config.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { prepareAnalysis } from '../app/analyze.js';
import { addAnalysisOptions, optionsFrom, type AnalyzeFlags } from './commands/analyze.js';

export interface ServeLiveFlags extends AnalyzeFlags {
  watch?: string[];
  capture?: string[];
  filter?: string;
  tcpdump: string;
  captureSlice: string;
  scanInterval: string;
  settle: string;
  alerts?: string;
  deadLetter?: string;
}

export function addServeLiveOptions(cmd: Command): Command {
  const collect = (v: string, prev: string[] = []): string[] => [...prev, v];
  return addAnalysisOptions(cmd
    .option('--watch <dir>', 'ingest each capture file that lands in DIR once, in order (repeatable)', collect)
    .option('--capture <iface>', 'capture live from an interface through tcpdump (repeatable; needs root or CAP_NET_RAW)', collect)
    .option('-f, --filter <bpf>', 'BPF capture filter for --capture (tcpdump syntax)')
    .option('--tcpdump <path>', 'tcpdump binary', 'tcpdump')
    .option('--capture-slice <seconds>', 'live traffic is analysed (findings, events) every this many seconds', '10')
    .option('--scan-interval <seconds>', 'how often watched folders are listed', '2')
    .option('--settle <seconds>', 'a watched file is read once unchanged this long (and on two listings)', '2')
    .option('--alerts <file>', 'alerts configuration (JSON, docs/alerts.md): send live events to syslog / webhooks')
    .option('--dead-letter <file>', 'where webhook deliveries go after their last attempt (JSON lines)'));
}

function seconds(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(n) || n < min || n > 86_400) throw new AppError(ErrorCode.BadArgument, `${name}: expected seconds from ${String(min)} to 86400, not '${text}'`);
  return Math.round(n * 1000);
}

function folder(dir: string): string {
  const abs = path.resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new AppError(ErrorCode.BadArgument, `--watch: ${dir} is not a folder`);
  return abs;
}

/** The ingest job the flags ask for, or null when they name no source. Input files are read now (a bad one stops serve). */
export function ingestJobFrom(flags: ServeLiveFlags, db: string): IngestJob | null {
  const watch = (flags.watch ?? []).map(folder);
  const capture = flags.capture ?? [];
  const sliceMs = seconds('--capture-slice', flags.captureSlice, 1);
  const scanMs = seconds('--scan-interval', flags.scanInterval, 0.1);
  const settleMs = seconds('--settle', flags.settle, 0);
  if (watch.length === 0 && capture.length === 0) return null;
  const analysis = optionsFrom(flags);
  // Read now for its errors; the worker reads the same files again on its side of the thread boundary.
  prepareAnalysis(analysis);
  return {
    db,
    analysis,
    sources: { watch, capture, filter: flags.filter, tcpdump: flags.tcpdump, sliceMs, scanMs, settleMs },
  };
}

export function alertsFrom(flags: Pick<ServeLiveFlags, 'alerts'>): AlertsConfig | null {
  return flags.alerts === undefined ? null : readAlertsConfigFile(flags.alerts);
}
