/** CISA Known Exploited Vulnerabilities catalog JSON (schema: kev_nvd/known_exploited_vulnerabilities_schema.json). */
import type { KevCatalog, KevEntry } from '../model.js';
import { arr, formatError, isObj, obj, str } from '../json-read.js';

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function looksLikeKev(doc: unknown): boolean {
  if (!isObj(doc) || !Array.isArray(doc.vulnerabilities)) return false;
  if (typeof doc.catalogVersion === 'string') return true;
  const first: unknown = doc.vulnerabilities[0];
  return isObj(first) && typeof first.cveID === 'string';
}

export function parseKev(doc: unknown): KevCatalog {
  if (!looksLikeKev(doc)) throw formatError('not a CISA KEV catalog (no vulnerabilities[].cveID)');
  const d = obj(doc);
  const warnings: string[] = [];
  const entries: KevEntry[] = [];
  arr(d.vulnerabilities).forEach((v, i) => {
    const e = obj(v);
    const cve = str(e.cveID, 40);
    const dateAdded = str(e.dateAdded, 20);
    if (cve === null || !CVE_ID.test(cve) || dateAdded === null || !DATE.test(dateAdded)) {
      warnings.push(`entry ${i + 1}: no valid cveID/dateAdded; skipped`);
      return;
    }
    const dueDate = str(e.dueDate, 20);
    const ransomware = str(e.knownRansomwareCampaignUse, 20);
    entries.push({
      cve,
      vendor: str(e.vendorProject, 200) ?? '',
      product: str(e.product, 200) ?? '',
      name: str(e.vulnerabilityName, 300),
      dateAdded,
      dueDate: dueDate !== null && DATE.test(dueDate) ? dueDate : null,
      knownRansomware: ransomware === 'Known' ? true : null,
      requiredAction: str(e.requiredAction, 1000),
    });
  });
  return { catalogVersion: str(d.catalogVersion, 40), released: str(d.dateReleased, 40), entries, warnings };
}
