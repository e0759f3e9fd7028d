/** The in-memory index the matcher reads: stored advisory products with their name variants, specs and statuses. */
import type { AdvisoryProduct, AdvisorySource, ProductStatus } from '../model.js';
import type { AliasTables } from '../normalise/aliases.js';
import { parseVersionSpec, type VersionSpec } from '../normalise/version-range.js';
import { productVariants, vendorCandidates, words, type NameVariant } from './name-match.js';

export interface IndexedVuln {
  advisoryId: string;
  advisoryTitle: string;
  source: AdvisorySource;
  vulnId: string;
  cve: string | null;
  cvssBase: number | null;
  cvssVector: string | null;
}

/** A stored product as the matcher reads it: its version spec parsed, its names and vendor keys worked out once. */
export interface IndexedProduct extends Omit<ProductRow, 'versionSpec'> {
  spec: VersionSpec | null;
  /** Canonical vendor keys this product's vendor string names. */
  vendorKeys: ReadonlySet<string>;
  variants: NameVariant[];
  statuses: { vuln: IndexedVuln; status: ProductStatus; remediation: string | null }[];
}

export interface ProductIndex {
  products: IndexedProduct[];
  /** Products by each canonical vendor key their vendor string names. */
  byVendor: Map<string, IndexedProduct[]>;
  /** Products by the first word of their name (a brand: "Welch Allyn Connex …" under Baxter). */
  byFirstWord: Map<string, IndexedProduct[]>;
  /** Products with a CPE or purl (SBOM components are matched by those too). */
  withIds: IndexedProduct[];
  /** CVEs in the KEV catalog. */
  kev: ReadonlySet<string>;
}

/** An advisory's product as stored: the model's product and the advisory it belongs to. */
export interface ProductRow extends AdvisoryProduct {
  advisoryId: string;
}

export interface StatusRow { advisoryId: string; vulnId: string; productId: string; status: ProductStatus; remediation: string | null }

export function buildIndex(products: readonly ProductRow[], vulns: readonly IndexedVuln[], statuses: readonly StatusRow[], kev: ReadonlySet<string>, tables: AliasTables): ProductIndex {
  const vulnByKey = new Map(vulns.map((v) => [`${v.advisoryId}\u0000${v.vulnId}`, v]));
  const byKey = new Map<string, IndexedProduct>();
  // Many products share a vendor string and a name (NVD: one CPE product in many CVEs): derive each once.
  const vendorMemo = new Map<string, Map<string, string>>();
  const variantMemo = new Map<string, NameVariant[]>();
  const specMemo = new Map<string, VersionSpec | null>();
  const specOf = (text: string): VersionSpec | null => {
    if (!specMemo.has(text)) specMemo.set(text, parseVersionSpec(text));
    return specMemo.get(text) ?? null;
  };
  for (const p of products) {
    let candidates = vendorMemo.get(p.vendor);
    if (candidates === undefined) {
      candidates = vendorCandidates(p.vendor, tables);
      vendorMemo.set(p.vendor, candidates);
    }
    const variantKey = `${p.vendor}\u0000${p.product}`;
    let variants = variantMemo.get(variantKey);
    if (variants === undefined) {
      variants = productVariants(p.product, [p.vendor, ...candidates.values()], new Set(candidates.keys()), tables);
      variantMemo.set(variantKey, variants);
    }
    byKey.set(`${p.advisoryId}\u0000${p.productId}`, {
      advisoryId: p.advisoryId,
      productId: p.productId,
      vendor: p.vendor,
      product: p.product,
      fullName: p.fullName,
      versionText: p.versionText,
      spec: p.versionSpec === null ? null : specOf(p.versionSpec),
      cpe: p.cpe,
      purl: p.purl,
      vendorKeys: new Set(candidates.keys()),
      variants,
      statuses: [],
    });
  }
  for (const s of statuses) {
    const product = byKey.get(`${s.advisoryId}\u0000${s.productId}`);
    const vuln = vulnByKey.get(`${s.advisoryId}\u0000${s.vulnId}`);
    if (product !== undefined && vuln !== undefined) product.statuses.push({ vuln, status: s.status, remediation: s.remediation });
  }
  const all = [...byKey.values()];
  const byVendor = new Map<string, IndexedProduct[]>();
  const byFirstWord = new Map<string, IndexedProduct[]>();
  const push = (m: Map<string, IndexedProduct[]>, k: string, p: IndexedProduct): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [p]);
    else list.push(p);
  };
  for (const p of all) {
    for (const k of p.vendorKeys) push(byVendor, k, p);
    const first = words(p.product)[0];
    if (first !== undefined) push(byFirstWord, first, p);
  }
  return { products: all, byVendor, byFirstWord, withIds: all.filter((p) => p.cpe !== null || p.purl !== null), kev };
}
