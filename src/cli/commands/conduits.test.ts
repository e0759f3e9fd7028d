/** `wardwatch conduits` shows each device's external peers (addresses outside the site) after its conduits, table and JSON. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../identify/knowledge/load-kb.js';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { InventoryCollector } from '../../pipeline/inventory-collector.js';
import { flowOf, recordOf, syn, T0 } from '../../pipeline/test-support/collector-input.js';
import { runMain } from '../test-support/run-main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-conduits-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const db = path.join(dir, 'peers.db');
const ROUTER = 'fc:58:9a:00:00:01';
const CT = { mac: '00:09:fb:00:00:21', ip: '10.20.20.21' };
const PACS = { mac: '00:50:56:00:00:10', ip: '10.20.10.10' };

beforeAll(async () => {
  const inv = await SqliteInventory.open(db);
  const collector = new InventoryCollector(inv, loadKnowledgeBase(), ['test.pcap']);
  collector.record(recordOf({ proto: 'tls', kind: 'client-hello', src: CT.ip, dst: '203.0.113.5', srcMac: CT.mac, dstMac: ROUTER, sni: 'cloud.vendor.example' }));
  collector.flow(flowOf({ src: CT.ip, dst: '203.0.113.5', dport: 443, app: 'tls', srcMac: CT.mac, dstMac: ROUTER, syn: syn(64) }));
  collector.flow(flowOf({ src: CT.ip, dst: PACS.ip, dport: 104, app: 'dicom', srcMac: CT.mac, dstMac: PACS.mac, syn: syn(64) }));
  await collector.finish(new Date(T0 + 60_000));
  await inv.close();
});

interface Peer { deviceId: string; peerIp: string; serverName: string | null; direction: string; port: number | null; deviceZone: string }

describe('conduits with external peers', () => {
  it('JSON: the conduits between devices, then the external peers, each with its device\'s zone', async () => {
    const r = await runMain(['conduits', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { conduits: { serverIp: string }[]; externalPeers: Peer[] };
    expect(out.conduits.map((c) => c.serverIp)).toEqual([PACS.ip]);
    expect(out.externalPeers).toEqual([expect.objectContaining({ peerIp: '203.0.113.5', serverName: 'cloud.vendor.example', direction: 'out', port: 443, deviceZone: expect.any(String) as string })]);
  });

  it('table: an external peers section naming the peer; none for a device without any', async () => {
    const all = await runMain(['conduits', '--db', db]);
    expect(all.stdout).toMatch(/external peers/);
    expect(all.stdout).toMatch(/to\s+203\.0\.113\.5\s+cloud\.vendor\.example\s+tcp\/443 \(tls\)/);
    const pacs = await runMain(['conduits', '--db', db, '--device', PACS.ip]);
    expect(pacs.stdout).not.toMatch(/external peers/);
    const json = JSON.parse((await runMain(['conduits', '--db', db, '--device', PACS.ip, '--format', 'json'])).stdout) as { externalPeers: Peer[] };
    expect(json.externalPeers).toEqual([]);
  });
});
