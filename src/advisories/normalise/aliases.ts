/**
 * Vendor and product aliases for advisory matching: data/vendor-aliases.json (shared, read-only here)
 * plus data/advisory-aliases.json (names that only advisories use: CPE vendors, CSAF vendor strings, product names).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_DATA_DIR } from '../../identify/knowledge/load-kb.js';
import { normaliseVendorKey } from '../../identify/knowledge/lookup.js';
import { AppError, ErrorCode } from '../../util/app-error.js';

/** Accents folded ("Dräger" -> "drager"), then the inventory's vendor key (lower case, no punctuation or legal suffix). */
export function vendorKey(name: string): string {
  return normaliseVendorKey(fold(name).replace(/_/g, ' '));
}

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

export interface ProductAlias { vendorKey: string; names: string[]; source: string }

export interface AliasTables {
  /** vendor key -> canonical vendor name. */
  vendors: Map<string, string>;
  /** Groups of names of one product of one vendor (the canonical vendor's key). */
  products: ProductAlias[];
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function readJson(file: string): Record<string, unknown> {
  try {
    const doc = record(JSON.parse(readFileSync(file, 'utf8')));
    if (doc === null) throw new Error('top level is not an object');
    return doc;
  } catch (err) {
    throw new AppError(ErrorCode.Io, `${file}: cannot read alias table (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

function addVendors(into: Map<string, string>, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const e of entries) {
    const r = record(e);
    const canonical = r?.canonical;
    if (r === null || typeof canonical !== 'string') continue;
    // An alias already known keeps its first canonical name: the shared table wins over ours.
    for (const name of [canonical, ...strings(r.aliases)]) {
      const key = vendorKey(name);
      if (key !== '' && !into.has(key)) into.set(key, canonical);
    }
  }
}

/** Build the tables from the two JSON documents (exposed for tests with their own tables). */
export function buildAliasTables(vendorDoc: Record<string, unknown>, advisoryDoc: Record<string, unknown>): AliasTables {
  const vendors = new Map<string, string>();
  addVendors(vendors, vendorDoc.entries);
  addVendors(vendors, advisoryDoc.vendors);
  const products: ProductAlias[] = [];
  for (const e of Array.isArray(advisoryDoc.products) ? advisoryDoc.products : []) {
    const r = record(e);
    if (r === null || typeof r.vendor !== 'string' || typeof r.product !== 'string') continue;
    const canonical = vendors.get(vendorKey(r.vendor)) ?? r.vendor;
    products.push({ vendorKey: vendorKey(canonical), names: [r.product, ...strings(r.aliases)], source: typeof r.source === 'string' ? r.source : '' });
  }
  return { vendors, products };
}

let shipped: AliasTables | null = null;

/** The shipped tables, read once. */
export function loadAliasTables(dataDir: string = SHIPPED_DATA_DIR): AliasTables {
  if (dataDir === SHIPPED_DATA_DIR && shipped !== null) return shipped;
  const tables = buildAliasTables(readJson(path.join(dataDir, 'vendor-aliases.json')), readJson(path.join(dataDir, 'advisory-aliases.json')));
  if (dataDir === SHIPPED_DATA_DIR) shipped = tables;
  return tables;
}
