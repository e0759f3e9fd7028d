/** A progress bar on stderr for long reads (bytes of total, packets/s, ETA), only when stderr is a terminal. */
import cliProgress from 'cli-progress';
import type { ProgressReport } from '../pipeline/ingest.js';

export interface Progress {
  update(p: ProgressReport): void;
  stop(): void;
}

const quiet: Progress = { update: () => undefined, stop: () => undefined };

function mib(n: number): string {
  return (n / 1048576).toFixed(1);
}

export function makeProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return quiet;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: ' {bar} {percentage}% | {readMiB}/{totalMiB} MiB | {rate} pkt/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let active = false;
  return {
    update(p) {
      const total = p.totalBytes ?? 0;
      const seconds = Math.max(0.001, (performance.now() - started) / 1000);
      const payload = { readMiB: mib(p.bytesRead), totalMiB: total > 0 ? mib(total) : '?', rate: Math.round(p.packets / seconds).toLocaleString('en-US') };
      if (!active) {
        bar.start(Math.max(total, 1), p.bytesRead, payload);
        active = true;
      } else bar.update(Math.min(p.bytesRead, Math.max(total, 1)), payload);
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
