/** Vendor VEX statements (CycloneDX VEX, CSAF 2.0 VEX, OpenVEX): import documents, list statements. */
import type { VexDocument } from '../advisories/vex/types.js';
import type { ImportVexResult, WriteVexOptions } from '../store/interfaces.js';
import type { Workspace } from '../store/workspace.js';
import { reassessAfterWrite } from './reassess.js';

/** One document in its own transaction (re-importing a document replaces it). */
export function importVex(ws: Workspace, doc: VexDocument, options: WriteVexOptions): Promise<ImportVexResult> {
  return ws.vex.import(doc, options);
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
