/** Migration 0005: SBOMs per device model and VEX statements (CycloneDX 1.4-1.6, SPDX 2.2/2.3, CSAF 2.0, OpenVEX 0.2.0). */
import { sql, type Kysely } from 'kysely';

// One SBOM per (vendor_key, model_key): attaching a new one deletes the old row, and the cascade takes its components,
// its embedded vulnerabilities and the VEX statements derived from them, all in the attach transaction.
// Keys are the vendor canonicalised through data/vendor-aliases.json and the model lower-cased, so "GE" and
// "GE Healthcare" name one vendor. Times are ISO-8601 UTC text, as in 0001.
const STATEMENTS = [
  `CREATE TABLE sboms (
     id INTEGER PRIMARY KEY,
     vendor TEXT NOT NULL,
     model TEXT NOT NULL,
     vendor_key TEXT NOT NULL,
     model_key TEXT NOT NULL,
     format TEXT NOT NULL CHECK (format IN ('cyclonedx', 'spdx')),
     spec_version TEXT,
     document_name TEXT,
     serial_number TEXT,
     subject_name TEXT,
     subject_version TEXT,
     component_count INTEGER NOT NULL CHECK (component_count >= 0),
     vulnerability_count INTEGER NOT NULL CHECK (vulnerability_count >= 0),
     attached_at TEXT NOT NULL,
     origin TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     UNIQUE (vendor_key, model_key)
   ) STRICT`,
  `CREATE INDEX sboms_serial ON sboms (serial_number) WHERE serial_number IS NOT NULL`,
  // position keeps the document order (a depth-first walk of nested CycloneDX components).
  `CREATE TABLE sbom_components (
     id INTEGER PRIMARY KEY,
     sbom_id INTEGER NOT NULL REFERENCES sboms (id) ON DELETE CASCADE,
     position INTEGER NOT NULL,
     bom_ref TEXT,
     type TEXT,
     name TEXT NOT NULL,
     version TEXT,
     purl TEXT,
     cpe TEXT,
     supplier TEXT
   ) STRICT`,
  `CREATE INDEX sbom_components_sbom ON sbom_components (sbom_id, position)`,
  `CREATE INDEX sbom_components_bom_ref ON sbom_components (bom_ref) WHERE bom_ref IS NOT NULL`,
  // A CycloneDX BOM's own vulnerabilities[]: component_refs is a JSON array of bom-refs; state is analysis.state.
  `CREATE TABLE sbom_vulnerabilities (
     id INTEGER PRIMARY KEY,
     sbom_id INTEGER NOT NULL REFERENCES sboms (id) ON DELETE CASCADE,
     vulnerability TEXT NOT NULL,
     component_refs TEXT NOT NULL,
     cvss_base REAL,
     cvss_vector TEXT,
     severity TEXT,
     state TEXT,
     justification TEXT,
     detail TEXT,
     recommendation TEXT
   ) STRICT`,
  `CREATE INDEX sbom_vulnerabilities_sbom ON sbom_vulnerabilities (sbom_id)`,
  // A VEX document as imported; importing the same (format, document_key) again replaces its statements.
  // sbom_id is set for the statements derived from an attached SBOM's embedded analysis.
  `CREATE TABLE vex_documents (
     id INTEGER PRIMARY KEY,
     format TEXT NOT NULL CHECK (format IN ('cyclonedx', 'csaf', 'openvex')),
     document_key TEXT NOT NULL,
     title TEXT,
     origin TEXT NOT NULL,
     imported_at TEXT NOT NULL,
     statement_count INTEGER NOT NULL CHECK (statement_count >= 0),
     sbom_id INTEGER REFERENCES sboms (id) ON DELETE CASCADE,
     UNIQUE (format, document_key)
   ) STRICT`,
  // One row per (vulnerability, product) of a statement. The product is any of: vendor/product/version (or a
  // vers: range), a purl, a CPE, a CSAF full product name, or a CycloneDX BOM-Link (product_ref) resolved at
  // decision time against attached SBOMs. issued_at is the statement's own time (else the document's): newest wins.
  `CREATE TABLE vex_statements (
     id INTEGER PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES vex_documents (id) ON DELETE CASCADE,
     vulnerability TEXT NOT NULL,
     aliases TEXT NOT NULL DEFAULT '',
     vendor TEXT,
     vendor_key TEXT,
     product TEXT,
     product_key TEXT,
     version TEXT,
     version_range TEXT,
     purl TEXT,
     cpe TEXT,
     product_name TEXT,
     product_ref TEXT,
     status TEXT NOT NULL CHECK (status IN ('not_affected', 'affected', 'fixed', 'under_investigation')),
     justification TEXT,
     impact_statement TEXT,
     action_statement TEXT,
     issued_at TEXT NOT NULL,
     source TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX vex_statements_vulnerability ON vex_statements (vulnerability COLLATE NOCASE)`,
  `CREATE INDEX vex_statements_document ON vex_statements (document_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
