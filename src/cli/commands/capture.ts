/**
 * `wardwatch capture -i IFACE [-f BPF]`: live capture through a tcpdump child (`tcpdump -i IFACE -U -w -`),
 * ingested as a stream until SIGINT/SIGTERM; then tcpdump is stopped, the stream drained and flows flushed.
 * wardwatch itself never opens a raw socket and never sends a packet.
 */
import type { Command } from 'commander';
import { startLiveCapture } from '../../app/capture-live.js';
import { flowToJson } from '../../capture/flow-json.js';
import { LineWriter } from '../output.js';
import { addReadOptions } from '../read-options.js';
import { withWorkspace } from '../workspace-flag.js';
import { addAnalysisOptions, analysisFrom, printReport, type AnalyzeFlags } from './analyze.js';
import { finishRead } from './finish-read.js';

interface CaptureFlags extends AnalyzeFlags {
  interface: string;
  filter?: string;
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
  await withWorkspace(flags.db, {}, async (ws) => {
    const out = new LineWriter();
    const live = startLiveCapture(ws, prepared, {
      iface: flags.interface, filter: flags.filter, tcpdump: flags.tcpdump,
      onListening: () => { process.stderr.write(`wardwatch: capturing on ${flags.interface} (Ctrl-C to stop)\n`); },
      ...(flags.flows === true ? { onFlow: (f) => { out.line(JSON.stringify(flowToJson(f))); } } : {}),
    });
    const stop = (): void => { live.stop(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      // The flows printed so far go out whatever happens.
      const { report, result } = await live.done.finally(() => out.end());
      printReport([`live:${flags.interface}`], report, flags.json === true);
      finishRead(result);
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    }
  });
}
