/**
 * The cached evidence arrays (migration 0007) and listing lines (0008) always equal what the rows say:
 * after ingests, merges, re-classification, manual values and retirement, with the write lock held elsewhere too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceProfile, Evidence } from '../../../identify/types.js';
import { batch, key, obs, profile, seen, T0 } from '../../../inventory/test-support/batch.js';
import type { DeviceJson, EvidenceJson } from '../../../inventory/types.js';
import { SqliteInventory } from './sqlite-inventory.js';

const HOUR = 3_600_000;
const mac = (i: number): string => `02:00:00:00:00:${i.toString(16).padStart(2, '0')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'ww-evjson-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

let file: string;
let inv: SqliteInventory;
beforeEach(async () => {
  file = path.join(dir, `${String(Date.now())}-${String(Math.random()).slice(2)}.db`);
  inv = await SqliteInventory.open(file);
});
afterEach(async () => { await inv.close(); });

/** Every array built the slow way, from the rows: strongest first, then most often seen, then oldest row. */
function reference(): Map<string, EvidenceJson[]> {
  const raw = new Database(file, { readonly: true });
  type Row = EvidenceJson & { deviceId: string; count: number; id: number };
  const rows = raw.prepare('SELECT id, device_id AS deviceId, attribute, value, source, detail, confidence, "count" FROM device_evidence').all() as Row[];
  raw.close();
  rows.sort((a, b) => b.confidence - a.confidence || b.count - a.count || a.id - b.id);
  const byDevice = new Map<string, EvidenceJson[]>();
  for (const { deviceId, attribute, value, source, detail, confidence } of rows) {
    byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), { attribute, value, source, detail, confidence }]);
  }
  return byDevice;
}

/** The listing, the export's cached lines (risk added back as null) and the reference agree device by device. */
async function expectCurrent(includeRetired = false): Promise<DeviceJson[]> {
  const slow = await inv.listDevices({ includeRetired });
  const rows = await inv.listDevicesForExport({ includeRetired });
  // What risk reads, from the devices table alone, equals the same fields of the full read.
  expect(rows).toEqual(slow.map(({ id, vendor, model, type, category, os, supportEnd, supportStatus }) => ({ id, vendor, model, type, category, os, supportEnd, supportStatus })));
  const lines = await inv.deviceLines(rows.map((d) => d.id));
  const parsed = rows.map((d) => ({ ...(JSON.parse(lines.get(d.id)?.toString() ?? 'null') as DeviceJson), risk: null }));
  expect(parsed).toEqual(slow);
  const ref = reference();
  for (const d of slow) expect(d.evidence).toEqual(ref.get(d.id) ?? []);
  return slow;
}

const countOf = async (table: 'device_evidence_json' | 'device_lines'): Promise<number> =>
  Number((await inv.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const cached = (): Promise<number> => countOf('device_evidence_json');
const lines = (): Promise<number> => countOf('device_lines');

function classify(evidence: Evidence[]): DeviceProfile {
  const extra: Evidence[] = evidence.length === 0 ? [] : [{ ...evidence[0] as Evidence, attribute: 'type', value: 'box', source: 'rule.toy', detail: 'toy', confidence: 0.5 }];
  return profile({ type: extra.length > 0 ? 'box' : null, evidence: [...evidence, ...extra] });
}

describe('cached evidence arrays and listing lines', () => {
  it('stay equal to the evidence rows through ingests, merges, re-classification, manual values and retirement', async () => {
    // Ties in confidence and count: the row order decides, as in the arrays built by SQL.
    await inv.ingest(batch(
      Array.from({ length: 12 }, (_, i) => [obs(key(mac(i), `10.0.0.${String(i)}`), 'vendor', 'GE', T0 + i), obs(key(mac(i), `10.0.0.${String(i)}`), 'hostname', `h${String(i)}`, T0 + i, { confidence: 0.9 })]).flat(),
      [...Array.from({ length: 12 }, (_, i) => seen(key(mac(i), `10.0.0.${String(i)}`), ['dhcp'], T0 + i)), seen(key(null, '10.0.9.9'), ['dicom'], T0)],
    ));
    await inv.ingest(batch([obs(key(null, '10.0.9.9'), 'aeTitle', 'PACS1', T0), obs(key(mac(20), null), 'vendor', 'Old', T0 - 90 * 24 * HOUR)]));
    await expectCurrent();
    const total = (await inv.listDevices({ includeRetired: true })).length;
    expect(await cached()).toBe(total);
    expect(await lines()).toBe(total);

    // More of one fact reorders its device's array: its cache row must go.
    await inv.ingest(batch([obs(key(mac(3), '10.0.0.3'), 'hostname', 'h3', T0 + HOUR), obs(key(mac(3), '10.0.0.3'), 'hostname', 'h3', T0 + HOUR)]));
    expect(await cached()).toBe(total - 1);
    expect(await lines()).toBe(total - 1);
    await expectCurrent();

    // The IP-only device turns out to be mac(5): its evidence moves in a merge.
    await inv.ingest(batch([obs(key(mac(5), '10.0.9.9'), 'vendor', 'Agfa', T0 + 2 * HOUR, { confidence: 0.99 })], [seen(key(mac(5), '10.0.9.9'), ['dicom'], T0 + 2 * HOUR)]));
    const merged = await expectCurrent();
    expect(merged.find((d) => d.mac === mac(5))?.evidence.map((e) => e.attribute)).toEqual(['vendor', 'vendor', 'hostname', 'aeTitle']);

    const ids = merged.map((d) => d.id);
    await inv.reclassify(ids, classify, T0 + 3 * HOUR);
    // The end of an ingest run leaves every line built.
    expect(await lines()).toBe((await inv.listDevices({ includeRetired: true })).length);
    await inv.setManualValue(ids[2] ?? '', 'location', 'ICU bed 4', 'biomed', 'user', T0 + 3 * HOUR);
    expect(await lines()).toBe((await inv.listDevices({ includeRetired: true })).length - 1);
    expect((await expectCurrent()).find((d) => d.id === ids[2])?.location).toBe('ICU bed 4');
    await inv.setManualValue(ids[0] ?? '', 'hostname', 'Person says', 'biomed', 'user', T0 + 3 * HOUR);
    await inv.applyProfile(ids[1] ?? '', profile({ evidence: [{ attribute: 'model', value: 'X1', source: 'rule.toy', detail: 'toy', confidence: 1, tsMs: T0 }] }), T0 + 4 * HOUR);
    await expectCurrent();
    expect(await inv.retireUnseen(30, T0 + 5 * HOUR)).toBeGreaterThan(0);
    const live = await expectCurrent();
    const all = await expectCurrent(true);
    expect(all.length).toBeGreaterThan(live.length);
  });

  it('are built for the run without waiting when another process holds the write lock', async () => {
    await inv.ingest(batch([obs(key(mac(1), '10.0.0.1'), 'vendor', 'GE', T0)]));
    const before = await expectCurrent();
    const other = new Database(file);
    other.prepare("INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count) VALUES (?, 'model', 'M', 's', 'd', 1, 'x', 'x', 1)").run(before[0]?.id);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const stale = await expectCurrent();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(stale[0]?.evidence.map((e) => e.attribute)).toEqual(['model', 'vendor']);
      expect(await cached()).toBe(0);
      expect(await lines()).toBe(0);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await expectCurrent();
    expect(await cached()).toBe(1);
    expect(await lines()).toBe(1);
  });
});
