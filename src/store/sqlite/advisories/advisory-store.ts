/**
 * The SQLite advisory store: saves parsed advisories and the KEV catalog, lists them, and implements
 * VulnerabilityMatcher over an in-memory index of the stored products (rebuilt after each write).
 */
import type { Kysely } from 'kysely';
import { openInventoryDb } from '../../inventory-db.js';
import { matchQuery, type MatchOutcome } from '../../../advisories/match/match-query.js';
import { buildIndex, type IndexedProduct, type IndexedVuln, type ProductIndex } from '../../../advisories/match/product-index.js';
import type { AdvisoryDocument, KevCatalog } from '../../../advisories/model.js';
import { loadAliasTables, type AliasTables } from '../../../advisories/normalise/aliases.js';
import type { ProductQuery, VulnerabilityMatch, VulnerabilityMatcher } from '../../../advisories/types.js';
import type { AdvisoryDb } from './schema.js';
import { saveAdvisory, saveKev, type SaveOutcome } from './write-advisory.js';

export interface AdvisorySummary {
  id: string;
  source: 'csaf' | 'nvd';
  title: string;
  vendor: string | null;
  publisher: string | null;
  revision: string | null;
  updated: string | null;
  origin: string;
  cves: string[];
  /** The advisory's CVEs that are in the imported KEV catalog. */
  kev: string[];
  products: number;
}

export class SqliteAdvisoryStore implements VulnerabilityMatcher {
  private index: ProductIndex | null = null;

  private constructor(
    readonly db: Kysely<AdvisoryDb>,
    private readonly tables: AliasTables,
    private readonly owned: boolean,
  ) {}

  /** Over a database another store opened (the inventory's Kysely handle); closing stays with its owner. */
  static over<DB>(db: Kysely<DB>, tables: AliasTables = loadAliasTables()): SqliteAdvisoryStore {
    return new SqliteAdvisoryStore(db as unknown as Kysely<AdvisoryDb>, tables, false);
  }

  static async open(file: string, tables: AliasTables = loadAliasTables()): Promise<SqliteAdvisoryStore> {
    const db = await openInventoryDb(file);
    return new SqliteAdvisoryStore(db as unknown as Kysely<AdvisoryDb>, tables, true);
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.destroy();
  }

  async saveAdvisory(doc: AdvisoryDocument, origin: string, nowMs: number = Date.now()): Promise<SaveOutcome> {
    this.index = null;
    return saveAdvisory(this.db, doc, origin, nowMs);
  }

  async saveKev(catalog: KevCatalog, nowMs: number = Date.now()): Promise<number> {
    this.index = null;
    return saveKev(this.db, catalog, nowMs);
  }

  async list(): Promise<AdvisorySummary[]> {
    const rows = await this.db.selectFrom('advisories').selectAll().orderBy('updated', 'desc').orderBy('id').execute();
    const vulns = await this.db.selectFrom('advisory_vulnerabilities').select(['advisory_id', 'vuln_id']).orderBy('vuln_id').execute();
    const counts = await this.db.selectFrom('advisory_products').select(['advisory_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('advisory_id').execute();
    const cves = new Map<string, string[]>();
    for (const v of vulns) cves.set(v.advisory_id, [...(cves.get(v.advisory_id) ?? []), v.vuln_id]);
    const n = new Map(counts.map((c) => [c.advisory_id, c.n]));
    const kev = new Set((await this.db.selectFrom('kev').innerJoin('advisory_vulnerabilities', 'advisory_vulnerabilities.cve', 'kev.cve').select('kev.cve').execute()).map((k) => k.cve));
    return rows.map((r) => ({
      id: r.id, source: r.source, title: r.title, vendor: r.vendor, publisher: r.publisher, revision: r.revision, updated: r.updated,
      origin: r.origin, cves: cves.get(r.id) ?? [], kev: (cves.get(r.id) ?? []).filter((c) => kev.has(c)), products: n.get(r.id) ?? 0,
    }));
  }

  async kevCount(): Promise<number> {
    const row = await this.db.selectFrom('kev').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return row?.n ?? 0;
  }

  private async loadIndex(): Promise<ProductIndex> {
    if (this.index !== null) return this.index;
    const advisories = await this.db.selectFrom('advisories').select(['id', 'title', 'source']).execute();
    const byId = new Map(advisories.map((a) => [a.id, a]));
    const vulnRows = await this.db.selectFrom('advisory_vulnerabilities').selectAll().execute();
    const vulns: IndexedVuln[] = [];
    for (const v of vulnRows) {
      const a = byId.get(v.advisory_id);
      if (a === undefined) continue;
      vulns.push({
        advisoryId: a.id, advisoryTitle: a.title, source: a.source, vulnId: v.vuln_id, cve: v.cve,
        cvssBase: v.cvss4_base ?? v.cvss3_base, cvssVector: v.cvss4_base !== null ? v.cvss4_vector : v.cvss3_vector,
      });
    }
    const products = (await this.db.selectFrom('advisory_products').selectAll().execute()).map((p) => ({
      advisoryId: p.advisory_id, productId: p.product_id, vendor: p.vendor, product: p.product, fullName: p.full_name,
      versionText: p.version_text, versionSpec: p.version_spec, cpe: p.cpe, purl: p.purl,
    }));
    const statuses = (await this.db.selectFrom('advisory_product_status').selectAll().execute()).map((s) => ({
      advisoryId: s.advisory_id, vulnId: s.vuln_id, productId: s.product_id, status: s.status, remediation: s.remediation,
    }));
    const kev = new Set((await this.db.selectFrom('kev').select('cve').execute()).map((k) => k.cve));
    this.index = buildIndex(products, vulns, statuses, kev, this.tables);
    return this.index;
  }

  /** Matches with reasons, and the near misses (version outside, listed as fixed) for `advisories unmatched`. */
  async explain(query: ProductQuery): Promise<MatchOutcome> {
    return matchQuery(await this.loadIndex(), query, this.tables);
  }

  async match(query: ProductQuery): Promise<VulnerabilityMatch[]> {
    return (await this.explain(query)).matches;
  }

  /** The indexed products (vendor keys, names, statuses), for the unmatched report. */
  async products(): Promise<readonly IndexedProduct[]> {
    return (await this.loadIndex()).products;
  }

  /** Is this CVE in the imported KEV catalog? */
  async inKev(cve: string): Promise<boolean> {
    return (await this.loadIndex()).kev.has(cve);
  }
}
