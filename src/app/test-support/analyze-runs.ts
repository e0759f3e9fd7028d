/** Test helpers: the built CLI run as separate processes on one database, and what a database holds afterwards. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { binPath, corpusPcaps, repoRoot } from '../../cli/test-support/run-cli.js';
import { openWorkspace } from '../../store/workspace.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `wardwatch args…` without waiting; `done` settles when it exits (however it exits). */
export function start(args: readonly string[]): { child: ChildProcessByStdio<null, Readable, Readable>; done: Promise<Exit> } {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  const done = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => { resolve({ code, signal, stdout, stderr }); });
  });
  return { child, done };
}

export function run(args: readonly string[]): Promise<Exit> {
  return start(args).done;
}

/** Every pcap of the corpus (a run of a second or two), sorted so that runs are alike. */
export function corpusCaptures(): string[] {
  return readdirSync(corpusPcaps, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.pcap'))
    .map((f) => path.join(corpusPcaps, f))
    .sort();
}

export const SAMPLE = path.join(repoRoot, 'samples/hospital-sample.pcap');

export interface DbState {
  devices: number;
  /** Every address of every device, sorted: identity may pick other ids in another order, never other devices. */
  addresses: string[];
  /** Open findings as kind and the device's first address, sorted. */
  findings: string[];
  runs: { id: number; finished: boolean }[];
}

/** What the database at `file` holds (through the workspace, as any command reads it). */
export async function dbState(file: string): Promise<DbState> {
  const ws = await openWorkspace(file, { create: false });
  try {
    const devices = await ws.inventory.listDevices({ includeRetired: true });
    const firstAddress = new Map(devices.map((d) => [d.id, d.ips[0] ?? d.mac ?? d.id]));
    const findings = await ws.findings.list({ statuses: ['open', 'acknowledged', 'risk-accepted'] });
    return {
      devices: devices.length,
      addresses: devices.flatMap((d) => [...d.ips, ...(d.mac === null ? [] : [d.mac])]).sort(),
      findings: findings.map((f) => `${f.kind} ${firstAddress.get(f.deviceId) ?? f.deviceId}`).sort(),
      runs: (await ws.runs.list()).map((r) => ({ id: r.id, finished: r.finished !== null })),
    };
  } finally {
    await ws.close();
  }
}
