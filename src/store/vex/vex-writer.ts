/** Writes a parsed VEX document into vex_documents / vex_statements (migration 0005) inside the caller's transaction. */
import type { Insertable, Kysely } from 'kysely';
import type { SbomVexDb, VexStatementsTable } from '../sbom/schema.js';
import { modelKey, vendorKey } from '../../advisories/sbom/vendor-key.js';
import type { VexDocument } from '../../advisories/vex/types.js';

/** 20 columns a row: 500 rows stay well under SQLite's 32,766 bound parameters. */
const BATCH_ROWS = 500;

export interface WriteVexOptions {
  origin: string;
  importedAt: string;
  sbomId?: number | null;
  /** For statements naming no vendor (a CycloneDX VEX's metadata.component often has none): `vex import --vendor`. */
  defaultVendor?: string | null;
  /** For statements naming no product at all: `vex import --model`. */
  defaultProduct?: string | null;
}

/** Replaces the statements of an earlier import of the same document; returns the number of statement rows. */
export async function writeVexDocument(tx: Kysely<SbomVexDb>, doc: VexDocument, options: WriteVexOptions): Promise<number> {
  await tx.deleteFrom('vex_documents').where('format', '=', doc.format).where('document_key', '=', doc.documentKey).execute();
  const inserted = await tx.insertInto('vex_documents').values({
    format: doc.format, document_key: doc.documentKey, title: doc.title, origin: options.origin, imported_at: options.importedAt,
    statement_count: doc.statements.length, sbom_id: options.sbomId ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  const source = doc.title === null ? options.origin : `${options.origin} (${doc.title})`;
  let rows: Insertable<VexStatementsTable>[] = [];
  for (const s of doc.statements) {
    const p = s.product;
    const named = p.product !== null || p.purl !== null || p.cpe !== null || p.productName !== null || p.productRef !== null;
    const vendor = p.vendor ?? options.defaultVendor ?? null;
    const product = p.product ?? (named ? null : options.defaultProduct ?? null);
    rows.push({
      document_id: inserted.id, vulnerability: s.vulnerability, aliases: s.aliases.length === 0 ? '' : ` ${s.aliases.join(' ')} `,
      vendor, vendor_key: vendor === null ? null : vendorKey(vendor), product, product_key: product === null ? null : modelKey(product),
      version: p.version, version_range: p.versionRange, purl: p.purl, cpe: p.cpe, product_name: p.productName, product_ref: p.productRef,
      status: s.status, justification: s.justification, impact_statement: s.impactStatement, action_statement: s.actionStatement,
      issued_at: s.issuedAt ?? doc.issuedAt ?? options.importedAt, source,
    });
    if (rows.length >= BATCH_ROWS) {
      await tx.insertInto('vex_statements').values(rows).execute();
      rows = [];
    }
  }
  if (rows.length > 0) await tx.insertInto('vex_statements').values(rows).execute();
  return doc.statements.length;
}
