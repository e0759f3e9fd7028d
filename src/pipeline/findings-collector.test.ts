/** FindingsCollector: hosts resolved to devices, medical-only kinds, remote sessions and always-on, bounded memory. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../capture/flow-json.js';
import type { ProtocolRecord } from '../decode/types.js';
import type { FindingsRepository } from '../findings/findings-repository.js';
import { defaultSite } from '../findings/site.js';
import type { FindingInput, RemoteSession } from '../findings/types.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { DeviceJson } from '../inventory/types.js';
import { FindingsCollector, MAX_AGGREGATES } from './findings-collector.js';

const T0 = Date.parse('2024-03-04T08:00:00Z');
const H = 3_600_000;

function device(id: string, ip: string, category: DeviceJson['category']): DeviceJson {
  return {
    id, mac: null, ips: [ip], hostnames: [], vendor: null, model: null, type: null, category, os: { name: null, version: null, label: null, endOfLife: null },
    firmware: null, protocols: [], dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null }, hl7: { applications: [], facilities: [], versions: [] },
    location: null, department: null, assetTag: null, owner: null, serial: null, supportEnd: null, supportStatus: null, confidence: 1,
    firstSeen: new Date(T0).toISOString(), lastSeen: new Date(T0).toISOString(), retiredAt: null, evidence: [], risk: null,
  };
}

/** Only the calls the collector makes; anything else would be a bug in the test. */
function fakes(devices: DeviceJson[]): { inventory: InventoryRepository; store: FindingsRepository & { recordSessions(s: readonly RemoteSession[]): Promise<number> }; upserted: FindingInput[]; sessions: RemoteSession[] } {
  const upserted: FindingInput[] = [];
  const sessions: RemoteSession[] = [];
  const inventory = {
    findDevices: (q: { ip?: string }) => Promise.resolve(devices.filter((d) => q.ip !== undefined && d.ips.includes(q.ip)).map((d) => ({ device: d, matchedOn: ['ip' as const] }))),
    getDevice: (id: string) => Promise.resolve(devices.find((d) => d.id === id) ?? null),
    listDevices: () => Promise.resolve(devices),
  } as unknown as InventoryRepository;
  const store = {
    upsert: (inputs: readonly FindingInput[]) => { upserted.push(...inputs); return Promise.resolve({ created: inputs.length, updated: 0 }); },
    closeStale: () => Promise.resolve(0),
    recordSessions: (s: readonly RemoteSession[]) => { sessions.push(...s); return Promise.resolve(s.length); },
  } as unknown as FindingsRepository & { recordSessions(s: readonly RemoteSession[]): Promise<number> };
  return { inventory, store, upserted, sessions };
}

function login(i: number): ProtocolRecord {
  return { ts: new Date(T0 + i).toISOString(), proto: 'telnet', kind: 'login', actor: 'client', src: '10.250.0.1', sport: 50000, dst: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, dport: 23, user: 'admin', success: true, defaultCredential: false };
}

function flow(over: Partial<FlowJson>): FlowJson {
  return { proto: 'tcp', src: '10.20.20.21', sport: 50000, dst: '203.0.113.5', dport: 5938, vlan: null, first: new Date(T0).toISOString(), last: new Date(T0 + H).toISOString(), packetsOut: 10, bytesOut: 1000, packetsIn: 10, bytesIn: 2000, state: 'closed', app: null, srcMac: null, dstMac: null, ...over };
}

describe('FindingsCollector', () => {
  it('aggregates repeated hits into one finding with counts, and drops medical-only kinds on IT devices', async () => {
    const f = fakes([device('sw', '10.0.0.1', 'network'), device('mon', '10.20.30.5', 'patient-monitoring'), device('ws', '10.20.40.57', 'it')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    for (let i = 0; i < 3; i++) c.record({ ...login(0), dst: '10.0.0.1', ts: new Date(T0 + i * 1000).toISOString() });
    c.flow(flow({ src: '10.20.40.57', dst: '10.20.30.5', dport: 80, app: 'http' }));
    c.flow(flow({ src: '10.20.30.5', dst: '10.0.0.1', dport: 22, app: 'ssh' })); // management of a switch: not a medical device
    const r = await c.finish();
    expect(r.unresolvedHosts).toBe(0);
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key} ${i.count ?? 1}`).sort()).toEqual(['mon exposed-management http/80 1', 'sw cleartext-credentials telnet:admin 3']);
    const telnet = f.upserted.find((i) => i.kind === 'cleartext-credentials');
    expect(telnet).toMatchObject({ firstSeenMs: T0, lastSeenMs: T0 + 2000, facts: { peers: ['10.250.0.1'] } });
  });

  it('records each remote session and flags a chain of 8 h as always on', async () => {
    const f = fakes([device('ct', '10.20.20.21', 'imaging')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    for (let k = 0; k < 9; k++) c.flow(flow({ first: new Date(T0 + k * H).toISOString(), last: new Date(T0 + (k + 1) * H - 60_000).toISOString() }));
    await c.finish();
    expect(f.sessions).toHaveLength(9);
    expect(f.sessions.every((s) => s.alwaysOn && s.deviceId === 'ct' && s.service === 'teamviewer/5938' && s.bytes === 3000)).toBe(true);
    const ra = f.upserted.find((i) => i.kind === 'remote-access');
    expect(ra).toMatchObject({ key: 'teamviewer', severity: 'critical', count: 9, title: 'Remote access: TeamViewer (always on)' });
    expect(ra?.evidence.some((e) => /always on/.test(e))).toBe(true);
  });

  it('keeps memory bounded: distinct aggregates stop at the cap and are counted as dropped', async () => {
    const f = fakes([]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    for (let i = 0; i < MAX_AGGREGATES + 25; i++) c.record(login(i));
    const r = await c.finish();
    expect(r.dropped).toBe(25);
    expect(r.unresolvedHosts).toBe(MAX_AGGREGATES);
    expect(f.upserted).toEqual([]);
  });
});

describe('FindingsCollector ownership', () => {
  it('a cleartext login to an internet server is the internal client\'s finding', async () => {
    const f = fakes([device('ws', '192.168.0.4', 'it'), device('web', '192.254.189.169', 'unknown')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.record({ ts: new Date(T0).toISOString(), proto: 'http', kind: 'request', src: '192.168.0.4', sport: 40000, dst: '192.254.189.169', dport: 80, authScheme: 'Basic', authUser: 'test', authDefaultCredential: false, host: 'example.net' });
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`)).toEqual(['ws cleartext-credentials http-basic:test']);
    expect(f.upserted[0]?.facts?.peers).toEqual(['192.254.189.169']);
  });
});
