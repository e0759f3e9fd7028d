/** CycloneDX JSON SBOM reader (CycloneDX 1.2-1.6 JSON schema: metadata, components (nested), vulnerabilities). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { isoAt, isObject, objectAt, objectsAt, stringAt, textAt, type JsonObject } from './json-fields.js';
import { readCycloneDxVulnerability } from './cyclonedx-vulnerability.js';
import type { SbomComponent, SbomDocument } from './types.js';

/** Supplier-like fields in order of preference (supplier/manufacturer are organisations; publisher/author are text). */
function supplierOf(c: JsonObject): string | null {
  for (const key of ['supplier', 'manufacturer', 'manufacture']) {
    const org = objectAt(c, key);
    const name = org === null ? null : textAt(org, 'name');
    if (name !== null) return name;
  }
  return textAt(c, 'publisher') ?? textAt(c, 'author') ?? textAt(c, 'group');
}

/** One component's identity; null when it has no name (the schema requires one; we skip rather than guess). */
export function readCycloneDxComponent(c: JsonObject): SbomComponent | null {
  const name = textAt(c, 'name');
  if (name === null) return null;
  const swid = objectAt(c, 'swid');
  return {
    bomRef: textAt(c, 'bom-ref'),
    type: textAt(c, 'type'),
    name,
    version: textAt(c, 'version') ?? (swid === null ? null : textAt(swid, 'version')),
    purl: stringAt(c, 'purl'),
    cpe: stringAt(c, 'cpe'),
    supplier: supplierOf(c),
  };
}

/**
 * Every component, depth-first in document order, with an explicit stack: a hostile BOM nested 100,000 levels
 * deep must not overflow the call stack.
 */
export function flattenComponents(roots: readonly JsonObject[]): SbomComponent[] {
  const out: SbomComponent[] = [];
  const stack: JsonObject[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i] as JsonObject);
  while (stack.length > 0) {
    const c = stack.pop() as JsonObject;
    const read = readCycloneDxComponent(c);
    if (read !== null) out.push(read);
    const children = objectsAt(c, 'components');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as JsonObject);
  }
  return out;
}

export function isCycloneDx(doc: unknown): doc is JsonObject {
  return isObject(doc) && doc.bomFormat === 'CycloneDX';
}

export function parseCycloneDx(doc: unknown, file: string): SbomDocument {
  if (!isCycloneDx(doc)) throw new AppError(ErrorCode.BadArgument, `${file}: not a CycloneDX document (no "bomFormat": "CycloneDX")`);
  if (doc.components !== undefined && !Array.isArray(doc.components)) {
    throw new AppError(ErrorCode.BadArgument, `${file}: CycloneDX "components" must be an array`);
  }
  const metadata = objectAt(doc, 'metadata');
  const subjectJson = metadata === null ? null : objectAt(metadata, 'component');
  let subject = subjectJson === null ? null : readCycloneDxComponent(subjectJson);
  if (subject !== null && subject.supplier === null && metadata !== null) {
    const org = objectAt(metadata, 'supplier') ?? objectAt(metadata, 'manufacturer') ?? objectAt(metadata, 'manufacture');
    subject = { ...subject, supplier: org === null ? null : textAt(org, 'name') };
  }
  // Components nested under metadata.component are part of the product too (CycloneDX 1.4+ allows it).
  const roots = [...(subjectJson === null ? [] : objectsAt(subjectJson, 'components')), ...objectsAt(doc, 'components')];
  return {
    format: 'cyclonedx',
    specVersion: textAt(doc, 'specVersion'),
    documentName: subject === null ? null : [subject.name, subject.version].filter((x) => x !== null).join(' '),
    serialNumber: textAt(doc, 'serialNumber'),
    subject,
    components: flattenComponents(roots),
    vulnerabilities: objectsAt(doc, 'vulnerabilities').map(readCycloneDxVulnerability).filter((v) => v !== null),
    createdAt: metadata === null ? null : isoAt(metadata, 'timestamp'),
  };
}
