/** The parsed form of an SBOM, whatever its format (CycloneDX 1.2-1.6 JSON or XML, SPDX 2.2/2.3 JSON or tag-value, SPDX 3.0 JSON-LD). */

export type SbomFormat = 'cyclonedx' | 'spdx';

/** One component / package: what the vulnerability matcher is asked about. */
export interface SbomComponent {
  bomRef: string | null;
  type: string | null;
  name: string;
  version: string | null;
  purl: string | null;
  cpe: string | null;
  /** Supplier, manufacturer, publisher or author, in that order of preference (SPDX: PackageSupplier without its "Organization:" tag). */
  supplier: string | null;
}

/** A vulnerability the SBOM itself lists (CycloneDX `vulnerabilities[]`), with the vendor's analysis when given. */
export interface EmbeddedVulnerability {
  id: string;
  componentRefs: string[];
  cvssBase: number | null;
  cvssVector: string | null;
  severity: string | null;
  /** CycloneDX analysis.state: resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected. */
  state: string | null;
  justification: string | null;
  detail: string | null;
  recommendation: string | null;
  /** analysis.lastUpdated / firstIssued, else the vulnerability's updated/published time (ISO), else null. */
  issuedAt: string | null;
}

export interface SbomDocument {
  format: SbomFormat;
  specVersion: string | null;
  documentName: string | null;
  /** CycloneDX serialNumber (urn:uuid:…) or the SPDX document namespace. */
  serialNumber: string | null;
  /** The thing the SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES target). */
  subject: SbomComponent | null;
  components: SbomComponent[];
  vulnerabilities: EmbeddedVulnerability[];
  /** CycloneDX metadata.timestamp / SPDX creationInfo.created (ISO), when given. */
  createdAt: string | null;
}
