/**
 * After an ingest (analyze, capture): conduits the approved segmentation policy does not allow become findings, and
 * findings of conduits it now allows (a policy approved again) close. Without an approved policy nothing happens.
 */
import { segmentationFinding } from '../findings/detectors/segmentation.js';
import { violations } from '../segmentation/baseline.js';
import { readSegmentView } from '../segmentation/read-view.js';
import type { Workspace } from '../store/workspace.js';

/** Returns how many conduits break the policy (0 when none is approved). */
export async function checkSegmentation(ws: Pick<Workspace, 'inventory' | 'findings' | 'baseline'>, nowMs: number = Date.now()): Promise<number> {
  const { inventory, findings } = ws;
  const baseline = await ws.baseline.read();
  if (baseline === null) return 0;
  const view = await readSegmentView(inventory);
  const found = violations(view.conduits, view.byId, baseline).map((v) => segmentationFinding(v, view.byId, baseline));
  if (found.length > 0) await findings.upsert(found);
  const keep = new Map<string, Set<string>>();
  for (const f of found) keep.set(f.deviceId, (keep.get(f.deviceId) ?? new Set()).add(f.key));
  const open = await findings.list({ kinds: ['segmentation-violation'], statuses: ['open', 'acknowledged', 'risk-accepted'] });
  for (const deviceId of new Set(open.map((f) => f.deviceId))) await findings.closeStale('segmentation-violation', [deviceId], keep.get(deviceId) ?? new Set(), nowMs);
  return found.length;
}
