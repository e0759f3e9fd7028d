/** Does a stored VEX statement speak about a product? By purl, CPE, vendor+product(+version / vers range) or full product name. */
import { modelKey, vendorKey } from '../sbom/vendor-key.js';
import type { ProductQuery } from '../types.js';
import { cpeCovers, parseCpe } from './cpe.js';
import { parsePurl, purlCovers } from '../normalise/purl.js';
import { compareVersions } from '../normalise/version-compare.js';
import { inSpec, parseVersionSpec } from '../normalise/version-range.js';

/** A stored VEX statement as read back (the vex_statements row of src/store/sbom/schema.ts). */
export interface StatementRow {
  id: number;
  document_id: number;
  vulnerability: string;
  /** JSON array of the vulnerability's other identifiers. */
  aliases: string;
  vendor: string | null;
  vendor_key: string | null;
  product: string | null;
  product_key: string | null;
  version: string | null;
  version_range: string | null;
  purl: string | null;
  cpe: string | null;
  product_name: string | null;
  product_ref: string | null;
  status: 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
  justification: string | null;
  impact_statement: string | null;
  action_statement: string | null;
  issued_at: string;
  source: string;
}

/** The statement's version words against a product version: none = every version; an unknown product version never matches one. */
export function versionCovered(row: Pick<StatementRow, 'version' | 'version_range'>, version: string | null): boolean {
  if (row.version !== null) return version !== null && (version.toLowerCase() === row.version.toLowerCase() || compareVersions(version, row.version) === 0);
  if (row.version_range !== null) {
    // The advisories' range reader: vers (`vers:generic/>=2.9|<=4.1`), bare constraints and CSAF vls prose ("prior to 3.1").
    const spec = parseVersionSpec(row.version_range);
    return version !== null && spec !== null && inSpec(version, spec);
  }
  return true;
}

function text(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v.trim();
}

/** How the statement matched, as a short phrase, or null when it does not cover the product. */
export function statementCovers(row: StatementRow, q: ProductQuery): string | null {
  const queryPurl = text(q.purl);
  if (row.purl !== null && queryPurl !== null) {
    const s = parsePurl(row.purl);
    const p = parsePurl(queryPurl);
    // A purl without a version leaves the version to the statement's own version words (a component's "version").
    if (s !== null && p !== null && purlCovers(s, p) && (s.version !== null || versionCovered(row, p.version ?? text(q.version)))) return `purl ${row.purl}`;
    return null;
  }
  const queryCpe = text(q.cpe);
  if (row.cpe !== null && queryCpe !== null) {
    const s = parseCpe(row.cpe);
    const p = parseCpe(queryCpe);
    if (s !== null && p !== null && cpeCovers(s, p, text(q.version)) && (s.version !== null || versionCovered(row, p.version ?? text(q.version)))) return `CPE ${row.cpe}`;
    return null;
  }
  const product = text(q.product);
  const vendor = text(q.vendor);
  const version = text(q.version);
  if (row.product_key !== null && product !== null) {
    if (modelKey(product) !== row.product_key) return null;
    if (row.vendor_key !== null && (vendor === null || vendorKey(vendor) !== row.vendor_key)) return null;
    if (!versionCovered(row, version)) return null;
    const who = [row.vendor, row.product, row.version ?? row.version_range].filter((x) => x !== null).join(' ');
    return `product ${who}`;
  }
  if (row.product_key === null && row.product_name !== null && product !== null) {
    // A CSAF full product name ("Example Company ABC 4.2") read as vendor + product + version in any usual order.
    const name = modelKey(row.product_name);
    const candidates = [[vendor, product, version], [vendor, product], [product, version], [product]]
      .filter((parts) => parts.every((x) => x !== null)).map((parts) => modelKey(parts.join(' ')));
    if (!candidates.includes(name)) return null;
    if (row.vendor_key !== null && (vendor === null || vendorKey(vendor) !== row.vendor_key)) return null;
    if (!versionCovered(row, version)) return null;
    return `product name ${row.product_name}`;
  }
  if (row.product_key === null && row.product_name === null && row.product_ref === null && row.purl === null && row.cpe === null && row.vendor_key !== null) {
    // A supplier-wide statement (a CycloneDX VEX without affects[]): every product of that vendor.
    if (vendor === null || vendorKey(vendor) !== row.vendor_key || !versionCovered(row, version)) return null;
    return `vendor ${row.vendor ?? ''}`;
  }
  return null;
}
