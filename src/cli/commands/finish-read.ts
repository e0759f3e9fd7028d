/** After reading: if a source was damaged, the first error becomes the command's error (exit 1), output kept. */
import type { IngestResult } from '../../pipeline/ingest.js';

export function finishRead(result: IngestResult): void {
  const [first, ...rest] = result.errors;
  if (first === undefined) return;
  for (const e of rest) process.stderr.write(`error: ${'file' in e ? `${String(e.file)}: ` : ''}${e.message}\n`);
  throw first;
}
