/**
 * Capture files named on the command line must exist and be readable before anything is read: a typo is its one
 * error line, not a summary of nothing (and, for analyze, a new empty database) followed by the error.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { describeIoError, ioFailure } from '../capture/readers/capture-errors.js';
import type { CaptureError } from '../util/app-error.js';

/** Prints each missing or unreadable file's error in order and throws the last one (`-` is stdin: not checked). */
export function checkCaptureFiles(captures: readonly string[]): void {
  const errors: CaptureError[] = [];
  for (const file of captures) {
    if (file === '-') continue;
    try {
      // stat, not open: a FIFO (`<(tcpdump …)`) is opened once, by the reader.
      if (statSync(file).isDirectory()) errors.push(ioFailure(file, 0, describeIoError({ code: 'EISDIR' })));
      else accessSync(file, constants.R_OK);
    } catch (e) {
      errors.push(ioFailure(file, 0, describeIoError(e)));
    }
  }
  const last = errors.pop();
  if (last === undefined) return;
  for (const e of errors) process.stderr.write(`error: ${e.file}: ${e.message}\n`);
  throw last;
}
