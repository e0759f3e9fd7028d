/**
 * CycloneDX XML SBOM reader (CycloneDX 1.x XML schema: bom/@serialNumber, metadata/component, components/component
 * nested, name, version, purl, cpe, supplier/name, publisher) on saxes, a streaming, well-formedness-checking XML 1.0
 * parser with namespaces (https://github.com/lddubeau/saxes). saxes never fetches or expands anything a DTD declares;
 * on top of that a DOCTYPE is refused outright, so an entity bomb ("billion laughs") or an external entity
 * (XXE, CWE-611) stops at the declaration with one error line. Element depth costs an array slot, not stack.
 *
 * Namespaces (Namespaces in XML 1.0 §6) are resolved here, not by saxes' `xmlns: true`: saxes looks a prefix up by
 * walking every open element, so a 50,000-deep document took minutes (quadratic); a scope shared by reference until
 * an element declares a namespace keeps each element O(1).
 */
import { SaxesParser, type SaxesTag } from 'saxes';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { SbomComponent, SbomDocument } from './types.js';

const CYCLONEDX_NS = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;
const FIELDS = new Set(['name', 'version', 'purl', 'cpe', 'publisher', 'author', 'group']);

export function isCycloneDxXml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*</.test(head) && /<(?:[\w.-]+:)?bom[\s>]/.test(head) && /cyclonedx\.org\/schema\/bom/.test(head);
}

/** Thrown from a handler to stop the parse with our own message (saxes' own errors carry line:column). */
class Refused extends Error {}

interface Draft {
  fields: Map<string, string>;
  supplier: string | null;
  bomRef: string | null;
  type: string | null;
  isSubject: boolean;
  /** Position in document order (pre-order, as the JSON reader walks), filled when the element closes. */
  slot: number;
}

function finish(d: Draft): SbomComponent | null {
  const name = d.fields.get('name') ?? null;
  if (name === null) return null;
  const text = (k: string): string | null => d.fields.get(k) ?? null;
  return { bomRef: d.bomRef, type: d.type, name, version: text('version'), purl: text('purl'), cpe: text('cpe'), supplier: d.supplier ?? text('publisher') ?? text('author') ?? text('group') };
}

export function parseCycloneDxXml(text: string, file: string): SbomDocument {
  if (!isCycloneDxXml(text)) throw new AppError(ErrorCode.BadArgument, `${file}: not a CycloneDX XML document (no <bom> of the cyclonedx.org schema)`);
  const doc: SbomDocument = { format: 'cyclonedx', specVersion: null, documentName: null, serialNumber: null, subject: null, components: [], vulnerabilities: [], createdAt: null };
  const path: string[] = [];
  const drafts: Draft[] = [];
  const slots: (SbomComponent | null)[] = [];
  let bomNs: string | null = null;
  let textBuf = '';
  /** Prefix -> namespace URI in force at each open element ('' is the default namespace). */
  const scopes: Readonly<Record<string, string>>[] = [];
  const parser = new SaxesParser();
  const enterScope = (tag: SaxesTag): Readonly<Record<string, string>> => {
    const outer = scopes[scopes.length - 1] ?? {};
    let scope: Record<string, string> | null = null;
    for (const [k, v] of Object.entries(tag.attributes)) {
      if ((k !== 'xmlns' && !k.startsWith('xmlns:')) || typeof v !== 'string') continue;
      scope ??= { ...outer };
      scope[k === 'xmlns' ? '' : k.slice(6)] = v;
    }
    return scope ?? outer;
  };
  // Elements of other namespaces (extensions) keep their URI, so `ext:component` is never taken for a component.
  const nameOf = (qname: string, scope: Readonly<Record<string, string>>): string => {
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const uri = scope[colon < 0 ? '' : qname.slice(0, colon)] ?? '';
    return uri === bomNs ? local : `{${uri}}${local}`;
  };
  const attr = (tag: SaxesTag, name: string): string | null => {
    const value = tag.attributes[name];
    return typeof value === 'string' ? value : null;
  };
  parser.on('doctype', () => {
    throw new Refused('has a DOCTYPE; DTDs and their entities are refused (no entity expansion, no external entities)');
  });
  parser.on('text', (t) => { textBuf += t; });
  parser.on('cdata', (t) => { textBuf += t; });
  parser.on('opentag', (tag) => {
    textBuf = '';
    const scope = enterScope(tag);
    scopes.push(scope);
    if (path.length === 0) {
      const colon = tag.name.indexOf(':');
      const uri = scope[colon < 0 ? '' : tag.name.slice(0, colon)] ?? '';
      if (tag.name.slice(colon + 1) !== 'bom' || !CYCLONEDX_NS.test(uri)) throw new Refused(`has root element <${tag.name}> in namespace "${uri}", not a CycloneDX <bom>`);
      bomNs = uri;
      doc.specVersion = CYCLONEDX_NS.exec(uri)?.[1] ?? null;
      doc.serialNumber = attr(tag, 'serialNumber');
    }
    const name = nameOf(tag.name, scope);
    const parent = path[path.length - 1];
    if (name === 'component' && (parent === 'components' || parent === 'metadata')) {
      const isSubject = parent === 'metadata';
      drafts.push({ fields: new Map(), supplier: null, bomRef: attr(tag, 'bom-ref'), type: attr(tag, 'type'), isSubject, slot: isSubject ? -1 : slots.length });
      if (!isSubject) slots.push(null);
    }
    path.push(name);
  });
  parser.on('closetag', () => {
    closeElement(path[path.length - 1] ?? '');
    scopes.pop();
  });
  try {
    parser.write(text).close();
  } catch (err) {
    const at = `at line ${parser.line}, column ${parser.column}`;
    if (err instanceof Refused) throw new AppError(ErrorCode.BadArgument, `${file}: CycloneDX XML ${err.message} (${at})`);
    // saxes prefixes its messages with line:column; ours says where once, in words.
    const why = err instanceof Error ? err.message.replace(/^\d+:\d+: /, '') : 'parse error';
    throw new AppError(ErrorCode.BadArgument, `${file}: CycloneDX XML is not well-formed ${at}: ${why}`);
  }

  function closeElement(name: string): void {
    const value = textBuf.trim();
    textBuf = '';
    const parent = path[path.length - 2];
    const top = drafts[drafts.length - 1];
    if (name === 'component' && top !== undefined && path[path.length - 1] === 'component' && (parent === 'components' || parent === 'metadata')) {
      drafts.pop();
      const c = finish(top);
      if (top.isSubject) doc.subject = c;
      else slots[top.slot] = c;
    } else if (top !== undefined && parent === 'component' && FIELDS.has(name) && value !== '' && !top.fields.has(name)) {
      top.fields.set(name, value);
    } else if (top !== undefined && name === 'name' && (parent === 'supplier' || parent === 'manufacturer') && path[path.length - 3] === 'component' && value !== '') {
      top.supplier ??= value;
    } else if (name === 'timestamp' && parent === 'metadata') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) doc.createdAt = new Date(ms).toISOString();
    }
    path.pop();
  }

  doc.components = slots.filter((c) => c !== null);
  if (doc.subject !== null) doc.documentName = [doc.subject.name, doc.subject.version].filter((x) => x !== null).join(' ');
  return doc;
}
