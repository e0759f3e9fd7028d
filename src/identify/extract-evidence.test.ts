/** Evidence extraction on real records from the decoders' fixture captures. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { recordsOf } from '../pipeline/test-support/records-of.js';
import { observationsFromFlow, observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { Observation } from './types.js';
import type { FlowJson } from '../capture/flow-json.js';

const kb = loadKnowledgeBase();
const fixture = (p: string): string => fileURLToPath(new URL(`../decode/${p}`, import.meta.url));

async function obsOf(p: string): Promise<Observation[]> {
  const { records } = await recordsOf(fixture(p));
  return records.flatMap((r) => observationsFromRecord(r, kb));
}

const facts = (obs: Observation[], attr: string): string[] => [...new Set(obs.filter((o) => o.evidence.attribute === attr).map((o) => o.evidence.value))].sort();

describe('observationsFromRecord', () => {
  it('DICOM: the caller AE and implementation from associate-rq, data set attributes from C-STORE', async () => {
    const obs = await obsOf('dicom/fixtures/store-implicit.pcap');
    expect(facts(obs, 'aeTitle').length).toBeGreaterThan(0);
    expect(facts(obs, 'dicomImplementationClassUid').some((u) => u.startsWith('1.2.276.0.7230010.3'))).toBe(true);
    // DCMTK's root is a toolkit: it must not become a vendor.
    expect(obs.filter((o) => o.evidence.attribute === 'vendor' && o.evidence.source === 'dicom.implementationClassUid')).toEqual([]);
    expect(facts(obs, 'firmware').some((f) => f.startsWith('DCMTK'))).toBe(true);
  });

  it('SMB/NTLMSSP: filler versions (Samba 255.255.65535) give no OS; hosts are attributed to the sender', async () => {
    const obs = await obsOf('smb/fixtures/smb2-ntlmssp.pcap');
    expect(facts(obs, 'osName')).toEqual([]);
    expect(facts(obs, 'hostname')).toContain('PkahYzxp');
  });

  it('LLDP: LLDP-MED inventory and the announcing port belong to the announcing MAC', async () => {
    const obs = await obsOf('lldp/fixtures/lldp-peers.pcap');
    const mine = obs.filter((o) => o.key.mac === '32:1c:a1:10:74:5a');
    expect(facts(mine, 'vendor')).toContain('Example Medical');
    expect(facts(mine, 'model')).toContain('InfuGate 300');
    expect(facts(mine, 'serial')).toContain('SN-WARD4-0042');
    expect(facts(mine, 'switchPort').length).toBeGreaterThan(0);
    expect(facts(mine, 'hostname')).toContain('ward4-infugate');
  });

  it('POCT1-A hello, ASTM header and IntelliVue connect indication describe the sender', async () => {
    const poct = await obsOf('poct1a/fixtures/poct1a.pcap');
    expect(facts(poct, 'vendor')).toContain('NOVABIO');
    expect(facts(poct, 'serial')).toContain('0600100736');
    expect(facts(poct, 'category')).toContain('laboratory');
    const astm = await obsOf('astm/fixtures/astm.pcap');
    expect(facts(astm, 'serial')).toContain('AF20052397');
    expect(facts(astm, 'vendor')).toContain('Abbott');
    const iv = await obsOf('intellivue/fixtures/intellivue.pcap');
    expect(facts(iv, 'vendor')).toContain('Philips');
    expect(facts(iv, 'type')).toContain('patient monitor');
  });

  it('HTTP, TLS, SSH, SNMP: client facts on the client, server facts on the server', async () => {
    const http = await obsOf('http/fixtures/http-peers.pcap');
    expect(http.filter((o) => o.evidence.source === 'http.title').every((o) => o.key.ip === '172.31.105.20')).toBe(true);
    expect(facts(http, 'type')).toContain('PACS');
    const tls = await obsOf('tls/fixtures/tls-versions.pcap');
    const fp = tls.filter((o) => o.evidence.attribute === 'tlsClientFingerprint');
    expect(fp.length).toBeGreaterThan(0);
    expect(fp.every((o) => o.key.ip === '172.31.104.10')).toBe(true);
    const ssh = await obsOf('ssh/fixtures/ssh-peers.pcap');
    expect(facts(ssh, 'osLabel')).toContain('Debian');
    const snmp = await obsOf('snmp/fixtures/snmp-peers.pcap');
    expect(facts(snmp, 'hostname')).toContain('ww-fixture-agent');
    expect(facts(snmp, 'osName')).toContain('Linux');
  });

  it('odd records give nothing rather than throwing', () => {
    const base = { ts: 'not a time', src: '', sport: null, dst: '', dport: null };
    for (const proto of ['dicom', 'dhcp', 'hl7', 'http', 'tls', 'smb', 'snmp', 'lldp', 'cdp', 'poct1a', 'astm', 'ssh', 'nbdgm', 'syslog', 'nope']) {
      expect(() => observationsFromRecord({ ...base, proto, kind: 'command', dataset: [1, 2], osVersion: 7, sendingApplication: '^^^' }, kb)).not.toThrow();
    }
  });
});

describe('observationsFromFlow', () => {
  const flow: FlowJson = {
    proto: 'tcp', src: '10.0.0.1', sport: 50000, dst: '10.0.0.2', dport: 445, vlan: null, first: '2024-03-04T08:00:00Z', last: '2024-03-04T08:00:01Z',
    packetsOut: 1, bytesOut: 60, packetsIn: 1, bytesIn: 60, state: 'established', app: null, srcMac: '04:0e:3c:57:07:07', dstMac: '02:00:00:00:00:01',
    syn: { ttl: 125, window: 8192, mss: 1460, windowScale: 8, options: 'mss,nop,ws,nop,nop,sok', ipVersion: 4, ipOptionsLength: 0 },
  };
  it('OUI vendor (low confidence) and the SYN OS guess for the client; nothing from a locally administered MAC', () => {
    const obs = observationsFromFlow(flow, kb);
    const vendor = obs.find((o) => o.evidence.attribute === 'vendor');
    expect(vendor?.evidence.value).toBe('HP');
    expect(vendor?.evidence.confidence).toBeLessThan(0.5);
    expect(obs.filter((o) => o.key.mac === '02:00:00:00:00:01')).toEqual([]);
    const os = obs.find((o) => o.evidence.attribute === 'osName');
    expect(os?.evidence.value).toBe('Windows');
    expect(os?.evidence.detail).toContain('initial 128');
  });
});

describe('HL7 EUI-64 makers', () => {
  const msg = (msh3: string) => ({ ts: '2026-03-02T08:00:00Z', proto: 'hl7', kind: 'message', src: '10.1.1.5', sport: 40000, dst: '10.1.1.9', dport: 2575, srcMac: null, dstMac: null, sendingApplication: msh3, messageType: 'ORU^R01' });
  const vendorOf = (msh3: string) => observationsFromRecord(msg(msh3), kb).find((o) => o.evidence.source === 'hl7.eui64.oui')?.evidence;

  it('must fire: a medical maker\'s EUI-64 names it as strongly as before', () => {
    const e = vendorOf('MON^000F14FFFE123456^EUI-64');
    expect(e?.value).toMatch(/Mindray/i);
    expect(e?.confidence).toBe(0.6);
  });

  it('must not fire: an embedded network module maker\'s EUI-64 (Intel) is as weak as its MAC', () => {
    const e = vendorOf('F2467633^105107FFFEAC7C62^EUI-64');
    expect(e?.confidence).toBe(0.1);
    expect(e?.detail).toContain('network-module maker');
  });
});
