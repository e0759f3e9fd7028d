/**
 * Continuous ingest of a watched folder, end to end on a real database: files read in order, each once, the set of
 * read files kept across a restart, a truncated file reported and skipped without losing the rest, a file still
 * growing left alone until it settles.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusPath, repoRoot } from '../../test-support/test-data.js';
import { openWorkspace } from '../../store/workspace.js';
import { defaultEngineOptions } from '../../capture/engine.js';
import { defaultDecodeOptions } from '../../pipeline/sessions/session-types.js';
import type { AlertEvent } from '../../alerts/types.js';
import type { JobMessage } from './ingest-job.js';
import { startIngest } from './ingest-thread.js';
import type { SourceStatus } from './live-ingest.js';
import { WatchFolder } from './watch-folder.js';

const SAMPLE = path.join(repoRoot, 'samples/hospital-sample.pcap');
const DHCP = corpusPath('pcaps/zeek/dhcp_dhcp.pcap');
const LLDP = corpusPath('pcaps/zeek/lldp.pcap');

let dir: string;
let watched: string;
let db: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-watch-'));
  watched = path.join(dir, 'in');
  mkdirSync(watched);
  db = path.join(dir, 'w.db');
  await (await openWorkspace(db)).close();
});
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

/** Puts a capture in the folder with a modification time `ageSec` in the past (older files are read first). */
function drop(src: string, name: string, ageSec: number): void {
  const to = path.join(watched, name);
  copyFileSync(src, to);
  // Whole seconds: two files given the same age get the same time, and then their names decide.
  const t = new Date((Math.floor(Date.now() / 1000) - ageSec) * 1000);
  utimesSync(to, t, t);
}

