/**
 * Migration 0009: the vendor keys stored with SBOMs and VEX statements recomputed with the advisories' alias table,
 * now the one vendor normaliser (accents folded, advisory-only aliases known), so stored keys match what lookups
 * compute. Two SBOMs that now share (vendor, model) keys are one model: the newer stays, as an attach would leave it.
 */
import type { Kysely } from 'kysely';
import { vendorKey } from '../../advisories/sbom/vendor-key.js';

interface KeyedTables {
  sboms: { id: number; vendor: string; vendor_key: string; model_key: string };
  vex_statements: { id: number; vendor: string | null; vendor_key: string | null };
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<KeyedTables>;
  const sboms = await db.selectFrom('sboms').select(['id', 'vendor', 'vendor_key', 'model_key']).orderBy('id', 'desc').execute();
  const kept = new Set<string>();
  for (const s of sboms) {
    const key = vendorKey(s.vendor);
    const slot = `${key}\u0000${s.model_key}`;
    // Newest first: an older SBOM of the same model goes, with its components and statements (cascades).
    if (kept.has(slot)) await db.deleteFrom('sboms').where('id', '=', s.id).execute();
    else {
      kept.add(slot);
      if (key !== s.vendor_key) await db.updateTable('sboms').set({ vendor_key: `\u0000${String(s.id)}` }).where('id', '=', s.id).execute();
    }
  }
  // Two passes: a key may move to one another SBOM held a moment ago (UNIQUE would refuse the swap in one).
  for (const s of sboms) {
    const key = vendorKey(s.vendor);
    if (key !== s.vendor_key) await db.updateTable('sboms').set({ vendor_key: key }).where('id', '=', s.id).execute();
  }
  const statements = await db.selectFrom('vex_statements').select(['id', 'vendor', 'vendor_key']).where('vendor', 'is not', null).execute();
  for (const v of statements) {
    const key = v.vendor === null ? null : vendorKey(v.vendor);
    if (key !== v.vendor_key) await db.updateTable('vex_statements').set({ vendor_key: key }).where('id', '=', v.id).execute();
  }
}
