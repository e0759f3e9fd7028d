/** Turning failures into the one-line `error: …` a person reads; stack traces only with --debug. */
import { AppError, CaptureError } from '../util/app-error.js';

export function errorLine(e: unknown): string {
  if (e instanceof CaptureError) return `error: ${e.file}: ${e.message}`;
  if (e instanceof AppError) return `error: ${e.message}`;
  if (e instanceof Error) return `error: internal error: ${e.message}`;
  return `error: internal error: ${String(e)}`;
}

export function reportError(e: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): void {
  stderr.write(`${errorLine(e)}\n`);
  if (debug && e instanceof Error && e.stack !== undefined) stderr.write(`${e.stack}\n`);
}
