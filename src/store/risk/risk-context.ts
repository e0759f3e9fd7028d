/** What risk scoring reads besides devices and findings: the controls register, maintenance windows, model support. */
import type { Kysely } from 'kysely';
import type { RiskContext } from '../../risk/types.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { ControlsStore } from './controls-store.js';
import { SupportStore } from './support-store.js';

/** Controls, model support and maintenance windows from the inventory database (migration 0006). */
export async function loadRiskContext(db: Kysely<InventoryDb>): Promise<RiskContext> {
  const controls = new ControlsStore(db);
  return { controls: await controls.listControls(), support: await new SupportStore(db).list(), windows: await controls.listWindows() };
}

