/** Device risk and assessRisk: max finding + bounded bonus + device facts, uncounted findings, purity, orphans. */
import { describe, expect, it } from 'vitest';
import { assessRisk, byRiskDesc } from './assess.js';
import { control, device, finding, NOW_MS } from './test-support/fixtures.js';
import type { MaintenanceWindow, ModelSupport } from './types.js';
import { loadRiskWeights } from './weights.js';

const w = loadRiskWeights();
const opts = { nowMs: NOW_MS };
const support = (over: Partial<ModelSupport> = {}): ModelSupport => ({ vendor: 'bd', model: 'alaris 8015', endOfSupport: '2025-06-30', status: null, source: 'import', notes: null, updatedAt: '2026-11-01T00:00:00.000Z', ...over });

describe('assessRisk', () => {
  const tls = finding();
  const creds = finding({ id: 'f-2', kind: 'default-credentials', key: 'telnet:admin', severity: 'critical', title: 'Telnet default login' });
  const phi = finding({ id: 'f-3', kind: 'cleartext-phi', key: 'hl7', severity: 'high', title: 'HL7 PHI in clear' });

  it('device score = highest finding + bonus for the others, reasons name each term', () => {
    const { devices, findings } = assessRisk([device()], [tls, creds, phi], [], [], w, opts);
    const d = devices[0];
    const scores = findings.map((f) => f.risk?.score ?? -1);
    expect(Math.min(...scores)).toBeGreaterThan(0);
    expect(d?.risk.score).toBe(Math.min(100, Math.max(...scores) + 2 * w.device.perExtraFinding));
    const text = d?.risk.reasons.join('\n') ?? '';
    expect(text).toMatch(/Highest counted finding: "Telnet default login" \(default-credentials\)/);
    expect(text).toMatch(/2 more counted findings: \+2 each, at most \+10 = \+4\./);
    expect(text).toMatch(/Operating system support status unknown: \+0\./);
    expect(text).toMatch(/Vendor support status unknown/);
    expect((d?.risk as { ssvc?: string } | null)?.ssvc).toBe('Act');
  });
  it('does not change its inputs and keeps finding order', () => {
    const input = [tls, creds];
    const { findings } = assessRisk([device()], input, [], [], w, opts);
    expect(tls.risk).toBeNull();
    expect(findings.map((f) => f.id)).toEqual(['f-1', 'f-2']);
  });
  it('suppressed, mitigated and accepted findings do not count, and the device says so', () => {
    const suppressed = { ...creds, status: 'not-affected' as const, suppression: { source: 'OpenVEX', justification: 'component_not_present', statement: null } };
    const accepted = { ...phi, status: 'risk-accepted' as const, statusExpires: '2027-06-30', statusOwner: 'CISO' };
    const { devices } = assessRisk([device()], [tls, suppressed, accepted], [], [], w, opts);
    const alone = assessRisk([device()], [tls], [], [], w, opts).devices[0]?.risk.score;
    expect(devices[0]?.risk.score).toBe(alone);
    expect(devices[0]?.risk.reasons.join(' ')).toMatch(/2 findings not counted: 1 suppressed by VEX \(not affected\), 1 risk-accepted\./);
  });
  it('EOL OS and ended model support add, weighted by the clinical role; support fills the device fields', () => {
    const eol = device({ os: { name: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', endOfLife: true } });
    const base = assessRisk([device()], [tls], [], [], w, opts).devices[0]?.risk.score ?? 0;
    const r = assessRisk([eol], [tls], [], [support()], w, opts).devices[0];
    expect(r?.risk.score).toBe(base + Math.round(2 * 10 * 1.4));
    expect(r?.risk.reasons.join('\n')).toMatch(/Windows 7 SP1 is past end of support: \+10 × 1\.4 \(infusion\) = \+14\./);
    expect(r?.risk.reasons.join('\n')).toMatch(/Vendor support ended on 2025-06-30 \(per the imported support of bd alaris 8015\)/);
    expect(r?.supportEnd).toBe('2025-06-30');
    expect(r?.supportStatus).toBe('ended');
  });
  it('an eol-os finding is not counted twice with the device fact', () => {
    const eol = device({ os: { name: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', endOfLife: true } });
    const f = finding({ id: 'f-9', kind: 'eol-os', key: 'os', title: 'Windows 7 SP1 past end of support' });
    const r = assessRisk([eol], [f], [], [], w, opts).devices[0];
    expect(r?.risk.reasons.join(' ')).toMatch(/already counted through its eol-os finding: \+0/);
  });
  it('a device with no findings scores its device facts only', () => {
    const r = assessRisk([device({ category: 'it', supportStatus: 'limited' })], [], [], [], w, opts).devices[0];
    expect(r?.risk.score).toBe(Math.round(w.device.supportLimited * 0.9));
    expect(r?.risk.reasons[0]).toBe('No counted findings: 0.');
    expect(r?.risk.reasons[1]).toMatch(/^Operating system/);
  });
  it('reads a CMMS support status in its own words', () => {
    const score = (supportStatus: string): number | undefined => assessRisk([device({ supportStatus })], [], [], [], w, opts).devices[0]?.risk.score;
    expect(score('End of Life')).toBe(Math.round(w.device.supportEnded * 1.4));
    expect(score('EOS')).toBe(Math.round(w.device.supportEnded * 1.4));
    expect(score('Security only')).toBe(Math.round(w.device.supportLimited * 1.4));
    expect(score('In support')).toBe(0);
    expect(score('ask vendor')).toBe(0);
  });
  it('a control on the device lowers its findings and so the device', () => {
    const without = assessRisk([device()], [creds], [], [], w, opts).devices[0]?.risk.score ?? 0;
    const withCtl = assessRisk([device()], [creds], [control({ kind: 'host-firewall' })], [], w, opts).devices[0]?.risk.score ?? 0;
    expect(withCtl).toBe(without - w.controls.kinds['host-firewall'].points);
  });
  it('an internet-egress finding raises the device\'s other findings', () => {
    const egress = finding({ id: 'f-5', kind: 'internet-egress', key: 'egress', facts: { external: true, peers: ['198.51.100.7'] } });
    const alone = assessRisk([device()], [tls], [], [], w, opts).findings[0]?.risk?.score ?? 0;
    const together = assessRisk([device()], [tls, egress], [], [], w, opts).findings[0];
    expect(together?.risk?.score).toBe(alone + w.exposure.deviceInternetEgress);
    expect(together?.risk?.reasons.join(' ')).toMatch(/the device talks to the internet/);
  });
  it('lists maintenance windows of the device or its model', () => {
    const win: MaintenanceWindow = { id: 'win-1', schedule: 'Sat 22:00-Sun 04:00', description: 'agreed with ICU', deviceId: null, vendor: 'BD', model: null, by: 'x', createdAt: '' };
    const r = assessRisk([device()], [], [], [], w, { ...opts, windows: [win] }).devices[0];
    expect(r?.risk.reasons.join(' ')).toMatch(/Maintenance window \(all BD devices\): Sat 22:00-Sun 04:00 — agreed with ICU\./);
  });
  it('scores findings of a device not in the list as an unknown device', () => {
    const { findings } = assessRisk([], [finding({ deviceId: 'gone' })], [], [], w, opts);
    expect(findings[0]?.risk?.score).toBeGreaterThan(0);
    expect(findings[0]?.risk?.reasons.join(' ')).toMatch(/Unknown: unidentified device/);
  });
  it('matches the worked example in docs/risk.md', () => {
    const mgmt = finding({ id: 'f-7', kind: 'exposed-management', key: 'telnet/23', severity: 'high', title: 'Telnet reachable from user VLANs' });
    const ctl = control({ description: 'VLAN 40' });
    const { devices, findings } = assessRisk([device()], [creds, mgmt], [ctl], [], w, opts);
    const r = findings[0]?.risk;
    expect(r?.reasons.some((t) => /^No CVSS score: default-credentials defaults to base 9\.8 \(a vendor default login .*\), × 6 = 58\.8 points\.$/.test(t))).toBe(true);
    expect(r?.reasons).toContain('SSVC Act: +10.');
    expect(r?.reasons).toContain('Compensating control segmentation "VLAN 40" (device dev-1): −15.');
    expect(r).toMatchObject({ score: 82, level: 'high' });
    expect(devices[0]?.risk.score).toBe(82 + w.device.perExtraFinding);
  });
  it('byRiskDesc sorts highest first, unscored last, ties by id', () => {
    const { findings } = assessRisk([device()], [tls, creds, phi], [], [], w, opts);
    const sorted = [...findings, finding({ id: 'f-0' })].sort(byRiskDesc).map((f) => f.id);
    expect(sorted).toEqual(['f-2', 'f-3', 'f-1', 'f-0']);
  });
});
