/**
 * `wardwatch capture -i IFACE [-f BPF]`: live capture through a tcpdump child (`tcpdump -i IFACE -U -w -`),
 * ingested as a stream until SIGINT/SIGTERM; then tcpdump is stopped, the stream drained and flows flushed.
 * wardwatch itself never opens a raw socket and never sends a packet.
 */
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import type { PreparedAnalysis } from '../../app/analyze.js';
import type { Workspace } from '../../store/workspace.js';
import { flowToJson } from '../../capture/flow-json.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { LineWriter } from '../output.js';
import { addReadOptions } from '../read-options.js';
import { withWorkspace } from '../workspace-flag.js';
import { addAnalysisOptions, analysisFrom, analyzeWithProgress, printReport, type AnalyzeFlags } from './analyze.js';
import { finishRead } from './finish-read.js';

interface CaptureFlags extends AnalyzeFlags {
  interface: string;
  filter?: string;
  db: string;
  json?: boolean;
  flows?: boolean;
  tcpdump: string;
}

export function registerCapture(program: Command): void {
  const cmd = addReadOptions(program.command('capture').description('capture live from an interface (through tcpdump) until Ctrl-C'))
    .requiredOption('-i, --interface <iface>', 'interface to listen on')
    .option('-f, --filter <bpf>', 'BPF capture filter (tcpdump syntax)')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--json', 'print the JSON report at the end instead of the summary')
    .option('--flows', 'print each flow as a JSON line when it ends')
    .option('--tcpdump <path>', 'tcpdump binary', 'tcpdump');
  addAnalysisOptions(cmd)
    .action(async (flags: CaptureFlags) => {
      await runCapture(flags);
    });
}

async function runCapture(flags: CaptureFlags): Promise<void> {
  // Input files (rules, site, weights) are read before tcpdump starts and before the database opens.
  const prepared = analysisFrom(flags);
  await withWorkspace(flags.db, {}, (ws) => captureInto(ws, prepared, flags));
}

async function captureInto(ws: Workspace, prepared: PreparedAnalysis, flags: CaptureFlags): Promise<void> {
  // Immediate mode: packets reach us as they arrive, so none are left in the kernel ring when we stop.
  const args = ['-i', flags.interface, '--immediate-mode', '-U', '-s', '0', '-w', '-'];
  if (flags.filter !== undefined && flags.filter.trim() !== '') args.push(flags.filter);
  const child = spawn(flags.tcpdump, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderrText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderrText.length < 8192) stderrText += chunk;
    if (chunk.includes('listening on')) process.stderr.write(`wardwatch: capturing on ${flags.interface} (Ctrl-C to stop)\n`);
  });
  const spawnError = new Promise<AppError>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => {
      resolve(
        e.code === 'ENOENT'
          ? new AppError(ErrorCode.ToolMissing, `${flags.tcpdump} not found: live capture needs tcpdump (apt-get install tcpdump)`)
          : new AppError(ErrorCode.ToolFailed, `cannot start ${flags.tcpdump}: ${e.message}`),
      );
    });
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      resolve(code);
    });
  });
  const run = { stopping: false };
  const stop = (): void => {
    run.stopping = true;
    // tcpdump flushes its last packets and exits on SIGINT; our reader then sees the end of the stream.
    child.kill('SIGINT');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const out = new LineWriter();
  try {
    const analysis = analyzeWithProgress(ws, ['-'], prepared, { progress: false }, {
      stdin: child.stdout,
      ...(flags.flows === true ? { onFlow: (f) => { out.line(JSON.stringify(flowToJson(f))); } } : {}),
    });
    const first = await Promise.race([analysis.then((a) => ({ a })), spawnError.then((e) => ({ e }))]);
    if ('e' in first) throw first.e;
    const { report, result } = first.a;
    const code = await exited;
    await out.end();
    if (!run.stopping && code !== 0) {
      const why = stderrText.split('\n').filter((l) => l.trim() !== '' && !l.includes('listening on')).pop() ?? `exit code ${String(code)}`;
      throw new AppError(ErrorCode.ToolFailed, `tcpdump failed on ${flags.interface}: ${why}${/permission|not permitted/i.test(why) ? ' (live capture needs root or CAP_NET_RAW)' : ''}`);
    }
    // A tcpdump that died before writing a header leaves an empty stream: that is its failure, not ours.
    if (result.stats.packets === 0 && result.errors.length > 0 && !run.stopping) throw new AppError(ErrorCode.ToolFailed, `tcpdump produced no capture: ${stderrText.trim()}`);
    printReport([`live:${flags.interface}`], report, flags.json === true);
    if (!run.stopping) finishRead(result);
    else finishRead({ ...result, errors: result.errors.filter((e) => e.code !== ErrorCode.CaptureTruncated) });
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}
