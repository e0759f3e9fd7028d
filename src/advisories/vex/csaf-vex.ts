/** CSAF 2.0 VEX reader (CSAF 2.0 §3.1.5 product_tree, §3.2.3.9 product_status, §3.2.3.5 flags, §3.2.3.12 remediations, §3.2.3.13 threats; §4.5 VEX profile). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { isObject, isoAt, objectAt, objectsAt, textAt, textsAt, type JsonObject } from '../sbom/json-fields.js';
import type { VexStatus } from '../types.js';
import { emptyProduct, type VexDocument, type VexProduct, type VexStatementInput } from './types.js';

/** product_status categories and what they say (CSAF 2.0 §3.2.3.9); `recommended` states no status. */
const STATUS_OF: Readonly<Record<string, VexStatus>> = {
  known_not_affected: 'not_affected',
  known_affected: 'affected', first_affected: 'affected', last_affected: 'affected',
  fixed: 'fixed', first_fixed: 'fixed',
  under_investigation: 'under_investigation',
};

export function isCsaf(doc: unknown): doc is JsonObject {
  if (!isObject(doc)) return false;
  const document = objectAt(doc, 'document');
  return document !== null && (textAt(document, 'csaf_version') !== null || textAt(document, 'category')?.startsWith('csaf_') === true);
}

function helperOf(product: JsonObject, into: VexProduct): void {
  const helper = objectAt(product, 'product_identification_helper');
  if (helper === null) return;
  into.purl = textAt(helper, 'purl') ?? into.purl;
  into.cpe = textAt(helper, 'cpe') ?? into.cpe;
}

/** product_id -> product, from the branch tree (vendor / product_name / product_version), full_product_names and relationships. */
function productIndex(tree: JsonObject | null): Map<string, VexProduct> {
  const index = new Map<string, VexProduct>();
  if (tree === null) return index;
  const stack: { branch: JsonObject; path: VexProduct }[] = objectsAt(tree, 'branches').map((branch) => ({ branch, path: emptyProduct() }));
  while (stack.length > 0) {
    const { branch, path } = stack.pop() as { branch: JsonObject; path: VexProduct };
    const name = textAt(branch, 'name');
    const here = { ...path };
    switch (textAt(branch, 'category')) {
      case 'vendor': here.vendor = name; break;
      case 'product_name': here.product = name; break;
      case 'product_family': here.product ??= name; break;
      case 'product_version': here.version = name; break;
      case 'product_version_range': here.versionRange = name; break;
      default: break;
    }
    const product = objectAt(branch, 'product');
    const id = product === null ? null : textAt(product, 'product_id');
    if (product !== null && id !== null) {
      const p = { ...here, productName: textAt(product, 'name') };
      helperOf(product, p);
      index.set(id, p);
    }
    for (const child of objectsAt(branch, 'branches')) stack.push({ branch: child, path: here });
  }
  for (const fp of objectsAt(tree, 'full_product_names')) {
    const id = textAt(fp, 'product_id');
    if (id === null) continue;
    const p = { ...emptyProduct(), productName: textAt(fp, 'name') };
    helperOf(fp, p);
    index.set(id, p);
  }
  // "X default_component_of Y" speaks about Y (the device) with X inside: the statement is about the platform.
  for (const r of objectsAt(tree, 'relationships')) {
    const fp = objectAt(r, 'full_product_name');
    const id = fp === null ? null : textAt(fp, 'product_id');
    const platform = index.get(textAt(r, 'relates_to_product_reference') ?? '');
    if (fp === null || id === null) continue;
    index.set(id, { ...(platform ?? emptyProduct()), productName: textAt(fp, 'name') });
  }
  return index;
}

/** product ids named directly or through product_groups. */
function idsOf(o: JsonObject, groups: Map<string, string[]>): Set<string> {
  const ids = new Set(textsAt(o, 'product_ids'));
  for (const g of textsAt(o, 'group_ids')) for (const id of groups.get(g) ?? []) ids.add(id);
  return ids;
}

/** The first entry of `list` that speaks about `id` (an entry with no product ids speaks about all). */
function aboutProduct(list: readonly JsonObject[], id: string, groups: Map<string, string[]>): JsonObject | null {
  for (const e of list) {
    const ids = idsOf(e, groups);
    if (ids.size === 0 || ids.has(id)) return e;
  }
  return null;
}

function statementsOf(v: JsonObject, products: Map<string, VexProduct>, groups: Map<string, string[]>): VexStatementInput[] {
  const ids = objectsAt(v, 'ids').map((x) => textAt(x, 'text')).filter((x) => x !== null);
  const cve = textAt(v, 'cve');
  const name = cve ?? ids[0] ?? null;
  const status = objectAt(v, 'product_status');
  if (name === null || status === null) return [];
  const aliases = ids.filter((x) => x !== name);
  const flags = objectsAt(v, 'flags');
  const impacts = objectsAt(v, 'threats').filter((t) => textAt(t, 'category') === 'impact');
  const remediations = objectsAt(v, 'remediations');
  const out: VexStatementInput[] = [];
  for (const [category, vexStatus] of Object.entries(STATUS_OF)) {
    for (const id of textsAt(status, category)) {
      const flag = aboutProduct(flags, id, groups);
      const impact = aboutProduct(impacts, id, groups);
      const remediation = aboutProduct(remediations, id, groups);
      const remedyText = remediation === null ? null : [textAt(remediation, 'category'), textAt(remediation, 'details')].filter((x) => x !== null).join(': ');
      out.push({
        vulnerability: name, aliases, product: products.get(id) ?? { ...emptyProduct(), productName: id }, status: vexStatus,
        justification: flag === null ? null : textAt(flag, 'label'),
        impactStatement: impact === null ? null : textAt(impact, 'details'),
        actionStatement: remedyText === '' ? null : remedyText,
        issuedAt: flag === null ? null : isoAt(flag, 'date'),
      });
    }
  }
  return out;
}

export function parseCsafVex(doc: unknown, file: string, sha256: string): VexDocument {
  if (!isCsaf(doc)) throw new AppError(ErrorCode.BadArgument, `${file}: not a CSAF document (no "document.csaf_version")`);
  const document = objectAt(doc, 'document') as JsonObject;
  const tracking = objectAt(document, 'tracking');
  const publisher = objectAt(document, 'publisher');
  const tree = objectAt(doc, 'product_tree');
  const groups = new Map<string, string[]>();
  for (const g of tree === null ? [] : objectsAt(tree, 'product_groups')) {
    const id = textAt(g, 'group_id');
    if (id !== null) groups.set(id, textsAt(g, 'product_ids'));
  }
  const products = productIndex(tree);
  const trackingId = tracking === null ? null : textAt(tracking, 'id');
  const namespace = publisher === null ? null : textAt(publisher, 'namespace');
  return {
    format: 'csaf',
    documentKey: trackingId === null ? `sha256:${sha256}` : `${namespace ?? ''}#${trackingId}`,
    title: trackingId ?? textAt(document, 'title'),
    issuedAt: tracking === null ? null : isoAt(tracking, 'current_release_date') ?? isoAt(tracking, 'initial_release_date'),
    statements: objectsAt(doc, 'vulnerabilities').flatMap((v) => statementsOf(v, products, groups)),
  };
}
