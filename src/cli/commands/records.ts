/** `wardwatch records <capture…> [--proto P]`: protocol records as JSON lines (docs/architecture.md "Records"). */
import type { Command } from 'commander';
import { checkProtocols, readRecords } from '../../app/read-captures.js';
import { LineWriter } from '../output.js';
import { makeProgress } from '../progress.js';
import { addReadOptions, decodeOptionsFrom, engineOptionsFrom, type ReadFlags } from '../read-options.js';
import { finishRead } from './finish-read.js';
import { checkCaptureFiles } from '../capture-files.js';

function protoList(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return checkProtocols(value.split(',').map((s) => s.trim()).filter((s) => s.length > 0));
}

export function registerRecords(program: Command): void {
  addReadOptions(program.command('records').description('print protocol records as JSON lines').argument('<capture...>', "pcap/pcapng files, gzip ok; '-' for stdin"))
    .option('--proto <names>', 'only these protocols, comma-separated (dicom,hl7,…)')
    .option('--issues', 'also print decode problems as JSON lines on stderr')
    .action(async (captures: string[], flags: ReadFlags & { proto?: string; issues?: boolean }) => {
      const only = protoList(flags.proto);
      checkCaptureFiles(captures);
      const out = new LineWriter();
      const progress = makeProgress(flags.progress !== false);
      const listener = {
        record: (r: object) => {
          out.line(JSON.stringify(r));
        },
        ...(flags.issues === true
          ? {
              issue: (where: string, decoder: string, issue: object) => {
                process.stderr.write(`${JSON.stringify({ where, decoder, ...issue })}\n`);
              },
            }
          : {}),
      };
      const result = await readRecords(captures, {
        engine: engineOptionsFrom(flags),
        decode: decodeOptionsFrom(flags, 'full', only),
        onProgress: (p) => { progress.update(p); },
        backpressure: () => out.backpressure(),
      }, listener);
      progress.stop();
      await out.end();
      finishRead(result);
    });
}
