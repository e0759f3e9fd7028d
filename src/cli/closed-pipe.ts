/**
 * A reader that goes away (`wardwatch findings | head -1`) ends the run quietly: the write that finds the pipe
 * closed (EPIPE) exits with 0, as if the output had been read, instead of an unhandled 'error' event and its stack.
 */

let installed = false;

/** Installs the handlers on stdout and stderr, once per process. Other stream errors are still reported. */
export function endQuietlyWhenReaderCloses(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}
