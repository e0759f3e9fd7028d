/** Test helper: a bare device row in an inventory database, for tests that need one to hang rows on. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';

/** A bare device row, enough for foreign keys. */
export async function insertDevice(db: Kysely<InventoryDb>, id: string, vendor: string | null = null, model: string | null = null): Promise<void> {
  await db.insertInto('devices').values({ id, mac: null, first_seen: '2026-11-01T00:00:00.000Z', last_seen: '2026-11-29T00:00:00.000Z', retired_at: null, vendor, model, type: null, os_name: null, os_version: null, os_label: null, os_end_of_life: null, firmware: null, serial: null, location: null, department: null, asset_tag: null, owner: null, support_end: null, support_status: null }).execute();
}
