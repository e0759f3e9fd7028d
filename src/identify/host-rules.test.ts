/** Device-level corroboration: computer makers' OUIs, full-stack SYN signatures on application hosts, UA and ports. */
import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify.js';
import { observationsFromAddress, observationsFromFlow } from './extract-evidence.js';
import { APP_HOST_STACK_SOURCE } from './host-rules.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { matchRules } from './knowledge/lookup.js';
import type { FlowJson } from '../capture/flow-json.js';
import type { DeviceProfile, Evidence } from './types.js';
import { HOST_NAME_MENTION, VENDOR_MENTION } from './vendor-mentions.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const ev = (attribute: Evidence['attribute'], value: string, source: string, confidence: number): Evidence => ({ attribute, value, source, detail: value, confidence, tsMs: 0 });
const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, kb, { asOf });

const dellNic = ev('vendor', 'Dell', 'mac.oui', 0.35);
const windows = [ev('osName', 'Windows', 'dhcp.vendorClass', 0.7), ev('osName', 'Windows', 'smb.ntlmssp.osVersion', 0.85)];

describe('a computer maker OUI (data/vendor-aliases.json computerMaker)', () => {
  it('names a Windows host that nothing else names: a Dell workstation is a Dell', () => {
    const p = classify([dellNic, ...windows]);
    expect(p.vendor).toBe('Dell');
    expect(p.evidence.some((e) => e.source === 'rule.computer-maker-oui')).toBe(true);
  });

  it('re-classifying a profile\'s own evidence (the inventory keeps derived evidence) gives the same profile', () => {
    const p = classify([dellNic, ...windows]);
    expect(classify(p.evidence)).toEqual(p);
  });

  it('does not fill on a lone OUI (an ARP-only host shows nothing of what it is)', () => {
    expect(classify([dellNic]).vendor).toBeNull();
    expect(classify([ev('vendor', 'VMware', 'mac.oui', 0.35)]).vendor).toBeNull();
  });

  it('does not fill on clinical equipment without a maker: a modality console on a Dell PC is not a Dell', () => {
    const ct = classify([dellNic, ...windows, ev('type', 'CT scanner', 'dicom.dataset.modality', 0.85), ev('category', 'imaging', 'dicom.dataset.modality', 0.85)]);
    expect(ct.vendor).toBeNull();
    expect(ct.type).toBe('CT scanner');
  });

  it('steps aside when another source names the product maker, without diluting it', () => {
    const vm = ev('vendor', 'VMware', 'mac.oui', 0.35);
    const eui = ev('vendor', 'VMware', 'hl7.eui64.oui', 0.6);
    const p = classify([vm, eui, ev('vendor', 'Smiths Medical', 'hl7.sendingApplication', 0.7)]);
    expect(p.vendor).toBe('ICU Medical'); // Smiths Medical is ICU Medical's since 2022
    expect(p.evidence.filter((e) => e.value === 'VMware')).toHaveLength(2); // kept for the record
    expect(classify([dellNic, ...windows, ev('vendor', 'Philips', 'dicom.implementationClassUid', 0.8)]).vendor).toBe('Philips');
  });

  it('leaves other OUIs as they were: a network-equipment OUI alone on a Windows host stays unknown', () => {
    expect(classify([ev('vendor', 'Cisco Systems', 'mac.oui', 0.35), ...windows]).vendor).toBeNull();
  });
});

