/** Package URLs (purl-spec: pkg:type/namespace/name@version?qualifiers#subpath): one parser for advisories, SBOMs and VEX. */

export interface Purl {
  type: string;
  namespace: string | null;
  name: string;
  version: string | null;
  qualifiers: ReadonlyMap<string, string>;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Parse a purl; null when it is not one. Names compare case-insensitively here (lenient for npm/pypi/github alike). */
export function parsePurl(text: string): Purl | null {
  let rest = text.trim();
  if (!/^pkg:/i.test(rest)) return null;
  rest = rest.slice(4).replace(/^\/+/, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const qualifiers = new Map<string, string>();
  const q = rest.indexOf('?');
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0) qualifiers.set(pair.slice(0, eq).toLowerCase(), decode(pair.slice(eq + 1)));
    }
    rest = rest.slice(0, q);
  }
  let version: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const at = rest.indexOf('@', lastSlash + 1);
  if (at >= 0) {
    version = decode(rest.slice(at + 1)) || null;
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/').filter((s) => s !== '');
  if (segments.length < 2) return null;
  const type = (segments[0] ?? '').toLowerCase();
  const name = decode(segments[segments.length - 1] ?? '').toLowerCase();
  const namespace = segments.length > 2 ? segments.slice(1, -1).map(decode).join('/').toLowerCase() : null;
  if (type === '' || name === '') return null;
  return { type, namespace, name, version, qualifiers };
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
