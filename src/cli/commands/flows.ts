/** `wardwatch flows <capture…>`: every flow as one JSON line when it ends (design.md "Flows"). */
import type { Command } from 'commander';
import { flowToJson } from '../../capture/flow-json.js';
import { decodeHooks } from '../../pipeline/decode-hooks.js';
import { ingestCaptures } from '../../pipeline/ingest.js';
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
      const decode = decodeOptionsFrom(flags, 'probe', null);
      const result = await ingestCaptures(
        captures,
        (engine) => ({
          ...(flags.app ? decodeHooks(engine, decode, null) : {}),
          flowEnded: (f) => {
            out.line(JSON.stringify(flowToJson(f)));
          },
        }),
        { engine: engineOptionsFrom(flags), onProgress: (p) => { progress.update(p); }, backpressure: () => out.backpressure() },
      );
      progress.stop();
      await out.end();
      finishRead(result);
    });
}
