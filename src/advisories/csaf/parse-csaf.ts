/**
 * CSAF 2.0 (OASIS csaf-v2.0-os §3.2) security advisory -> AdvisoryDocument: document tracking, product tree,
 * vulnerabilities with CVE, CWE, CVSS v3 and v4 scores, product_status and remediations per product.
 */
import { AppError } from '../../util/app-error.js';
import type { AdvisoryDocument, AdvisoryVulnerability, ProductStatus } from '../model.js';
import { arr, formatError, isObj, isoDate, num, obj, str, type Obj } from '../json-read.js';
import { readProductTree, type ProductTree } from './product-tree.js';
import { baseScoreOfVector } from '../../risk/cvss-vector.js';

/** §3.2.3.9 product_status groups and what they mean for matching. */
const STATUS_GROUPS: readonly [string, ProductStatus][] = [
  ['first_affected', 'affected'],
  ['known_affected', 'affected'],
  ['last_affected', 'affected'],
  ['first_fixed', 'fixed'],
  ['fixed', 'fixed'],
  ['known_not_affected', 'not_affected'],
  ['under_investigation', 'under_investigation'],
];
const MAX_REMEDIATION_CHARS = 1500;

/** True when the JSON is a CSAF document (any version): detection by content, not file name. */
export function looksLikeCsaf(doc: unknown): boolean {
  return isObj(doc) && isObj(doc.document) && typeof doc.document.csaf_version === 'string';
}

function productIds(list: unknown, tree: ProductTree, groups: unknown): string[] {
  const ids = arr(list).map((x) => str(x, 200)).filter((x): x is string => x !== null);
  for (const g of arr(groups)) ids.push(...(tree.groups.get(str(g, 200) ?? '') ?? []));
  return ids;
}

function scoreOf(scores: unknown, key: 'cvss_v3' | 'cvss_v4'): { base: number | null; vector: string | null } {
  let best: { base: number | null; vector: string | null } = { base: null, vector: null };
  for (const s of arr(scores)) {
    const cvss = obj(obj(s)[key]);
    const vector = str(cvss.vectorString, 300);
    // CSAF 2.0 §3.2.3.11 requires baseScore; a document that left it out still has its vector's.
    const base = num(cvss.baseScore) ?? baseScoreOfVector(vector);
    if (base !== null && base >= 0 && base <= 10 && (best.base === null || base > best.base)) best = { base, vector };
  }
  return best;
}

function remediationsByProduct(v: Obj, tree: ProductTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of arr(v.remediations)) {
    const rem = obj(r);
    const details = str(rem.details, 800);
    if (details === null) continue;
    const url = str(rem.url, 300);
    const text = `${(str(rem.category, 40) ?? 'remediation').replace(/_/g, ' ')}: ${details}${url === null ? '' : ` (${url})`}`;
    for (const id of productIds(rem.product_ids, tree, rem.group_ids)) {
      const prev = out.get(id);
      const joined = prev === undefined ? text : `${prev}\n${text}`;
      out.set(id, joined.length > MAX_REMEDIATION_CHARS ? `${joined.slice(0, MAX_REMEDIATION_CHARS)}…` : joined);
    }
  }
  return out;
}

function readVulnerability(value: unknown, index: number, docId: string, tree: ProductTree, warnings: string[]): AdvisoryVulnerability {
  const v = obj(value);
  const cve = str(v.cve, 40);
  if (cve !== null && !/^CVE-\d{4}-\d{4,}$/.test(cve)) warnings.push(`vulnerability ${index + 1}: "${cve}" is not a CVE id`);
  const ownId = str(obj(arr(v.ids)[0]).text, 100);
  const id = cve !== null && /^CVE-\d{4}-\d{4,}$/.test(cve) ? cve : ownId ?? `${docId}#${index + 1}`;
  const v3 = scoreOf(v.scores, 'cvss_v3');
  const v4 = scoreOf(v.scores, 'cvss_v4');
  const remediation = remediationsByProduct(v, tree);
  // §3.2.3.5 flags: the machine-readable justification of a known_not_affected product (component_not_present …).
  const flags = new Map<string, string>();
  for (const f of arr(v.flags)) {
    const flag = obj(f);
    const label = str(flag.label, 80);
    if (label !== null) for (const pid of productIds(flag.product_ids, tree, flag.group_ids)) flags.set(pid, `justification: ${label}`);
  }
  const statuses = new Map<string, { status: ProductStatus; remediation: string | null }>();
  const status = obj(v.product_status);
  for (const [group, meaning] of STATUS_GROUPS) {
    for (const pid of productIds(status[group], tree, undefined)) {
      if (!tree.products.has(pid)) {
        warnings.push(`${id}: product_status names unknown product "${pid}"`);
        continue;
      }
      statuses.set(pid, { status: meaning, remediation: (meaning === 'not_affected' ? flags.get(pid) : undefined) ?? remediation.get(pid) ?? null });
    }
  }
  return {
    id,
    cve: id === cve ? cve : null,
    title: str(v.title, 500),
    cwe: str(obj(v.cwe).id, 40),
    cvss3Base: v3.base,
    cvss3Vector: v3.vector,
    cvss4Base: v4.base,
    cvss4Vector: v4.vector,
    statuses,
  };
}

/** Parse one CSAF 2.0 document; AppError bad-argument (one line) when it is not one. */
export function parseCsaf(doc: unknown): AdvisoryDocument {
  if (!looksLikeCsaf(doc) || !isObj(doc)) throw formatError('not a CSAF document (no document.csaf_version)');
  const d = obj(doc.document);
  if (d.csaf_version !== '2.0') throw formatError(`CSAF version ${String(d.csaf_version)} is not supported (only 2.0)`);
  const tracking = obj(d.tracking);
  const id = str(tracking.id, 200);
  if (id === null) throw formatError('CSAF document has no document.tracking.id');
  const title = str(d.title, 500) ?? id;
  const publisher = str(obj(d.publisher).name, 200);
  try {
    const tree = readProductTree(doc.product_tree, publisher);
    const warnings = [...tree.warnings];
    const vulnerabilities = arr(doc.vulnerabilities).map((v, i) => readVulnerability(v, i, id, tree, warnings));
    const summary = arr(d.notes).map(obj).find((n) => n.category === 'summary');
    return {
      id,
      source: 'csaf',
      title,
      publisher,
      vendor: tree.vendor ?? publisher,
      revision: str(tracking.version, 40),
      published: isoDate(tracking.initial_release_date),
      updated: isoDate(tracking.current_release_date),
      summary: summary === undefined ? null : str(summary.text, 2000),
      products: [...tree.products.values()],
      vulnerabilities,
      warnings,
    };
  } catch (err) {
    if (err instanceof AppError) throw formatError(`${id}: ${err.message}`);
    throw err;
  }
}
