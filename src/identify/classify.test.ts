/** Classification of the bundled sample's hosts, stability under reordering, conflicts and thresholds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { classifyDevice } from './classify.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { evidenceByDevice, observationsOf, profilesOf, recordsAndFlows } from './test-support/sample-profiles.js';
import type { DeviceProfile, Evidence, Observation } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2024-03-04T08:00:00Z');
const sample = fileURLToPath(new URL('../../samples/hospital-sample.pcap', import.meta.url));
let obs: Observation[] = [];
let profiles = new Map<string, DeviceProfile>();

beforeAll(async () => {
  obs = observationsOf(await recordsAndFlows(sample), kb);
  profiles = profilesOf(obs, kb, asOf);
});

const host = (mac: string): DeviceProfile => {
  const p = profiles.get(mac);
  if (p === undefined) throw new Error(`no profile for ${mac}`);
  return p;
};

describe('classifyDevice on samples/hospital-sample.pcap', () => {
  it('CT01: GE Healthcare CT scanner, imaging, from DICOM with the evidence kept', () => {
    const p = host('08:00:19:4a:21:07');
    expect(p).toMatchObject({ vendor: 'GE Healthcare', model: 'Revolution EVO', type: 'CT scanner', category: 'imaging', serial: 'SYN-CT-0001' });
    expect(p.hostnames).toContain('CT01');
    expect(p.evidence.some((e) => e.source === 'dicom.implementationClassUid' && e.value === 'GE Healthcare')).toBe(true);
    expect(p.confidence).toBeGreaterThan(0.7);
  });

  it('RAD-WS-07: Windows 7, end of life, a workstation', () => {
    const p = host('04:0e:3c:57:07:07');
    expect(p.os).toMatchObject({ name: 'Windows', label: 'Windows 7', endOfLife: true });
    expect(p).toMatchObject({ type: 'workstation', category: 'it' });
    expect(p.hostnames).toContain('RAD-WS-07');
  });

  it('PMGW01, PUMP-0042, SW-CORE-01, PACS01', () => {
    expect(host('00:a0:37:4a:21:07')).toMatchObject({ vendor: 'Mindray', type: 'patient monitor gateway', category: 'patient-monitoring' });
    expect(host('00:d0:75:12:00:42')).toMatchObject({ vendor: 'BD', type: 'infusion pump', category: 'infusion' });
    expect(host('00:04:4d:01:00:01')).toMatchObject({ vendor: 'Cisco', type: 'network switch', category: 'network', os: { name: 'Cisco IOS' } });
    expect(host('00:14:22:6b:10:0a')).toMatchObject({ type: 'PACS', category: 'imaging-infrastructure' });
  });

  it('unknown is better than wrong: a lone low-confidence OUI leaves the vendor empty', () => {
    const lone = host('00:50:56:9a:02:02').evidence.filter((e) => e.source === 'mac.oui');
    expect(lone.length).toBeGreaterThan(0);
    expect(classifyDevice(lone, kb, { asOf })).toMatchObject({ vendor: null, type: null, category: 'unknown' });
  });

  it('INFRA01: answers DHCP as the server its option 54 names and DNS for other hosts -> a VMware server (it)', () => {
    const p = host('00:50:56:9a:02:02');
    expect(p).toMatchObject({ vendor: 'VMware', type: 'server', category: 'it' });
    expect([...new Set(p.evidence.filter((e) => e.attribute === 'type' && e.value === 'server').map((e) => e.source))].sort()).toEqual(['dhcp.serverId', 'dns.response']);
  });

  it('HL7IE01: receives ORU from the monitor gateway and sends ORM to PACS01 -> HL7 interface engine', () => {
    const p = host('00:50:56:9a:11:0b');
    expect(p).toMatchObject({ type: 'HL7 interface engine', category: 'clinical-system' });
    expect(p.evidence.find((e) => e.source === 'rule.device-types.hl7Role')?.detail).toMatch(/^receives HL7 messages from 10\.20\.30\.5 and sends HL7 messages to 10\.20\.10\.10 /);
  });

  it('the gateway and PACS around it are not engines: one sends and hears ACKs, the other receives', () => {
    expect(host('00:a0:37:4a:21:07').type).toBe('patient monitor gateway');
    expect(host('00:14:22:6b:10:0a').type).toBe('PACS');
  });

  it('PACS01 and PMGW01 are named by the site DNS server\'s A answers (first label)', () => {
    expect(host('00:14:22:6b:10:0a').hostnames).toEqual(['pacs01']);
    expect(host('00:a0:37:4a:21:07').hostnames).toEqual(['pmgw01']);
  });

  it('a profile\'s own evidence (derived pieces included, as the inventory stores them) classifies to the same profile', () => {
    for (const [, ev] of evidenceByDevice(obs)) {
      // Derived pieces come back once more in the evidence list (the inventory dedups them); the answers must not move.
      const first = classifyDevice(ev, kb, { asOf });
      const again = classifyDevice(first.evidence, kb, { asOf });
      expect({ ...again, evidence: [] }).toEqual({ ...first, evidence: [] });
    }
  });

  it('the same evidence in any order gives the same profile', () => {
    for (const [, ev] of evidenceByDevice(obs)) {
      const ref = classifyDevice(ev, kb, { asOf });
      let seed = 7;
      for (let round = 0; round < 5; round++) {
        const shuffled = [...ev];
        for (let i = shuffled.length - 1; i > 0; i--) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const j = seed % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Evidence, shuffled[i] as Evidence];
        }
        expect(classifyDevice(shuffled, kb, { asOf })).toEqual(ref);
      }
    }
  });
});

describe('conflicts and dates', () => {
  const ev = (attribute: Evidence['attribute'], value: string, source: string, confidence: number): Evidence => ({ attribute, value, source, detail: value, confidence, tsMs: 0 });

  it('the heavier value wins, aliases merge, and the losing value stays in the evidence', () => {
    const p = classifyDevice([
      ev('vendor', 'GE MEDICAL SYSTEMS', 'dicom.dataset.manufacturer', 0.85),
      ev('vendor', 'General Electric', 'mac.oui', 0.35),
      ev('vendor', 'Philips', 'http.server', 0.4),
    ], kb, { asOf });
    expect(p.vendor).toBe('GE Healthcare');
    expect(p.evidence.some((e) => e.value === 'Philips')).toBe(true);
  });

  it('an exact tie is broken alphabetically, whatever the order', () => {
    const a = [ev('model', 'Beta', 's1', 0.9), ev('model', 'Alpha', 's2', 0.9)];
    expect(classifyDevice(a, kb, { asOf, threshold: 0.1 }).model).toBe('Alpha');
    expect(classifyDevice([...a].reverse(), kb, { asOf, threshold: 0.1 }).model).toBe('Alpha');
  });

  it('NTLMSSP 6.1.7601: Windows 7 SP1 / Server 2008 R2 unless the product type is known; EOL by date', () => {
    const os = [ev('osName', 'Windows', 'smb.ntlmssp.osVersion', 0.85), ev('osVersion', '6.1.7601', 'smb.ntlmssp.osVersion', 0.9)];
    const p = classifyDevice(os, kb, { asOf });
    expect(p.os.label).toContain('Windows 7');
    expect(p.os.label).toContain('Server 2008 R2');
    expect(p.os.endOfLife).toBe(true);
    const early = classifyDevice(os, kb, { asOf: new Date('2015-01-01T00:00:00Z') });
    expect(early.os.endOfLife).toBe(false);
    const win10 = classifyDevice([ev('osName', 'Windows', 'x', 0.9), ev('osVersion', '10.0.19045', 'x', 0.9)], kb, { asOf });
    expect(win10.os).toMatchObject({ label: 'Windows 10 22H2', endOfLife: false });
  });

  it('a less specific version supports the one it prefixes instead of competing with it', () => {
    const os = [
      ev('osName', 'Windows', 'smb.ntlmssp.osVersion', 0.85), ev('osVersion', '10.0.19045', 'smb.ntlmssp.osVersion', 0.9),
      ev('osVersion', '10.0', 'http.userAgent', 0.6), ev('osVersion', '10.0', 'http.userAgent.rule', 0.5), ev('osVersion', '10.0', 'nbdgm.osVersion', 0.35),
    ];
    expect(classifyDevice(os, kb, { asOf }).os.version).toBe('10.0.19045');
  });

  it('a prefix of two different builds supports neither, and the builds still compete', () => {
    const os = [
      ev('osName', 'Windows', 'x', 0.9), ev('osVersion', '10.0.19045', 'a', 0.9), ev('osVersion', '10.0.17763', 'b', 0.5), ev('osVersion', '10.0', 'c', 0.9),
    ];
    expect(classifyDevice(os, kb, { asOf }).os.version).toBeNull();
  });
});
