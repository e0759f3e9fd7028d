/**
 * Package URLs (purl-spec: pkg:type/namespace/name@version?qualifiers#subpath): one reader for advisories, SBOMs and
 * VEX, on packageurl-js, the purl project's own JavaScript implementation (https://github.com/package-url/packageurl-js).
 *
 * The library does the parsing, percent-decoding and the per-type rules of PURL-TYPES.rst (pypi names lowercased with
 * `_` as `-` per PEP 503, npm/github/bitbucket names lowercased, required namespaces and versions checked). On top of
 * it every namespace and name is lowercased for every type, because the matcher compares advisories and SBOMs written
 * by different tools, and a vendor's `pkg:generic/OpenSSL` is the same package as `pkg:generic/openssl`.
 */
import { PackageURL } from 'packageurl-js';

export interface Purl {
  type: string;
  namespace: string | null;
  name: string;
  version: string | null;
  qualifiers: ReadonlyMap<string, string>;
}

/** A purl, or why the text is not one (for a warning naming the value); never a thrown error. */
export type PurlReading = { purl: Purl; problem: null } | { purl: null; problem: string };

/** Far longer than any real purl; a longer value is not parsed at all. */
const MAX_PURL_CHARS = 4096;

export function readPurl(text: string): PurlReading {
  const trimmed = text.trim();
  if (!/^pkg:/i.test(trimmed)) return { purl: null, problem: 'not a purl (no "pkg:" scheme)' };
  if (trimmed.length > MAX_PURL_CHARS) return { purl: null, problem: `longer than ${MAX_PURL_CHARS} characters` };
  let parsed: PackageURL;
  try {
    parsed = PackageURL.fromString(trimmed);
  } catch (err) {
    // PurlError for a rule the purl breaks; packageurl-js 2.0.1 also throws a ReferenceError from its golang check
    // (`pkg:golang/x@v1`), which must not stop an import either.
    const why = err instanceof Error ? err.message.replace(/^Invalid purl: /, '') : String(err);
    return { purl: null, problem: `not a valid purl: ${why}` };
  }
  const qualifiers = new Map(Object.entries(parsed.qualifiers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const namespace = parsed.namespace === undefined || parsed.namespace === '' ? null : parsed.namespace.toLowerCase();
  return { purl: { type: parsed.type, namespace, name: parsed.name.toLowerCase(), version: parsed.version || null, qualifiers }, problem: null };
}

/** Parse a purl; null when it is not one (`readPurl` says why). */
export function parsePurl(text: string): Purl | null {
  return readPurl(text).purl;
}

/**
 * Does a statement's purl cover a product's purl? Type, namespace and name must agree; the statement's version and
 * each of its qualifiers must agree when it gives them, and are ignored when it does not.
 */
export function purlCovers(statement: Purl, product: Purl): boolean {
  if (statement.type !== product.type || statement.name !== product.name || statement.namespace !== product.namespace) return false;
  if (statement.version !== null && statement.version !== product.version) return false;
  for (const [k, v] of statement.qualifiers) if (product.qualifiers.get(k) !== v) return false;
  return true;
}

/** Same type, namespace and name, versions and qualifiers aside (an advisory's package against an SBOM component's). */
export function samePackage(a: string, b: string): boolean {
  const x = parsePurl(a);
  const y = parsePurl(b);
  return x !== null && y !== null && x.type === y.type && x.namespace === y.namespace && x.name === y.name;
}
