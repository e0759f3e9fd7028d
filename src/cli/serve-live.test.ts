/**
 * `wardwatch serve --watch / --capture` as a user runs it (the built CLI, ingest in its worker thread): events on
 * GET /api/events as files land, the ingest status, a graceful stop that leaves no run half done, and live capture
 * of a real DICOM peer on a veth pair between network namespaces.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWire, stopChild, waitForOutput, waitForPort, type Wire } from '../capture/test-support/netns.js';
import { openWorkspace } from '../store/workspace.js';
import { requires } from '../test-support/tools.js';
import { repoRoot, runCli, startCli } from './test-support/run-cli.js';

const SAMPLE = path.join(repoRoot, 'samples/hospital-sample.pcap');

interface Serving {
  child: ChildProcess;
  stderr: () => string;
  port: number;
}

function token(db: string): string {
  const r = runCli(['tokens', 'create', 'live-test', '--role', 'viewer', '--db', db]);
  const t = /ww_[A-Za-z0-9_-]+/.exec(r.stdout)?.[0];
  if (r.code !== 0 || t === undefined) throw new Error(`tokens create failed: ${r.stderr}`);
  return t;
}

async function serve(args: string[], ns?: string): Promise<Serving> {
  const child = startCli(['serve', '--listen', '127.0.0.1:0', ...args], ns);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  await waitForOutput(child, 'wardwatch: serving', 30_000);
  const port = Number(/serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr)?.[1]);
  return { child, stderr: () => stderr, port };
}

/** Frames of an event stream read so far (kind and parsed data). */
function frames(text: string): { event: string; data: Record<string, unknown> }[] {
  return text.split('\n\n').flatMap((b) => {
    const event = /^event: (.+)$/m.exec(b)?.[1];
    const data = /^data: (.+)$/m.exec(b)?.[1];
    return event !== undefined && data !== undefined ? [{ event, data: JSON.parse(data) as Record<string, unknown> }] : [];
  });
}

async function until(test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function getJson(port: number, url: string, bearer: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: url, headers: { authorization: `Bearer ${bearer}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => { resolve(JSON.parse(body) as Record<string, unknown>); });
    }).on('error', reject);
  });
}

describe('wardwatch serve --watch (built CLI, worker thread)', () => {
  let dir: string;
  let watched: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ww-serve-live-'));
    watched = path.join(dir, 'in');
    mkdirSync(watched);
    db = path.join(dir, 'live.db');
  });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('creates the database, streams device-new events as a file lands, reports the source, stops cleanly', async () => {
    const s = await serve(['--db', db, '--watch', watched, '--settle', '0', '--scan-interval', '0.2']);
    try {
      const bearer = token(db);
      let text = '';
      const req = http.get({ host: '127.0.0.1', port: s.port, path: '/api/events', headers: { authorization: `Bearer ${bearer}` } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => { text += c; });
      });
      req.on('error', () => undefined);
      await until(() => text.includes('retry:'), 'the stream to open');
      copyFileSync(SAMPLE, path.join(watched, 'sample.pcap'));
      await until(() => frames(text).filter((f) => f.event === 'device-new').length >= 5, 'device-new events');
      const got = frames(text);
      expect(got.some((f) => f.event === 'finding-new')).toBe(true);
      // No PHI and no finding text in any event: the sample's HL7 carries synthetic patient names.
      expect(text).not.toMatch(/DOE|SMITH|PID\|/);
      const status = await getJson(s.port, '/api/ingest/status', bearer);
      expect(status).toMatchObject({ enabled: true, error: null, sources: [{ source: `watch:${watched}`, kind: 'watch', filesDone: 1, filesFailed: 0, lastFile: 'sample.pcap' }] });
      req.destroy();
    } finally {
      const code = await stopChild(s.child, 'SIGTERM');
      expect(code).toBe(0);
      expect(s.stderr()).toContain('wardwatch: stopped');
    }
  }, 90_000);

  it('a stop while files are being read leaves every run finished and every recorded file whole; the rest is read next time', async () => {
    for (let i = 0; i < 6; i++) copyFileSync(SAMPLE, path.join(watched, `cap-${String(i)}.pcap`));
    const s = await serve(['--db', db, '--watch', watched, '--settle', '0', '--scan-interval', '0.1']);
    await new Promise((r) => setTimeout(r, 700));
    expect(await stopChild(s.child, 'SIGTERM')).toBe(0);
    const ws = await openWorkspace(db, { create: false });
    let first: number;
    try {
      expect((await ws.runs.list()).every((r) => r.finished !== null)).toBe(true);
      const read = await ws.ingestedFiles.list(watched);
      first = read.length;
      expect(read.every((f) => f.outcome === 'done' && f.packets > 0)).toBe(true);
    } finally {
      await ws.close();
    }
    const again = await serve(['--db', db, '--watch', watched, '--settle', '0', '--scan-interval', '0.1']);
    const bearer = token(db);
    try {
      let done = first;
      for (let i = 0; i < 300 && done < 6; i++) {
        const st = await getJson(again.port, '/api/ingest/status', bearer) as { sources: { filesDone: number }[] };
        done = first + (st.sources[0]?.filesDone ?? 0);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(done).toBe(6);
    } finally {
      expect(await stopChild(again.child, 'SIGTERM')).toBe(0);
    }
  }, 120_000);

  it('refuses a watch folder that does not exist, before opening anything', () => {
    const r = runCli(['serve', '--db', db, '--watch', path.join(dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: --watch: ${path.join(dir, 'nope')} is not a folder\n`);
  });
});

