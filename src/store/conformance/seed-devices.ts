/**
 * Conformance test support: device rows inserted through Kysely (dialect-neutral), for stores whose rows reference
 * devices (findings, controls, register) without going through an ingest.
 */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';

export const SEEN_AT = '2026-01-10T08:00:00.000Z';

export async function seedDevices(db: Kysely<InventoryDb>, ids: readonly string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await db.insertInto('devices').values({
      id, mac: `00:00:5e:00:53:${(i + 1).toString(16).padStart(2, '0')}`, first_seen: SEEN_AT, last_seen: SEEN_AT, vendor: 'Baxter', model: 'Sigma Spectrum',
    }).execute();
  }
}
