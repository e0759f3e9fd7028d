/** The device list's cursor while ingest adds devices between pages: nothing listed twice, nothing present skipped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, serveSample, type Served } from './test-support/server-fixture.js';

interface Page { devices: { id: string }[]; nextCursor: string | null }

let s: Served;
beforeAll(async () => { s = await serveSample(); }, 60_000);
afterAll(async () => { await s.close(); });

async function page(query: string): Promise<Page> {
  const r = await s.app.inject({ url: `/api/devices?${query}`, headers: bearer('viewer') });
  expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  return r.json<Page>();
}

let added = 0;
/** Two devices the wire has just shown, as an ingest run would add them. */
async function ingestTwo(): Promise<void> {
  const t = Date.parse('2024-03-04T09:00:00Z');
  const sightings = [0, 1].map(() => {
    added += 1;
    const n = added.toString(16).padStart(2, '0');
    return { key: { mac: `02:00:00:00:00:${n}`, ip: `10.99.0.${String(added)}` }, protocols: ['dhcp'], firstSeenMs: t, lastSeenMs: t };
  });
  await s.ws.inventory.ingest({ observations: [], sightings });
}

describe('device list pagination', () => {
  it('walks every device once, in id order, while devices are added between pages', async () => {
    const before = (await page('limit=500')).devices.map((d) => d.id);
    expect(before.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page(`limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...p.devices.map((d) => d.id));
      cursor = p.nextCursor;
      pages += 1;
      await ingestTwo();
    } while (cursor !== null && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    for (const id of before) expect(seen).toContain(id);
    // Devices were really added while walking (some land after the cursor and are listed, some before it).
    const after = (await page('limit=500')).devices.map((d) => d.id);
    expect(after.length).toBe(before.length + added);
  });

  it('ends with a null cursor on the last page and filters before paging', async () => {
    const all = await page('limit=500');
    expect(all.nextCursor).toBeNull();
    const imaging = await page('limit=1&category=imaging-infrastructure');
    expect(imaging.devices.every((d) => all.devices.some((x) => x.id === d.id))).toBe(true);
    const filtered = (await page('limit=500&category=imaging-infrastructure')).devices;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.devices.length);
    expect(imaging.nextCursor === null).toBe(filtered.length <= 1);
  });
});

describe('device list filters', () => {
  interface Full { id: string; vendor: string | null; category: string; lastSeen: string; hostnames: string[]; risk: { level: string } | null }
  const list = async (query: string): Promise<Full[]> => (await page(`limit=500&${query}`)).devices as unknown as Full[];

  it('each filter keeps exactly the devices it names', async () => {
    const all = await list('');
    const pick = all.find((d) => d.vendor !== null && d.risk !== null && d.hostnames.length > 0);
    if (pick === undefined || pick.risk === null || pick.vendor === null) throw new Error('the sample lacks a named, scored device');
    const ids = (ds: readonly Full[]): string[] => ds.map((d) => d.id);
    const checks: [string, (d: Full) => boolean][] = [
      [`vendor=${encodeURIComponent(pick.vendor.toUpperCase())}`, (d) => d.vendor?.toLowerCase() === pick.vendor?.toLowerCase()],
      [`category=${pick.category}`, (d) => d.category === pick.category],
      [`zone=${pick.category}`, (d) => d.category === pick.category],
      [`risk=${pick.risk.level}`, (d) => d.risk?.level === pick.risk?.level],
      [`seenSince=${encodeURIComponent(pick.lastSeen)}`, (d) => d.lastSeen >= pick.lastSeen],
      [`q=${encodeURIComponent(pick.hostnames[0] ?? '')}`, (d) => d.hostnames.some((h) => h.toLowerCase().includes((pick.hostnames[0] ?? '').toLowerCase())) || d.id === pick.id],
    ];
    for (const [query, keep] of checks) {
      const got = await list(query);
      expect(ids(got), query).toEqual(ids(all.filter(keep)));
      expect(ids(got), query).toContain(pick.id);
    }
    // And they narrow: at least one filter leaves devices out (else the test could not fail on a filter doing nothing).
    expect((await list(`category=${pick.category}&risk=${pick.risk.level}`)).length).toBeLessThan(all.length);
  });
});