interface Run {
  messages: JobMessage[];
  events(): AlertEvent[];
  status(): SourceStatus | undefined;
  until(test: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function run(): Run {
  const messages: JobMessage[] = [];
  const handle = startIngest({
    db,
    analysis: { engine: defaultEngineOptions, decode: defaultDecodeOptions, retireAfterDays: null },
    sources: { watch: [watched], capture: [], tcpdump: 'tcpdump', sliceMs: 1000, scanMs: 50, settleMs: 0 },
  }, (m) => messages.push(m));
  const statuses = (): SourceStatus[] => messages.flatMap((m) => (m.type === 'status' ? [m.sources[0]].filter((s) => s !== undefined) : []));
  return {
    messages,
    events: () => messages.flatMap((m) => (m.type === 'events' ? m.events : [])),
    status: () => statuses().at(-1),
    until: async (test, timeoutMs = 30_000) => {
      const end = Date.now() + timeoutMs;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out; last status ${JSON.stringify(statuses().at(-1))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop: () => handle.stop(),
  };
}

/** The `lastFile` of each status posted after a file, in order, without repeats. */
function filesInOrder(r: Run): string[] {
  const out: string[] = [];
  for (const m of r.messages) {
    const f = m.type === 'status' ? m.sources[0]?.lastFile ?? null : null;
    if (f !== null && out.at(-1) !== f) out.push(f);
  }
  return out;
}

describe('serve --watch: the folder', () => {
  it('reads files oldest first, numbers compared as numbers, each once', async () => {
    drop(DHCP, 'cap10.pcap', 30);
    drop(LLDP, 'cap9.pcap', 30);
    drop(SAMPLE, 'b.pcap', 60);
    const r = run();
    try {
      await r.until(() => r.status()?.filesDone === 3);
      // Scans go on; nothing is read twice.
      await new Promise((res) => setTimeout(res, 400));
      expect(filesInOrder(r)).toEqual(['b.pcap', 'cap9.pcap', 'cap10.pcap']);
      expect(r.status()).toMatchObject({ filesDone: 3, filesFailed: 0, runs: 3, lastError: null, state: 'running' });
      expect(r.status()?.packets).toBeGreaterThan(100);
    } finally {
      await r.stop();
    }
    const ws = await openWorkspace(db, { create: false });
    try {
      const rows = await ws.ingestedFiles.list(watched);
      expect(rows.map((f) => f.name).sort()).toEqual(['b.pcap', 'cap10.pcap', 'cap9.pcap']);
      expect(rows.every((f) => f.outcome === 'done' && f.packets > 0)).toBe(true);
    } finally {
      await ws.close();
    }
  });

  it('publishes what each file changed: the first file its devices, a file seen again nothing new', async () => {
    drop(SAMPLE, 'a.pcap', 60);
    const r = run();
    try {
      await r.until(() => r.status()?.filesDone === 1);
      const first = r.events().filter((e) => e.kind === 'device-new');
      expect(first.length).toBeGreaterThanOrEqual(5);
      expect(r.events().some((e) => e.kind === 'finding-new')).toBe(true);
      // The same bytes under another name: a second file, read, but its devices are not new.
      drop(SAMPLE, 'a-again.pcap', 1);
      await r.until(() => r.status()?.filesDone === 2);
      expect(r.events().filter((e) => e.kind === 'device-new')).toHaveLength(first.length);
    } finally {
      await r.stop();
    }
  });

  it('keeps the set of read files across a restart and reads only what is new', async () => {
    drop(SAMPLE, 'a.pcap', 60);
    const r1 = run();
    await r1.until(() => r1.status()?.filesDone === 1);
    await r1.stop();
    expect(r1.messages.at(-1)).toEqual({ type: 'stopped' });

    drop(DHCP, 'b.pcap', 1);
    const r2 = run();
    try {
      await r2.until(() => r2.status()?.filesDone === 1);
      await new Promise((res) => setTimeout(res, 300));
      expect(filesInOrder(r2)).toEqual(['b.pcap']);
      expect(r2.status()?.runs).toBe(1);
    } finally {
      await r2.stop();
    }
  });

  it('reports a truncated file, keeps what it held, and goes on with the next', async () => {
    const bytes = readFileSync(SAMPLE);
    // Cut inside a record: the header and the first records survive.
    writeFileSync(path.join(watched, 'cut.pcap'), bytes.subarray(0, Math.floor(bytes.length / 2) + 7));
    const t = new Date(Date.now() - 60_000);
    utimesSync(path.join(watched, 'cut.pcap'), t, t);
    writeFileSync(path.join(watched, 'junk.pcap'), 'not a capture at all');
    utimesSync(path.join(watched, 'junk.pcap'), t, t);
    drop(DHCP, 'z-good.pcap', 1);
    const r = run();
    try {
      await r.until(() => (r.status()?.filesDone ?? 0) + (r.status()?.filesFailed ?? 0) === 3);
      expect(r.status()).toMatchObject({ filesDone: 1, filesFailed: 2, lastFile: 'z-good.pcap' });
      expect(filesInOrder(r).at(-1)).toBe('z-good.pcap');
      // Each failure is an ingest-status event (after the one for the start); its file name is the only detail sent.
      const ingest = r.events().filter((e) => e.kind === 'ingest-status');
      expect(ingest.length).toBeGreaterThanOrEqual(3);
    } finally {
      await r.stop();
    }
    const ws = await openWorkspace(db, { create: false });
    try {
      const rows = new Map((await ws.ingestedFiles.list(watched)).map((f) => [f.name, f]));
      expect(rows.get('cut.pcap')).toMatchObject({ outcome: 'failed' });
      expect(rows.get('cut.pcap')?.packets).toBeGreaterThan(10);
      expect(rows.get('cut.pcap')?.detail).toMatch(/truncat/i);
      expect(rows.get('junk.pcap')).toMatchObject({ outcome: 'failed', packets: 0 });
      expect(rows.get('z-good.pcap')).toMatchObject({ outcome: 'done' });
      // What the truncated file held is in the inventory.
      expect((await ws.inventory.listDeviceBriefs()).length).toBeGreaterThan(3);
    } finally {
      await ws.close();
    }
  });
});

describe('WatchFolder: when a file is ready', () => {
  it('not while it grows, nor while it is younger than the settle time, nor under a temporary name', async () => {
    const folder = new WatchFolder(watched, 1000);
    const file = path.join(watched, 'growing.pcap');
    writeFileSync(file, 'a');
    writeFileSync(path.join(watched, 'x.pcap.part'), 'a');
    writeFileSync(path.join(watched, '.hidden.pcap'), 'a');
    const old = new Date(Date.now() - 10_000);
    for (const n of ['growing.pcap', 'x.pcap.part', '.hidden.pcap']) utimesSync(path.join(watched, n), old, old);
    expect(await folder.ready(new Set())).toEqual([]); // first sight: not yet known to be stable
    writeFileSync(file, 'ab');
    utimesSync(file, old, old);
    expect(await folder.ready(new Set())).toEqual([]); // size changed since the last scan
    expect((await folder.ready(new Set())).map((f) => f.name)).toEqual(['growing.pcap']);
    writeFileSync(file, 'abc'); // fresh mtime: younger than the settle time even once stable
    await folder.ready(new Set());
    expect(await folder.ready(new Set())).toEqual([]);
  });
});
