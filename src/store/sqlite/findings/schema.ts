/** Kysely row types for the findings tables (migrations/0003-findings.ts); snake_case stays in this layer. */
import type { Generated } from 'kysely';
import type { InventoryDb } from '../inventory/schema.js';

export interface FindingsTable {
  id: string;
  device_id: string;
  kind: string;
  key: string;
  severity: string;
  title: string;
  detail: string;
  /** JSON text: string[]. */
  evidence: string;
  /** JSON text: FindingFacts. */
  facts: string;
  /** JSON text: Suppression, or null. */
  suppression: string | null;
  /** JSON text: RiskJson, filled by the risk stage, or null. */
  risk: string | null;
  first_seen: string;
  last_seen: string;
  count: number;
  status: string;
  status_reason: string | null;
  status_owner: string | null;
  status_expires: string | null;
  status_changed_at: string | null;
  status_by: string | null;
  /** Its device's site (migration 0013). */
  site_id: Generated<string>;
}

export interface FindingStatusHistoryTable {
  id: Generated<number>;
  finding_id: string;
  old_status: string;
  new_status: string;
  reason: string | null;
  owner: string | null;
  expires: string | null;
  changed_at: string;
  changed_by: string;
}

export interface RemoteSessionsTable {
  id: Generated<number>;
  device_id: string;
  peer: string;
  service: string;
  started: string;
  ended: string;
  duration_s: number;
  bytes: number;
  always_on: number;
}

// A type alias, not an interface: Kysely's withTables<T> needs T assignable to an index-signature record.
export type FindingsTables = {
  findings: FindingsTable;
  finding_status_history: FindingStatusHistoryTable;
  remote_sessions: RemoteSessionsTable;
};

export type FindingsDb = InventoryDb & FindingsTables;
