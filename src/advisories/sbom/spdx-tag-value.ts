/** SPDX 2.x tag-value SBOM reader (SPDX 2.3 §7 package fields, §7.21 ExternalRef, §11 Relationship). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { advisoryVulnerabilities, spdxSupplier, spdxValue } from './spdx-json.js';
import type { SbomDocument } from './types.js';

export function isSpdxTagValue(text: string): boolean {
  return /^\s*SPDXVersion:\s*SPDX-\d/.test(text.slice(0, 4096));
}

interface PackageDraft {
  name: string;
  id: string | null;
  version: string | null;
  supplier: string | null;
  purl: string | null;
  cpe: string | null;
  advisories: string[];
}

function finish(p: PackageDraft, doc: SbomDocument): void {
  doc.components.push({ bomRef: p.id, type: null, name: p.name, version: p.version, purl: p.purl, cpe: p.cpe, supplier: p.supplier });
  for (const v of advisoryVulnerabilities(p.id, p.advisories)) doc.vulnerabilities.push(v);
}

export function parseSpdxTagValue(text: string, file: string): SbomDocument {
  if (!isSpdxTagValue(text)) throw new AppError(ErrorCode.BadArgument, `${file}: not an SPDX tag-value document (no "SPDXVersion:" line)`);
  const doc: SbomDocument = { format: 'spdx', specVersion: null, documentName: null, serialNumber: null, subject: null, components: [], vulnerabilities: [], createdAt: null };
  const described = new Set<string>();
  let current: PackageDraft | null = null;
  let inText = false;
  for (const raw of text.split(/\r?\n/)) {
    // <text>…</text> values may span lines and hold anything, including "Tag: value" lookalikes.
    if (inText) {
      if (raw.includes('</text>')) inText = false;
      continue;
    }
    const m = /^([A-Za-z]+):\s?(.*)$/.exec(raw);
    if (m === null) continue;
    const tag = m[1] ?? '';
    let value = (m[2] ?? '').trim();
    if (value.startsWith('<text>')) {
      if (!value.includes('</text>')) inText = true;
      value = value.replace(/^<text>/, '').replace(/<\/text>$/, '');
    }
    switch (tag) {
      case 'SPDXVersion': doc.specVersion = value; break;
      case 'DocumentName': doc.documentName = value; break;
      case 'DocumentNamespace': doc.serialNumber = value; break;
      case 'Created': { const ms = Date.parse(value); if (!Number.isNaN(ms)) doc.createdAt = new Date(ms).toISOString(); break; }
      case 'PackageName':
        if (current !== null) finish(current, doc);
        current = { name: value, id: null, version: null, supplier: null, purl: null, cpe: null, advisories: [] };
        break;
      case 'SPDXID': if (current !== null && current.id === null) current.id = value; break;
      case 'PackageVersion': if (current !== null) current.version = spdxValue(value); break;
      case 'PackageSupplier': if (current !== null) current.supplier = spdxSupplier(value); break;
      case 'ExternalRef': {
        const [, type, locator] = value.split(/\s+/);
        if (current === null || locator === undefined) break;
        if (type === 'purl' && current.purl === null) current.purl = locator;
        if ((type === 'cpe23Type' || type === 'cpe22Type') && current.cpe === null) current.cpe = locator;
        if (type === 'advisory') current.advisories.push(locator);
        break;
      }
      case 'FileName': case 'SnippetSPDXID': case 'LicenseID':
        // A file, snippet or licence section ends the package section before it.
        if (current !== null) finish(current, doc);
        current = null;
        break;
      case 'Relationship': {
        const [from, kind, to] = value.split(/\s+/);
        if (from === 'SPDXRef-DOCUMENT' && kind === 'DESCRIBES' && to !== undefined) described.add(to);
        break;
      }
      default: break;
    }
  }
  if (current !== null) finish(current, doc);
  doc.subject = doc.components.find((c) => c.bomRef !== null && described.has(c.bomRef)) ?? null;
  return doc;
}
