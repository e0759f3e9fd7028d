/**
 * Vendor and model keys for SBOM / VEX lookups. Vendors go through the advisories' one alias table
 * (normalise/aliases.ts: data/vendor-aliases.json and data/advisory-aliases.json, accents folded), so an SBOM, a VEX
 * statement and an advisory name a vendor by the same key.
 */
import { loadAliasTables, vendorKey as aliasKey } from '../normalise/aliases.js';

/** The canonical name of a vendor ("GE Medical Systems" -> "GE Healthcare"), or the name as given. */
export function canonicalVendorName(vendor: string): string {
  return loadAliasTables().vendors.get(aliasKey(vendor)) ?? vendor.trim();
}

/** Key comparing vendors: lower-case canonical name without accents, punctuation and legal suffixes. */
export function vendorKey(vendor: string): string {
  return aliasKey(canonicalVendorName(vendor));
}

/** Key comparing models / product names: lower-case, punctuation and runs of space folded ("MX-800" = "mx 800"). */
export function modelKey(model: string): string {
  return model.toLowerCase().replace(/[^a-z0-9.]+/g, ' ').trim();
}
