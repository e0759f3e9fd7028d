/**
 * Matching one product (a device's vendor/model/version, or an SBOM component's CPE/purl) against the advisory index
 *, with the reasons a person can check and, for what did not match, why not.
 */
import type { ProductQuery, VulnerabilityMatch } from '../types.js';
import { describeSpec, inSpec } from '../normalise/version-range.js';
import { parseCpe } from '../nvd/cpe.js';
import { vendorKey, type AliasTables } from '../normalise/aliases.js';
import { canonicalVendor, productReason, vendorReason, words } from './name-match.js';
import type { IndexedProduct, IndexedVuln, ProductIndex } from './product-index.js';
import { parsePurl, samePackage } from '../normalise/purl.js';

export interface MatchOutcome {
  matches: VulnerabilityMatch[];
  /** Sentences on near misses: the product matched but the version is outside, or listed as fixed. */
  misses: string[];
  /** Products of the query's vendor in the index (0: no advisory names this vendor). */
  vendorProducts: number;
}

interface Hit { product: IndexedProduct; reasons: string[]; versionUnknown: boolean }

interface Resolved { vendor: string | null; product: string | null; version: string | null; cpe: string | null; purl: string | null }

function resolve(q: ProductQuery): Resolved {
  let { vendor, product, version } = q;
  const cpe = q.cpe ?? null;
  const purl = q.purl ?? null;
  const c = cpe === null ? null : parseCpe(cpe);
  if (c !== null) {
    vendor ??= c.vendor;
    product ??= c.productName;
    if (version === null && c.version !== '*' && c.version !== '-') version = c.version;
  }
  const p = purl === null ? null : parsePurl(purl);
  if (p !== null) {
    vendor ??= p.namespace;
    product ??= p.name;
    version ??= p.version;
  }
  return { vendor, product, version, cpe, purl };
}

/** Name reasons, or null when this product is not the query's product. */
function nameReasons(q: Resolved, p: IndexedProduct, tables: AliasTables, vendorSeen: { n: number }): string[] | null {
  if (q.cpe !== null && p.cpe !== null) {
    const a = parseCpe(q.cpe);
    const b = parseCpe(p.cpe);
    if (a !== null && b !== null && a.vendor === b.vendor && a.product === b.product) return [`CPE ${q.cpe} names the advisory's CPE vendor and product (${b.vendor}:${b.product})`];
  }
  if (q.purl !== null && p.purl !== null && samePackage(q.purl, p.purl)) return [`package ${q.purl} is the advisory's package ${p.purl}`];
  if (q.vendor === null || q.product === null) return null;
  const vr = vendorReason(q.vendor, p.vendor, p.vendorKeys, p.product, tables);
  if (vr === null) return null;
  vendorSeen.n++;
  const pr = productReason(q.product, p.product, p.variants, [q.vendor, canonicalVendor(q.vendor, tables)]);
  return pr === null ? null : [vr, pr];
}

/** Version reason; `outside` when the device version is known and not in the advisory's range. */
function versionCheck(q: Resolved, p: IndexedProduct): { reason: string; unknown: boolean; outside: boolean } {
  if (p.spec === null) {
    return p.versionText === null
      ? { reason: `the advisory gives no version for "${p.fullName}"`, unknown: true, outside: false }
      : { reason: `the advisory's version "${p.versionText}" cannot be compared, so any version is taken as affected`, unknown: true, outside: false };
  }
  if (p.spec.kind === 'all') return { reason: `the advisory covers all versions of "${p.product}"`, unknown: false, outside: false };
  const range = describeSpec(p.spec);
  if (q.version === null) return { reason: `the device's version is unknown; the advisory covers ${range}`, unknown: true, outside: false };
  return inSpec(q.version, p.spec)
    ? { reason: `version ${q.version} is within the advisory's ${range}`, unknown: false, outside: false }
    : { reason: `version ${q.version} is outside the advisory's ${range}`, unknown: false, outside: true };
}

function toMatch(v: IndexedVuln, hit: Hit, remediation: string | null, kev: ReadonlySet<string>): VulnerabilityMatch {
  return {
    vulnerability: v.vulnId,
    advisoryId: v.advisoryId,
    advisoryTitle: v.advisoryTitle,
    source: v.source,
    matchedProduct: hit.product.fullName,
    cvssBase: v.cvssBase,
    cvssVector: v.cvssVector,
    kev: v.cve !== null && kev.has(v.cve),
    reasons: hit.reasons,
    remediation,
    versionUnknown: hit.versionUnknown,
  };
}

/** Only the products that can match: the query vendor's, those carrying its brand, and those with a CPE / purl. */
function candidates(index: ProductIndex, q: Resolved, tables: AliasTables): Set<IndexedProduct> {
  const out = new Set<IndexedProduct>();
  if (q.vendor !== null) {
    for (const p of index.byVendor.get(vendorKey(canonicalVendor(q.vendor, tables))) ?? []) out.add(p);
    for (const name of [q.vendor, canonicalVendor(q.vendor, tables)]) {
      const first = words(name)[0];
      for (const p of first === undefined ? [] : index.byFirstWord.get(first) ?? []) out.add(p);
    }
  }
  if (q.cpe !== null || q.purl !== null) for (const p of index.withIds) out.add(p);
  return out;
}

export function matchQuery(index: ProductIndex, query: ProductQuery, tables: AliasTables): MatchOutcome {
  const q = resolve(query);
  const vendorSeen = { n: 0 };
  // Per advisory vulnerability: the best affected hit, and whether a definite fixed / not-affected entry excludes it.
  const affected = new Map<string, { vuln: IndexedVuln; hit: Hit; remediation: string | null }>();
  const excluded = new Map<string, string>();
  const misses = new Map<string, string>();
  for (const p of candidates(index, q, tables)) {
    const names = nameReasons(q, p, tables, vendorSeen);
    if (names === null) continue;
    const version = versionCheck(q, p);
    for (const s of p.statuses) {
      const key = `${s.vuln.advisoryId}\u0000${s.vuln.vulnId}`;
      if (s.status === 'affected') {
        if (version.outside) {
          misses.set(key, `${s.vuln.vulnId} (${s.vuln.advisoryId}): "${p.fullName}" matches by name, but ${version.reason}`);
          continue;
        }
        const hit: Hit = { product: p, reasons: [...names, version.reason], versionUnknown: version.unknown };
        const prev = affected.get(key);
        if (prev === undefined || (prev.hit.versionUnknown && !hit.versionUnknown)) affected.set(key, { vuln: s.vuln, hit, remediation: s.remediation });
      } else if ((s.status === 'fixed' || s.status === 'not_affected') && !version.unknown && !version.outside) {
        excluded.set(key, `${s.vuln.vulnId} (${s.vuln.advisoryId}): "${p.fullName}" is listed as ${s.status === 'fixed' ? 'fixed' : `not affected${s.remediation === null ? '' : ` (${s.remediation})`}`} and ${version.reason}`);
      }
    }
  }
  const matches: VulnerabilityMatch[] = [];
  for (const [key, a] of affected) {
    misses.delete(key);
    const why = excluded.get(key);
    if (why !== undefined) misses.set(key, why);
    else matches.push(toMatch(a.vuln, a.hit, a.remediation, index.kev));
  }
  return { matches, misses: [...new Set(misses.values())], vendorProducts: vendorSeen.n };
}
