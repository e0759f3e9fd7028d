/** Kysely row types for the SBOM and VEX tables of migration 0005; snake_case stays in this layer. */
import type { Generated, Kysely } from 'kysely';
import type { StatementRow } from '../../advisories/vex/product-match.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';

export interface SbomsTable {
  id: Generated<number>;
  vendor: string;
  model: string;
  vendor_key: string;
  model_key: string;
  format: 'cyclonedx' | 'spdx';
  spec_version: string | null;
  document_name: string | null;
  serial_number: string | null;
  subject_name: string | null;
  subject_version: string | null;
  component_count: number;
  vulnerability_count: number;
  attached_at: string;
  origin: string;
  sha256: string;
}

export interface SbomComponentsTable {
  id: Generated<number>;
  sbom_id: number;
  position: number;
  bom_ref: string | null;
  type: string | null;
  name: string;
  version: string | null;
  purl: string | null;
  cpe: string | null;
  supplier: string | null;
}

export interface SbomVulnerabilitiesTable {
  id: Generated<number>;
  sbom_id: number;
  vulnerability: string;
  component_refs: string;
  cvss_base: number | null;
  cvss_vector: string | null;
  severity: string | null;
  state: string | null;
  justification: string | null;
  detail: string | null;
  recommendation: string | null;
}

export interface VexDocumentsTable {
  id: Generated<number>;
  format: 'cyclonedx' | 'csaf' | 'openvex';
  document_key: string;
  title: string | null;
  origin: string;
  imported_at: string;
  statement_count: number;
  sbom_id: number | null;
}

/** The row as read is the domain's StatementRow; the store generates the id and defaults the aliases. */
export type VexStatementsTable = Omit<StatementRow, 'id' | 'aliases'> & { id: Generated<number>; aliases: Generated<string> };

// A type alias, not an interface: withTables needs an index-signature-compatible record.
export type SbomVexTables = {
  sboms: SbomsTable;
  sbom_components: SbomComponentsTable;
  sbom_vulnerabilities: SbomVulnerabilitiesTable;
  vex_documents: VexDocumentsTable;
  vex_statements: VexStatementsTable;
};

export type SbomVexDb = InventoryDb & SbomVexTables;

/** The inventory handle seen with this migration's tables (same connection, same transactions). */
export function sbomVexDb(db: Kysely<InventoryDb>): Kysely<SbomVexDb> {
  return db.withTables<SbomVexTables>();
}
