/**
 * Which device a finding lands on when its address is no device: an address outside the site is no device and the MAC
 * it came with is the gateway's, so the finding is not pinned on the router; inside the site, the MAC still names it.
 */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import type { FindingsRepository } from '../findings/findings-repository.js';
import { defaultSite } from '../findings/site.js';
import type { FindingInput } from '../findings/types.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { DeviceJson, DeviceQuery } from '../inventory/types.js';
import { FindingsCollector } from './findings-collector.js';
import { asWireRecord } from '../decode/records.js';

const ROUTER = 'fc:58:9a:00:00:01';
const T0 = Date.parse('2024-03-04T08:00:00Z');

/** The router as the inventory knows it: by MAC, with one address of its own. */
const router = { id: 'router', mac: ROUTER, ips: ['10.20.0.1'], category: 'network', lastSeen: new Date(T0).toISOString() } as unknown as DeviceJson;

function collector(): { c: FindingsCollector; upserted: FindingInput[] } {
  const upserted: FindingInput[] = [];
  const inventory = {
    findDevices: (q: DeviceQuery) => Promise.resolve(q.mac === ROUTER ? [{ device: router, matchedOn: ['mac' as const] }] : []),
    getDevice: (id: string) => Promise.resolve(id === router.id ? router : null),
    listDevices: () => Promise.resolve([]),
  } as unknown as InventoryRepository;
  const store = {
    upsert: (inputs: readonly FindingInput[]) => { upserted.push(...inputs); return Promise.resolve({ created: inputs.length, updated: 0 }); },
    closeStale: () => Promise.resolve(0),
  } as unknown as FindingsRepository;
  return { c: new FindingsCollector(inventory, store, defaultSite()), upserted };
}

/** A server hello choosing TLS 1.0, sent from `src` through the router's MAC. */
function oldTls(src: string): ProtocolRecord {
  return { ts: new Date(T0).toISOString(), proto: 'tls', kind: 'server-hello', src, sport: 443, dst: '10.20.20.21', dport: 50000, srcMac: ROUTER, dstMac: '00:09:fb:00:00:21', version: 'TLS 1.0' };
}

describe('finding owner by MAC', () => {
  it('an external server\'s finding is not pinned on the router whose MAC it came with', async () => {
    const { c, upserted } = collector();
    c.record(asWireRecord(oldTls('203.0.113.5')));
    const r = await c.finish();
    expect(upserted.filter((f) => f.kind === 'weak-tls')).toEqual([]);
    expect(r.unresolvedHosts).toBe(1);
  });

  it('an unknown address inside the site still resolves by the MAC it came with', async () => {
    const { c, upserted } = collector();
    c.record(asWireRecord(oldTls('10.20.0.1')));
    await c.finish();
    expect(upserted.filter((f) => f.kind === 'weak-tls').map((f) => f.deviceId)).toEqual(['router']);
  });
});
