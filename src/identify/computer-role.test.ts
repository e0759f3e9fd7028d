/** Workstations and servers among plain computers (computer-role.ts), and the hosts the rule must leave alone. */
import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify.js';
import { COMPUTER_ROLE_SOURCE, SIGNAL_BROWSER_ANNOUNCEMENT, SIGNAL_BROWSER_UA, SIGNAL_SMB_CLIENT, SIGNAL_TCP_SERVER, lifecycleProductType } from './computer-role.js';
import { observationsFromAddress } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const ev = (attribute: Evidence['attribute'], value: string, source: string, confidence: number, detail = value): Evidence => ({ attribute, value, source, detail, confidence, tsMs: 0 });
const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, kb, { asOf });
const role = (p: DeviceProfile): [string | null, string] => [p.type, p.category];

const win = (version: string): Evidence[] => [ev('osName', 'Windows', 'smb.ntlmssp.osVersion', 0.85), ev('osVersion', version, 'smb.ntlmssp.osVersion', 0.9)];
const browser = ev('type', 'workstation', SIGNAL_BROWSER_UA, 0.1, 'sent a desktop browser User-Agent (Mozilla/5.0 (X11; Linux x86_64) … Firefox/121.0)');
const smbClient = ev('type', 'workstation', SIGNAL_SMB_CLIENT, 0.1, 'authenticates to the file server 10.0.0.2 as an SMB client');
const announced = (product: string): Evidence => ev('type', product, SIGNAL_BROWSER_ANNOUNCEMENT, 0.1, `announces itself (${product})`);
const dell = observationsFromAddress({ mac: '14:18:77:01:02:03', ip: null }, 0, kb).map((o) => o.evidence);

describe('lifecycleProductType', () => {
  it('answers only when every matching row agrees', () => {
    expect(lifecycleProductType(kb, 'Windows', '10.0.19045', null)).toBe('workstation');
    expect(lifecycleProductType(kb, 'Windows', '10.0.20348', null)).toBe('server');
    expect(lifecycleProductType(kb, 'Windows', '10.0.17763', null)).toBeNull(); // Windows 10 LTSC 2019 and Server 2019
    expect(lifecycleProductType(kb, 'Windows', '10.0.17763', 'Windows Server 2019')).toBe('server');
    expect(lifecycleProductType(kb, 'Windows', null, null)).toBeNull();
  });
});

