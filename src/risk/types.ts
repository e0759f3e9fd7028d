/**
 * Risk inputs and outputs. The risk stage never sees bytes: it reads a device, its findings and the
 * compensating controls that apply, and returns a score 0-100, a level and the reasons as sentences.
 */
import type { FindingJson } from '../findings/types.js';
import type { RiskDevice, RiskJson } from '../inventory/types.js';

export type { RiskDevice };

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
  device: RiskDevice;
  findings: readonly FindingJson[];
  controls: readonly Control[];
}

export interface DeviceRiskResult {
  device: RiskJson & { ssvc: SsvcDecision };
  /** Risk of each finding, keyed by finding id. */
  findings: ReadonlyMap<string, FindingRisk>;
}

/** How a control or window names what it covers: one device, or every device of a vendor (and model). */
export interface ControlTarget {
  deviceId: string | null;
  vendor: string | null;
  model: string | null;
}

/** A time a device or model may be taken down for patching. `schedule` is checked text (schedule.ts). */
export interface MaintenanceWindow extends ControlTarget {
  id: string;
  schedule: string;
  description: string;
  by: string;
  createdAt: string;
}

export const SUPPORT_STATUSES = ['supported', 'limited', 'ended', 'unknown'] as const;
/** `limited`: security fixes only or best effort; `ended`: the vendor no longer fixes it. */
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** A vendor's end of support for one model, typed in by a person or imported from a CSV. */
export interface ModelSupport {
  vendor: string;
  model: string;
  /** ISO date (YYYY-MM-DD) or null when only the status is known. */
  endOfSupport: string | null;
  status: SupportStatus | null;
  source: 'user' | 'import';
  notes: string | null;
  updatedAt: string;
}

/** What assessRisk reads besides devices and findings (the workspace's RiskContextStore reads it: src/store/risk/risk-context.ts). */
export interface RiskContext {
  controls: Control[];
  support: ModelSupport[];
  windows: MaintenanceWindow[];
}
