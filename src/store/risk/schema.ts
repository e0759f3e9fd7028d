/** Kysely row types for migration 0006 (controls, maintenance_windows, model_support); snake_case stays here. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';

export interface ControlsTable {
  id: string;
  kind: string;
  description: string;
  device_id: string | null;
  vendor: string | null;
  model: string | null;
  expires: string | null;
  created_by: string;
  created_at: string;
}

export interface MaintenanceWindowsTable {
  id: string;
  device_id: string | null;
  vendor: string | null;
  model: string | null;
  schedule: string;
  description: string;
  created_by: string;
  created_at: string;
}

export interface ModelSupportTable {
  vendor: string;
  model: string;
  end_of_support: string | null;
  status: string | null;
  source: 'user' | 'import';
  notes: string | null;
  updated_at: string;
}

/** A type alias, not an interface: Kysely's withTables needs the index signature an alias has. */
export type ControlsTables = { controls: ControlsTable; maintenance_windows: MaintenanceWindowsTable; model_support: ModelSupportTable };

export type ControlsDb = InventoryDb & ControlsTables;

export function controlsDb(db: Kysely<InventoryDb>): Kysely<ControlsDb> {
  return db.withTables<ControlsTables>();
}
