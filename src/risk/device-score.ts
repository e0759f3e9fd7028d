/**
 * Per-device risk (docs/risk.md): the highest counted finding, a bounded bonus for more counted findings,
 * and device facts (end-of-life OS, vendor support ended) weighted by the clinical role. Maintenance windows are told,
 * not scored: they say when a fix can happen.
 */
import type { FindingJson } from '../findings/types.js';
import type { RiskJson } from '../inventory/types.js';
import { describeTarget, type SupportAnswer } from './applicability.js';
import { fmt, levelOf, type FindingScore } from './score.js';
import { SSVC_ORDER } from './ssvc.js';
import type { MaintenanceWindow, RiskDevice, SsvcDecision } from './types.js';
import type { RiskWeights } from './weights.js';

export interface ScoredFinding {
  finding: FindingJson;
  score: FindingScore;
}

function notCountedSentence(list: readonly ScoredFinding[]): string | null {
  const skipped = list.filter((s) => !s.score.counted);
  if (skipped.length === 0) return null;
  const by = new Map<string, number>();
  for (const s of skipped) {
    const why = s.finding.suppression !== null || s.finding.status === 'not-affected' ? 'suppressed by VEX (not affected)' : s.finding.status;
    by.set(why, (by.get(why) ?? 0) + 1);
  }
  const parts = [...by].map(([why, n]) => `${n} ${why}`);
  return `${skipped.length} finding${skipped.length === 1 ? '' : 's'} not counted: ${parts.join(', ')}.`;
}

function supportTerm(support: SupportAnswer, weight: number, w: RiskWeights, reasons: string[]): number {
  switch (support.state) {
    case 'ended': {
      const points = w.device.supportEnded * weight;
      const when = support.endOfSupport === null ? '' : ` on ${support.endOfSupport}`;
      reasons.push(`Vendor support ended${when} (per ${support.source}): +${fmt(w.device.supportEnded)} × ${fmt(weight)} = +${fmt(points)}.`);
      return points;
    }
    case 'limited': {
      const points = w.device.supportLimited * weight;
      reasons.push(`Vendor support is limited (per ${support.source}): +${fmt(w.device.supportLimited)} × ${fmt(weight)} = +${fmt(points)}.`);
      return points;
    }
    case 'supported':
      reasons.push(`Vendor support current${support.endOfSupport === null ? '' : ` until ${support.endOfSupport}`} (per ${support.source}): +0.`);
      return 0;
    case 'unknown':
      reasons.push('Vendor support status unknown (no end-of-support date for this device or model): +0.');
      return 0;
  }
}

export function scoreDevice(
  device: RiskDevice,
  scored: readonly ScoredFinding[],
  support: SupportAnswer,
  windows: readonly MaintenanceWindow[],
  w: RiskWeights,
): RiskJson & { ssvc: SsvcDecision } {
  const reasons: string[] = [];
  const counted = scored.filter((s) => s.score.counted).sort((a, b) => b.score.risk.score - a.score.risk.score);
  const top = counted[0];
  let total = 0;
  let ssvc: SsvcDecision = 'Track';
  if (top === undefined) {
    reasons.push('No counted findings: 0.');
  } else {
    total = top.score.risk.score;
    reasons.push(`Highest counted finding: "${top.finding.title}" (${top.finding.kind}) scored ${total} (${top.score.risk.level}, SSVC ${top.score.risk.ssvc}).`);
    for (const s of counted) if (SSVC_ORDER.indexOf(s.score.risk.ssvc) > SSVC_ORDER.indexOf(ssvc)) ssvc = s.score.risk.ssvc;
  }
  const extra = Math.min(w.device.maxExtraFindings, w.device.perExtraFinding * Math.max(0, counted.length - 1));
  if (counted.length > 1) {
    reasons.push(`${counted.length - 1} more counted finding${counted.length === 2 ? '' : 's'}: +${fmt(w.device.perExtraFinding)} each, at most +${fmt(w.device.maxExtraFindings)} = +${fmt(extra)}.`);
  } else if (counted.length === 1) {
    reasons.push('No other counted findings: +0.');
  }
  total += extra;
  const clinical = w.clinical[device.category];
  const osName = device.os.label ?? device.os.name ?? 'the operating system';
  if (device.os.endOfLife === true) {
    if (counted.some((s) => s.finding.kind === 'eol-os')) {
      reasons.push(`Operating system ${osName} is past end of support, already counted through its eol-os finding: +0.`);
    } else {
      const points = w.device.eolOs * clinical.weight;
      total += points;
      reasons.push(`Operating system ${osName} is past end of support: +${fmt(w.device.eolOs)} × ${fmt(clinical.weight)} (${device.category}) = +${fmt(points)}.`);
    }
  } else {
    reasons.push(`Operating system ${device.os.endOfLife === false ? `${osName} is supported` : 'support status unknown'}: +0.`);
  }
  total += supportTerm(support, clinical.weight, w, reasons);
  const skipped = notCountedSentence(scored);
  if (skipped !== null) reasons.push(skipped);
  for (const win of windows) reasons.push(`Maintenance window (${describeTarget(win)}): ${win.schedule}${win.description === '' ? '' : ` — ${win.description}`}.`);
  const score = Math.round(Math.min(100, Math.max(0, total)));
  const level = levelOf(score, w.levels);
  reasons.push(`Total ${score}: ${level}.`);
  return { score, level, reasons, ssvc };
}
