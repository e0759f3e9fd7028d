/** Writes one advisory document or the KEV catalog in one transaction; a newer revision replaces the old rows. */
import type { Kysely } from 'kysely';
import type { AdvisoryDocument, KevCatalog } from '../../../advisories/model.js';
import type { AdvisoryDb } from './schema.js';

export type SaveOutcome = 'created' | 'replaced' | 'unchanged' | 'kept-newer';

const CHUNK = 200;

async function insertChunks<T extends keyof AdvisoryDb>(tx: Kysely<AdvisoryDb>, table: T, rows: readonly AdvisoryDb[T][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely's insert typing cannot follow a generic table name; the rows are the table's own row type.
    await tx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/** Revisions compare by current_release_date (ISO), then by the revision text. */
function isOlder(existing: { updated: string | null; revision: string | null }, doc: AdvisoryDocument): boolean {
  if (existing.updated !== null && doc.updated !== null && existing.updated !== doc.updated) return doc.updated < existing.updated;
  return false;
}

export async function saveAdvisory(db: Kysely<AdvisoryDb>, doc: AdvisoryDocument, origin: string, nowMs: number): Promise<SaveOutcome> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('advisories').select(['updated', 'revision', 'source']).where('id', '=', doc.id).executeTakeFirst();
    if (existing !== undefined && isOlder(existing, doc)) return 'kept-newer';
    const same = existing !== undefined && existing.updated === doc.updated && existing.revision === doc.revision;
    if (existing !== undefined) await tx.deleteFrom('advisories').where('id', '=', doc.id).execute();
    await tx.insertInto('advisories').values({
      id: doc.id, source: doc.source, title: doc.title, publisher: doc.publisher, vendor: doc.vendor, revision: doc.revision,
      published: doc.published, updated: doc.updated, summary: doc.summary, imported_at: new Date(nowMs).toISOString(), origin,
    }).execute();
    await insertChunks(tx, 'advisory_products', doc.products.map((p) => ({
      advisory_id: doc.id, product_id: p.productId, vendor: p.vendor, product: p.product, full_name: p.fullName,
      version_text: p.versionText, version_spec: p.versionSpec, cpe: p.cpe, purl: p.purl,
    })));
    const seen = new Set<string>();
    const vulns = doc.vulnerabilities.filter((v) => !seen.has(v.id) && seen.add(v.id));
    await insertChunks(tx, 'advisory_vulnerabilities', vulns.map((v) => ({
      advisory_id: doc.id, vuln_id: v.id, cve: v.cve, title: v.title, cwe: v.cwe,
      cvss3_base: v.cvss3Base, cvss3_vector: v.cvss3Vector, cvss4_base: v.cvss4Base, cvss4_vector: v.cvss4Vector,
    })));
    await insertChunks(tx, 'advisory_product_status', vulns.flatMap((v) => [...v.statuses].map(([productId, s]) => ({
      advisory_id: doc.id, vuln_id: v.id, product_id: productId, status: s.status, remediation: s.remediation,
    }))));
    return existing === undefined ? 'created' : same ? 'unchanged' : 'replaced';
  });
}

/** The catalog is a whole snapshot: it replaces the previous one. */
export async function saveKev(db: Kysely<AdvisoryDb>, catalog: KevCatalog, nowMs: number): Promise<number> {
  const importedAt = new Date(nowMs).toISOString();
  return db.transaction().execute(async (tx) => {
    await tx.deleteFrom('kev').execute();
    const seen = new Set<string>();
    const rows = catalog.entries.filter((e) => !seen.has(e.cve) && seen.add(e.cve)).map((e) => ({
      cve: e.cve, vendor: e.vendor, product: e.product, name: e.name, date_added: e.dateAdded, due_date: e.dueDate,
      known_ransomware: e.knownRansomware === null ? null : e.knownRansomware ? 1 : 0, required_action: e.requiredAction,
      catalog_version: catalog.catalogVersion, imported_at: importedAt,
    }));
    await insertChunks(tx, 'kev', rows);
    return rows.length;
  });
}
