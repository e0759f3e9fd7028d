/** Migration 0004: advisories: CSAF / NVD documents, their products, vulnerabilities and statuses, and KEV. */
import { sql, type Kysely } from 'kysely';

// One row set per document: a newer revision deletes the old rows (ON DELETE CASCADE) and writes its own in one
// transaction. Only summary fields are kept, never the document JSON. Times are ISO-8601 UTC text.
const STATEMENTS: string[] = [
  `CREATE TABLE advisories (
     id TEXT PRIMARY KEY,
     source TEXT NOT NULL CHECK (source IN ('csaf', 'nvd')),
     title TEXT NOT NULL,
     publisher TEXT,
     vendor TEXT,
     revision TEXT,
     published TEXT,
     updated TEXT,
     summary TEXT,
     imported_at TEXT NOT NULL,
     origin TEXT NOT NULL
   ) STRICT`,
  // version_text is what the source wrote; version_spec its vers-like normal form (null: not understood).
  `CREATE TABLE advisory_products (
     advisory_id TEXT NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
     product_id TEXT NOT NULL,
     vendor TEXT NOT NULL,
     product TEXT NOT NULL,
     full_name TEXT NOT NULL,
     version_text TEXT,
     version_spec TEXT,
     cpe TEXT,
     purl TEXT,
     PRIMARY KEY (advisory_id, product_id)
   ) STRICT`,
  `CREATE TABLE advisory_vulnerabilities (
     advisory_id TEXT NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
     vuln_id TEXT NOT NULL,
     cve TEXT,
     title TEXT,
     cwe TEXT,
     cvss3_base REAL CHECK (cvss3_base IS NULL OR (cvss3_base >= 0 AND cvss3_base <= 10)),
     cvss3_vector TEXT,
     cvss4_base REAL CHECK (cvss4_base IS NULL OR (cvss4_base >= 0 AND cvss4_base <= 10)),
     cvss4_vector TEXT,
     PRIMARY KEY (advisory_id, vuln_id)
   ) STRICT`,
  `CREATE INDEX advisory_vulnerabilities_cve ON advisory_vulnerabilities (cve) WHERE cve IS NOT NULL`,
  `CREATE TABLE advisory_product_status (
     advisory_id TEXT NOT NULL,
     vuln_id TEXT NOT NULL,
     product_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('affected', 'fixed', 'not_affected', 'under_investigation')),
     remediation TEXT,
     PRIMARY KEY (advisory_id, vuln_id, product_id),
     FOREIGN KEY (advisory_id, vuln_id) REFERENCES advisory_vulnerabilities (advisory_id, vuln_id) ON DELETE CASCADE,
     FOREIGN KEY (advisory_id, product_id) REFERENCES advisory_products (advisory_id, product_id) ON DELETE CASCADE
   ) STRICT`,
  // The KEV catalog is replaced whole on import; known_ransomware is 1 (Known) or NULL (Unknown).
  `CREATE TABLE kev (
     cve TEXT PRIMARY KEY,
     vendor TEXT NOT NULL,
     product TEXT NOT NULL,
     name TEXT,
     date_added TEXT NOT NULL,
     due_date TEXT,
     known_ransomware INTEGER CHECK (known_ransomware IS NULL OR known_ransomware IN (0, 1)),
     required_action TEXT,
     catalog_version TEXT,
     imported_at TEXT NOT NULL
   ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
