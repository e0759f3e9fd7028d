/** The approved segmentation policy (`policy_baseline`, migration 0011): replaced whole on approval, read back in order. */
import type { Kysely } from 'kysely';
import { serviceKey, type ApprovedService, type Baseline } from '../../segmentation/baseline.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';

/** Replaces the approved services, in one transaction. */
export async function approveBaseline(db: Kysely<InventoryDb>, services: readonly ApprovedService[], by: string, atMs: number): Promise<void> {
  const at = new Date(atMs).toISOString();
  const unique = new Map(services.map((s) => [serviceKey(s), s]));
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('policy_baseline').execute();
    for (const s of unique.values()) {
      await tx.insertInto('policy_baseline').values({ from_zone: s.fromZone, to_zone: s.toZone, proto: s.proto, port: s.port ?? -1, approved_at: at, approved_by: by }).execute();
    }
  });
}

/** The approved policy, or null when none was ever approved (then nothing is a violation). */
export async function readBaseline(db: Kysely<InventoryDb>): Promise<Baseline | null> {
  const rows = await db.selectFrom('policy_baseline').selectAll().orderBy('from_zone').orderBy('to_zone').orderBy('proto').orderBy('port').execute();
  const first = rows[0];
  if (first === undefined) return null;
  return {
    services: rows.map((r) => ({ fromZone: r.from_zone, toZone: r.to_zone, proto: r.proto, port: r.port === -1 ? null : r.port })),
    approvedAt: first.approved_at,
    approvedBy: first.approved_by,
  };
}
