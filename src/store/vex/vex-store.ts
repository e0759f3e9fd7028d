/** The SQLite VexStore: import documents, list statements, and the newest statement's decision for a product. */
import { sql, type Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { sbomVexDb, type SbomVexDb } from '../sbom/schema.js';
import { modelKey, vendorKey } from '../../advisories/sbom/vendor-key.js';
import type { ProductQuery, VexDecision, VexStore } from '../../advisories/types.js';
import { statementCovers, type StatementRow } from '../../advisories/vex/product-match.js';
import type { VexDocument } from '../../advisories/vex/types.js';
import { writeVexDocument, type WriteVexOptions } from './vex-writer.js';

const CAUTION: Readonly<Record<StatementRow['status'], number>> = { affected: 3, under_investigation: 2, fixed: 1, not_affected: 0 };

export interface ImportVexResult {
  statements: number;
  notAffected: number;
  /** Statements naming a product but no vendor, purl or CPE: they match that product name from any vendor. */
  vendorless: number;
}

/** One document in one transaction: a failure leaves no statement of it behind. */
export async function importVexDocument(db: Kysely<InventoryDb>, doc: VexDocument, options: WriteVexOptions): Promise<ImportVexResult> {
  const statements = await sbomVexDb(db).transaction().execute((tx) => writeVexDocument(tx, doc, options));
  const vendorless = options.defaultVendor == null
    ? doc.statements.filter((s) => s.product.vendor === null && s.product.purl === null && s.product.cpe === null && (s.product.product !== null || s.product.productName !== null)).length
    : 0;
  return { statements, notAffected: doc.statements.filter((s) => s.status === 'not_affected').length, vendorless };
}

export async function listVexStatements(db: Kysely<InventoryDb>): Promise<StatementRow[]> {
  return sbomVexDb(db).selectFrom('vex_statements').selectAll().orderBy('vulnerability').orderBy('issued_at', 'desc').orderBy('id', 'desc').execute();
}

/** `urn:cdx:<uuid>/<version>#<ref>` (CycloneDX BOM-Link) -> the serial number and the ref inside that BOM. */
function parseBomLink(ref: string): { serial: string; ref: string } | null {
  const m = /^urn:cdx:([0-9a-f-]{36})(?:\/\d+)?#(.+)$/i.exec(ref);
  if (m === null) return null;
  let inner = m[2] ?? '';
  try { inner = decodeURIComponent(inner); } catch { /* keep as written */ }
  return { serial: `urn:uuid:${(m[1] ?? '').toLowerCase()}`, ref: inner };
}

/** The text matched literally inside a LIKE pattern: its wildcards and the escape character escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class SqliteVexStore implements VexStore {
  private readonly db: Kysely<SbomVexDb>;

  constructor(db: Kysely<InventoryDb>) {
    this.db = sbomVexDb(db);
  }

  /** The newest statement naming the vulnerability (or one of its aliases) that covers the product, else null. */
  async decisionFor(vulnerability: string, product: ProductQuery): Promise<VexDecision | null> {
    const id = vulnerability.trim();
    if (id === '') return null;
    const rows = await this.db.selectFrom('vex_statements').selectAll()
      .where((eb) => eb.or([
        eb(eb.fn('upper', ['vulnerability']), '=', id.toUpperCase()),
        // LIKE with an explicit ESCAPE reads the same on SQLite and PostgreSQL (SQLite's instr() has no PostgreSQL twin).
        sql<boolean>`upper(aliases) LIKE ${`% ${escapeLike(id.toUpperCase())} %`} ESCAPE '\\'`,
      ]))
      .orderBy('issued_at', 'desc').orderBy('id', 'desc').execute();
    // Newest wins. Statements of the same moment that disagree (a CSAF document listing "X in Y" not affected and
    // "Z in Y" affected) resolve to the least reassuring status: a VEX must never hide what its author also flagged.
    let best: StatementRow | null = null;
    for (const row of rows) {
      if (best !== null && row.issued_at !== best.issued_at) break;
      if (statementCovers(row, product) === null && !await this.refCovers(row, product)) continue;
      if (best === null || CAUTION[row.status] > CAUTION[best.status]) best = row;
    }
    if (best === null) return null;
    return {
      status: best.status,
      justification: best.justification ?? best.impact_statement,
      statement: [best.impact_statement, best.action_statement].filter((x) => x !== null).join(' — ') || null,
      source: best.source,
    };
  }

  /** A BOM-Link ref resolves through the attached SBOM with that serial number: a component of it, or the model itself. */
  private async refCovers(row: StatementRow, product: ProductQuery): Promise<boolean> {
    if (row.product_ref === null) return false;
    const link = parseBomLink(row.product_ref);
    if (link === null) return false;
    const sbom = await this.db.selectFrom('sboms').select(['id', 'vendor', 'model']).where('serial_number', '=', link.serial).executeTakeFirst();
    if (sbom === undefined) return false;
    // The model itself (any version: an SBOM is attached per model), or the named component of it.
    const device: StatementRow = { ...row, product_ref: null, vendor: sbom.vendor, vendor_key: vendorKey(sbom.vendor), product: sbom.model, product_key: modelKey(sbom.model), purl: null, cpe: null };
    if (statementCovers(device, product) !== null) return true;
    const component = await this.db.selectFrom('sbom_components').selectAll().where('sbom_id', '=', sbom.id).where('bom_ref', '=', link.ref).executeTakeFirst();
    if (component === undefined) return false;
    const resolved: StatementRow = {
      ...row, product_ref: null, vendor: component.supplier, vendor_key: component.supplier === null ? null : vendorKey(component.supplier),
      product: component.name, product_key: modelKey(component.name), purl: component.purl, cpe: component.cpe, version: row.version ?? component.version,
    };
    return statementCovers(resolved, product) !== null;
  }
}
