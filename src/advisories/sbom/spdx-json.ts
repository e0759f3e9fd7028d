/** SPDX JSON SBOM reader: SPDX 2.2/2.3 (`packages[]`, externalRefs purl / cpe23Type) and SPDX 3.0 JSON-LD (`@graph` software_Package). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { isObject, isoAt, objectAt, objectsAt, textAt, textsAt, type JsonObject } from './json-fields.js';
import type { EmbeddedVulnerability, SbomComponent, SbomDocument } from './types.js';

/** SPDX 2.x "NOASSERTION"/"NONE" mean no value (SPDX 2.3 §7). */
export function spdxValue(value: string | null): string | null {
  return value === null || value === 'NOASSERTION' || value === 'NONE' ? null : value;
}

/** "Organization: Acme Corp (psirt@acme.example)" -> "Acme Corp" (SPDX 2.3 §7.5 PackageSupplier). */
export function spdxSupplier(value: string | null): string | null {
  const v = spdxValue(value);
  if (v === null) return null;
  const name = v.replace(/^(Organization|Person|Tool)\s*:\s*/i, '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  return name === '' ? null : name;
}

/** SPDX 2.3 §7.21 external references: purl under PACKAGE-MANAGER (PACKAGE_MANAGER in 2.2 JSON), CPE under SECURITY. */
function externalRefs(p: JsonObject): { purl: string | null; cpe: string | null } {
  let purl: string | null = null;
  let cpe23: string | null = null;
  let cpe22: string | null = null;
  for (const r of objectsAt(p, 'externalRefs')) {
    const type = textAt(r, 'referenceType');
    const locator = textAt(r, 'referenceLocator');
    if (locator === null) continue;
    if (type === 'purl' && purl === null) purl = locator;
    else if (type === 'cpe23Type' && cpe23 === null) cpe23 = locator;
    else if (type === 'cpe22Type' && cpe22 === null) cpe22 = locator;
  }
  return { purl, cpe: cpe23 ?? cpe22 };
}

/** A vulnerability id inside an advisory URL (…/vuln/detail/CVE-2021-32012, …/advisories/GHSA-…). */
export function vulnerabilityIdOf(locator: string): string | null {
  const m = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i.exec(locator);
  const id = m?.[1];
  if (id === undefined) return null;
  // CVE ids are upper case; GHSA ids keep their lower-case body (GHSA-xxxx-xxxx-xxxx).
  return /^cve/i.test(id) ? id.toUpperCase() : `GHSA${id.slice(4).toLowerCase()}`;
}

/** SPDX 2.3 §7.21 SECURITY "advisory" references: the SBOM author's own list of known vulnerabilities of a package. */
export function advisoryVulnerabilities(id: string | null, locators: readonly string[]): EmbeddedVulnerability[] {
  const out: EmbeddedVulnerability[] = [];
  for (const locator of locators) {
    const vuln = vulnerabilityIdOf(locator);
    if (vuln === null || out.some((v) => v.id === vuln)) continue;
    out.push({ id: vuln, componentRefs: id === null ? [] : [id], cvssBase: null, cvssVector: null, severity: null, state: null, justification: null, detail: null, recommendation: locator, issuedAt: null });
  }
  return out;
}

function advisoryLocators(p: JsonObject): string[] {
  return objectsAt(p, 'externalRefs').filter((r) => textAt(r, 'referenceType') === 'advisory').map((r) => textAt(r, 'referenceLocator')).filter((x) => x !== null);
}

function spdx2Package(p: JsonObject): SbomComponent | null {
  const name = textAt(p, 'name');
  if (name === null) return null;
  const refs = externalRefs(p);
  return {
    bomRef: textAt(p, 'SPDXID'),
    type: textAt(p, 'primaryPackagePurpose'),
    name,
    version: spdxValue(textAt(p, 'versionInfo')),
    purl: refs.purl,
    cpe: refs.cpe,
    supplier: spdxSupplier(textAt(p, 'supplier')) ?? spdxSupplier(textAt(p, 'originator')),
  };
}

function parseSpdx2(doc: JsonObject): SbomDocument {
  const components = objectsAt(doc, 'packages').map(spdx2Package).filter((c) => c !== null);
  const described = new Set(textsAt(doc, 'documentDescribes'));
  for (const r of objectsAt(doc, 'relationships')) {
    if (textAt(r, 'relationshipType') === 'DESCRIBES' && textAt(r, 'spdxElementId') === 'SPDXRef-DOCUMENT') {
      const target = textAt(r, 'relatedSpdxElement');
      if (target !== null) described.add(target);
    }
  }
  const creation = objectAt(doc, 'creationInfo');
  return {
    format: 'spdx',
    specVersion: textAt(doc, 'spdxVersion'),
    documentName: textAt(doc, 'name'),
    serialNumber: textAt(doc, 'documentNamespace'),
    subject: components.find((c) => c.bomRef !== null && described.has(c.bomRef)) ?? null,
    components,
    vulnerabilities: objectsAt(doc, 'packages').flatMap((p) => advisoryVulnerabilities(textAt(p, 'SPDXID'), advisoryLocators(p))),
    createdAt: creation === null ? null : isoAt(creation, 'created'),
  };
}

/** SPDX 3.0 software_Package: packageVersion, packageUrl, externalIdentifier (cpe23 / packageUrl). */
function spdx3Package(e: JsonObject): SbomComponent | null {
  const name = textAt(e, 'name');
  if (name === null) return null;
  let purl = textAt(e, 'software_packageUrl');
  let cpe: string | null = null;
  for (const x of objectsAt(e, 'externalIdentifier')) {
    const type = textAt(x, 'externalIdentifierType');
    const id = textAt(x, 'identifier');
    if (id === null) continue;
    if (type === 'packageUrl' && purl === null) purl = id;
    if ((type === 'cpe23' || type === 'cpe22') && cpe === null) cpe = id;
  }
  const supplied = e.suppliedBy;
  return {
    bomRef: textAt(e, 'spdxId') ?? textAt(e, '@id'),
    type: textAt(e, 'software_primaryPurpose'),
    name,
    version: textAt(e, 'software_packageVersion'),
    purl,
    cpe,
    supplier: typeof supplied === 'string' ? supplied : null,
  };
}

function parseSpdx3(doc: JsonObject): SbomDocument {
  const graph = objectsAt(doc, '@graph');
  const names = new Map<string, string>();
  for (const e of graph) {
    const id = textAt(e, 'spdxId') ?? textAt(e, '@id');
    const name = textAt(e, 'name');
    if (id !== null && name !== null && (e.type === 'Organization' || e.type === 'Person')) names.set(id, name);
  }
  const components = graph.filter((e) => e.type === 'software_Package').map(spdx3Package).filter((c) => c !== null)
    .map((c) => (c.supplier === null ? c : { ...c, supplier: names.get(c.supplier) ?? c.supplier }));
  const document = graph.find((e) => e.type === 'SpdxDocument') ?? null;
  const roots = new Set(document === null ? [] : textsAt(document, 'rootElement'));
  const info = graph.find((e) => e.type === 'CreationInfo') ?? null;
  return {
    format: 'spdx',
    specVersion: info === null ? null : textAt(info, 'specVersion'),
    documentName: document === null ? null : textAt(document, 'name'),
    serialNumber: document === null ? null : textAt(document, 'spdxId'),
    subject: components.find((c) => c.bomRef !== null && roots.has(c.bomRef)) ?? null,
    components,
    vulnerabilities: [],
    createdAt: info === null ? null : isoAt(info, 'created'),
  };
}

export function isSpdxJson(doc: unknown): doc is JsonObject {
  if (!isObject(doc)) return false;
  if (typeof doc.spdxVersion === 'string') return true;
  const context = doc['@context'];
  return typeof context === 'string' && context.includes('spdx.org/rdf/3');
}

export function parseSpdxJson(doc: unknown, file: string): SbomDocument {
  if (!isSpdxJson(doc)) throw new AppError(ErrorCode.BadArgument, `${file}: not an SPDX document (no "spdxVersion")`);
  if (typeof doc.spdxVersion === 'string') {
    if (doc.packages !== undefined && !Array.isArray(doc.packages)) throw new AppError(ErrorCode.BadArgument, `${file}: SPDX "packages" must be an array`);
    return parseSpdx2(doc);
  }
  if (!Array.isArray(doc['@graph'])) throw new AppError(ErrorCode.BadArgument, `${file}: SPDX 3 JSON-LD without an "@graph" array`);
  return parseSpdx3(doc);
}
