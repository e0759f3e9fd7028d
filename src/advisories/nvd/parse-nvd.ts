/**
 * NVD CVE API 2.0 records (a single `cve` object, or the API/feeds wrapper `{ "vulnerabilities": [{ "cve": … }] }`) ->
 * one AdvisoryDocument per CVE: CVSS v3.x/v4.0 metrics and the vulnerable CPE matches of `configurations` with their
 * versionStart/End ranges.
 */
import type { AdvisoryDocument, AdvisoryProduct, ProductStatus } from '../model.js';
import { arr, formatError, isObj, isoDate, num, obj, str, type Obj } from '../json-read.js';
import { formatSpec, specFromNvd } from '../normalise/version-range.js';
import { parseCpe } from './cpe.js';

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const MAX_MATCHES = 20_000;

export function looksLikeNvdCve(doc: unknown): boolean {
  return isObj(doc) && typeof doc.id === 'string' && CVE_ID.test(doc.id) && ('configurations' in doc || 'metrics' in doc || 'descriptions' in doc);
}

export function looksLikeNvdCollection(doc: unknown): boolean {
  if (!isObj(doc) || !Array.isArray(doc.vulnerabilities)) return false;
  if (doc.format === 'NVD_CVE') return true;
  const first: unknown = doc.vulnerabilities[0];
  return isObj(first) && isObj(first.cve);
}

/** Highest score of the preferred source: NVD's Primary metric first, else the highest of any source. */
function metric(metrics: Obj, keys: readonly string[]): { base: number | null; vector: string | null } {
  let best: { base: number | null; vector: string | null; primary: boolean } = { base: null, vector: null, primary: false };
  for (const key of keys) {
    for (const m of arr(metrics[key])) {
      const e = obj(m);
      const data = obj(e.cvssData);
      const base = num(data.baseScore);
      if (base === null || base < 0 || base > 10) continue;
      const primary = e.type === 'Primary';
      if (best.base === null || (primary && !best.primary) || (primary === best.primary && base > best.base)) {
        best = { base, vector: str(data.vectorString, 300), primary };
      }
    }
  }
  return { base: best.base, vector: best.vector };
}

function cpeProducts(configurations: unknown, warnings: string[]): AdvisoryProduct[] {
  const out = new Map<string, AdvisoryProduct>();
  const visit = (node: Obj, depth: number): void => {
    if (depth > 16) return;
    for (const m of arr(node.cpeMatch)) {
      const match = obj(m);
      if (match.vulnerable !== true) continue;
      const criteria = str(match.criteria, 500);
      const cpe = criteria === null ? null : parseCpe(criteria);
      if (criteria === null || cpe === null) {
        warnings.push(`CPE "${String(match.criteria)}" not understood`);
        continue;
      }
      const range = {
        cpeVersion: cpe.version,
        startIncluding: str(match.versionStartIncluding, 100) ?? undefined,
        startExcluding: str(match.versionStartExcluding, 100) ?? undefined,
        endIncluding: str(match.versionEndIncluding, 100) ?? undefined,
        endExcluding: str(match.versionEndExcluding, 100) ?? undefined,
      };
      const spec = specFromNvd(range);
      const versionSpec = spec === null ? null : formatSpec(spec);
      const productId = `${criteria}${versionSpec === null || cpe.version !== '*' ? '' : ` ${versionSpec}`}`;
      if (out.size >= MAX_MATCHES) throw formatError(`more than ${MAX_MATCHES} CPE matches`);
      out.set(productId, {
        productId,
        vendor: cpe.vendor,
        product: cpe.productName,
        fullName: `${cpe.vendor} ${cpe.product}${cpe.version === '*' || cpe.version === '-' ? '' : ` ${cpe.version}`}`,
        versionText: versionSpec,
        versionSpec,
        cpe: criteria,
        purl: null,
      });
    }
    for (const child of arr(node.nodes)) visit(obj(child), depth + 1);
    for (const child of arr(node.children)) visit(obj(child), depth + 1);
  };
  for (const c of arr(configurations)) visit(obj(c), 0);
  return [...out.values()];
}

export function parseNvdCve(value: unknown): AdvisoryDocument {
  const cve = obj(value);
  const id = str(cve.id, 40);
  if (id === null || !CVE_ID.test(id)) throw formatError('NVD record has no CVE id');
  const warnings: string[] = [];
  const description = arr(cve.descriptions).map(obj).find((d) => d.lang === 'en') ?? obj(arr(cve.descriptions)[0]);
  const text = str(description.value, 2000);
  const metrics = obj(cve.metrics);
  const v3 = metric(metrics, ['cvssMetricV31', 'cvssMetricV30']);
  const v4 = metric(metrics, ['cvssMetricV40']);
  const products = cpeProducts(cve.configurations, warnings);
  const cwe = arr(cve.weaknesses).flatMap((w) => arr(obj(w).description)).map((d) => str(obj(d).value, 40)).find((x) => x !== null && x.startsWith('CWE-')) ?? null;
  const statuses = new Map<string, { status: ProductStatus; remediation: string | null }>();
  for (const p of products) statuses.set(p.productId, { status: 'affected', remediation: null });
  return {
    id,
    source: 'nvd',
    title: text === null ? id : text.length > 200 ? `${text.slice(0, 200)}…` : text,
    publisher: 'NVD',
    vendor: products[0]?.vendor ?? null,
    revision: str(cve.lastModified, 40),
    published: isoDate(cve.published),
    updated: isoDate(cve.lastModified),
    summary: text,
    products,
    vulnerabilities: [{ id, cve: id, title: null, cwe, cvss3Base: v3.base, cvss3Vector: v3.vector, cvss4Base: v4.base, cvss4Vector: v4.vector, statuses }],
    warnings: products.length === 0 ? [...warnings, `${id}: no vulnerable CPE configuration; nothing to match`] : warnings,
  };
}

/** The API / feed wrapper: every record parsed on its own, a bad one becomes a warning. */
export function parseNvdCollection(doc: unknown): { advisories: AdvisoryDocument[]; warnings: string[] } {
  const advisories: AdvisoryDocument[] = [];
  const warnings: string[] = [];
  arr(obj(doc).vulnerabilities).forEach((v, i) => {
    try {
      advisories.push(parseNvdCve(obj(v).cve));
    } catch (err) {
      warnings.push(`record ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { advisories, warnings };
}
