/** Recognise an advisory source by content (not by file name): CSAF, KEV, NVD CVE 2.0, ROLIE feed, provider metadata. */
import { parseCsaf, looksLikeCsaf } from '../csaf/parse-csaf.js';
import { looksLikeRolie, looksLikeProviderMetadata, providerLocations, rolieDocumentUrls } from '../feeds/rolie.js';
import { formatError, isObj } from '../json-read.js';
import { looksLikeKev, parseKev } from '../kev/parse-kev.js';
import type { ParsedDocument } from '../model.js';
import { looksLikeNvdCollection, looksLikeNvdCve, parseNvdCollection, parseNvdCve } from '../nvd/parse-nvd.js';

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    throw formatError(`not valid JSON (${err instanceof Error ? err.message.split('\n')[0] ?? 'parse error' : 'parse error'})`);
  }
}

/** One of the known kinds, or AppError bad-argument naming what the JSON looked like. */
export function parseDocument(doc: unknown): ParsedDocument {
  if (looksLikeCsaf(doc)) return { kind: 'advisory', advisory: parseCsaf(doc) };
  if (looksLikeKev(doc)) return { kind: 'kev', catalog: parseKev(doc) };
  if (looksLikeNvdCollection(doc)) return { kind: 'advisories', ...parseNvdCollection(doc) };
  if (looksLikeNvdCve(doc)) return { kind: 'advisory', advisory: parseNvdCve(doc) };
  if (looksLikeRolie(doc)) return { kind: 'rolie', urls: rolieDocumentUrls(doc) };
  if (looksLikeProviderMetadata(doc)) return { kind: 'provider-metadata', ...providerLocations(doc) };
  const shape = isObj(doc) ? `an object with keys ${Object.keys(doc).slice(0, 5).join(', ') || '(none)'}` : Array.isArray(doc) ? 'an array' : `a ${typeof doc}`;
  throw formatError(`not a CSAF 2.0, CISA KEV, NVD CVE 2.0, ROLIE feed or provider-metadata document (${shape})`);
}
