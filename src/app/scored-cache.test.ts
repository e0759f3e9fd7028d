/**
 * The scored inventory kept between reads answers exactly what scoring afresh answers, after any write: a finding's
 * status, a new control, a person's device value, a new ingest, a write from another connection (another process),
 * an edited weights file, a new day. The oracle is the uncached path (risk-view.ts through listFindings and
 * listDevices), which scores everything on every call.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingInput, FindingJson } from '../findings/types.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { deviceDetail } from './device-detail.js';
import { pageDevices } from './device-page.js';
import { listDevices } from './devices.js';
import { findingById, findingsList, listFindings } from './findings.js';
import { scoredCacheStats, scoredInventory } from './scored-cache.js';
import { setDeviceValues } from './device-values.js';

const T = Date.parse('2026-11-20T08:00:00.000Z');
const KINDS = ['cleartext-phi', 'weak-tls', 'internet-egress', 'default-credentials'] as const;

let dir: string;
let ws: Workspace;
let added = 0;

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One device as an ingest run would add it, with two findings on it. */
async function ingestDevice(target: Workspace = ws): Promise<string> {
  added += 1;
  const n = added.toString(16).padStart(2, '0');
  await target.inventory.ingest({ observations: [], sightings: [{ key: { mac: `02:00:00:00:01:${n}`, ip: `10.98.0.${String(added)}` }, protocols: ['dhcp'], firstSeenMs: T, lastSeenMs: T }] });
  const id = (await target.inventory.listDevicesForExport()).map((d) => d.id).sort().find((d) => !known.has(d));
  if (id === undefined) throw new Error('ingest added no device');
  known.add(id);
  const findings: FindingInput[] = [0, 1].map((k) => ({
    deviceId: id, kind: KINDS[(added + k) % KINDS.length] ?? 'weak-tls', key: `k${String(k)}`, severity: k === 0 ? 'high' : 'low',
    title: 't', detail: 'd', evidence: ['e'], firstSeenMs: T, lastSeenMs: T,
  }));
  await target.findings.upsert(findings);
  return id;
}
const known = new Set<string>();

/** What a client sees, without the parts the two paths build differently on purpose (evidence arrays are equal). */
function strip(f: FindingJson): unknown {
  return { id: f.id, status: f.status, risk: f.risk };
}

/** Every cached read compared with the uncached path; returns the oracle's findings to tell whether a change showed. */
async function expectSameAsUncached(weightsFile?: string): Promise<string> {
  const oracle = await listFindings(ws, { weightsFile });
  const cached = await findingsList(ws, { weightsFile });
  expect(cached.map(strip)).toEqual(oracle.findings.map(strip));
  const oneFinding = oracle.findings[Math.floor(oracle.findings.length / 2)];
  if (oneFinding !== undefined && weightsFile === undefined) expect(strip(await findingById(ws, oneFinding.id))).toEqual(strip(oneFinding));
  if (weightsFile === undefined) {
    const devices = (await listDevices(ws)).map((d) => ({ id: d.id, risk: d.risk, supportEnd: d.supportEnd, supportStatus: d.supportStatus })).sort((a, b) => (a.id < b.id ? -1 : 1));
    const page = (await pageDevices(ws, { limit: 500 })).devices.map((d) => ({ id: d.id, risk: d.risk, supportEnd: d.supportEnd, supportStatus: d.supportStatus }));
    expect(page).toEqual(devices);
    const one = devices[0];
    if (one !== undefined) expect((await deviceDetail(ws, one.id)).risk).toEqual(one.risk);
  }
  return JSON.stringify(oracle.findings.map(strip));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T);
  dir = mkdtempSync(join(tmpdir(), 'ww-scored-cache-'));
  ws = await openWorkspace(join(dir, 'inventory.db'));
  known.clear();
  for (let i = 0; i < 6; i++) await ingestDevice();
});