const live = requires({ netns: true, tools: ['tcpdump', 'ip', 'curl', 'storescp', 'echoscu'] });

describe.skipIf(live.skip)(live.title('wardwatch serve --capture on a live veth with a real DICOM peer'), () => {
  let wire: Wire;
  let dir: string;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) await stopChild(c, 'SIGTERM');
    wire.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a device-new event for the DICOM peers arrives over SSE while serving', async () => {
    wire = makeWire(207);
    dir = mkdtempSync(path.join(tmpdir(), 'ww-serve-cap-'));
    const db = path.join(dir, 'cap.db');
    const bearer = token(db);
    const scp = wire.start(wire.nsB, 'storescp', ['-aet', 'PACS', '-od', dir, '11112']);
    children.push(scp);
    const s = await serve(['--db', db, '--capture', wire.ifA, '--capture-slice', '1'], wire.nsA);
    children.push(s.child);
    // The API listens on the namespace's own loopback: the client runs there too.
    const sse = wire.start(wire.nsA, 'curl', ['-sN', '-H', `authorization: Bearer ${bearer}`, `http://127.0.0.1:${String(s.port)}/api/events`]);
    children.push(sse);
    let text = '';
    sse.stdout?.on('data', (c: Buffer) => { text += c.toString('utf8'); });
    await until(() => text.includes('retry:'), 'the stream to open');
    // tcpdump said "listening on": its source is running, and the ingest-status event says so.
    await until(() => frames(text).some((f) => f.event === 'ingest-status' && JSON.stringify(f.data).includes('"state":"running"')), 'capture to run', 15_000);
    await waitForPort(wire, wire.nsA, wire.ipB, 11112);
    wire.exec(wire.nsA, 'echoscu', ['-aet', 'CT1', '-aec', 'PACS', wire.ipB, '11112']);
    // Known by MAC: a device's one `ip` in an event may be its IPv6 link-local address (the veth sends router solicitations).
    const mac = (ns: string, dev: string): string => /link\/ether ([0-9a-f:]{17})/.exec(wire.exec(ns, 'ip', ['link', 'show', dev]))?.[1] ?? 'none';
    const macs = [mac(wire.nsA, wire.ifA), mac(wire.nsB, wire.ifB)];
    const newMacs = (): string[] => frames(text).filter((f) => f.event === 'device-new').map((f) => String((f.data.device as { mac: string | null }).mac));
    await until(() => macs.every((m) => newMacs().includes(m)), 'device-new events for both DICOM peers', 30_000)
      .catch((e: unknown) => { throw new Error(`${String(e)}; stream: ${text.slice(-1500)}; serve: ${s.stderr().slice(-1500)}`); });
    const status = await new Promise<string>((resolve) => {
      const c = wire.start(wire.nsA, 'curl', ['-s', '-H', `authorization: Bearer ${bearer}`, `http://127.0.0.1:${String(s.port)}/api/ingest/status`]);
      let out = '';
      c.stdout?.on('data', (b: Buffer) => { out += b.toString('utf8'); });
      c.once('close', () => { resolve(out); });
    });
    expect(JSON.parse(status)).toMatchObject({ enabled: true, sources: [{ source: `capture:${wire.ifA}`, kind: 'capture', state: 'running', drops: 0 }] });
    expect(await stopChild(s.child, 'SIGINT')).toBe(0);
  }, 120_000);
});
