/** Which controls, statuses and support records apply to a device or finding at a given time. */
import type { FindingJson } from '../findings/types.js';
import type { Control, ControlTarget, ModelSupport, RiskDevice } from './types.js';

function same(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A target names the device itself, or its vendor and model (model null = every model of the vendor). */
export function targetMatches(target: ControlTarget, device: RiskDevice): boolean {
  if (target.deviceId !== null) return target.deviceId === device.id;
  return same(target.vendor, device.vendor) && (target.model === null || same(target.model, device.model));
}

export function describeTarget(target: ControlTarget): string {
  if (target.deviceId !== null) return `device ${target.deviceId}`;
  return target.model === null ? `all ${target.vendor ?? '?'} devices` : `${target.vendor ?? '?'} ${target.model}`;
}

/** End of the day an ISO date names, in ms (a control "expires 2026-12-31" still counts on the 31st). */
export function endOfDayMs(date: string): number {
  const day = date.slice(0, 10);
  const ms = Date.parse(`${day}T23:59:59.999Z`);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

export interface DeviceControls {
  active: Control[];
  expired: Control[];
}

export function controlsFor(controls: readonly Control[], device: RiskDevice, nowMs: number): DeviceControls {
  const out: DeviceControls = { active: [], expired: [] };
  for (const c of controls) {
    if (!targetMatches(c, device)) continue;
    if (c.expires !== null && endOfDayMs(c.expires) < nowMs) out.expired.push(c);
    else out.active.push(c);
  }
  return out;
}

/** Whether a finding counts toward its device's score; `zero` = its own score is 0 as well (nothing left to fix). */
export interface CountStatus {
  counted: boolean;
  zero: boolean;
  reason: string | null;
}

export function countStatus(f: FindingJson, nowMs: number): CountStatus {
  if (f.status === 'not-affected' || f.suppression !== null) {
    const why = f.suppression === null ? 'a VEX statement' : `${f.suppression.source} (${f.suppression.justification})`;
    return { counted: false, zero: true, reason: `Suppressed: the vendor says the product is not affected per ${why}; not counted.` };
  }
  if (f.status === 'mitigated') {
    const by = f.statusBy === null ? '' : ` by ${f.statusBy}`;
    const at = f.statusChangedAt === null ? '' : ` on ${f.statusChangedAt.slice(0, 10)}`;
    return { counted: false, zero: true, reason: `Mitigated${by}${at}: not counted.` };
  }
  if (f.status === 'risk-accepted') {
    if (f.statusExpires !== null && endOfDayMs(f.statusExpires) < nowMs) {
      return { counted: true, zero: false, reason: `Risk acceptance expired on ${f.statusExpires.slice(0, 10)}: counted as open again.` };
    }
    const owner = f.statusOwner === null ? '' : ` by ${f.statusOwner}`;
    const until = f.statusExpires === null ? '' : ` until ${f.statusExpires.slice(0, 10)}`;
    const why = f.statusReason === null ? '' : ` (${f.statusReason})`;
    return { counted: false, zero: false, reason: `Risk accepted${owner}${until}${why}: the score stands but is not counted in the device's score.` };
  }
  return { counted: true, zero: false, reason: null };
}

export type SupportState = 'supported' | 'limited' | 'ended' | 'unknown';

export interface SupportAnswer {
  state: SupportState;
  endOfSupport: string | null;
  /** What the answer rests on, for the reason sentence. */
  source: string;
}

/**
 * The device's own support fields (CMMS import or `device set`) win over the model's record; a past end date means
 * ended whatever the recorded status says, because a status typed years ago goes stale.
 */
export function supportFor(device: RiskDevice, support: readonly ModelSupport[], nowMs: number): SupportAnswer {
  const model = support.find((s) => same(s.vendor, device.vendor) && same(s.model, device.model)) ?? null;
  const end = device.supportEnd ?? model?.endOfSupport ?? null;
  const source = device.supportEnd !== null || device.supportStatus !== null ? 'the device record' : model !== null ? `the ${model.source === 'import' ? 'imported' : 'recorded'} support of ${model.vendor} ${model.model}` : 'no record';
  if (end !== null && endOfDayMs(end) < nowMs) return { state: 'ended', endOfSupport: end, source };
  const status = device.supportStatus ?? model?.status ?? null;
  const state: SupportState = status === null ? (end !== null ? 'supported' : 'unknown') : statusState(status);
  return { state, endOfSupport: end, source };
}

// A CMMS writes support status in its own words; these are the common ones (letters only, lower case).
const STATUS_WORDS: Readonly<Record<string, SupportState>> = {
  ended: 'ended', unsupported: 'ended', endofsupport: 'ended', endoflife: 'ended', eol: 'ended', eos: 'ended', obsolete: 'ended', notsupported: 'ended',
  limited: 'limited', extended: 'limited', securityonly: 'limited', besteffort: 'limited',
  supported: 'supported', active: 'supported', current: 'supported', insupport: 'supported',
};

export function statusState(status: string): SupportState {
  return STATUS_WORDS[status.toLowerCase().replace(/[^a-z]/g, '')] ?? 'unknown';
}
