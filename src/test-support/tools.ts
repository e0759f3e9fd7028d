/** Test support: whether the Debian tools a real-peer test needs are here, and whether we run as root. */
import { spawnSync } from 'node:child_process';

/** Whether `name` (a command or an absolute path) is found by `which`. */
export function hasTool(name: string): boolean {
  return spawnSync('which', [name], { stdio: 'ignore' }).status === 0;
}

/** Whether every one of `names` is found. */
export function hasTools(names: readonly string[]): boolean {
  return names.every(hasTool);
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** tshark is not only on PATH but runs (a broken install fails `--version`). */
export const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
