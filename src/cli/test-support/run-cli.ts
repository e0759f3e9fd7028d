/** Test helper: runs the built `wardwatch` binary (bin/ -> dist/) as a user would, capturing output and exit code. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const binPath = path.join(repoRoot, 'bin/wardwatch.js');
export { corpusPcaps } from '../../test-support/test-data.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], input?: Buffer): CliResult {
  const r = spawnSync(process.execPath, [binPath, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, cwd: repoRoot });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting (live capture); `ns` runs it inside a network namespace. */
export function startCli(args: readonly string[], ns?: string): ReturnType<typeof spawn> {
  const cmd = ns === undefined ? [process.execPath, binPath, ...args] : ['ip', 'netns', 'exec', ns, process.execPath, binPath, ...args];
  const [exe, ...rest] = cmd as [string, ...string[]];
  return spawn(exe, rest, { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}
