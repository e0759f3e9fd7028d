/**
 * Per-finding risk score (formula in docs/risk.md):
 *   pre   = min(100, base × clinical + KEV + SSVC + exposure)
 *   score = clamp(pre − controls, 0, 100), controls capped at controls.max
 * Every term is a reason sentence, including the ones that add nothing, so a person can check the arithmetic.
 */
import type { FindingJson } from '../findings/types.js';
import type { RiskJson } from '../inventory/types.js';
import { countStatus, describeTarget } from './applicability.js';
import { assessSsvc } from './ssvc.js';
import type { Control, FindingRisk, RiskDevice } from './types.js';
import type { RiskWeights } from './weights.js';

/** Device facts that raise every finding on it (seen on the wire, from its other findings). */
export interface DeviceExposure {
  internetEgress: boolean;
  userSegmentReach: boolean;
}

export interface FindingScore {
  risk: FindingRisk;
  /** Counts toward the device's score (open, acknowledged, or an expired risk acceptance). */
  counted: boolean;
}

/** One decimal at most: the reasons show the arithmetic, not float noise. */
export const fmt = (n: number): string => String(Math.round(n * 10) / 10);

export function levelOf(score: number, levels: RiskWeights['levels']): RiskJson['level'] {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  if (score >= levels.low) return 'low';
  return 'info';
}

function roleLabel(device: RiskDevice): string {
  const name = device.type ?? device.category;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function baseTerm(f: FindingJson, w: RiskWeights): { points: number; reason: string } {
  const cvss = f.facts.cvssBase;
  if (cvss !== undefined && Number.isFinite(cvss) && cvss >= 0 && cvss <= 10) {
    const points = cvss * w.base.cvssPoints;
    return { points, reason: `CVSS base ${fmt(cvss)} × ${fmt(w.base.cvssPoints)} = ${fmt(points)} points.` };
  }
  const kind = w.base.kinds[f.kind];
  if (kind !== undefined) {
    const points = kind.base * w.base.cvssPoints;
    return { points, reason: `No CVSS score: ${f.kind} defaults to base ${fmt(kind.base)} (${kind.reason}), × ${fmt(w.base.cvssPoints)} = ${fmt(points)} points.` };
  }
  const sev = w.base.severity[f.severity];
  const points = sev * w.base.cvssPoints;
  return { points, reason: `No CVSS score: severity ${f.severity} counts as base ${fmt(sev)}, × ${fmt(w.base.cvssPoints)} = ${fmt(points)} points.` };
}

function exposureTerms(f: FindingJson, exposure: DeviceExposure, w: RiskWeights, reasons: string[]): number {
  let total = 0;
  if (f.facts.external === true) {
    total += w.exposure.external;
    const peers = f.facts.peers !== undefined && f.facts.peers.length > 0 ? ` (${f.facts.peers.slice(0, 3).join(', ')})` : '';
    reasons.push(`Exposure: a peer outside the hospital's networks was seen${peers}: +${fmt(w.exposure.external)}.`);
  } else if (exposure.internetEgress && f.kind !== 'internet-egress') {
    total += w.exposure.deviceInternetEgress;
    reasons.push(`Exposure: the device talks to the internet (internet-egress finding): +${fmt(w.exposure.deviceInternetEgress)}.`);
  }
  if (exposure.userSegmentReach && f.kind !== 'exposed-management' && f.kind !== 'segmentation-violation') {
    total += w.exposure.userSegmentReach;
    reasons.push(`Exposure: the device is reachable from user segments (exposed-management or segmentation-violation finding): +${fmt(w.exposure.userSegmentReach)}.`);
  }
  if (total === 0) reasons.push('Exposure: nothing beyond the finding itself seen on the wire: +0.');
  if (total > w.exposure.max) {
    reasons.push(`Exposure capped at +${fmt(w.exposure.max)}.`);
    total = w.exposure.max;
  }
  return total;
}

/** One control of each kind counts (two firewalls are not twice the protection); the kind must cover the finding. */
function controlTerms(f: FindingJson, controls: readonly Control[], expired: readonly Control[], w: RiskWeights, reasons: string[]): number {
  let total = 0;
  const seen = new Set<string>();
  for (const c of controls) {
    const cw = w.controls.kinds[c.kind];
    const label = `Compensating control ${c.kind} "${c.description}" (${describeTarget(c)})`;
    if (cw.appliesTo.length > 0 && !cw.appliesTo.includes(f.kind)) {
      reasons.push(`${label} does not address ${f.kind} findings: −0.`);
    } else if (seen.has(c.kind)) {
      reasons.push(`${label}: another ${c.kind} control already counted: −0.`);
    } else {
      seen.add(c.kind);
      total += cw.points;
      reasons.push(`${label}: −${fmt(cw.points)}.`);
    }
  }
  for (const c of expired) reasons.push(`Control ${c.kind} "${c.description}" expired on ${(c.expires ?? '').slice(0, 10)}: not counted.`);
  if (controls.length === 0) reasons.push('No compensating control in force for this device or model: −0.');
  if (total > w.controls.max) {
    reasons.push(`Compensating controls capped at −${fmt(w.controls.max)}.`);
    total = w.controls.max;
  }
  return total;
}

export interface ScoreContext {
  device: RiskDevice;
  exposure: DeviceExposure;
  controls: readonly Control[];
  expiredControls: readonly Control[];
  weights: RiskWeights;
  nowMs: number;
}

export function scoreFinding(f: FindingJson, ctx: ScoreContext): FindingScore {
  const w = ctx.weights;
  const clinical = w.clinical[ctx.device.category];
  const status = countStatus(f, ctx.nowMs);
  if (status.zero) {
    // Not affected or fixed: nothing to prioritise, whatever the CVE's SSVC would say on an affected device.
    return { risk: { score: 0, level: 'info', reasons: [status.reason ?? 'Not counted.'], ssvc: 'Track' }, counted: false };
  }
  const ssvc = assessSsvc(f, w.base.kinds[f.kind], clinical, ctx.device.category);
  const reasons: string[] = [];
  const base = baseTerm(f, w);
  reasons.push(base.reason);
  const clinicalPoints = base.points * clinical.weight;
  reasons.push(`${roleLabel(ctx.device)}: ${clinical.reason}; mission & well-being ${ssvc.points.missionWellBeing} (×${fmt(clinical.weight)}) = ${fmt(clinicalPoints)}.`);
  const kev = f.facts.kev === true ? w.kev : 0;
  reasons.push(kev > 0 ? `In CISA's Known Exploited Vulnerabilities catalog: +${fmt(kev)}.` : 'Not in CISA\'s Known Exploited Vulnerabilities catalog: +0.');
  reasons.push(...ssvc.reasons);
  const ssvcPoints = w.ssvc[ssvc.decision];
  reasons.push(`SSVC ${ssvc.decision}: +${fmt(ssvcPoints)}.`);
  const exposure = exposureTerms(f, ctx.exposure, w, reasons);
  let pre = clinicalPoints + kev + ssvcPoints + exposure;
  if (pre > 100) {
    reasons.push(`Capped at 100 before controls (was ${fmt(pre)}).`);
    pre = 100;
  }
  const controls = controlTerms(f, ctx.controls, ctx.expiredControls, w, reasons);
  const score = Math.round(Math.min(100, Math.max(0, pre - controls)));
  const level = levelOf(score, w.levels);
  reasons.push(`Total ${score}: ${level}.`);
  if (status.reason !== null) reasons.push(status.reason);
  return { risk: { score, level, reasons, ssvc: ssvc.decision }, counted: status.counted };
}