afterEach(async () => {
  vi.useRealTimers();
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scored inventory cache', () => {
  it('after any random sequence of writes, the next read is what scoring afresh gives', async () => {
    const other = await openWorkspace(join(dir, 'inventory.db'));
    try {
      for (const seed of [1, 2, 3]) {
        const next = random(seed);
        const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
        let before = await expectSameAsUncached();
        let shown = 0;
        for (let step = 0; step < 12; step++) {
          const findings = await ws.findings.list();
          const devices = [...known];
          const change = pick(['status', 'control', 'value', 'ingest', 'other-process'] as const);
          if (change === 'status') {
            const f = pick(findings);
            const status = pick(['acknowledged', 'mitigated', 'risk-accepted', 'open'] as const);
            await ws.findings.setStatus(f.id, status === 'risk-accepted' ? { status, by: 'nurse', reason: 'vendor patch due', owner: 'biomed', expires: '2026-12-31' } : { status, by: 'nurse' });
          } else if (change === 'control') {
            await ws.controls.addControl({ kind: pick(['segmentation', 'host-firewall', 'monitoring'] as const), description: 'acl', target: { deviceId: pick(devices), vendor: null, model: null }, by: 'netops' });
          } else if (change === 'value') {
            await setDeviceValues(ws, pick(devices), [pick([{ field: 'supportEnd', value: '2020-01-01' }, { field: 'category', value: 'infusion' }, { field: 'osLabel', value: 'Windows XP' }])], 'biomed');
          } else if (change === 'ingest') {
            await ingestDevice();
          } else {
            // Another connection to the same file: this one's total_changes() does not move, data_version does.
            const f = pick(await other.findings.list());
            await other.findings.setStatus(f.id, { status: f.status === 'mitigated' ? 'acknowledged' : 'mitigated', by: 'other process' });
          }
          const after = await expectSameAsUncached();
          if (after !== before) shown++;
          before = after;
        }
        // The comparison can fail only if the writes change answers: most of them must.
        expect(shown).toBeGreaterThan(6);
      }
    } finally {
      await other.close();
    }
  });

  it('must fire: with the stamp frozen the same reads are stale, so the comparison above would catch a missed write', async () => {
    const frozen: Workspace = Object.assign(Object.create(ws) as Workspace, { dataVersion: () => Promise.resolve('frozen') });
    const first = (await scoredInventory(frozen)).findings;
    const top = first[0];
    if (top === undefined) throw new Error('no findings');
    await ws.findings.setStatus(top.id, { status: 'mitigated', by: 'nurse' });
    const stale = (await scoredInventory(frozen)).findings.find((f) => f.id === top.id);
    expect(stale?.status).toBe(top.status);
    // The real stamp moved: the real workspace sees the change at once.
    const fresh = (await findingsList(ws, {})).find((f) => f.id === top.id);
    expect(fresh?.status).toBe('mitigated');
    expect(fresh?.risk?.score).not.toBe(top.risk?.score);
  });

  it('must not fire: reads with nothing written reuse one computation', async () => {
    await findingsList(ws, {});
    const builds = scoredCacheStats.builds;
    for (let i = 0; i < 5; i++) {
      await findingsList(ws, {});
      await pageDevices(ws, { limit: 2 });
    }
    expect(scoredCacheStats.builds).toBe(builds);
    // Reads in parallel on a cold cache share one build.
    await ws.findings.setStatus((await ws.findings.list())[0]?.id ?? '', { status: 'acknowledged', by: 'nurse' });
    await Promise.all([findingsList(ws, {}), findingsList(ws, {}), pageDevices(ws, { limit: 3 })]);
    expect(scoredCacheStats.builds).toBe(builds + 1);
  });

  it('a new day recomputes: an acceptance that ends today reads as open tomorrow', async () => {
    const f = (await ws.findings.list())[0];
    if (f === undefined) throw new Error('no findings');
    await ws.findings.setStatus(f.id, { status: 'risk-accepted', by: 'nurse', reason: 'r', owner: 'o', expires: '2026-11-20' });
    expect((await findingsList(ws, {})).find((x) => x.id === f.id)?.status).toBe('risk-accepted');
    const builds = scoredCacheStats.builds;
    vi.setSystemTime(Date.parse('2026-11-20T23:59:00.000Z'));
    expect((await findingsList(ws, {})).find((x) => x.id === f.id)?.status).toBe('risk-accepted');
    expect(scoredCacheStats.builds).toBe(builds); // same day: reused
    vi.setSystemTime(Date.parse('2026-11-21T00:00:01.000Z'));
    expect((await findingsList(ws, {})).find((x) => x.id === f.id)?.status).toBe('open');
    await expectSameAsUncached();
  });

  it('an edited weights file recomputes; a bad one stops with its error', async () => {
    const file = join(dir, 'weights.json');
    writeFileSync(file, JSON.stringify({ kev: 10 }));
    await expectSameAsUncached(file);
    const score = (await findingsList(ws, { weightsFile: file }))[0]?.risk?.score;
    writeFileSync(file, JSON.stringify({ levels: { critical: 99, high: 98, medium: 97, low: 96 }, base: { cvssPoints: 1 } }));
    await expectSameAsUncached(file);
    expect((await findingsList(ws, { weightsFile: file }))[0]?.risk?.score).not.toBe(score);
    writeFileSync(file, '{ not json');
    await expect(findingsList(ws, { weightsFile: file })).rejects.toThrow(/not valid JSON/);
    rmSync(file);
    await expect(findingsList(ws, { weightsFile: file })).rejects.toThrow(/cannot read/);
  });

  it('nothing read inside a transaction is kept: a rolled-back write is not served afterwards', async () => {
    const f = (await ws.findings.list())[0];
    if (f === undefined) throw new Error('no findings');
    await expect(ws.transaction(async () => {
      await ws.findings.setStatus(f.id, { status: 'mitigated', by: 'nurse' });
      expect(await ws.dataVersion()).toBeNull();
      expect((await findingsList(ws, {})).find((x) => x.id === f.id)?.status).toBe('mitigated');
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect((await findingsList(ws, {})).find((x) => x.id === f.id)?.status).toBe(f.status);
    await expectSameAsUncached();
  });
});
