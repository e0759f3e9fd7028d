/** Attach / list / read / detach SBOMs per device model; one SBOM per vendor+model, replaced whole. */
import type { Insertable, Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { statusOfAnalysisState } from '../../advisories/vex/cyclonedx-state.js';
import type { VexDocument } from '../../advisories/vex/types.js';
import { emptyProduct } from '../../advisories/vex/types.js';
import { writeVexDocument } from '../vex/vex-writer.js';
import { sbomVexDb, type SbomComponentsTable, type SbomsTable, type SbomVexDb } from './schema.js';
import type { SbomComponent, SbomDocument } from '../../advisories/sbom/types.js';
import { canonicalVendorName, modelKey, vendorKey } from '../../advisories/sbom/vendor-key.js';

/** 10 columns a row: 1,000 rows stay well under SQLite's 32,766 bound parameters. */
const BATCH_ROWS = 1000;

export type SbomRow = Omit<SbomsTable, 'id'> & { id: number };

export interface AttachInput {
  vendor: string;
  model: string;
  doc: SbomDocument;
  origin: string;
  sha256: string;
  nowMs: number;
}

export interface AttachResult {
  sbomId: number;
  replaced: boolean;
  components: number;
  vulnerabilities: number;
  vexStatements: number;
}

function checkName(what: string, value: string): string {
  const v = value.trim();
  if (v === '') throw new AppError(ErrorCode.BadArgument, `--${what} must not be empty`);
  return v;
}

/** The embedded analyses as a VEX document about the device model, owned by (and deleted with) the SBOM. */
function embeddedVex(input: AttachInput, vendor: string, model: string): VexDocument {
  const statements = [];
  for (const v of input.doc.vulnerabilities) {
    const status = statusOfAnalysisState(v.state);
    if (status === null) continue;
    statements.push({
      vulnerability: v.id, aliases: [], product: { ...emptyProduct(), vendor, product: model }, status,
      justification: v.justification, impactStatement: v.detail, actionStatement: v.recommendation, issuedAt: v.issuedAt,
    });
  }
  return { format: 'cyclonedx', documentKey: `sbom:${vendorKey(vendor)}/${modelKey(model)}`, title: `SBOM of ${vendor} ${model}`, issuedAt: input.doc.createdAt, statements };
}

export async function attachSbom(inventoryDb: Kysely<InventoryDb>, input: AttachInput): Promise<AttachResult> {
  const vendor = canonicalVendorName(checkName('vendor', input.vendor));
  const model = checkName('model', input.model);
  const attachedAt = new Date(input.nowMs).toISOString();
  const doc = input.doc;
  return sbomVexDb(inventoryDb).transaction().execute(async (tx) => {
    const deleted = await tx.deleteFrom('sboms').where('vendor_key', '=', vendorKey(vendor)).where('model_key', '=', modelKey(model)).executeTakeFirst();
    const row = await tx.insertInto('sboms').values({
      vendor, model, vendor_key: vendorKey(vendor), model_key: modelKey(model), format: doc.format, spec_version: doc.specVersion,
      document_name: doc.documentName, serial_number: doc.serialNumber, subject_name: doc.subject?.name ?? null,
      subject_version: doc.subject?.version ?? null, component_count: doc.components.length,
      vulnerability_count: doc.vulnerabilities.length, attached_at: attachedAt, origin: input.origin, sha256: input.sha256,
    }).returning('id').executeTakeFirstOrThrow();
    let batch: Insertable<SbomComponentsTable>[] = [];
    for (let i = 0; i < doc.components.length; i++) {
      const c = doc.components[i] as SbomComponent;
      batch.push({ sbom_id: row.id, position: i, bom_ref: c.bomRef, type: c.type, name: c.name, version: c.version, purl: c.purl, cpe: c.cpe, supplier: c.supplier });
      if (batch.length >= BATCH_ROWS) {
        await tx.insertInto('sbom_components').values(batch).execute();
        batch = [];
      }
    }
    if (batch.length > 0) await tx.insertInto('sbom_components').values(batch).execute();
    for (const v of doc.vulnerabilities) {
      await tx.insertInto('sbom_vulnerabilities').values({
        sbom_id: row.id, vulnerability: v.id, component_refs: JSON.stringify(v.componentRefs), cvss_base: v.cvssBase,
        cvss_vector: v.cvssVector, severity: v.severity, state: v.state, justification: v.justification, detail: v.detail,
        recommendation: v.recommendation,
      }).execute();
    }
    const vex = embeddedVex(input, vendor, model);
    const vexStatements = vex.statements.length === 0 ? 0 : await writeVexDocument(tx, vex, { origin: input.origin, importedAt: attachedAt, sbomId: row.id });
    return { sbomId: row.id, replaced: deleted.numDeletedRows > 0n, components: doc.components.length, vulnerabilities: doc.vulnerabilities.length, vexStatements };
  });
}

export async function listSboms(inventoryDb: Kysely<InventoryDb>): Promise<SbomRow[]> {
  return sbomVexDb(inventoryDb).selectFrom('sboms').selectAll().orderBy('vendor_key').orderBy('model_key').execute();
}

/** The SBOM attached to a vendor+model (aliases and case folded), or null. */
export async function findSbom(db: Kysely<InventoryDb> | Kysely<SbomVexDb>, vendor: string, model: string): Promise<SbomRow | null> {
  const row = await sbomVexDb(db as Kysely<InventoryDb>).selectFrom('sboms').selectAll()
    .where('vendor_key', '=', vendorKey(vendor)).where('model_key', '=', modelKey(model)).executeTakeFirst();
  return row ?? null;
}

export async function sbomComponents(db: Kysely<InventoryDb>, sbomId: number): Promise<SbomComponent[]> {
  const rows = await sbomVexDb(db).selectFrom('sbom_components').selectAll().where('sbom_id', '=', sbomId).orderBy('position').execute();
  return rows.map((r) => ({ bomRef: r.bom_ref, type: r.type, name: r.name, version: r.version, purl: r.purl, cpe: r.cpe, supplier: r.supplier }));
}

/** Removes a model's SBOM with its components, embedded vulnerabilities and derived statements; false when none. */
export async function detachSbom(db: Kysely<InventoryDb>, vendor: string, model: string): Promise<boolean> {
  const r = await sbomVexDb(db).deleteFrom('sboms').where('vendor_key', '=', vendorKey(vendor)).where('model_key', '=', modelKey(model)).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
