/** Free-text fields of every extractor: the maker each names (with the field's confidence) and the OS it names. */
import { describe, expect, it, vi } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import { classifyDevice } from '../classify.js';
import { observationsFromRecord } from '../extract-evidence.js';
import { loadKnowledgeBase } from '../knowledge/load-kb.js';
import type { Evidence } from '../types.js';
import { nameParts } from './free-text.js';

// os-mentions.ts is filled in elsewhere: here it answers for one marker string, to show what free-text.ts does with it.
vi.mock('../os-mentions.js', () => ({
  osMentions: (text: string, field: string) =>
    text.includes('QNX') ? [{ osName: 'QNX', osVersion: '6.5.0', osLabel: 'QNX Neutrino 6.5', confidence: 0.6, detail: `QNX 6.5.0 in ${field}` }] : [],
}));

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const HOST = { src: '10.1.2.3', sport: 161, dst: '10.9.9.9', dport: 40000, srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02' };
const rec = (proto: string, kind: string, fields: Record<string, unknown>): ProtocolRecord => ({ ts: '2026-03-02T08:00:00Z', proto, kind, ...HOST, ...fields });
const vendors = (r: ProtocolRecord): { value: string; source: string; confidence: number; detail: string }[] =>
  observationsFromRecord(r, kb).filter((o) => o.evidence.attribute === 'vendor' && o.evidence.detail.startsWith('vendor name')).map((o) => ({ value: o.evidence.value, source: o.evidence.source, confidence: o.evidence.confidence, detail: o.evidence.detail }));
const evidenceOf = (...records: ProtocolRecord[]): Evidence[] => records.flatMap((r) => observationsFromRecord(r, kb)).map((o) => o.evidence);

describe('must fire, per field', () => {
  it('SNMP sysDescr names the maker (strong), with the alias and the text in the detail; the OS comes from os-mentions', () => {
    const r = rec('snmp', 'response', { sysDescr: 'QNX mon-x 6.5.0 2010/07/09-14:44:03EDT x86pc (GE Healthcare CARESCAPE B650)' });
    const [v] = vendors(r);
    expect(v).toMatchObject({ value: 'GE Healthcare', source: 'snmp.sysDescr', confidence: 0.7 });
    expect(v?.detail).toContain('"GE Healthcare"');
    expect(v?.detail).toContain('CARESCAPE B650');
    // Only what os-mentions answered (the sysDescr rules of data/snmp-sysdescr.json may add their own OS evidence).
    const os = evidenceOf(r).filter((e) => e.attribute.startsWith('os') && e.detail.includes('in snmp.sysDescr')).map((e) => `${e.attribute}=${e.value} ${e.source} ${e.confidence}`);
    expect(os).toEqual(['osName=QNX snmp.sysDescr 0.6', 'osVersion=6.5.0 snmp.sysDescr 0.6', 'osLabel=QNX Neutrino 6.5 snmp.sysDescr 0.6']);
  });

  it('LLDP and CDP system descriptions, DHCP vendor class, HTTP Server and title', () => {
    expect(vendors(rec('lldp', 'announce', { src: '02:00:00:00:00:01', systemDescription: 'Dräger Infinity Gateway' }))[0]).toMatchObject({ value: 'Dräger', source: 'lldp.systemDescription' });
    expect(vendors(rec('cdp', 'announce', { src: '02:00:00:00:00:01', systemDescription: 'Cisco IOS Software, C2960' }))[0]).toMatchObject({ value: 'Cisco', source: 'cdp.systemDescription' });
    expect(vendors(rec('dhcp', 'request', { clientMac: '02:00:00:00:00:01', vendorClass: 'Mindray BeneVision N17' }))[0]).toMatchObject({ value: 'Mindray', source: 'dhcp.vendorClass', confidence: 0.65 });
    expect(vendors(rec('http', 'response', { server: 'Philips IntelliSpace/4.4' }))[0]).toMatchObject({ value: 'Philips', source: 'http.server' });
    expect(vendors(rec('http', 'response', { title: 'Spacelabs Xhibit Central' }))[0]).toMatchObject({ value: 'Spacelabs Healthcare', source: 'http.title', confidence: 0.55 });
  });

  it('a device application\'s User-Agent may name a medical maker', () => {
    expect(vendors(rec('http', 'request', { userAgent: 'SysmexCaresphere/2.1 (Windows NT 6.1)' }))[0]).toMatchObject({ value: 'Sysmex', source: 'http.userAgent' });
  });

  it('TLS certificate: subject O= strong, CN= below the fill threshold, an issuer CA weak', () => {
    expect(vendors(rec('tls', 'server-hello', { certSubject: 'CN=mon-x, O=GE Healthcare, C=US', certIssuer: 'CN=mon-x, O=GE Healthcare, C=US' }))).toMatchObject([{ value: 'GE Healthcare', source: 'tls.certSubject', confidence: 0.7 }]);
    expect(vendors(rec('tls', 'server-hello', { certSubject: 'CN=Sysmex XN-1000', certIssuer: 'CN=Local CA' }))).toMatchObject([{ value: 'Sysmex', confidence: 0.45 }]);
    expect(vendors(rec('tls', 'server-hello', { certSubject: 'CN=ws01', certIssuer: 'CN=Device CA, O=Koninklijke Philips N.V.' }))).toMatchObject([{ value: 'Philips', source: 'tls.certIssuer', confidence: 0.3 }]);
    expect(vendors(rec('tls', 'server-hello', { certSubject: 'CN=pump, O=Becton, Dickinson and Company, C=US' }))[0]?.value).toBe('BD');
  });

  it('SSH, FTP and Telnet banners of the sender', () => {
    expect(vendors(rec('ssh', 'banner', { software: 'SSH-2.0-Cisco-1.25' }))[0]).toMatchObject({ value: 'Cisco', source: 'ssh.software' });
    expect(vendors(rec('ftp', 'banner', { banner: '220 Siemens Healthineers syngo FTP ready' }))[0]).toMatchObject({ value: 'Siemens Healthineers', source: 'ftp.banner' });
    expect(vendors(rec('telnet', 'banner', { banner: 'Welcome to Nihon Kohden CNS' }))[0]).toMatchObject({ value: 'Nihon Kohden', source: 'telnet.banner' });
  });

  it('HL7 MSH-3 (medium) and MSH-4 (weak); the receiving application names nobody', () => {
    const r = rec('hl7', 'message', { sendingApplication: 'SYSMEX_XN', sendingFacility: 'LAB', receivingApplication: 'DRAEGER_IGS', messageType: 'ORU^R01' });
    expect(vendors(r)).toMatchObject([{ value: 'Sysmex', source: 'hl7.sendingApplication', confidence: 0.55 }]);
    expect(vendors(rec('hl7', 'message', { sendingApplication: 'DRAEGER_IGS^0012345678ABCDEF^EUI-64', messageType: 'ORU^R01' }))[0]?.value).toBe('Dräger');
    expect(vendors(rec('hl7', 'message', { sendingApplication: 'VSP', sendingFacility: 'GE Healthcare', messageType: 'ORU^R01' }))).toMatchObject([{ value: 'GE Healthcare', source: 'hl7.sendingFacility', confidence: 0.3 }]);
  });

  it('DICOM implementation version name; host names only as a weak hint', () => {
    expect(vendors(rec('dicom', 'associate-rq', { callingAeTitle: 'US1', calledAeTitle: 'PACS', implementationClassUid: '1.2.3.4', implementationVersionName: 'ESAOTE_MYLAB' }))[0]).toMatchObject({ value: 'Esaote', source: 'dicom.implementationVersionName' });
    expect(vendors(rec('syslog', 'message', { hostname: 'SYSMEX-XN01' }))).toMatchObject([{ value: 'Sysmex', source: 'syslog.hostname', confidence: 0.25 }]);
    expect(vendors(rec('nbns', 'announce', { hostname: 'DRAEGER-GW1', osVersion: '6.1' }))[0]?.value).toBe('Dräger');
  });
});

describe('must not fire', () => {
  it('a Windows sysDescr, IIS, a browser User-Agent and an OpenSSH banner name no maker', () => {
    expect(vendors(rec('snmp', 'response', { sysDescr: 'Hardware: Intel64 Family 6 Model 60 Stepping 3 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 9600 Multiprocessor Free)' }))).toEqual([]);
    expect(vendors(rec('http', 'response', { server: 'Microsoft-IIS/10.0', title: 'IIS Windows Server' }))).toEqual([]);
    expect(vendors(rec('http', 'request', { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' }))).toEqual([]);
    expect(vendors(rec('ssh', 'banner', { software: 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3' }))).toEqual([]);
  });

  it('an IT maker in a User-Agent or a host name counts for nothing; so does a restricted name in a host name', () => {
    expect(vendors(rec('http', 'request', { userAgent: 'Dell Command Update/4.0' }))).toEqual([]);
    expect(vendors(rec('dhcp', 'request', { clientMac: '02:00:00:00:00:01', hostname: 'DELL-WS12' }))).toEqual([]);
    expect(vendors(rec('dhcp', 'request', { clientMac: '02:00:00:00:00:01', hostname: 'GE' }))).toEqual([]);
  });

  it('a hospital, clinic or university named after a person or place is no maker', () => {
    expect(vendors(rec('hl7', 'message', { sendingApplication: 'LIS', sendingFacility: 'Abbott Northwestern Hospital', messageType: 'ORU^R01' }))).toEqual([]);
    expect(vendors(rec('http', 'response', { title: 'Baxter Regional Medical Center intranet' }))).toEqual([]);
    expect(vendors(rec('tls', 'server-hello', { certSubject: 'CN=portal, O=Stryker University Clinics' }))).toEqual([]);
  });

  it('an internet server\'s certificate, page or banner names no device on the site', () => {
    const internet = { src: '17.253.144.10', srcMac: '02:00:00:00:00:fe' };
    expect(vendors(rec('tls', 'server-hello', { ...internet, certSubject: 'CN=www.apple.com, O=Apple Inc., C=US' }))).toEqual([]);
    expect(vendors(rec('http', 'response', { ...internet, title: 'Philips Healthcare | Home', server: 'Philips' }))).toEqual([]);
    expect(vendors(rec('ssh', 'banner', { ...internet, software: 'SSH-2.0-Cisco-1.25' }))).toEqual([]);
  });

  it('substring traps in certificates and titles', () => {
    expect(vendors(rec('tls', 'server-hello', { certSubject: 'CN=geode.example.org, O=Philipsburg Hospital' }))).toEqual([]);
    expect(vendors(rec('http', 'response', { title: 'BD pump library (GE lighting)' }))).toEqual([]);
  });

  it('a toolkit\'s implementation name is no maker: MergeCOM3, OFFIS_DCMTK', () => {
    const assoc = (name: string): ProtocolRecord => rec('dicom', 'associate-rq', { callingAeTitle: 'X', calledAeTitle: 'Y', implementationClassUid: '1.2.3', implementationVersionName: name });
    expect(vendors(assoc('MergeCOM3_390'))).toEqual([]);
    expect(vendors(assoc('OFFIS_DCMTK_367'))).toEqual([]);
  });

  it('records without the fields, or with odd values, give nothing and never throw', () => {
    expect(vendors(rec('snmp', 'response', {}))).toEqual([]);
    expect(vendors(rec('tls', 'server-hello', { certSubject: '=,=,,O=', certIssuer: 42 }))).toEqual([]);
    expect(vendors(rec('http', 'response', { server: '', title: '   ' }))).toEqual([]);
  });
});

describe('what the mentions decide', () => {
  it('an HL7 MSH-3 alone fills the vendor; a maker in MSH-4 alone does not', () => {
    const sysmex = evidenceOf(rec('hl7', 'message', { sendingApplication: 'SYSMEX_XN', messageType: 'ORU^R01' }));
    expect(classifyDevice(sysmex, kb, { asOf }).vendor).toBe('Sysmex');
    const facility = evidenceOf(rec('hl7', 'message', { sendingApplication: 'LIS', sendingFacility: 'Roche', messageType: 'ORU^R01' }));
    expect(facility.some((e) => e.attribute === 'vendor' && e.value === 'Roche Diagnostics')).toBe(true);
    expect(classifyDevice(facility, kb, { asOf }).vendor).toBeNull();
  });

  it('host names never name a vendor alone, however many; they second another source', () => {
    const names = evidenceOf(rec('syslog', 'message', { hostname: 'SYSMEX-XN01' }), rec('dhcp', 'request', { clientMac: '02:00:00:00:00:01', hostname: 'SYSMEX-XN01' }), rec('nbns', 'announce', { hostname: 'SYSMEX-XN', osVersion: '6.1' }), rec('snmp', 'response', { sysName: 'sysmex-xn' }));
    expect(classifyDevice(names, kb, { asOf }).vendor).toBeNull();
    const withCert = [...names, ...evidenceOf(rec('tls', 'server-hello', { certSubject: 'CN=Sysmex XN-1000' }))];
    expect(classifyDevice(withCert, kb, { asOf }).vendor).toBe('Sysmex');
  });
});

describe('nameParts', () => {
  it('splits an X.500 name on ", TYPE=" only', () => {
    expect(nameParts('CN=pump, O=Becton, Dickinson and Company, C=US')).toEqual([{ type: 'CN', value: 'pump' }, { type: 'O', value: 'Becton, Dickinson and Company' }, { type: 'C', value: 'US' }]);
    expect(nameParts('garbage')).toEqual([]);
  });
});
