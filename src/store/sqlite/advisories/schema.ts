/** Kysely row types of migration 0004 (advisories); snake_case stays in this layer. */

export interface AdvisoriesTable {
  id: string;
  source: 'csaf' | 'nvd';
  title: string;
  publisher: string | null;
  vendor: string | null;
  revision: string | null;
  published: string | null;
  updated: string | null;
  summary: string | null;
  imported_at: string;
  origin: string;
}

export interface AdvisoryProductsTable {
  advisory_id: string;
  product_id: string;
  vendor: string;
  product: string;
  full_name: string;
  version_text: string | null;
  version_spec: string | null;
  cpe: string | null;
  purl: string | null;
}

export interface AdvisoryVulnerabilitiesTable {
  advisory_id: string;
  vuln_id: string;
  cve: string | null;
  title: string | null;
  cwe: string | null;
  cvss3_base: number | null;
  cvss3_vector: string | null;
  cvss4_base: number | null;
  cvss4_vector: string | null;
}

export interface AdvisoryProductStatusTable {
  advisory_id: string;
  vuln_id: string;
  product_id: string;
  status: 'affected' | 'fixed' | 'not_affected' | 'under_investigation';
  remediation: string | null;
}

export interface KevTable {
  cve: string;
  vendor: string;
  product: string;
  name: string | null;
  date_added: string;
  due_date: string | null;
  known_ransomware: number | null;
  required_action: string | null;
  catalog_version: string | null;
  imported_at: string;
}

export interface AdvisoryDb {
  advisories: AdvisoriesTable;
  advisory_products: AdvisoryProductsTable;
  advisory_vulnerabilities: AdvisoryVulnerabilitiesTable;
  advisory_product_status: AdvisoryProductStatusTable;
  kev: KevTable;
}
