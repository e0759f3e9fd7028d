/** OpenVEX reader (OpenVEX spec v0.2.0: statements[] {vulnerability {name, aliases}, products[] {@id, identifiers}, status, justification, impact_statement, action_statement}; v0.0.x string forms too). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { arrayAt, isObject, isoAt, objectAt, textAt, textsAt, type JsonObject } from '../sbom/json-fields.js';
import type { VexStatus } from '../types.js';
import { emptyProduct, type VexDocument, type VexProduct, type VexStatementInput } from './types.js';

const STATUSES: ReadonlySet<string> = new Set<VexStatus>(['not_affected', 'affected', 'fixed', 'under_investigation']);

export function isOpenVex(doc: unknown): doc is JsonObject {
  if (!isObject(doc)) return false;
  const context = doc['@context'];
  return typeof context === 'string' && /openvex/i.test(context);
}

/** A product's @id or identifiers: a purl, a CPE, or a name kept as a reference. */
function productOf(p: unknown): VexProduct | null {
  const id = typeof p === 'string' ? p.trim() : isObject(p) ? textAt(p, '@id') : null;
  const identifiers = isObject(p) ? objectAt(p, 'identifiers') : null;
  const purl = (identifiers === null ? null : textAt(identifiers, 'purl')) ?? (id?.startsWith('pkg:') === true ? id : null);
  const cpe = (identifiers === null ? null : textAt(identifiers, 'cpe23') ?? textAt(identifiers, 'cpe22')) ?? (id?.startsWith('cpe:') === true ? id : null);
  if (id === null && purl === null && cpe === null) return null;
  const ref = purl === null && cpe === null ? id : null;
  return { ...emptyProduct(), purl, cpe, productRef: ref, productName: ref };
}

function statementsOf(s: JsonObject): VexStatementInput[] {
  const vuln = s.vulnerability;
  const name = typeof vuln === 'string' ? vuln.trim() : isObject(vuln) ? textAt(vuln, 'name') ?? textAt(vuln, '@id') : null;
  const status = textAt(s, 'status');
  if (name === null || name === '' || status === null || !STATUSES.has(status)) return [];
  const aliases = isObject(vuln) ? textsAt(vuln, 'aliases') : [];
  const products = arrayAt(s, 'products').map(productOf).filter((p) => p !== null);
  return products.map((product) => ({
    vulnerability: name, aliases, product, status: status as VexStatus,
    justification: textAt(s, 'justification'),
    impactStatement: textAt(s, 'impact_statement') ?? textAt(s, 'status_notes'),
    actionStatement: textAt(s, 'action_statement'),
    issuedAt: isoAt(s, 'last_updated') ?? isoAt(s, 'timestamp'),
  }));
}

export function parseOpenVex(doc: unknown, file: string, sha256: string): VexDocument {
  if (!isOpenVex(doc)) throw new AppError(ErrorCode.BadArgument, `${file}: not an OpenVEX document (no openvex "@context")`);
  if (!Array.isArray(doc.statements)) throw new AppError(ErrorCode.BadArgument, `${file}: OpenVEX document without a "statements" array`);
  const id = textAt(doc, '@id');
  return {
    format: 'openvex',
    documentKey: id === null ? `sha256:${sha256}` : id,
    title: textAt(doc, 'author') === null ? id : `${textAt(doc, 'author') ?? ''} ${id ?? ''}`.trim(),
    issuedAt: isoAt(doc, 'last_updated') ?? isoAt(doc, 'timestamp'),
    statements: arrayAt(doc, 'statements').filter(isObject).flatMap(statementsOf),
  };
}
