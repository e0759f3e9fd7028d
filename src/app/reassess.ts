/**
 * Re-assess every device of a workspace against the stored advisories, SBOMs and VEX statements, writing
 * known-vulnerability findings (after an analyze run, `advisories import --assess`, `sbom attach|detach`, `vex import`).
 */
import { assessDevices, type AssessResult } from '../advisories/assess-devices.js';
import type { Workspace } from '../store/workspace.js';

export type { AssessResult };

export function reassessDevices(ws: Pick<Workspace, 'inventory' | 'findings' | 'advisories' | 'vex' | 'sbom'>, nowMs: number = Date.now()): Promise<AssessResult> {
  return assessDevices({
    inventory: ws.inventory,
    matcher: ws.advisories,
    findings: ws.findings,
    vex: ws.vex,
    extraMatches: (d) => (d.vendor === null || d.model === null ? Promise.resolve([]) : ws.sbom.matches(d.vendor, d.model, ws.advisories)),
    nowMs,
  });
}

/**
 * After an SBOM or VEX write, which is committed already: the assessment, or why it failed (the caller warns and
 * goes on: the write stands and the next assessment catches up).
 */
export async function reassessAfterWrite(ws: Workspace, nowMs: number = Date.now()): Promise<{ ok: true; result: AssessResult } | { ok: false; why: string }> {
  try {
    return { ok: true, result: await reassessDevices(ws, nowMs) };
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err) };
  }
}
