/** assessDevices with fakes: findings from matches, merging, severity, VEX suppression, SBOM matches, closing stale. */
import { describe, expect, it } from 'vitest';
import type { DeviceJson } from '../inventory/types.js';
import { assessDevices } from './assess-devices.js';
import { severityOf } from './match-finding.js';
import { FakeFindings } from './test-support/fake-findings.js';
import type { ProductQuery, VexDecision, VexStore, VulnerabilityMatch, VulnerabilityMatcher } from './types.js';

function device(id: string, vendor: string | null, model: string | null, firmware: string | null = '1.0'): DeviceJson {
  return {
    id, mac: null, ips: ['10.0.0.1'], hostnames: [id], vendor, model, type: null, category: 'unknown',
    os: { name: null, version: null, label: null, endOfLife: null }, firmware, protocols: [],
    dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null }, hl7: { applications: [], facilities: [], versions: [] },
    location: null, department: null, assetTag: null, owner: null, serial: null, supportEnd: null, supportStatus: null,
    confidence: 0.9, firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-01-01T00:00:00.000Z', retiredAt: null, evidence: [], risk: null,
  };
}

function match(over: Partial<VulnerabilityMatch>): VulnerabilityMatch {
  return {
    vulnerability: 'CVE-2025-0001', advisoryId: 'ADV-1', advisoryTitle: 'Pump advisory', source: 'csaf', matchedProduct: 'Pump 2.X',
    cvssBase: 8.1, cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N', kev: false, reasons: ['vendor matches', 'model matches'],
    remediation: 'vendor fix: update to 2.1', versionUnknown: false, ...over,
  };
}

class FakeMatcher implements VulnerabilityMatcher {
  readonly asked: ProductQuery[] = [];
  constructor(private readonly table: Record<string, VulnerabilityMatch[]>) {}
  match(q: ProductQuery): Promise<VulnerabilityMatch[]> {
    this.asked.push(q);
    return Promise.resolve(this.table[`${q.vendor ?? ''}/${q.product ?? ''}`] ?? []);
  }
}

class FakeVex implements VexStore {
  constructor(private readonly decisions: Record<string, VexDecision>) {}
  decisionFor(vulnerability: string, product: ProductQuery): Promise<VexDecision | null> {
    return Promise.resolve(this.decisions[`${vulnerability}/${product.product ?? ''}`] ?? null);
  }
}

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('assessDevices', () => {
  it('turns matches into one known-vulnerability finding per CVE per device, with reasons and remediation', async () => {
    const findings = new FakeFindings();
    const matcher = new FakeMatcher({
      'Acme/Pump': [match({}), match({ advisoryId: 'CVE-2025-0001', source: 'nvd', cvssBase: 9.3, cvssVector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', remediation: null, reasons: ['CPE matches'] })],
    });
    const r = await assessDevices({ inventory: { listDevices: () => Promise.resolve([device('d1', 'Acme', 'Pump'), device('d2', 'Acme', null)]) }, matcher, findings, nowMs: NOW });
    expect(matcher.asked).toEqual([{ vendor: 'Acme', product: 'Pump', version: '1.0' }]);
    expect(r).toMatchObject({ devices: 2, affectedDevices: 1, findings: 1, created: 1, suppressed: 0 });
    const [f] = findings.forDevice('d1');
    expect(f).toMatchObject({
      kind: 'known-vulnerability', key: 'CVE-2025-0001', severity: 'critical', firstSeenMs: NOW,
      facts: { cves: ['CVE-2025-0001'], cvssBase: 9.3, kev: false, advisoryIds: ['ADV-1', 'CVE-2025-0001'], automatable: true, technicalImpact: 'total' },
      suppression: null,
    });
    expect(f?.evidence).toEqual(expect.arrayContaining(['vendor matches', 'model matches', 'CPE matches', 'ADV-1 (csaf) lists "Pump 2.X" as affected by CVE-2025-0001']));
    expect(f?.detail).toContain('Remediation: vendor fix: update to 2.1');
  });

  it('suppresses by a VEX not_affected, drops a VEX fixed, adds SBOM matches, and closes what no longer matches', async () => {
    const findings = new FakeFindings();
    await findings.upsert([{ deviceId: 'd1', kind: 'known-vulnerability', key: 'CVE-2019-9999', severity: 'high', title: 'old', detail: '', evidence: [], firstSeenMs: 0, lastSeenMs: 0 }]);
    const matcher = new FakeMatcher({ 'Acme/Pump': [match({}), match({ vulnerability: 'CVE-2025-0002' })] });
    const vex = new FakeVex({
      'CVE-2025-0001/Pump': { status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', statement: 'telnet is disabled', source: 'acme-vex.json' },
      'CVE-2025-0002/Pump': { status: 'fixed', justification: null, statement: null, source: 'acme-vex.json' },
    });
    const sbom = match({ vulnerability: 'CVE-2024-1111', advisoryId: 'sbom:Acme/Pump', source: 'sbom', cvssBase: null, cvssVector: null, kev: true, reasons: ['component openssl 1.0.2k'] });
    const r = await assessDevices({ inventory: { listDevices: () => Promise.resolve([device('d1', 'Acme', 'Pump')]) }, matcher, findings, vex, extraMatches: () => Promise.resolve([sbom]), nowMs: NOW });
    expect(r).toMatchObject({ findings: 2, suppressed: 1, closed: 1 });
    expect(findings.closed).toEqual(['d1|known-vulnerability|CVE-2019-9999']);
    const [sbomFinding, vexed] = findings.forDevice('d1');
    expect(vexed).toMatchObject({ key: 'CVE-2025-0001', suppression: { source: 'acme-vex.json', justification: 'vulnerable_code_not_in_execute_path', statement: 'telnet is disabled' } });
    expect(sbomFinding).toMatchObject({ key: 'CVE-2024-1111', severity: 'high', facts: { kev: true } });
    expect(sbomFinding?.evidence[0]).toBe('CVE-2024-1111 is in CISA\'s Known Exploited Vulnerabilities catalog');
  });

  it('says when the version could not be confirmed', async () => {
    const findings = new FakeFindings();
    const matcher = new FakeMatcher({ 'Acme/Pump': [match({ versionUnknown: true })] });
    await assessDevices({ inventory: { listDevices: () => Promise.resolve([device('d1', 'Acme', 'Pump', null)]) }, matcher, findings, nowMs: NOW });
    const [f] = findings.forDevice('d1');
    expect(f?.title).toMatch(/\(version unconfirmed\)/);
    expect(f?.evidence.at(-1)).toMatch(/version could not be confirmed/);
  });
});

describe('severityOf', () => {
  it('follows the CVSS ratings, raising KEV entries to at least high', () => {
    expect([9, 7, 4, 0.1, 0, null].map((s) => severityOf(s, false))).toEqual(['critical', 'high', 'medium', 'low', 'info', 'medium']);
    expect(severityOf(5, true)).toBe('high');
    expect(severityOf(9.8, true)).toBe('critical');
  });
});
