/**
 * After `sbom attach|detach` and `vex import`: re-assess every device (src/advisories/reassess.ts) so known-vulnerability
 * findings pick up the model's SBOM matches and the new VEX suppressions at once.
 */
import type { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import { formatAssessment, reassessDatabase } from '../reassess.js';

/** The one-line summary, or a warning line when assessing failed: the SBOM / VEX write itself is already committed. */
export async function reassessDevicesAfterSbomVex(dbFile: string, inventory: SqliteInventory, nowMs: number = Date.now()): Promise<{ line: string; failed: boolean }> {
  try {
    return { line: formatAssessment(await reassessDatabase(dbFile, inventory, undefined, nowMs)), failed: false };
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
    return { line: `warning: stored, but re-assessing devices failed (${why}); run \`wardwatch advisories import\` again later`, failed: true };
  }
}

export function reportReassessment(r: { line: string; failed: boolean }): void {
  if (r.failed) process.stderr.write(`${r.line}\n`);
  else process.stdout.write(`${r.line}\n`);
}
