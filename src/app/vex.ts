/** Vendor VEX statements (CycloneDX VEX, CSAF 2.0 VEX, OpenVEX): import documents, list statements. */
import { decodeDocument, type DocumentBytes } from '../advisories/sbom/read-document.js';
import { parseVex } from '../advisories/vex/parse-vex.js';
import type { VexDocument } from '../advisories/vex/types.js';
import type { ImportVexResult, WriteVexOptions } from '../store/interfaces.js';
import type { Workspace } from '../store/workspace.js';
import { reassessAfterWrite } from './reassess.js';

/** One document in its own transaction (re-importing a document replaces it). */
export function importVex(ws: Workspace, doc: VexDocument, options: WriteVexOptions): Promise<ImportVexResult> {
  return ws.vex.import(doc, options);
}

export interface VexImport {
  format: VexDocument['format'];
  title: string | null;
  result: ImportVexResult;
  /** What a person should know: a document without statements, statements that name no vendor. */
  warnings: string[];
}

/**
 * Decodes, parses (CycloneDX VEX, CSAF 2.0 VEX, OpenVEX JSON; bad-argument naming the document) and imports one
 * document in its own transaction. Re-assess once after the last document of a batch (reassessAfterVex).
 */
export async function importVexDocument(ws: Workspace, document: DocumentBytes, options: WriteVexOptions): Promise<VexImport> {
  const raw = decodeDocument(document);
  const doc = parseVex(raw.text, document.name, raw.sha256);
  const result = await importVex(ws, doc, options);
  const warnings: string[] = [];
  if (result.statements === 0) warnings.push(`${document.name}: no VEX statements found`);
  if (result.vendorless > 0) {
    warnings.push(`${document.name}: ${result.vendorless} statements name a product but no vendor, so they apply to that product name from any vendor; give --vendor to pin them`);
  }
  return { format: doc.format, title: doc.title, result, warnings };
}

/** After the documents of one command: every device re-assessed with the new suppressions. */
export function reassessAfterVex(ws: Workspace): ReturnType<typeof reassessAfterWrite> {
  return reassessAfterWrite(ws);
}

export interface VexStatementJson {
  vulnerability: string;
  aliases: string[];
  product: { vendor: string | null; product: string | null; version: string | null; versionRange: string | null; purl: string | null; cpe: string | null; name: string | null; ref: string | null };
  status: string;
  justification: string | null;
  impactStatement: string | null;
  actionStatement: string | null;
  issuedAt: string;
  source: string;
}

/** The statements, newest first per vulnerability; with `vulnerability`, those about it or naming it as an alias. */
export async function listVex(ws: Workspace, vulnerability?: string): Promise<VexStatementJson[]> {
  const only = vulnerability?.trim().toUpperCase();
  const rows = (await ws.vex.list())
    .filter((s) => only === undefined || s.vulnerability.toUpperCase() === only || s.aliases.toUpperCase().includes(` ${only} `));
  return rows.map((s) => ({
    vulnerability: s.vulnerability, aliases: s.aliases.trim() === '' ? [] : s.aliases.trim().split(' '),
    product: { vendor: s.vendor, product: s.product, version: s.version, versionRange: s.version_range, purl: s.purl, cpe: s.cpe, name: s.product_name, ref: s.product_ref },
    status: s.status, justification: s.justification, impactStatement: s.impact_statement, actionStatement: s.action_statement,
    issuedAt: s.issued_at, source: s.source,
  }));
}
