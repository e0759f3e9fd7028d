/** `devices --format json` (docs/architecture.md devices[]): the spliced export equals the devices read and serialised whole. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs, seen, T0 } from '../../inventory/test-support/batch.js';
import { writeDevicesJson } from './devices.js';

async function exported(inv: SqliteInventory): Promise<{ text: string; json: unknown }> {
  const listed = (await inv.listDevicesForExport()).map((d) => ({ ...d, risk: null }));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeDevicesJson(listed, (ids) => inv.deviceLines(ids), out);
  out.end();
  const text = Buffer.concat(chunks).toString();
  return { text, json: JSON.parse(text) as unknown };
}

describe('devices JSON export', () => {
  it('equals listDevices serialised whole, in chunks, with awkward text and devices without evidence', async () => {
    const inv = await SqliteInventory.open(':memory:');
    try {
      // User text that looks like the splice point, quotes, non-ASCII (bytes, not UTF-16 units) and many devices.
      const odd = '"evidence":[],"risk":"x" \u00e9\u{1f600} \\ "';
      await inv.ingest(batch(
        [obs(key('02:00:00:00:00:01', '10.0.0.1'), 'hostname', odd, T0), obs(key('02:00:00:00:00:01', '10.0.0.1'), 'vendor', 'GE \u00c9', T0, { confidence: 0.95 }),
          ...Array.from({ length: 1200 }, (_, i) => obs(key(null, `10.1.${String(i >> 8)}.${String(i & 255)}`), 'vendor', `V${String(i)}`.repeat(400), T0 + i))],
        [seen(key(null, '10.0.0.9'), ['dicom'], T0)],
      ));
      const slow = await inv.listDevices();
      const { text, json } = await exported(inv);
      expect(slow.length).toBeGreaterThan(1000);
    expect(json).toEqual({ devices: slow });
      expect(text.split('\n')).toHaveLength(slow.length + 3);
      expect(slow.some((d) => d.evidence.length === 0)).toBe(true);
      // The second run reads the cache the first one filled: same bytes.
      expect((await exported(inv)).text).toBe(text);
    } finally {
      await inv.close();
    }
  });

  it('puts in what is computed on read, and stays valid JSON when devices go between listing and writing', async () => {
    const inv = await SqliteInventory.open(':memory:');
    try {
      await inv.ingest(batch(Array.from({ length: 3 }, (_, i) => obs(key(null, `10.2.0.${String(i)}`), 'vendor', `V${String(i)}`, T0 + i))));
      const listed = (await inv.listDevicesForExport()).map((d) => ({ ...d, risk: null }));
      const risk = { score: 42, level: 'medium' as const, reasons: ['a "quoted" reason'], ssvc: null };
      const scored = listed.map((d, i) => (i === 1 ? { ...d, supportEnd: '2025-01-31', supportStatus: 'ended', risk } : d)) as typeof listed;
      const full = await inv.listDevices();
      const write = async (drop: string | null): Promise<unknown> => {
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        await writeDevicesJson(scored, async (ids) => {
          const lines = new Map(await inv.deviceLines(ids));
          if (drop !== null) lines.delete(drop);
          return lines;
        }, out);
        out.end();
        return JSON.parse(Buffer.concat(chunks).toString()) as unknown;
      };
      const expected = full.map((d, i) => (i === 1 ? { ...d, supportEnd: '2025-01-31', supportStatus: 'ended', risk } : d));
      expect(await write(null)).toEqual({ devices: expected });
      // Merged away meanwhile: the last device, then the first, has no line; no dangling comma either way.
      expect(await write(full[2]?.id ?? '')).toEqual({ devices: expected.slice(0, 2) });
      expect(await write(full[0]?.id ?? '')).toEqual({ devices: expected.slice(1) });
    } finally {
      await inv.close();
    }
  });
});
