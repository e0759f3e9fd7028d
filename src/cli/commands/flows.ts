/** `wardwatch flows <capture…>`: every flow as one JSON line when it ends (docs/architecture.md "Flows"). */
import type { Command } from 'commander';
import { readFlows } from '../../app/read-captures.js';
import { LineWriter } from '../output.js';
import { makeProgress } from '../progress.js';
import { addReadOptions, decodeOptionsFrom, engineOptionsFrom, type ReadFlags } from '../read-options.js';
import { finishRead } from './finish-read.js';
import { checkCaptureFiles } from '../capture-files.js';

export function registerFlows(program: Command): void {
  addReadOptions(program.command('flows').description('print flows as JSON lines').argument('<capture...>', "pcap/pcapng files, gzip ok; '-' for stdin"))
    .option('--no-app', 'do not probe payloads to name each flow\'s protocol (faster)')
    .action(async (captures: string[], flags: ReadFlags & { app: boolean }) => {
      checkCaptureFiles(captures);
      const out = new LineWriter();
      const progress = makeProgress(flags.progress !== false);
      const result = await readFlows(
        captures,
        { engine: engineOptionsFrom(flags), decode: decodeOptionsFrom(flags, 'probe', null), probeApps: flags.app, onProgress: (p) => { progress.update(p); }, backpressure: () => out.backpressure() },
        (f) => { out.line(JSON.stringify(f)); },
      );
      progress.stop();
      await out.end();
      finishRead(result);
    });
}
