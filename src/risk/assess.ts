/**
 * Risk for an inventory: assessRisk scores every finding and device from the facts given (pure: no I/O, the time
 * comes in). The controls register, maintenance windows and model support it reads come from the workspace's
 * RiskContextStore (src/store/risk/risk-context.ts).
 */
import type { FindingJson } from '../findings/types.js';
import type { RiskJson } from '../inventory/types.js';
import { controlsFor, countStatus, supportFor, targetMatches, type SupportAnswer } from './applicability.js';
import { scoreDevice, type ScoredFinding } from './device-score.js';
import { scoreFinding, type DeviceExposure } from './score.js';
import type { Control, DeviceRiskInput, DeviceRiskResult, FindingRisk, MaintenanceWindow, ModelSupport, RiskDevice, SsvcDecision } from './types.js';
import type { RiskWeights } from './weights.js';

export interface AssessOptions {
  /** The time controls, acceptances and support dates are judged at; defaults to now. */
  nowMs?: number;
  windows?: readonly MaintenanceWindow[];
}

/** Exposure a device shows through its counted findings, added to its other findings. */
function deviceExposure(findings: readonly FindingJson[], nowMs: number): DeviceExposure {
  const out: DeviceExposure = { internetEgress: false, userSegmentReach: false };
  for (const f of findings) {
    if (!countStatus(f, nowMs).counted) continue;
    if (f.kind === 'internet-egress' || f.facts.external === true) out.internetEgress = true;
    if (f.kind === 'exposed-management' || f.kind === 'segmentation-violation') out.userSegmentReach = true;
  }
  return out;
}

/** One device's findings and the device itself, its support already looked up. */
function scoreOne(input: DeviceRiskInput, support: SupportAnswer, weights: RiskWeights, nowMs: number, windows: readonly MaintenanceWindow[]): { risk: RiskJson & { ssvc: SsvcDecision }; scored: ScoredFinding[] } {
  const { device } = input;
  const { active, expired } = controlsFor(input.controls, device, nowMs);
  const exposure = deviceExposure(input.findings, nowMs);
  const scored: ScoredFinding[] = input.findings.map((finding) => ({
    finding,
    score: scoreFinding(finding, { device, exposure, controls: active, expiredControls: expired, weights, nowMs }),
  }));
  const own = windows.length === 0 ? windows : windows.filter((w) => targetMatches(w, device));
  return { risk: scoreDevice(device, scored, support, own, weights), scored };
}

/** One device and its findings. */
export function assessDevice(input: DeviceRiskInput, support: readonly ModelSupport[], weights: RiskWeights, options: AssessOptions = {}): DeviceRiskResult {
  const nowMs = options.nowMs ?? Date.now();
  const { risk, scored } = scoreOne(input, supportFor(input.device, support, nowMs), weights, nowMs, options.windows ?? []);
  return { device: risk, findings: new Map<string, FindingRisk>(scored.map((s) => [s.finding.id, s.score.risk])) };
}

/** A finding whose device is not in the list is scored as an unknown device's, so it is never left without risk. */
function placeholder(id: string): RiskDevice {
  return {
    id, vendor: null, model: null, type: null, category: 'unknown', os: { name: null, version: null, label: null, endOfLife: null },
    supportEnd: null, supportStatus: null,
  };
}

/** A device as scored: its support fields as the score used them, and its risk. */
export type Scored<D extends RiskDevice> = D & { supportEnd: string | null; supportStatus: string | null; risk: RiskJson };

/**
 * Returns copies of the devices and findings with `risk` filled (the inputs are not changed). A device without its
 * own supportEnd/supportStatus gets its model's, so the JSON shows what the score used. Findings come back in input order.
 */
export function assessRisk<D extends RiskDevice>(
  devices: readonly D[],
  findings: readonly FindingJson[],
  controls: readonly Control[],
  support: readonly ModelSupport[],
  weights: RiskWeights,
  options: AssessOptions = {},
): { devices: Scored<D>[]; findings: FindingJson[] } {
  const nowMs = options.nowMs ?? Date.now();
  const byDevice = new Map<string, FindingJson[]>();
  for (const f of findings) {
    const list = byDevice.get(f.deviceId);
    if (list === undefined) byDevice.set(f.deviceId, [f]);
    else list.push(f);
  }
  const findingRisk = new Map<string, FindingRisk>();
  const windows = options.windows ?? [];
  const outDevices = devices.map((device): Scored<D> => {
    const s = supportFor(device, support, nowMs);
    const { risk, scored } = scoreOne({ device, findings: byDevice.get(device.id) ?? [], controls }, s, weights, nowMs, windows);
    byDevice.delete(device.id);
    for (const one of scored) findingRisk.set(one.finding.id, one.score.risk);
    return {
      ...device,
      supportEnd: device.supportEnd ?? s.endOfSupport,
      supportStatus: device.supportStatus ?? (s.state === 'unknown' ? null : s.state),
      risk,
    };
  });
  for (const [deviceId, orphans] of byDevice) {
    const result = assessDevice({ device: placeholder(deviceId), findings: orphans, controls }, support, weights, { ...options, nowMs });
    for (const [id, r] of result.findings) findingRisk.set(id, r);
  }
  return { devices: outDevices, findings: findings.map((f) => ({ ...f, risk: findingRisk.get(f.id) ?? f.risk })) };
}


/** Highest risk first (docs/architecture.md: `wardwatch findings` lists them so); unscored last; ties by id for stable output. */
export function byRiskDesc(a: { id: string; risk: { score: number } | null }, b: { id: string; risk: { score: number } | null }): number {
  return (b.risk?.score ?? -1) - (a.risk?.score ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
