/** SSVC: the CISA coordinator tree v2.0.3 row by row, the Mission & Well-being rule, and how findings fill the points. */
import { describe, expect, it } from 'vitest';
import { assessSsvc, missionWellBeing, ssvcDecision, type MissionWellBeing } from './ssvc.js';
import { finding } from './test-support/fixtures.js';
import { loadRiskWeights, type Exploitation } from './weights.js';

// CERTCC/SSVC data/csv/cisa/cisa_coordinator_2_0_3.csv (rows 0-35), as published.
const PUBLISHED = `
none,no,partial,low,track
none,no,partial,medium,track
none,no,partial,high,track
none,no,total,low,track
none,no,total,medium,track
none,no,total,high,track*
none,yes,partial,low,track
none,yes,partial,medium,track
none,yes,partial,high,attend
none,yes,total,low,track
none,yes,total,medium,track
none,yes,total,high,attend
public poc,no,partial,low,track
public poc,no,partial,medium,track
public poc,no,partial,high,track*
public poc,no,total,low,track
public poc,no,total,medium,track*
public poc,no,total,high,attend
public poc,yes,partial,low,track
public poc,yes,partial,medium,track
public poc,yes,partial,high,attend
public poc,yes,total,low,track
public poc,yes,total,medium,track*
public poc,yes,total,high,attend
active,no,partial,low,track
active,no,partial,medium,track
active,no,partial,high,attend
active,no,total,low,track
active,no,total,medium,attend
active,no,total,high,act
active,yes,partial,low,attend
active,yes,partial,medium,attend
active,yes,partial,high,act
active,yes,total,low,attend
active,yes,total,medium,act
active,yes,total,high,act`;

const OUTCOME = { track: 'Track', 'track*': 'Track*', attend: 'Attend', act: 'Act' } as const;

describe('SSVC decision table', () => {
  const rows = PUBLISHED.trim().split('\n').map((l) => l.split(','));
  it('has all 36 published rows', () => {
    expect(rows).toHaveLength(36);
  });
  it.each(rows)('%s / automatable %s / %s / mission %s -> %s', (e, a, t, m, outcome) => {
    const exploitation: Exploitation = e === 'public poc' ? 'poc' : (e as Exploitation);
    const decision = ssvcDecision({ exploitation, automatable: a === 'yes', technicalImpact: t as 'partial' | 'total', missionWellBeing: m as MissionWellBeing });
    expect(decision).toBe(OUTCOME[outcome as keyof typeof OUTCOME]);
  });
});

describe('Mission & Well-being (CISA rule)', () => {
  it('is high when prevalence is essential or well-being irreversible', () => {
    expect(missionWellBeing('essential', 'minimal')).toBe('high');
    expect(missionWellBeing('minimal', 'irreversible')).toBe('high');
  });
  it('is low only when both are minimal, medium otherwise', () => {
    expect(missionWellBeing('minimal', 'minimal')).toBe('low');
    expect(missionWellBeing('support', 'minimal')).toBe('medium');
    expect(missionWellBeing('minimal', 'material')).toBe('medium');
    expect(missionWellBeing('support', 'material')).toBe('medium');
  });
});

describe('decision points from a finding', () => {
  const w = loadRiskWeights();
  it('KEV makes exploitation active and, on an infusion pump with total impact, Act', () => {
    const f = finding({ kind: 'known-vulnerability', facts: { kev: true, automatable: true, technicalImpact: 'total' } });
    const a = assessSsvc(f, w.base.kinds[f.kind], w.clinical.infusion, 'infusion');
    expect(a.points).toEqual({ exploitation: 'active', automatable: true, technicalImpact: 'total', missionWellBeing: 'high' });
    expect(a.decision).toBe('Act');
    expect(a.reasons).toHaveLength(5);
    expect(a.reasons[0]).toMatch(/Known Exploited/);
  });
  it('a default login that worked on the wire counts as active exploitation', () => {
    const f = finding({ kind: 'default-credentials' });
    const a = assessSsvc(f, w.base.kinds[f.kind], w.clinical.it, 'it');
    expect(a.points.exploitation).toBe('active');
    expect(a.points.missionWellBeing).toBe('low');
    expect(a.decision).toBe('Attend');
  });
  it('facts override kind defaults; a CVSS vector with C:H/I:H means total impact', () => {
    const f = finding({ kind: 'known-vulnerability', facts: { automatable: false, cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } });
    const a = assessSsvc(f, w.base.kinds[f.kind], w.clinical.imaging, 'imaging');
    expect(a.points).toEqual({ exploitation: 'none', automatable: false, technicalImpact: 'total', missionWellBeing: 'medium' });
    expect(a.decision).toBe('Track');
  });
  it('a network, no-privilege, no-interaction CVSS vector makes it automatable', () => {
    const v3 = finding({ kind: 'known-vulnerability', facts: { cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', kev: true } });
    const a = assessSsvc(v3, w.base.kinds[v3.kind], w.clinical['life-support'], 'life-support');
    expect(a.points).toMatchObject({ automatable: true, technicalImpact: 'total' });
    expect(a.reasons[1]).toMatch(/automatable yes \(from the CVSS vector\)/);
    expect(a.decision).toBe('Act');
    const v4 = finding({ kind: 'known-vulnerability', facts: { cvssVector: 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N' } });
    expect(assessSsvc(v4, w.base.kinds[v4.kind], w.clinical.it, 'it').points).toMatchObject({ automatable: false, technicalImpact: 'partial' });
  });
  it('a known exploitation method (cleartext PHI) is public PoC', () => {
    const f = finding({ kind: 'cleartext-phi' });
    const a = assessSsvc(f, w.base.kinds[f.kind], w.clinical['patient-monitoring'], 'patient-monitoring');
    expect(a.points.exploitation).toBe('poc');
    expect(a.decision).toBe('Track*');
  });
});
