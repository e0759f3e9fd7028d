/** Finding scores: monotone in KEV, controls and clinical role; every formula term is a reason; statuses. */
import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../findings/types.js';
import type { DeviceJson } from '../inventory/types.js';
import { controlsFor } from './applicability.js';
import { levelOf, scoreFinding, type DeviceExposure } from './score.js';
import { control, device, finding, NOW_MS } from './test-support/fixtures.js';
import type { Control } from './types.js';
import { loadRiskWeights } from './weights.js';

const w = loadRiskWeights();
const NONE: DeviceExposure = { internetEgress: false, userSegmentReach: false };

function score(f: FindingJson, d: DeviceJson = device(), controls: Control[] = [], exposure = NONE): ReturnType<typeof scoreFinding> {
  const { active, expired } = controlsFor(controls, d, NOW_MS);
  return scoreFinding(f, { device: d, exposure, controls: active, expiredControls: expired, weights: w, nowMs: NOW_MS });
}

const vuln = (facts: FindingJson['facts'] = {}): FindingJson => finding({ kind: 'known-vulnerability', key: 'CVE-2020-0001', severity: 'high', facts: { cvssBase: 6.5, cves: ['CVE-2020-0001'], ...facts } });

describe('finding score', () => {
  it('KEV raises the score', () => {
    expect(score(vuln({ kev: true })).risk.score).toBeGreaterThan(score(vuln()).risk.score);
  });
  it('a higher CVSS base raises the score', () => {
    expect(score(vuln({ cvssBase: 8.8 })).risk.score).toBeGreaterThan(score(vuln({ cvssBase: 5.0 })).risk.score);
  });
  it('a compensating control lowers it, an expired one does not', () => {
    const plain = score(vuln()).risk.score;
    expect(score(vuln(), device(), [control()]).risk.score).toBeLessThan(plain);
    const expired = score(vuln(), device(), [control({ expires: '2026-11-28' })]);
    expect(expired.risk.score).toBe(plain);
    expect(expired.risk.reasons.join(' ')).toMatch(/expired on 2026-11-28: not counted/);
    // expiring today still counts
    expect(score(vuln(), device(), [control({ expires: '2026-11-29' })]).risk.score).toBeLessThan(plain);
  });
  it('a control of another device or model does not apply; a vendor/model control does', () => {
    const plain = score(vuln()).risk.score;
    expect(score(vuln(), device(), [control({ deviceId: 'dev-2' })]).risk.score).toBe(plain);
    expect(score(vuln(), device(), [control({ deviceId: null, vendor: 'bd', model: 'ALARIS 8015' })]).risk.score).toBeLessThan(plain);
    expect(score(vuln(), device(), [control({ deviceId: null, vendor: 'BD', model: null })]).risk.score).toBeLessThan(plain);
    expect(score(vuln(), device(), [control({ deviceId: null, vendor: 'BD', model: 'Alaris 8100' })]).risk.score).toBe(plain);
  });
  it('vendor-access-control lowers remote-access findings, not others', () => {
    const vac = control({ kind: 'vendor-access-control', description: 'vendor VPN with approval and session recording' });
    const remote = finding({ kind: 'remote-access', key: 'teamviewer' });
    expect(score(remote, device(), [vac]).risk.score).toBeLessThan(score(remote).risk.score);
    const tls = finding();
    const r = score(tls, device(), [vac]);
    expect(r.risk.score).toBe(score(tls).risk.score);
    expect(r.risk.reasons.join(' ')).toMatch(/does not address weak-tls findings/);
  });
  it('two controls of one kind count once, and all controls together are capped', () => {
    const two = score(vuln(), device(), [control(), control({ id: 'ctl-2', description: 'second ACL' })]);
    expect(two.risk.score).toBe(score(vuln(), device(), [control()]).risk.score);
    const all = ['segmentation', 'host-firewall', 'monitoring', 'physical', 'other'] as const;
    const many = score(vuln({ kev: true, cvssBase: 9.8 }), device(), all.map((kind, i) => control({ id: `c${i}`, kind })));
    expect(many.risk.reasons.join(' ')).toMatch(/capped at −30/);
    expect(many.risk.score).toBe(100 - 30);
  });
  it('life-support scores above it for the same finding', () => {
    const life = score(vuln(), device({ category: 'life-support', type: 'ventilator' })).risk.score;
    const it_ = score(vuln(), device({ category: 'it', type: 'workstation' })).risk.score;
    const infusion = score(vuln(), device()).risk.score;
    expect(life).toBeGreaterThan(infusion);
    expect(infusion).toBeGreaterThan(it_);
  });
  it('exposure on the wire raises it, capped', () => {
    const plain = score(vuln()).risk.score;
    expect(score(vuln({ external: true, peers: ['203.0.113.9'] })).risk.score).toBe(plain + w.exposure.external);
    const both = score(vuln({ external: true }), device(), [], { internetEgress: true, userSegmentReach: true });
    expect(both.risk.score).toBe(plain + Math.min(w.exposure.max, w.exposure.external + w.exposure.userSegmentReach));
  });
  it('names every term as a sentence, including those that add nothing', () => {
    const r = score(vuln(), device({ type: 'infusion pump' })).risk;
    const text = r.reasons.join('\n');
    expect(text).toMatch(/^CVSS base 6\.5 × 6 = 39 points\./m);
    expect(text).toMatch(/^Infusion pump: drug delivery.*mission & well-being high \(×1\.4\) = 54\.6\./m);
    expect(text).toMatch(/Not in CISA's Known Exploited Vulnerabilities catalog: \+0\./);
    expect(text).toMatch(/SSVC exploitation none/);
    expect(text).toMatch(/SSVC automatable no/);
    expect(text).toMatch(/SSVC technical impact/);
    expect(text).toMatch(/SSVC mission & well-being high/);
    expect(text).toMatch(/SSVC decision Track/);
    expect(text).toMatch(/SSVC Track: \+0\./);
    expect(text).toMatch(/Exposure: nothing beyond the finding itself/);
    expect(text).toMatch(/No compensating control in force for this device or model: −0\./);
    expect(r.reasons.at(-1)).toBe(`Total ${r.score}: ${r.level}.`);
    expect(r.score).toBe(55);
    const kev = score(vuln({ kev: true }), device(), [control()]).risk.reasons.join('\n');
    expect(kev).toMatch(/In CISA's Known Exploited Vulnerabilities catalog: \+15\./);
    expect(kev).toMatch(/Compensating control segmentation "VLAN 40.*" \(device dev-1\): −15\./);
  });
  it('without CVSS uses the kind default, then the severity', () => {
    const r = score(finding({ kind: 'default-credentials', severity: 'critical', key: 'telnet:admin' })).risk;
    expect(r.reasons[0]).toMatch(/No CVSS score: default-credentials defaults to base 9/);
    expect(r.ssvc).toBe('Act');
    expect(['high', 'critical']).toContain(r.level);
  });
  it('clamps to 100 before controls so a control always shows', () => {
    const r = score(vuln({ kev: true, cvssBase: 10, automatable: true, technicalImpact: 'total' }), device({ category: 'life-support' }), [control()]).risk;
    expect(r.reasons.join(' ')).toMatch(/Capped at 100 before controls/);
    expect(r.score).toBe(85);
  });
});

describe('statuses', () => {
  it('a VEX not-affected finding scores 0 and says why', () => {
    const r = score(vuln({ kev: true }), device());
    const s = score({ ...vuln({ kev: true }), status: 'not-affected', suppression: { source: 'vendor CSAF VEX', justification: 'vulnerable_code_not_present', statement: null } });
    expect(r.risk.score).toBeGreaterThan(0);
    expect(s.risk).toMatchObject({ score: 0, level: 'info', ssvc: 'Track' });
    expect(s.counted).toBe(false);
    expect(s.risk.reasons[0]).toMatch(/Suppressed.*not affected.*not counted/);
  });
  it('mitigated scores 0; risk-accepted keeps its score but is not counted until it expires', () => {
    expect(score({ ...vuln(), status: 'mitigated', statusBy: 'ana' }).risk.score).toBe(0);
    const accepted = score({ ...vuln(), status: 'risk-accepted', statusOwner: 'CISO', statusExpires: '2027-01-31', statusReason: 'replacement ordered' });
    expect(accepted.counted).toBe(false);
    expect(accepted.risk.score).toBe(score(vuln()).risk.score);
    expect(accepted.risk.reasons.at(-1)).toMatch(/Risk accepted by CISO until 2027-01-31 \(replacement ordered\)/);
    const lapsed = score({ ...vuln(), status: 'risk-accepted', statusExpires: '2026-10-01' });
    expect(lapsed.counted).toBe(true);
    expect(lapsed.risk.reasons.at(-1)).toMatch(/expired on 2026-10-01: counted as open again/);
  });
});

describe('levels', () => {
  it('uses the thresholds', () => {
    expect([95, 90, 89, 70, 69, 40, 39, 15, 14, 0].map((s) => levelOf(s, w.levels))).toEqual(['critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'low', 'info', 'info']);
  });
});
