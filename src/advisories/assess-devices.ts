/**
 * Known-vulnerability findings: every inventory device's vendor/model/firmware asked of the advisory
 * matcher (plus SBOM matches and VEX decisions when given), turned into one finding per vulnerability per device with
 * the match reasons as evidence, upserted; findings no longer matched are closed.
 */
import type { FindingsRepository } from '../findings/findings-repository.js';
import type { FindingInput } from '../findings/types.js';
import type { DeviceJson } from '../inventory/types.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import { mergeMatches, toFinding } from './match-finding.js';
import type { ProductQuery, VexStore, VulnerabilityMatch, VulnerabilityMatcher } from './types.js';

export interface AssessOptions {
  inventory: Pick<InventoryRepository, 'listDevices'>;
  matcher: VulnerabilityMatcher;
  findings: Pick<FindingsRepository, 'upsert' | 'closeStale'>;
  /** More matches for a device, e.g. through its model's SBOM. */
  extraMatches?: (device: DeviceJson) => Promise<VulnerabilityMatch[]>;
  vex?: VexStore;
  nowMs?: number;
}

export interface AssessResult {
  devices: number;
  /** Devices with at least one (unsuppressed or suppressed) finding. */
  affectedDevices: number;
  findings: number;
  suppressed: number;
  created: number;
  updated: number;
  closed: number;
  /** deviceId -> the merged matches, for `advisories list` and `unmatched`. */
  matches: Map<string, VulnerabilityMatch[]>;
}

/** The product a device is: vendor, model, and the firmware (else the software version it reported). */
export function deviceQuery(d: DeviceJson): ProductQuery {
  return { vendor: d.vendor, product: d.model, version: d.firmware };
}

export async function matchDevice(d: DeviceJson, matcher: VulnerabilityMatcher, extra?: (device: DeviceJson) => Promise<VulnerabilityMatch[]>): Promise<VulnerabilityMatch[]> {
  const q = deviceQuery(d);
  const own = q.vendor !== null && q.product !== null ? await matcher.match(q) : [];
  return extra === undefined ? own : [...own, ...(await extra(d))];
}

export async function assessDevices(options: AssessOptions): Promise<AssessResult> {
  const nowMs = options.nowMs ?? Date.now();
  const devices = await options.inventory.listDevices();
  const inputs: FindingInput[] = [];
  const keep = new Map<string, Set<string>>();
  const matches = new Map<string, VulnerabilityMatch[]>();
  let suppressed = 0;
  for (const d of devices) {
    const found = await matchDevice(d, options.matcher, options.extraMatches);
    keep.set(d.id, new Set());
    if (found.length === 0) continue;
    matches.set(d.id, found);
    for (const merged of mergeMatches(found)) {
      const q = deviceQuery(d);
      const decision = options.vex === undefined ? null
        : (await options.vex.decisionFor(merged.vulnerability, q)) ?? (await firstComponentDecision(options.vex, merged.vulnerability, merged.matches));
      // A vendor's VEX "fixed" for this product: the finding is not true; leave it to closeStale.
      if (decision?.status === 'fixed') continue;
      const finding = toFinding(d, merged, decision?.status === 'not_affected' ? decision : null, nowMs);
      if (finding.suppression !== null && finding.suppression !== undefined) suppressed++;
      inputs.push(finding);
      keep.get(d.id)?.add(finding.key);
    }
  }
  const { created, updated } = inputs.length === 0 ? { created: 0, updated: 0 } : await options.findings.upsert(inputs, nowMs);
  let closed = 0;
  for (const [deviceId, keys] of keep) closed += await options.findings.closeStale('known-vulnerability', [deviceId], keys, nowMs);
  return {
    devices: devices.length,
    affectedDevices: new Set(inputs.map((i) => i.deviceId)).size,
    findings: inputs.length,
    suppressed,
    created,
    updated,
    closed,
    matches,
  };
}

async function firstComponentDecision(vex: VexStore, vulnerability: string, found: readonly VulnerabilityMatch[]): Promise<Awaited<ReturnType<VexStore['decisionFor']>>> {
  for (const m of found) {
    if (m.component === undefined) continue;
    const d = await vex.decisionFor(vulnerability, m.component);
    if (d !== null) return d;
  }
  return null;
}
