/** CPE names: 2.3 formatted strings (NISTIR 7695 §6.2) and 2.2 URIs (§6.1), reduced to part/vendor/product/version. */

import { splitCpeFields } from '../nvd/cpe.js';

export interface Cpe {
  part: string;
  vendor: string;
  product: string;
  /** null for ANY (`*`, empty) and NA (`-`). */
  version: string | null;
}

function anyToNull(v: string | undefined): string | null {
  return v === undefined || v === '' || v === '*' || v === '-' ? null : v.toLowerCase();
}

export function parseCpe(text: string): Cpe | null {
  const t = text.trim();
  let fields: string[];
  if (/^cpe:2\.3:/i.test(t)) fields = splitCpeFields(t).slice(2);
  else if (/^cpe:\//i.test(t)) fields = t.slice(5).split(':').map((f) => { try { return decodeURIComponent(f); } catch { return f; } });
  else return null;
  const [part, vendor, product, version] = fields;
  if (part === undefined || vendor === undefined || product === undefined || vendor === '' || product === '') return null;
  return { part: part.toLowerCase(), vendor: vendor.toLowerCase(), product: product.toLowerCase(), version: anyToNull(version) };
}

/** Does a statement's CPE cover a product's? Same part/vendor/product; a statement version of ANY covers all versions. */
export function cpeCovers(statement: Cpe, product: Cpe, productVersion: string | null): boolean {
  if (statement.part !== product.part || statement.vendor !== product.vendor || statement.product !== product.product) return false;
  if (statement.version === null) return true;
  const version = product.version ?? productVersion?.toLowerCase() ?? null;
  return version === statement.version;
}
