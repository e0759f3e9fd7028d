/** Vendor and model keys for SBOM / VEX lookups: vendors canonicalised through data/vendor-aliases.json. */
import { readFileSync } from 'node:fs';
import { shippedDataFile } from '../../util/shipped-data.js';
import { normaliseVendorKey } from '../../identify/knowledge/lookup.js';
import { isObject, objectsAt, textAt, textsAt } from './json-fields.js';

const ALIASES_FILE = shippedDataFile('vendor-aliases.json');

let aliases: Map<string, string> | null = null;

/** alias key -> canonical name; read once. A missing or broken file means no aliases, never a failed import. */
function aliasMap(): Map<string, string> {
  if (aliases !== null) return aliases;
  const map = new Map<string, string>();
  try {
    const doc: unknown = JSON.parse(readFileSync(ALIASES_FILE, 'utf8'));
    if (isObject(doc)) {
      for (const e of objectsAt(doc, 'entries')) {
        const canonical = textAt(e, 'canonical');
        if (canonical === null) continue;
        for (const a of [canonical, ...textsAt(e, 'aliases')]) map.set(normaliseVendorKey(a), canonical);
      }
    }
  } catch {
    // The shipped file is validated by the knowledge loader's tests; here we degrade to exact names.
  }
  aliases = map;
  return map;
}

/** The canonical name of a vendor ("GE Medical Systems" -> "GE Healthcare"), or the name as given. */
export function canonicalVendorName(vendor: string): string {
  return aliasMap().get(normaliseVendorKey(vendor)) ?? vendor.trim();
}

/** Key comparing vendors: lower-case canonical name without punctuation and legal suffixes. */
export function vendorKey(vendor: string): string {
  return normaliseVendorKey(canonicalVendorName(vendor));
}

/** Key comparing models / product names: lower-case, punctuation and runs of space folded ("MX-800" = "mx 800"). */
export function modelKey(model: string): string {
  return model.toLowerCase().replace(/[^a-z0-9.]+/g, ' ').trim();
}
