/**
 * The advisory model every source is parsed into: CSAF 2.0 documents, NVD CVE 2.0 records and the CISA
 * KEV catalog end up as these plain objects, which the store writes in one transaction per document.
 */

export type AdvisorySource = 'csaf' | 'nvd';

/** CSAF 2.0 §3.2.3.3 product_status groups, folded to four states (first/last_affected -> affected, etc.). */
export type ProductStatus = 'affected' | 'fixed' | 'not_affected' | 'under_investigation';

export interface AdvisoryProduct {
  /** CSAF product_id, or an id made from the CPE for NVD. */
  productId: string;
  vendor: string;
  /** The product family (CSAF product_name branch, or the CPE product). */
  product: string;
  /** The full product name a person reads. */
  fullName: string;
  /** The version or range as the source wrote it ("<= 4.2", "2.X", "vers:all/*"), null when none. */
  versionText: string | null;
  /** The same, normalised to vers-like text (see version-range.ts), null when it could not be understood. */
  versionSpec: string | null;
  cpe: string | null;
  purl: string | null;
}

export interface AdvisoryVulnerability {
  /** CVE id, else the advisory's own id for it (CSAF ids[].text, or `<advisory>#<n>`). */
  id: string;
  cve: string | null;
  title: string | null;
  cwe: string | null;
  cvss3Base: number | null;
  cvss3Vector: string | null;
  cvss4Base: number | null;
  cvss4Vector: string | null;
  /** product_id -> status and the remediation text for that product. */
  statuses: Map<string, { status: ProductStatus; remediation: string | null }>;
}

export interface AdvisoryDocument {
  id: string;
  source: AdvisorySource;
  title: string;
  publisher: string | null;
  /** The first vendor the product tree names (for lists). */
  vendor: string | null;
  /** tracking.version (CSAF) or lastModified (NVD). */
  revision: string | null;
  published: string | null;
  updated: string | null;
  summary: string | null;
  products: AdvisoryProduct[];
  vulnerabilities: AdvisoryVulnerability[];
  /** Things the parser could not use, for the per-file report ("version text 'july 1 2017' not understood"). */
  warnings: string[];
}

export interface KevEntry {
  cve: string;
  vendor: string;
  product: string;
  name: string | null;
  dateAdded: string;
  dueDate: string | null;
  /** `Known` -> true, `Unknown` -> null (the catalog never says "no"). */
  knownRansomware: boolean | null;
  requiredAction: string | null;
}

export interface KevCatalog {
  catalogVersion: string | null;
  released: string | null;
  entries: KevEntry[];
  warnings: string[];
}

/** A document of a kind parse-any recognised. */
export type ParsedDocument =
  | { kind: 'advisory'; advisory: AdvisoryDocument }
  | { kind: 'advisories'; advisories: AdvisoryDocument[]; warnings: string[] }
  | { kind: 'kev'; catalog: KevCatalog }
  | { kind: 'rolie'; urls: string[] }
  | { kind: 'provider-metadata'; feeds: string[]; directories: string[] };