describe('a plain computer', () => {
  it('with a client OS and an interactive-use signal is a workstation, and its PC maker\'s OUI names it', () => {
    const p = classify([...win('10.0.19045'), browser, smbClient, ...dell]);
    expect(role(p)).toEqual(['workstation', 'it']);
    expect(p.vendor).toBe('Dell');
    expect(p.evidence.some((e) => e.source === COMPUTER_ROLE_SOURCE)).toBe(true);
    expect(classify(p.evidence)).toEqual(p); // the inventory hands derived evidence back
    expect(role(classify([ev('osName', 'macOS', 'http.userAgent', 0.7), browser]))).toEqual(['workstation', 'it']);
    expect(role(classify([ev('osName', 'Linux', 'http.userAgent', 0.7), browser]))).toEqual(['workstation', 'it']);
  });

  it('with a Windows Server build or product type is a server, with or without signals', () => {
    expect(role(classify(win('10.0.20348')))).toEqual(['server', 'it']);
    expect(role(classify([...win('10.0.17763'), ev('osLabel', 'Windows Server 2019', 'smb.nativeOs', 0.6)]))).toEqual(['server', 'it']);
    expect(role(classify([...win('10.0.17763'), announced('server')]))).toEqual(['server', 'it']);
    expect(role(classify([...win('10.0.17763'), announced('workstation'), browser]))).toEqual(['workstation', 'it']);
  });

  it('keeps its role beside a service it serves: a Windows print server\'s LPD, a PC\'s Intel AMT answering RMCP', () => {
    const lpd = ev('type', 'printer', 'flow.servicePort', 0.45);
    const rmcp = ev('type', 'baseboard management controller', 'flow.servicePort', 0.5);
    expect(role(classify([...win('10.0.20348'), lpd]))).toEqual(['server', 'it']);
    expect(role(classify([...win('10.0.19045'), browser, rmcp]))).toEqual(['workstation', 'it']);
  });

  it('without a browser, is a workstation when a Windows client logs on to shares from PC hardware and serves nothing', () => {
    expect(role(classify([...win('10.0.19045'), smbClient, ...dell]))).toEqual(['workstation', 'it']);
    expect(role(classify([...win('10.0.19045'), announced('workstation'), smbClient, ...dell]))).toEqual(['workstation', 'it']);
    // Behind a router its MAC is never seen: nothing says it is anything but a PC.
    expect(role(classify([...win('10.0.19044'), smbClient]))).toEqual(['workstation', 'it']);
  });

  it('without a browser, must not be a workstation on a NIC that is no PC maker\'s, when it serves, or without an SMB logon', () => {
    const oui = (mac: string): Evidence[] => observationsFromAddress({ mac, ip: null }, 0, kb).map((o) => o.evidence);
    // A Windows appliance (a telemetry receiver) announces itself and maps shares: the maker on its NIC, even one the
    // vendor dictionary does not know (as when leave-one-vendor-out removes it), is what tells it from a PC.
    const appliance = [...win('10.0.19045'), announced('workstation'), smbClient];
    expect(role(classify([...appliance, ...oui('00:0b:82:01:02:03')]))).toEqual([null, 'unknown']); // Grandstream Networks, not in the dictionary
    expect(role(classify([...appliance, ...oui('00:15:17:01:02:03')]))).toEqual([null, 'unknown']); // Intel: a NIC module, in PCs and appliances alike
    expect(role(classify([...appliance, ...oui('d4:f0:c9:01:02:03')]))).toEqual([null, 'unknown']); // a printer maker's
    expect(role(classify([...appliance, ...dell, ev('type', 'server', SIGNAL_TCP_SERVER, 0.1, 'serves tcp/104')]))).toEqual([null, 'unknown']);
    expect(role(classify([...win('10.0.19045'), announced('workstation'), ...dell]))).toEqual([null, 'unknown']);
  });

  it('stays unknown without a signal, on an ambiguous build, on embedded Windows or on Linux without a desktop browser', () => {
    expect(role(classify(win('10.0.19045')))).toEqual([null, 'unknown']);
    expect(role(classify([...win('10.0.17763'), smbClient]))).toEqual([null, 'unknown']);
    expect(role(classify([...win('6.1.7601'), ev('osLabel', 'Windows Embedded Standard 7', 'smb.nativeOs', 0.6), smbClient]))).toEqual([null, 'unknown']);
    expect(role(classify([ev('osName', 'Linux', 'dhcp.fingerprint', 0.7), smbClient]))).toEqual([null, 'unknown']);
    expect(role(classify([ev('osName', 'Windows', 'dhcp.vendorClass', 0.7), browser, announced('server'), announced('workstation')]))).toEqual([null, 'unknown']);
  });

  it('is left alone when anything clinical shows: its own DICOM, a medical maker, a clinical type', () => {
    const base = [...win('10.0.19045'), smbClient];
    expect(classify([...base, ev('dicomImplementationClassUid', '1.2.840.113619.6.1', 'dicom.implementationClassUid', 0.9)]).type).toBeNull();
    const spacelabs = observationsFromAddress({ mac: '00:a0:aa:01:02:03', ip: null }, 0, kb).map((o) => o.evidence);
    expect(classify([...base, ...spacelabs]).type).toBeNull();
    expect(classify([...win('10.0.20348'), ev('vendor', 'Epic', 'http.title', 0.5, 'vendor name Epic')]).type).toBeNull();
    const ct = classify([...base, ev('type', 'CT scanner', 'dicom.dataset.modality', 0.85), ev('category', 'imaging', 'dicom.dataset.modality', 0.85)]);
    expect(role(ct)).toEqual(['CT scanner', 'imaging']);
    expect(ct.evidence.some((e) => e.source === COMPUTER_ROLE_SOURCE)).toBe(false);
  });
});
