/**
 * Risk inputs and outputs (issue 5 §4-5). The risk stage never sees bytes: it reads a device, its findings and the
 * compensating controls that apply, and returns a score 0-100, a level and the reasons as sentences.
 */
import type { FindingJson } from '../findings/types.js';
import type { DeviceJson, RiskJson } from '../inventory/types.js';

export const CONTROL_KINDS = ['segmentation', 'host-firewall', 'monitoring', 'vendor-access-control', 'physical', 'other'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** A compensating control recorded by a person, for one device or for every device of a vendor/model. */
export interface Control {
  id: string;
  kind: ControlKind;
  description: string;
  deviceId: string | null;
  vendor: string | null;
  model: string | null;
  /** ISO date after which it no longer counts (a temporary rule), or null. */
  expires: string | null;
  by: string;
  createdAt: string;
}

/** SSVC deployer decision (CISA's tree): Track, Track*, Attend, Act. */
export type SsvcDecision = 'Track' | 'Track*' | 'Attend' | 'Act';

export interface FindingRisk extends RiskJson {
  ssvc: SsvcDecision;
}

export interface DeviceRiskInput {
  device: DeviceJson;
  findings: readonly FindingJson[];
  controls: readonly Control[];
}

export interface DeviceRiskResult {
  device: RiskJson & { ssvc: SsvcDecision };
  /** Risk of each finding, keyed by finding id. */
  findings: ReadonlyMap<string, FindingRisk>;
}
