/**
 * Re-assess every device of a database against the stored advisories, SBOMs and VEX statements, writing
 * known-vulnerability findings (after `advisories import`; `sbom attach` and `vex import` can call it too).
 */
import { SqliteFindings } from '../findings/sqlite/sqlite-findings.js';
import type { SqliteInventory } from '../inventory/sqlite/sqlite-inventory.js';
import { assessDevices, type AssessResult } from './assess-devices.js';
import { sbomMatches } from './sbom/sbom-matches.js';
import { SqliteAdvisoryStore } from './sqlite/advisory-store.js';
import { SqliteVexStore } from './vex/vex-store.js';

export async function reassessDatabase(dbFile: string, inventory: SqliteInventory, store: SqliteAdvisoryStore = SqliteAdvisoryStore.over(inventory.db), nowMs: number = Date.now()): Promise<AssessResult> {
  const findings = await SqliteFindings.open(dbFile);
  try {
    return await assessDevices({
      inventory,
      matcher: store,
      findings,
      vex: new SqliteVexStore(inventory.db),
      extraMatches: (d) => (d.vendor === null || d.model === null ? Promise.resolve([]) : sbomMatches(inventory.db, d.vendor, d.model, store)),
      nowMs,
    });
  } finally {
    await findings.close();
  }
}

export function formatAssessment(r: AssessResult): string {
  const suppressed = r.suppressed === 0 ? '' : ` (${r.suppressed} marked not affected by VEX)`;
  return `assessed ${r.devices} devices: ${r.findings} known-vulnerability findings on ${r.affectedDevices} devices${suppressed}; ${r.created} new, ${r.closed} closed`;
}