describe('a full-stack SYN signature on a host that runs a DICOM/HL7 application', () => {
  const flow: FlowJson = {
    proto: 'tcp', src: '10.0.0.1', sport: 50000, dst: '10.0.0.2', dport: 104, vlan: null, first: '2026-03-02T08:00:00Z', last: '2026-03-02T08:00:01Z',
    packetsOut: 6, bytesOut: 900, packetsIn: 5, bytesIn: 700, state: 'closed', app: 'dicom', srcMac: '02:00:00:00:00:07', dstMac: '02:00:00:00:00:01',
    syn: { ttl: 64, window: 64240, mss: 1460, windowScale: 7, options: 'mss,sok,ts,nop,ws', ipVersion: 4, ipOptionsLength: 0 },
  };
  const synEvidence = (f: FlowJson): Evidence[] => observationsFromFlow(f, kb).filter((o) => o.key.ip === '10.0.0.1').map((o) => o.evidence);
  const dicomApp = ev('dicomImplementationClassUid', '1.2.840.113619.6.374', 'dicom.implementationClassUid', 0.95);

  it('names the OS (Linux) when the host runs a DICOM application', () => {
    const syn = synEvidence(flow);
    expect(syn.some((e) => e.source === APP_HOST_STACK_SOURCE && e.value === 'Linux')).toBe(true);
    expect(classify([...syn, dicomApp]).os.name).toBe('Linux');
    const hl7 = ev('hl7Application', 'MINDRAY_EGATEWAY', 'hl7.sendingApplication', 0.9);
    expect(classify([...syn, hl7]).os.name).toBe('Linux');
  });

  it('stays unknown on the SYN alone, or when the host is only named by others (a receiver is not shown running anything)', () => {
    const syn = synEvidence(flow);
    expect(classify(syn).os.name).toBeNull();
    expect(classify([...syn, ev('hl7Application', 'HL7IE01', 'hl7.receivingApplication', 0.5)]).os.name).toBeNull();
  });

  it('an embedded-looking SYN (MSS only) gives no OS even on a DICOM host', () => {
    const embedded = synEvidence({ ...flow, syn: { ttl: 64, window: 8192, mss: 1460, windowScale: null, options: 'mss', ipVersion: 4, ipOptionsLength: 0 } });
    expect(classify([...embedded, dicomApp]).os.name).toBeNull();
  });
});

describe('browser User-Agent and service ports', () => {
  /** What http.ts would emit for this User-Agent (the shipped http-fingerprints rules). */
  const ua = (s: string): Evidence[] => matchRules(kb, 'http-fingerprints', 'userAgent', s).flatMap((h) => Object.entries(h.values).map(([a, v]) => ({ ...ev(a as Evidence['attribute'], v, 'http.userAgent', h.rule.confidence), detail: s })));

  it('a Windows desktop browser types a host with nothing else as a workstation; a DICOM modality outvotes it', () => {
    expect(classify(ua('Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0)'))).toMatchObject({ type: 'workstation', category: 'it' });
    expect(classify(ua('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36')).type).toBe('workstation');
    const modality = classify([...ua('Mozilla/5.0 (Windows NT 10.0; Win64; x64)'), ev('type', 'X-ray system', 'dicom.dataset.modality', 0.85), ev('category', 'imaging', 'dicom.dataset.modality', 0.85)]);
    expect(modality).toMatchObject({ type: 'X-ray system', category: 'imaging' });
  });

  it('no workstation from a Windows CE browser, a Linux browser or a non-browser Windows agent', () => {
    expect(classify(ua('Mozilla/4.0 (compatible; MSIE 6.0; Windows CE; IEMobile 7.11)')).type).toBeNull();
    expect(classify(ua('Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0')).type).toBeNull();
    expect(classify(ua('Microsoft-CryptoAPI/10.0')).type).toBeNull();
  });

  const pcu: FlowJson = {
    proto: 'tcp', src: '10.0.0.9', sport: 40000, dst: '10.0.0.2', dport: 3613, vlan: null, first: '2026-03-02T08:00:00Z', last: '2026-03-02T08:00:01Z',
    packetsOut: 5, bytesOut: 400, packetsIn: 4, bytesIn: 500, state: 'closed', app: null, srcMac: '00:d0:75:01:02:03', dstMac: '00:50:56:01:02:03',
  };
  const typeOf = (f: FlowJson): string[] => observationsFromFlow(f, kb).filter((o) => o.evidence.attribute === 'type').map((o) => `${o.key.ip ?? ''} ${o.evidence.value}`);

  it('the client of a completed session to the Alaris Systems Manager port (3613) is an infusion pump', () => {
    expect(typeOf(pcu)).toEqual(['10.0.0.9 infusion pump']);
  });

  it('no port fact from a half-open probe, a bare handshake, UDP or another port', () => {
    expect(typeOf({ ...pcu, state: 'partial', packetsOut: 1, packetsIn: 1 })).toEqual([]);
    expect(typeOf({ ...pcu, packetsOut: 2, packetsIn: 1 })).toEqual([]);
    expect(typeOf({ ...pcu, proto: 'udp', state: null })).toEqual([]);
    expect(typeOf({ ...pcu, dport: 3614 })).toEqual([]);
  });
});

