/** CycloneDX VEX reader (CycloneDX 1.4-1.6 vulnerabilities[]: analysis {state, justification, response, detail}, affects[] with BOM-Links). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { readCycloneDxComponent } from '../sbom/cyclonedx.js';
import { isoAt, objectAt, objectsAt, textAt, textsAt, type JsonObject } from '../sbom/json-fields.js';
import type { SbomComponent } from '../sbom/types.js';
import type { VexStatus } from '../types.js';
import { statusOfAnalysisState, statusOfVersionStatus } from './cyclonedx-state.js';
import { emptyProduct, type VexDocument, type VexProduct, type VexStatementInput } from './types.js';

function productOf(c: SbomComponent): VexProduct {
  return { ...emptyProduct(), vendor: c.supplier, product: c.name, version: c.version, purl: c.purl, cpe: c.cpe };
}

/** Every bom-ref in the document (metadata.component and nested components), walked without recursion. */
function refIndex(doc: JsonObject): Map<string, VexProduct> {
  const index = new Map<string, VexProduct>();
  const metadata = objectAt(doc, 'metadata');
  const subject = metadata === null ? null : objectAt(metadata, 'component');
  const supplierOrg = metadata === null ? null : objectAt(metadata, 'supplier') ?? objectAt(metadata, 'manufacturer') ?? objectAt(metadata, 'manufacture');
  const stack: JsonObject[] = [...objectsAt(doc, 'components'), ...(subject === null ? [] : [subject])];
  while (stack.length > 0) {
    const c = stack.pop() as JsonObject;
    const read = readCycloneDxComponent(c);
    if (read?.bomRef != null) {
      const p = productOf(read);
      if (c === subject && p.vendor === null && supplierOrg !== null) p.vendor = textAt(supplierOrg, 'name');
      index.set(read.bomRef, p);
    }
    for (const child of objectsAt(c, 'components')) stack.push(child);
  }
  return index;
}

/** A ref not in this document: a BOM-Link whose fragment is a purl names the package; else resolve it later. */
function externalRef(ref: string): VexProduct {
  const hash = ref.indexOf('#');
  if (/^urn:cdx:/i.test(ref) && hash > 0) {
    let fragment = ref.slice(hash + 1);
    try { fragment = decodeURIComponent(fragment); } catch { /* keep as written */ }
    if (fragment.startsWith('pkg:')) return { ...emptyProduct(), purl: fragment };
  }
  if (ref.startsWith('pkg:')) return { ...emptyProduct(), purl: ref };
  if (ref.startsWith('cpe:')) return { ...emptyProduct(), cpe: ref };
  return { ...emptyProduct(), productRef: ref };
}

function actionOf(v: JsonObject, analysis: JsonObject | null): string | null {
  const parts: string[] = [];
  const recommendation = textAt(v, 'recommendation');
  if (recommendation !== null) parts.push(recommendation);
  const workaround = textAt(v, 'workaround');
  if (workaround !== null) parts.push(`workaround: ${workaround}`);
  const responses = analysis === null ? [] : textsAt(analysis, 'response');
  if (responses.length > 0) parts.push(`response: ${responses.join(', ')}`);
  return parts.length === 0 ? null : parts.join('; ');
}

function statementsOf(v: JsonObject, refs: Map<string, VexProduct>, whole: VexProduct | null): VexStatementInput[] {
  const id = textAt(v, 'id');
  if (id === null) return [];
  const analysis = objectAt(v, 'analysis');
  const analysisStatus = statusOfAnalysisState(analysis === null ? null : textAt(analysis, 'state'));
  const aliases = objectsAt(v, 'references').map((r) => textAt(r, 'id')).filter((x): x is string => x !== null && x !== id);
  const base = {
    vulnerability: id, aliases,
    justification: analysis === null ? null : textAt(analysis, 'justification'),
    impactStatement: analysis === null ? null : textAt(analysis, 'detail'),
    actionStatement: actionOf(v, analysis),
    issuedAt: (analysis === null ? null : isoAt(analysis, 'lastUpdated') ?? isoAt(analysis, 'firstIssued')) ?? isoAt(v, 'updated') ?? isoAt(v, 'published'),
  };
  const out: VexStatementInput[] = [];
  const affects = objectsAt(v, 'affects');
  // No affects[]: the statement is about the document's product, or (no product) everything of its supplier.
  if (affects.length === 0 && whole !== null && analysisStatus !== null) out.push({ ...base, product: whole, status: analysisStatus });
  for (const a of affects) {
    const ref = textAt(a, 'ref');
    if (ref === null) continue;
    const product = refs.get(ref) ?? externalRef(ref);
    const versions = objectsAt(a, 'versions');
    if (versions.length === 0) {
      if (analysisStatus !== null) out.push({ ...base, product, status: analysisStatus });
      continue;
    }
    // A version entry's own status is the more specific word; the analysis state covers entries without one.
    for (const entry of versions) {
      const status: VexStatus | null = statusOfVersionStatus(textAt(entry, 'status')) ?? analysisStatus;
      if (status === null) continue;
      const version = textAt(entry, 'version');
      const range = textAt(entry, 'range');
      if (version === null && range === null) continue;
      out.push({ ...base, product: { ...product, version, versionRange: version === null ? range : null }, status });
    }
  }
  return out;
}

export function parseCycloneDxVex(doc: JsonObject, file: string, sha256: string): VexDocument {
  if (!Array.isArray(doc.vulnerabilities)) throw new AppError(ErrorCode.BadArgument, `${file}: CycloneDX document without "vulnerabilities": not a VEX`);
  const refs = refIndex(doc);
  const metadata = objectAt(doc, 'metadata');
  const serial = textAt(doc, 'serialNumber');
  const subject = metadata === null ? null : objectAt(metadata, 'component');
  const subjectRef = subject === null ? null : textAt(subject, 'bom-ref');
  const supplier = metadata === null ? null : objectAt(metadata, 'supplier') ?? objectAt(metadata, 'manufacturer') ?? objectAt(metadata, 'manufacture');
  const supplierName = supplier === null ? null : textAt(supplier, 'name');
  const whole = (subjectRef === null ? undefined : refs.get(subjectRef)) ?? (supplierName === null ? null : { ...emptyProduct(), vendor: supplierName });
  return {
    format: 'cyclonedx',
    // The serial number names the BOM across its versions: importing version 2 replaces version 1's statements.
    documentKey: serial === null ? `sha256:${sha256}` : serial,
    title: subject === null ? null : textAt(subject, 'name'),
    issuedAt: metadata === null ? null : isoAt(metadata, 'timestamp'),
    statements: objectsAt(doc, 'vulnerabilities').flatMap((v) => statementsOf(v, refs, whole)),
  };
}
