/**
 * Shared shapes of the vulnerability knowledge: what a device or an SBOM component is matched with,
 * what a match says and why, and what a VEX statement decides. The advisory store implements VulnerabilityMatcher;
 * the SBOM and VEX stores use it and implement VexStore.
 */

/** A product to match: a device (vendor/model/version from the inventory) or an SBOM component (purl/cpe too). */
export interface ProductQuery {
  vendor: string | null;
  product: string | null;
  version: string | null;
  purl?: string | null;
  cpe?: string | null;
}

export type MatchSource = 'csaf' | 'nvd' | 'sbom';

/** One vulnerability that applies to a product, with the reasons a person can check. */
export interface VulnerabilityMatch {
  /** CVE id, or the advisory's own vulnerability id when it has no CVE. */
  vulnerability: string;
  advisoryId: string;
  advisoryTitle: string;
  source: MatchSource;
  /** The advisory's product name (full product name / CPE) that matched. */
  matchedProduct: string;
  /** CVSS base (v4 when given, else v3.x), null when the advisory scores none. */
  cvssBase: number | null;
  cvssVector: string | null;
  /** In the CISA KEV catalog (when imported). */
  kev: boolean;
  /** Sentences: how vendor, product and version matched ("vendor GE Healthcare is an alias of GE …"). */
  reasons: string[];
  /** The vendor's remediation (fix version, mitigation), when the advisory gives one. */
  remediation: string | null;
  /** True when the version was unknown and matched a product without a version range check (less certain). */
  versionUnknown: boolean;
  /** For source 'sbom': the SBOM component that matched, so a VEX statement about the component can be applied too. */
  component?: ProductQuery;
}

export interface VulnerabilityMatcher {
  match(query: ProductQuery): Promise<VulnerabilityMatch[]>;
}

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** A VEX statement's decision for one vulnerability on one product. */
export interface VexDecision {
  status: VexStatus;
  /** The standard justification (e.g. `vulnerable_code_not_in_execute_path`), or the document's impact text. */
  justification: string | null;
  statement: string | null;
  /** The document it came from (file name or id). */
  source: string;
}

export interface VexStore {
  /** The newest statement about `vulnerability` for this product (by vendor/product/version, purl or cpe), if any. */
  decisionFor(vulnerability: string, product: ProductQuery): Promise<VexDecision | null>;
}
