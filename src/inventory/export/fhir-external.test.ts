/**
 * The FHIR export from a real ingest: every Device names its manufacturer wherever the inventory knows the vendor
 * (classified from the wire, or a person's value), and the addresses outside the site's networks the devices talked
 * to are no Device resources.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../identify/knowledge/load-kb.js';
import { InventoryCollector } from '../../pipeline/inventory-collector.js';
import { flowOf, recordOf, syn, T0 } from '../../pipeline/test-support/collector-input.js';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { toFhirBundle } from './fhir-device.js';
import type { FhirDevice } from './fhir-types.js';

const ROUTER = 'fc:58:9a:00:00:01';
const CT = { mac: '00:09:fb:00:00:21', ip: '10.20.20.21' };
const PACS = { mac: '00:50:56:00:00:10', ip: '10.20.10.10' };
const EXTERNAL = ['203.0.113.5', '198.51.100.7'];

let inv: SqliteInventory;
beforeEach(async () => { inv = await SqliteInventory.open(':memory:'); });
afterEach(async () => { await inv.close(); });

async function exported(): Promise<FhirDevice[]> {
  const collector = new InventoryCollector(inv, loadKnowledgeBase(), ['test.pcap']);
  collector.record(recordOf({ proto: 'dicom', kind: 'command', src: CT.ip, dst: PACS.ip, dport: 104, srcMac: CT.mac, dstMac: PACS.mac, command: 'C-STORE-RQ',
    dataset: { manufacturer: 'GE MEDICAL SYSTEMS', modelName: 'Revolution EVO', modality: 'CT' } }));
  collector.flow(flowOf({ src: CT.ip, dst: PACS.ip, dport: 104, app: 'dicom', srcMac: CT.mac, dstMac: PACS.mac, syn: syn(64) }));
  collector.flow(flowOf({ src: CT.ip, dst: EXTERNAL[0] ?? '', dport: 443, app: 'tls', srcMac: CT.mac, dstMac: ROUTER, syn: syn(64), synAck: syn(52) }));
  collector.flow(flowOf({ src: EXTERNAL[1] ?? '', dst: PACS.ip, dport: 22, srcMac: ROUTER, dstMac: PACS.mac, syn: syn(48) }));
  await collector.finish(new Date(T0 + 60_000));
  const pacs = (await inv.listDevices()).find((d) => d.mac === PACS.mac);
  await inv.setManualValue(pacs?.id ?? '', 'vendor', 'Sectra', 'biomed', 'import');
  // The FHIR export takes retired devices too (as inactive).
  return toFhirBundle(await inv.listDevices({ includeRetired: true }), { generatedAt: new Date(T0) }).entry.map((e) => e.resource);
}

const addressesOf = (d: FhirDevice): string[] => (d.identifier ?? []).filter((i) => i.use === 'temp').map((i) => i.value ?? '');

describe('FHIR export of an ingest', () => {
  it('names the manufacturer wherever the inventory knows the vendor', async () => {
    const resources = await exported();
    const devices = await inv.listDevices({ includeRetired: true });
    expect(devices.filter((d) => d.vendor !== null).length).toBeGreaterThanOrEqual(2);
    for (const d of devices) {
      const r = resources.find((x) => addressesOf(x).some((ip) => d.ips.includes(ip)) || (x.identifier ?? []).some((i) => i.value === d.mac));
      expect(r?.manufacturer ?? null).toBe(d.vendor);
    }
    expect(resources.find((r) => addressesOf(r).includes(CT.ip))?.manufacturer).toBe('GE Healthcare');
    expect(resources.find((r) => addressesOf(r).includes(PACS.ip))?.manufacturer).toBe('Sectra');
  });

  it('makes no Device of an external peer', async () => {
    const resources = await exported();
    const addresses = resources.flatMap(addressesOf);
    expect(addresses).toContain(CT.ip);
    for (const ip of EXTERNAL) expect(addresses).not.toContain(ip);
    expect((await inv.externalPeers()).map((p) => p.peerIp).sort()).toEqual([...EXTERNAL].sort());
  });
});
