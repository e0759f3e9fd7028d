/** FindingsCollector: hosts resolved to devices, medical-only kinds, remote sessions and always-on, bounded memory. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../capture/flow-json.js';
import type { ProtocolRecord } from '../decode/types.js';
import type { FindingsRepository } from '../findings/findings-repository.js';
import { defaultSite } from '../findings/site.js';
import type { FindingInput, RemoteSession } from '../findings/types.js';
import { loadKnowledgeBase } from '../identify/knowledge/load-kb.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { DeviceJson } from '../inventory/types.js';
import { FindingsCollector, MAX_AGGREGATES } from './findings-collector.js';
import { asWireRecord } from '../decode/records.js';

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
    for (let i = 0; i < 3; i++) c.record(asWireRecord({ ...login(0), dst: '10.0.0.1', ts: new Date(T0 + i * 1000).toISOString() }));
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
    for (let i = 0; i < MAX_AGGREGATES + 25; i++) c.record(asWireRecord(login(i)));
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
    c.record(asWireRecord({ ts: new Date(T0).toISOString(), proto: 'http', kind: 'request', src: '192.168.0.4', sport: 40000, dst: '192.254.189.169', dport: 80, authScheme: 'Basic', authUser: 'test', authDefaultCredential: false, host: 'example.net' }));
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`)).toEqual(['ws cleartext-credentials http-basic:test']);
    expect(f.upserted[0]?.facts?.peers).toEqual(['192.254.189.169']);
  });
});

describe('FindingsCollector: findings belong to the site devices', () => {
  const hello = (over: Partial<ProtocolRecord>): ProtocolRecord => ({ ts: new Date(T0).toISOString(), proto: 'tls', kind: 'server-hello', version: 'TLS 1.0', src: '93.184.216.34', sport: 443, dst: '10.20.20.21', dport: 50000, ...over });

  it('must fire: a weak TLS server on the internet is the site client\'s finding; a weak server inside stays its own', async () => {
    const f = fakes([device('ct', '10.20.20.21', 'imaging'), device('web', '93.184.216.34', 'unknown'), device('pacs', '10.20.1.5', 'imaging-infrastructure')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.record(asWireRecord(hello({})));
    c.record(asWireRecord(hello({ src: '10.20.1.5', sport: 8443 })));
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`).sort()).toEqual(['ct weak-tls client:TLS 1.0', 'pacs weak-tls server:TLS 1.0']);
    expect(f.upserted.find((i) => i.deviceId === 'ct')?.facts).toMatchObject({ peers: ['93.184.216.34'], external: true });
    expect(f.upserted.find((i) => i.deviceId === 'pacs')?.facts?.external).toBeUndefined();
  });

  it('must not fire: nothing on an outside host, even one the inventory holds (no client to move it to, or an end-of-life OS)', async () => {
    const web = { ...device('web', '93.184.216.34', 'it'), os: { name: 'Windows', version: '5.1', label: 'Windows XP', endOfLife: true } };
    const f = fakes([web, device('ct', '10.20.20.21', 'imaging')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    // An SMB1 client negotiate from the internet host (no site-side end to move it to).
    c.record({ ts: new Date(T0).toISOString(), proto: 'smb', kind: 'negotiate', smbVersion: 1, dialects: ['NT LM 0.12'], src: '93.184.216.34', sport: 40000, dst: '198.18.0.1', dport: 445 });
    await c.finish();
    expect(f.upserted.filter((i) => i.deviceId === 'web')).toEqual([]);
  });
});

describe('FindingsCollector: SNMP default community', () => {
  const snmp = (over: Partial<ProtocolRecord>): ProtocolRecord => ({ ts: new Date(T0).toISOString(), proto: 'snmp', kind: 'get', version: '2c', community: 'public', defaultCommunity: true, requestId: 5, src: '10.30.0.5', sport: 40161, dst: '10.20.30.7', dport: 161, ...over });

  it('must fire only when the device answered; an unanswered poll raises nothing', async () => {
    const f = fakes([device('pump', '10.20.30.7', 'infusion'), device('ups', '10.20.30.8', 'iot')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.record(asWireRecord(snmp({})));
    c.record(asWireRecord(snmp({ kind: 'response', src: '10.20.30.7', sport: 161, dst: '10.30.0.5', dport: 40161, errorStatus: 0 })));
    c.record(asWireRecord(snmp({ dst: '10.20.30.8', requestId: 6 })));
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`)).toEqual(['pump snmp-default-community snmp:public']);
  });
});

describe('FindingsCollector: exposed management without a site file', () => {
  const web = (src: string): FlowJson => flow({ src, dst: '10.20.30.5', dport: 80, app: 'http' });

  it('must fire for a workstation or a host on another subnet, naming only those clients', async () => {
    const f = fakes([device('mon', '10.20.30.5', 'patient-monitoring'), device('ws', '10.20.30.60', 'it'), device('cs', '10.20.30.9', 'patient-monitoring')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.flow(web('10.20.30.9'));
    c.flow(web('10.20.30.60'));
    c.flow(web('10.20.77.4'));
    await c.finish();
    const [e] = f.upserted;
    expect(f.upserted).toHaveLength(1);
    expect(e).toMatchObject({ deviceId: 'mon', kind: 'exposed-management', key: 'http/80', severity: 'medium', count: 2 });
    expect(e?.facts?.peers).toEqual(['10.20.30.60', '10.20.77.4']);
    expect(e?.evidence.join(' ')).not.toContain('10.20.30.9');
  });

  it('must not fire for a clinical device of the same segment, nor on a device that is not medical', async () => {
    const f = fakes([device('mon', '10.20.30.5', 'patient-monitoring'), device('cs', '10.20.30.9', 'patient-monitoring'), device('prn', '10.20.30.6', 'it')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.flow(web('10.20.30.9'));
    c.flow(flow({ src: '10.20.77.4', dst: '10.20.30.6', dport: 80, app: 'http' }));
    await c.finish();
    expect(f.upserted).toEqual([]);
  });
});

describe('FindingsCollector: internet egress and vendor remote access by name', () => {
  const tlsFlow = (over: Partial<FlowJson>): FlowJson => flow({ dst: '93.184.216.34', dport: 443, app: 'tls', ...over });
  const clientHello = (sni: string, sport = 50000): ProtocolRecord => ({ ts: new Date(T0).toISOString(), proto: 'tls', kind: 'client-hello', version: 'TLS 1.2', sni, alpn: [], src: '10.20.20.21', sport, dst: '93.184.216.34', dport: 443 });
  const kb = loadKnowledgeBase();

  it('must fire: one egress finding per medical device with its peers and names, and a long InSite session is remote access', async () => {
    const f = fakes([device('ct', '10.20.20.21', 'imaging')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite(), kb);
    c.record(asWireRecord(clientHello('insite.gehealthcare.com')));
    c.flow(tlsFlow({}));
    c.record({ ts: new Date(T0).toISOString(), proto: 'dns', kind: 'response', id: 1, qname: 'time.example.org', answers: [{ name: 'time.example.org', type: 'A', ttl: 60, data: '198.18.5.5' }], src: '10.0.0.53', sport: 53, dst: '10.20.20.21', dport: 40000 });
    c.flow(flow({ proto: 'udp', dst: '198.18.5.5', dport: 123, app: 'ntp', state: null }));
    await c.finish();
    const egress = f.upserted.filter((i) => i.kind === 'internet-egress');
    expect(egress).toHaveLength(1);
    expect(egress[0]).toMatchObject({ deviceId: 'ct', key: 'tcp/443', count: 2 });
    expect(egress[0]?.evidence.join('\n')).toMatch(/insite\.gehealthcare\.com/);
    expect(egress[0]?.evidence).toContain('reached 198.18.5.5 (time.example.org)');
    const ra = f.upserted.find((i) => i.kind === 'remote-access');
    expect(ra).toMatchObject({ deviceId: 'ct', key: 'vendor-tcp' });
    expect(f.sessions[0]?.peer).toBe('93.184.216.34 (insite.gehealthcare.com: GE InSite)');
  });

  it('must not fire: egress or named remote access on an IT device, a short session to the named host', async () => {
    const f = fakes([device('ws', '10.20.20.21', 'it'), device('ct', '10.20.20.22', 'imaging')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite(), kb);
    c.record(asWireRecord(clientHello('insite.gehealthcare.com')));
    c.flow(tlsFlow({}));
    c.record(asWireRecord({ ...clientHello('insite.gehealthcare.com', 50001), src: '10.20.20.22' }));
    c.flow(tlsFlow({ src: '10.20.20.22', sport: 50001, last: new Date(T0 + 20_000).toISOString() }));
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind}`)).toEqual(['ct internet-egress']);
  });
});

describe('FindingsCollector: credentials sent to the internet', () => {
  it('must fire on the site client: an SMB1 plain-text password or an SNMP community sent to an internet server', async () => {
    const f = fakes([device('ws', '10.20.40.57', 'it')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.record(asWireRecord({ ts: new Date(T0).toISOString(), proto: 'smb', kind: 'session-setup', cleartextPassword: true, accountName: 'svc', src: '10.20.40.57', sport: 40000, dst: '93.184.216.34', dport: 445 }));
    c.record({ ts: new Date(T0).toISOString(), proto: 'snmp', kind: 'get', version: '2c', community: 'n0tDefault', defaultCommunity: false, requestId: 1, src: '10.20.40.57', sport: 40161, dst: '93.184.216.34', dport: 161 });
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`).sort()).toEqual(['ws cleartext-credentials smb:svc', 'ws cleartext-credentials snmp:v2c']);
  });

  it('must not fire on the internet host when it is the client (nothing of the site leaked)', async () => {
    const f = fakes([device('web', '93.184.216.34', 'unknown')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.record(asWireRecord({ ts: new Date(T0).toISOString(), proto: 'smb', kind: 'session-setup', cleartextPassword: true, accountName: 'svc', src: '93.184.216.34', sport: 40000, dst: '198.18.0.7', dport: 445 }));
    await c.finish();
    expect(f.upserted).toEqual([]);
  });
});

describe('FindingsCollector: a web application is not a management console', () => {
  it('must not fire: workstations browsing a PACS or an EHR; must fire: SSH to the same PACS', async () => {
    const f = fakes([device('pacs', '10.20.1.5', 'imaging-infrastructure'), device('ehr', '10.20.1.6', 'clinical-system'), device('ws', '10.20.40.57', 'it')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.flow(flow({ src: '10.20.40.57', dst: '10.20.1.5', dport: 80, app: 'http' }));
    c.flow(flow({ src: '10.20.40.57', dst: '10.20.1.6', dport: 443, app: 'tls' }));
    c.flow(flow({ src: '10.20.40.57', dst: '10.20.1.5', dport: 22, app: 'ssh' }));
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`)).toEqual(['pacs exposed-management ssh/22']);
  });
});

describe('FindingsCollector: one internet-egress finding per device across runs', () => {
  it('keeps the key the device\'s finding already has in the store, whatever service comes first this time', async () => {
    const f = fakes([device('ct', '10.20.20.21', 'imaging')]);
    const old = { key: 'udp/123', firstSeen: '2024-01-01T00:00:00.000Z' };
    const store = { ...f.store, list: () => Promise.resolve([old, { key: 'tcp/443', firstSeen: '2024-02-01T00:00:00.000Z' }]) } as unknown as typeof f.store;
    const c = new FindingsCollector(f.inventory, store, defaultSite());
    c.flow(flow({ dst: '93.184.216.34', dport: 443, app: 'tls' }));
    await c.finish();
    expect(f.upserted.filter((i) => i.kind === 'internet-egress').map((i) => i.key)).toEqual(['udp/123']);
  });
});

describe('FindingsCollector: a session with the internet already open when the capture started', () => {
  it('must fire: internet egress of the site device, though the flow starts from the internet server', async () => {
    const f = fakes([device('ct', '10.20.20.21', 'imaging')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.flow(flow({ src: '93.184.216.34', sport: 443, dst: '10.20.20.21', dport: 50000, app: 'tls', state: 'partial' }));
    await c.finish();
    expect(f.upserted.map((i) => `${i.deviceId} ${i.kind} ${i.key}`)).toEqual(['ct internet-egress tcp/443']);
  });

  it('must not fire: an internet host reaching in to a service of the device is no egress', async () => {
    const f = fakes([device('ct', '10.20.20.21', 'imaging')]);
    const c = new FindingsCollector(f.inventory, f.store, defaultSite());
    c.flow(flow({ src: '93.184.216.34', sport: 50000, dst: '10.20.20.21', dport: 104, app: 'dicom' }));
    await c.finish();
    expect(f.upserted.filter((i) => i.kind === 'internet-egress')).toEqual([]);
  });
});
