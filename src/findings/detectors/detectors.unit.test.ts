/** Flow and profile detectors, outdated stacks and secrets, on hand-made inputs. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../../capture/flow-json.js';
import type { ProtocolRecord } from '../../decode/types.js';
import type { DeviceJson } from '../../inventory/types.js';
import { defaultSite, parseSite } from '../site.js';
import { eolOsFinding } from './eol-os.js';
import { exposureHits } from './exposure.js';
import type { Hit } from './hit.js';
import { recordHits } from './record-hits.js';
import { chainStats, isAlwaysOn, remoteSession, serviceOfSni } from './remote-access.js';
import { MAX_SESSIONS, SessionBook } from './session-book.js';
import { outdatedDicomStack, versionParts } from './stacks.js';
import { corpusPath } from '../../test-support/test-data.js';
import { SHIPPED_DEPS } from '../../decode/test-support/deps.js';
import { asWireRecord } from '../../decode/records.js';

const T = '2024-03-04T08:00:00.000Z';

function flow(over: Partial<FlowJson>): FlowJson {
  return { proto: 'tcp', src: '10.20.40.57', sport: 50000, dst: '10.20.30.5', dport: 80, vlan: null, first: T, last: T, packetsOut: 5, bytesOut: 500, packetsIn: 5, bytesIn: 900, state: 'closed', app: 'http', srcMac: null, dstMac: null, ...over };
}

function rec(over: Partial<ProtocolRecord>): ProtocolRecord {
  return { ts: T, proto: 'dicom', kind: 'associate-rq', src: '10.0.0.1', sport: 40000, dst: '10.0.0.2', dport: 104, ...over };
}

const hits = (f: FlowJson, site = defaultSite()): Hit[] => {
  const out: Hit[] = [];
  exposureHits(f, site, out);
  return out;
};

describe('exposed management', () => {
  it('no management zone: an internal client is left to the end-of-run judgement, saying why', () => {
    const [h] = hits(flow({}));
    expect(h).toMatchObject({ ip: '10.20.30.5', kind: 'exposed-management', key: 'http/80', severity: 'medium', medicalOnly: true, judgeClient: { ip: '10.20.40.57' } });
    expect(h?.detail).toMatch(/no management zone configured/);
  });

  it('with a zone: from the zone nothing, from elsewhere medium/high, from the internet critical', () => {
    const site = parseSite({ managementNetworks: ['10.99.0.0/16'] }, 's');
    expect(hits(flow({ src: '10.99.0.4' }), site)).toEqual([]);
    expect(hits(flow({}), site)[0]).toMatchObject({ severity: 'medium' });
    expect(hits(flow({}), site)[0]?.judgeClient).toBeUndefined();
    expect(hits(flow({ app: 'telnet', dport: 23 }), site)[0]?.severity).toBe('high');
    expect(hits(flow({ src: '203.0.113.9', app: 'ssh', dport: 22 }), site)[0]).toMatchObject({ severity: 'critical', facts: { external: true } });
  });

  it('a refused connection is no exposure; egress is no exposure either', () => {
    expect(hits(flow({ app: null, dport: 23, state: 'reset', packetsIn: 1 }))).toEqual([]);
    expect(hits(flow({ dst: '93.184.216.34', dport: 443, app: 'tls' }))).toEqual([]);
  });
});

describe('remote access', () => {
  it('TeamViewer by port or name, AnyDesk, RDP from outside, VPNs, vendor networks', () => {
    const site = parseSite({ vendorNetworks: ['198.51.100.0/24'] }, 's');
    expect(remoteSession(flow({ dst: '203.0.113.5', dport: 5938, app: null }), site, null)).toMatchObject({ ip: '10.20.40.57', peer: '203.0.113.5', service: 'teamviewer/5938', bytes: 1400 });
    expect(serviceOfSni('router12.teamviewer.com')).toBe('teamviewer');
    expect(serviceOfSni('relay-1.net.anydesk.com')).toBe('anydesk');
    expect(serviceOfSni('teamviewer.com.evil.example')).toBeNull();
    expect(remoteSession(flow({ dst: '203.0.113.5', dport: 443, app: 'tls' }), site, 'teamviewer')?.service).toBe('teamviewer/443');
    expect(remoteSession(flow({ src: '203.0.113.5', dst: '10.20.20.21', dport: 3389, app: 'rdp' }), site, null)).toMatchObject({ ip: '10.20.20.21', service: 'rdp/3389' });
    expect(remoteSession(flow({ proto: 'udp', dst: '203.0.113.5', dport: 4500, app: null, state: null }), site, null)?.service).toBe('ipsec/4500');
    expect(remoteSession(flow({ dst: '198.51.100.7', dport: 22, app: 'ssh' }), site, null)?.service).toBe('vendor-tcp/22');
    expect(remoteSession(flow({}), site, null)).toBeNull();
  });

  it('always on: a chain of 8 h, or most of a long capture', () => {
    const h = 3_600_000;
    const chain = chainStats([[0, 3 * h], [3 * h + 60_000, 6 * h], [6 * h + 120_000, 8.5 * h]]);
    expect(chain.longestMs).toBeGreaterThanOrEqual(8 * h);
    expect(isAlwaysOn(chain, 24 * h)).toBe(true);
    expect(isAlwaysOn(chainStats([[0, h]]), 24 * h)).toBe(false);
    expect(isAlwaysOn(chainStats([[0, 0.6 * h], [0.61 * h, 1.5 * h]]), 2 * h)).toBe(true);
    expect(isAlwaysOn(chainStats([[0, 80_000]]), 90_000)).toBe(false);
  });
});

describe('outdated DICOM stacks', () => {
  it('DCMTK before 3.6.7 by implementation version name, with CVEs and the advisory', () => {
    expect(versionParts('366')).toEqual([3, 6, 6]);
    expect(versionParts('3610')).toEqual([3, 6, 10]);
    expect(outdatedDicomStack('OFFIS_DCMTK_366')?.stack.cves).toContain('CVE-2022-2119');
    expect(outdatedDicomStack('OFFIS-DCMTK-311')?.version).toBe('3.1.1');
    expect(outdatedDicomStack('OFFIS_DCMTK_367')).toBeNull();
    expect(outdatedDicomStack('OFFIS_DCMTK_3610')).toBeNull();
    expect(outdatedDicomStack('SYNTH_CT_1')).toBeNull();
    const out: Hit[] = [];
    recordHits(asWireRecord(rec({ implementationVersionName: 'OFFIS_DCMTK_362' })), out);
    expect(out[0]).toMatchObject({ ip: '10.0.0.1', kind: 'outdated-dicom', key: 'OFFIS_DCMTK_362', severity: 'high', facts: { advisoryIds: ['ICSMA-22-174-01'] } });
    expect(out[0]?.evidence).toMatch(/nmap's dicom-ping/);
  });
});

describe('secrets never leave the detectors', () => {
  it('a non-default SNMP community is only "default: no"', () => {
    const out: Hit[] = [];
    recordHits(asWireRecord(rec({ proto: 'snmp', kind: 'get', version: '2c', community: 'Xy!secret-9', defaultCommunity: false, dport: 161 })), out);
    expect(out.map((h) => h.kind)).toEqual(['cleartext-credentials']);
    expect(JSON.stringify(out)).not.toContain('Xy!secret-9');
    expect(out[0]?.evidence).toMatch(/default: no/);
  });
});

describe('end-of-life OS', () => {
  const device = (over: Partial<DeviceJson>): DeviceJson => ({
    id: 'd1', mac: null, ips: ['10.0.0.1'], hostnames: [], vendor: null, model: null, type: null, category: 'imaging',
    os: { name: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', endOfLife: true }, firmware: null, protocols: [],
    dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null }, hl7: { applications: [], facilities: [], versions: [] },
    location: null, department: null, assetTag: null, owner: null, serial: null, supportEnd: null, supportStatus: null, confidence: 0.9,
    firstSeen: T, lastSeen: T, retiredAt: null, evidence: [{ attribute: 'osVersion', value: '6.1.7601', source: 'smb.osVersion', detail: '', confidence: 0.9 }], risk: null, ...over,
  });
  it('high on a medical device, medium on IT, none when supported or unknown', () => {
    expect(eolOsFinding(device({}))).toMatchObject({ kind: 'eol-os', key: 'Windows 7 SP1', severity: 'high', evidence: ["osVersion '6.1.7601' from smb.osVersion"] });
    expect(eolOsFinding(device({ category: 'it' }))?.severity).toBe('medium');
    expect(eolOsFinding(device({ os: { name: 'Windows', version: null, label: null, endOfLife: false } }))).toBeNull();
    expect(eolOsFinding(device({ os: { name: null, version: null, label: null, endOfLife: null } }))).toBeNull();
  });
});

describe('outdated DICOM stack on real DCMTK bytes', () => {
  it('the A-ASSOCIATE-RQ a DCMTK 3.6.2 echoscu sent (corpus aflnet seed) is outdated-dicom', async () => {
    const { readFileSync } = await import('node:fs');
    const { decoders } = await import('../../decode/registry.js');
    const bytes = new Uint8Array(readFileSync(corpusPath('dicom/aflnet_seed_dicom_echo.bin')));
    const dicom = decoders.find((d) => d.name === 'dicom');
    const length = 6 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(2);
    const body = dicom?.decode(bytes.subarray(0, length), { tsMs: Date.parse(T), direction: 'out', src: '10.0.0.1', sport: 40000, dst: '10.0.0.2', dport: 104, state: dicom.createState?.(SHIPPED_DEPS) });
    const rq = body?.records[0];
    expect(rq?.implementationVersionName).toBe('OFFIS_DCMTK_362');
    const out: Hit[] = [];
    if (rq !== undefined) recordHits(asWireRecord({ ...rq, ts: T, proto: 'dicom', src: '10.0.0.1', sport: 40000, dst: '10.0.0.2', dport: 104 }), out);
    expect(out.map((h) => `${h.kind} ${h.key}`)).toEqual(['outdated-dicom OFFIS_DCMTK_362']);
  });
});

describe('session book', () => {
  it('keeps session times up to a cap and intervals compacted, while totals keep counting', () => {
    const book = new SessionBook(10, 5);
    const n = MAX_SESSIONS + 5000;
    for (let i = 0; i < n; i++) book.add({ ip: '10.0.0.1', mac: null, peer: `203.0.113.${i % 9}`, service: 'teamviewer/5938', startMs: i * 1000, endMs: i * 1000 + 500, bytes: 10 });
    const [g] = [...book.groups()];
    expect(g?.total).toBe(n);
    expect(g?.bytes).toBe(10 * n);
    expect(g?.sessions).toHaveLength(MAX_SESSIONS);
    expect(g?.peers.size).toBe(5);
    expect(g?.intervals.length).toBeLessThanOrEqual(2048);
    expect(chainStats(g?.intervals ?? []).longestMs).toBe((n - 1) * 1000 + 500);
  });
});

describe('DICOM user identity with a default passcode', () => {
  const identity = { userIdentity: 'root', userIdentityType: 2, callingAeTitle: 'MODALITY', calledAeTitle: 'PACS' };
  const found = (over: Partial<ProtocolRecord>): string[] => {
    const out: Hit[] = [];
    recordHits(asWireRecord(rec({ ...identity, ...over })), out);
    return out.map((h) => `${h.ip} ${h.kind} ${h.key} ${h.severity}`);
  };

  it('the decoder said default: a critical default-credentials finding on the called device, next to the cleartext one', () => {
    expect(found({ defaultCredential: true })).toEqual(['10.0.0.2 cleartext-credentials dicom:root high', '10.0.0.2 default-credentials dicom:root critical']);
  });

  it('not a default, no verdict, or no passcode at all: only the cleartext finding', () => {
    expect(found({ defaultCredential: false })).toEqual(['10.0.0.2 cleartext-credentials dicom:root high']);
    expect(found({})).toEqual(['10.0.0.2 cleartext-credentials dicom:root high']);
    expect(found({ userIdentityType: 1, defaultCredential: true })).toEqual(['10.0.0.2 cleartext-credentials dicom:root low']);
  });
});
