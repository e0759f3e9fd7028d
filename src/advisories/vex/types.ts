/** The parsed form of a VEX document (CycloneDX VEX, CSAF 2.0 VEX profile, OpenVEX 0.2.0): statements per product. */
import type { VexStatus } from '../types.js';

export type VexFormat = 'cyclonedx' | 'csaf' | 'openvex';

/** What a statement is about; any subset may be known. */
export interface VexProduct {
  vendor: string | null;
  product: string | null;
  /** An exact version, or null for every version (unless versionRange is set). */
  version: string | null;
  /** A `vers:` range (CycloneDX affects.versions[].range), e.g. `vers:generic/>=2.9|<=4.1`. */
  versionRange: string | null;
  purl: string | null;
  cpe: string | null;
  /** A CSAF full product name ("Example Company ABC 4.2"), kept for display and as a last-resort match. */
  productName: string | null;
  /** A CycloneDX bom-ref / BOM-Link (`urn:cdx:serial/version#ref`) left to resolve against attached SBOMs. */
  productRef: string | null;
}

export interface VexStatementInput {
  vulnerability: string;
  aliases: string[];
  product: VexProduct;
  status: VexStatus;
  /** Standard justification: CycloneDX analysis.justification, CSAF flag label, OpenVEX justification. */
  justification: string | null;
  /** Free text why: CycloneDX analysis.detail, CSAF threats[impact].details, OpenVEX impact_statement. */
  impactStatement: string | null;
  /** What to do: CycloneDX response[] / recommendation, CSAF remediations, OpenVEX action_statement. */
  actionStatement: string | null;
  /** The statement's own time, else null (the document's time is used). */
  issuedAt: string | null;
}

export interface VexDocument {
  format: VexFormat;
  /** Identity for re-import: CSAF tracking.id, OpenVEX @id, CycloneDX serialNumber, else the file's SHA-256. */
  documentKey: string;
  title: string | null;
  /** The document's time (ISO): CSAF current_release_date, OpenVEX timestamp/last_updated, CycloneDX metadata.timestamp. */
  issuedAt: string | null;
  statements: VexStatementInput[];
}

export function emptyProduct(): VexProduct {
  return { vendor: null, product: null, version: null, versionRange: null, purl: null, cpe: null, productName: null, productRef: null };
}
