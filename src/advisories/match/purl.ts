/** Package URLs (purl-spec: `pkg:type/namespace/name@version?qualifiers#subpath`) for SBOM component matching. */

export interface Purl { type: string; namespace: string | null; name: string; version: string | null }

export function parsePurl(text: string): Purl | null {
  const m = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^?#]+?)(?:@([^?#]+))?(?:\?[^#]*)?(?:#.*)?$/.exec(text.trim());
  if (m === null) return null;
  const parts = (m[2] ?? '').split('/').map((p) => decodeSafe(p)).filter((p) => p !== '');
  const name = parts.pop();
  if (name === undefined) return null;
  return { type: (m[1] ?? '').toLowerCase(), namespace: parts.length === 0 ? null : parts.join('/'), name, version: m[3] === undefined ? null : decodeSafe(m[3]) };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Same type, namespace and name (versions aside); names compare case-insensitively as most ecosystems do. */
export function samePackage(a: string, b: string): boolean {
  const x = parsePurl(a);
  const y = parsePurl(b);
  if (x === null || y === null) return false;
  return x.type === y.type && (x.namespace ?? '').toLowerCase() === (y.namespace ?? '').toLowerCase() && x.name.toLowerCase() === y.name.toLowerCase();
}