describe('vendor names found in free text (evidence/free-text.ts)', () => {
  const mention = (value: string, source: string, confidence: number, host = false): Evidence => ({ ...ev('vendor', value, source, confidence), detail: `${host ? HOST_NAME_MENTION : VENDOR_MENTION}"${value}" in "…"` });
  const ct = [ev('type', 'CT scanner', 'dicom.dataset.modality', 0.85), ev('category', 'imaging', 'dicom.dataset.modality', 0.85)];

  it("the device's own statement (DICOM manufacturer, LLDP-MED) beats free text that names another maker", () => {
    const sysDescr = mention('GE Healthcare', 'snmp.sysDescr', 0.7);
    expect(classify([ev('vendor', 'Philips Medical Systems', 'dicom.dataset.manufacturer', 0.85), sysDescr]).vendor).toBe('Philips');
    expect(classify([ev('vendor', 'Mindray', 'lldp.manufacturer', 0.85), mention('Dräger', 'http.title', 0.55)]).vendor).toBe('Mindray');
    // Without a statement of its own, two free-text fields that disagree leave the vendor unknown.
    expect(classify([sysDescr, mention('Philips', 'http.title', 0.55)]).vendor).toBeNull();
  });

  it('a sender whose data sets name several makers forwards images: its free text still counts', () => {
    const pacs = [ev('vendor', 'GE MEDICAL SYSTEMS', 'dicom.dataset.manufacturer', 0.85), { ...ev('vendor', 'Philips Medical Systems', 'dicom.dataset.manufacturer', 0.85), detail: 'other' }];
    const title = mention('Sectra', 'http.title', 0.55);
    const sysDescr = mention('Sectra', 'snmp.sysDescr', 0.7);
    const root = ev('vendor', 'Sectra', 'dicom.implementationClassUid', 0.9);
    expect(classify([...pacs, root, title, sysDescr]).vendor).toBe('Sectra');
    expect(classify([pacs[0] ?? root, root, title, sysDescr]).vendor).toBeNull();
  });

  it('free text that agrees with the statement, or another source that is not free text, still votes', () => {
    const p = classify([ev('vendor', 'GE MEDICAL SYSTEMS', 'dicom.dataset.manufacturer', 0.85), mention('GE Healthcare', 'snmp.sysDescr', 0.7)]);
    expect(p.vendor).toBe('GE Healthcare');
    expect(p.confidence).toBeGreaterThan(0);
  });

  it('a host name seconds another source but never names a vendor alone', () => {
    const host = mention('Sysmex', 'dhcp.hostname', 0.25, true);
    expect(classify([host, { ...host, source: 'syslog.hostname' }, { ...host, source: 'nbns.hostname' }, { ...host, source: 'snmp.sysName' }]).vendor).toBeNull();
    expect(classify([host, mention('Sysmex', 'tls.certSubject', 0.45)]).vendor).toBe('Sysmex');
  });

  it('a PC maker named in free text names no clinical device, but names a plain host', () => {
    expect(classify([mention('Dell', 'http.title', 0.55), ...ct]).vendor).toBeNull();
    expect(classify([mention('Dell', 'http.title', 0.55), dellNic, ...windows]).vendor).toBe('Dell');
    expect(classify([mention('Dell', 'http.title', 0.55), mention('Philips', 'snmp.sysDescr', 0.7), ...ct]).vendor).toBe('Philips');
  });

  it("a medical maker's OUI alone names the vendor; a computer maker's OUI alone does not", () => {
    const sysmex = observationsFromAddress({ mac: '00:06:6b:10:20:30', ip: '10.0.0.5' }, 0, kb).map((o) => o.evidence);
    expect(sysmex[0]).toMatchObject({ value: 'Sysmex', confidence: 0.55 });
    expect(classify(sysmex).vendor).toBe('Sysmex');
    const siemensDx = observationsFromAddress({ mac: '00:18:65:10:20:30', ip: null }, 0, kb).map((o) => o.evidence);
    expect(classify(siemensDx).vendor).toBe('Siemens Healthineers');
    expect(classify(observationsFromAddress({ mac: '14:18:77:10:20:30', ip: null }, 0, kb).map((o) => o.evidence)).vendor).toBeNull();
    expect(classify(observationsFromAddress({ mac: '00:0e:8c:10:20:30', ip: null }, 0, kb).map((o) => o.evidence)).vendor).toBeNull();
  });
});
