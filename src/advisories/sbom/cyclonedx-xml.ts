/**
 * CycloneDX XML SBOM reader (CycloneDX 1.x XML schema: bom/@serialNumber, metadata/component, components/component
 * nested, name, version, purl, cpe, supplier/name, publisher). A tag scanner, not a general XML parser: no DTDs, no
 * entity expansion beyond the five predefined and numeric references (so no entity bombs), an explicit element stack.
 */
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { SbomComponent, SbomDocument } from './types.js';

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Attributes are read only on <bom> and <component>, and only from a tag of sane length (no quadratic scans). */
const MAX_ATTRIBUTE_TEXT = 64 * 1024;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const FIELDS = new Set(['name', 'version', 'purl', 'cpe', 'publisher', 'author', 'group']);

export function isCycloneDxXml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*</.test(head) && /<bom[\s>]/.test(head) && /cyclonedx\.org\/schema\/bom/.test(head);
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) out.set((m[1] ?? '').replace(/^.*:/, ''), decode(m[2] ?? m[3] ?? ''));
  return out;
}

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
  const bad = (why: string, at: number): AppError => new AppError(ErrorCode.BadArgument, `${file}: CycloneDX XML ${why} at byte ${at}`);
  let textBuf = '';
  // A hand-written scan: every step moves past one markup token found with indexOf, so the work is linear in the size.
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    textBuf += decode(text.slice(i, lt < 0 ? text.length : lt));
    if (lt < 0) break;
    const skipTo = (closer: string, from: number): number => {
      const end = text.indexOf(closer, from);
      if (end < 0) throw bad(`has an unterminated ${closer === '-->' ? 'comment' : closer === ']]>' ? 'CDATA section' : 'declaration'}`, lt);
      return end;
    };
    if (text.startsWith('<!--', lt)) { i = skipTo('-->', lt + 4) + 3; continue; }
    if (text.startsWith('<![CDATA[', lt)) { const end = skipTo(']]>', lt + 9); textBuf += text.slice(lt + 9, end); i = end + 3; continue; }
    if (text.startsWith('<?', lt)) { i = skipTo('?>', lt + 2) + 2; continue; }
    if (text.startsWith('<!', lt)) {
      // A DOCTYPE with an internal subset could declare entities: refused, never expanded.
      const end = skipTo('>', lt + 2);
      if (text.slice(lt, end).includes('[')) throw bad('declares a DTD internal subset (not supported)', lt);
      i = end + 1;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) throw bad('has an unterminated tag', lt);
    i = gt + 1;
    const inner = text.slice(lt + 1, gt);
    const m = /^(\/?)([A-Za-z_][\w:.-]*)/.exec(inner);
    if (m === null) throw bad('has a malformed tag', lt);
    const name = (m[2] ?? '').replace(/^.*:/, '');
    if (m[1] === '/') {
      closeElement(name);
      continue;
    }
    textBuf = '';
    const parent = path[path.length - 1];
    const opensComponent = name === 'component' && (parent === 'components' || parent === 'metadata');
    const wantsAttributes = opensComponent || (name === 'bom' && path.length === 0);
    const attrs = wantsAttributes && inner.length <= MAX_ATTRIBUTE_TEXT ? attributes(inner) : new Map<string, string>();
    if (name === 'bom' && path.length === 0) {
      doc.serialNumber = attrs.get('serialNumber') ?? null;
      doc.specVersion = /schema\/bom\/(\d+\.\d+)/.exec(attrs.get('xmlns') ?? '')?.[1] ?? null;
    }
    if (inner.endsWith('/')) continue; // <empty/>: nothing inside
    if (opensComponent) {
      const isSubject = parent === 'metadata';
      drafts.push({ fields: new Map(), supplier: null, bomRef: attrs.get('bom-ref') ?? null, type: attrs.get('type') ?? null, isSubject, slot: isSubject ? -1 : slots.length });
      if (!isSubject) slots.push(null);
    }
    path.push(name);
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
