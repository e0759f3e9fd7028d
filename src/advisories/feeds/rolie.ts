/**
 * CSAF 2.0 §7.1.20-21 distribution: a ROLIE feed (RFC 8322, JSON form of the CSAF ROLIE schema) lists documents as
 * entries; a provider-metadata.json (§7.1.7) names ROLIE feeds and/or directories whose index.txt (§7.1.13) lists
 * document paths. These readers only collect the references; import-sources fetches them.
 */
import { arr, isObj, obj, str } from '../json-read.js';

const MAX_REFERENCES = 100_000;

export function looksLikeRolie(doc: unknown): boolean {
  return isObj(doc) && isObj(doc.feed) && Array.isArray(doc.feed.entry);
}

/** Document URLs of a ROLIE feed: each entry's content.src, else its `self` link. */
export function rolieDocumentUrls(doc: unknown): string[] {
  const out: string[] = [];
  for (const e of arr(obj(obj(doc).feed).entry)) {
    const entry = obj(e);
    const self = arr(entry.link).map(obj).find((l) => l.rel === 'self');
    const url = str(obj(entry.content).src, 2000) ?? str(self?.href, 2000);
    if (url !== null && out.length < MAX_REFERENCES) out.push(url);
  }
  return [...new Set(out)];
}

export function looksLikeProviderMetadata(doc: unknown): boolean {
  return isObj(doc) && typeof doc.metadata_version === 'string' && (Array.isArray(doc.distributions) || typeof doc.canonical_url === 'string');
}

export function providerLocations(doc: unknown): { feeds: string[]; directories: string[] } {
  const feeds: string[] = [];
  const directories: string[] = [];
  for (const d of arr(obj(doc).distributions)) {
    const dist = obj(d);
    const dir = str(dist.directory_url, 2000);
    if (dir !== null) directories.push(dir);
    for (const f of arr(obj(dist.rolie).feeds)) {
      const url = str(obj(f).url, 2000);
      if (url !== null) feeds.push(url);
    }
  }
  return { feeds: [...new Set(feeds)], directories: [...new Set(directories)] };
}

/** index.txt: one document path a line, relative to the directory; blank lines and comments ignored. */
export function indexTxtPaths(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#') && /\.json$/i.test(l)))].slice(0, MAX_REFERENCES);
}
