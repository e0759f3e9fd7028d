/** `sbom show`: a model's SBOM, each component's vulnerability matches and the VEX decision on each. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../../inventory/sqlite/schema.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { SqliteAdvisoryStore } from '../sqlite/advisory-store.js';
import type { VulnerabilityMatch, VulnerabilityMatcher } from '../types.js';
import { decisionForMatch } from '../vex/decision-for-match.js';
import { SqliteVexStore } from '../vex/vex-store.js';
import { describeComponent, sbomMatches } from './sbom-matches.js';
import { findSbom, sbomComponents } from './sbom-store.js';
import { textTable } from '../../util/text-table.js';

export interface ReportMatch {
  vulnerability: string;
  advisoryId: string;
  cvssBase: number | null;
  kev: boolean;
  reasons: string[];
  remediation: string | null;
  vex: { status: string; justification: string | null; statement: string | null; source: string } | null;
  suppressed: boolean;
}

export interface ReportComponent {
  name: string;
  version: string | null;
  purl: string | null;
  cpe: string | null;
  supplier: string | null;
  bomRef: string | null;
  vulnerabilities: ReportMatch[];
}

export interface SbomReportJson {
  sbom: { vendor: string; model: string; format: string; specVersion: string | null; documentName: string | null; components: number; attachedAt: string; origin: string };
  components: ReportComponent[];
  /** Matches on the model itself (embedded vulnerabilities whose ref is not a component). */
  model: ReportMatch[];
}

/** Advisory matching needs the advisory tables; without them the report still lists components and embedded vulnerabilities. */
function advisoryMatcher(db: Kysely<InventoryDb>, warnings: string[]): VulnerabilityMatcher {
  const store = SqliteAdvisoryStore.over(db);
  return {
    match: async (query) => {
      try {
        return await store.match(query);
      } catch (err) {
        if (warnings.length === 0) warnings.push(`advisory matching unavailable (${err instanceof Error ? err.message : String(err)}); showing the SBOM's own vulnerabilities only`);
        return [];
      }
    },
  };
}

export async function sbomReport(db: Kysely<InventoryDb>, vendor: string, model: string, matcher?: VulnerabilityMatcher): Promise<{ json: SbomReportJson; warnings: string[] }> {
  const sbom = await findSbom(db, vendor, model);
  if (sbom === null) throw new AppError(ErrorCode.NotFound, `no SBOM attached to ${vendor} ${model} (see \`wardwatch sbom list\`)`);
  const warnings: string[] = [];
  const matches = await sbomMatches(db, sbom.vendor, sbom.model, matcher ?? advisoryMatcher(db, warnings));
  const vex = new SqliteVexStore(db);
  const device = { vendor: sbom.vendor, product: sbom.model, version: null };
  const byComponent = new Map<string, ReportMatch[]>();
  const onModel: ReportMatch[] = [];
  for (const m of matches) {
    const decision = await decisionForMatch(vex, m, device);
    const entry: ReportMatch = {
      vulnerability: m.vulnerability, advisoryId: m.advisoryId, cvssBase: m.cvssBase, kev: m.kev, reasons: m.reasons, remediation: m.remediation,
      vex: decision, suppressed: decision?.status === 'not_affected',
    };
    const key = componentKeyOfMatch(m);
    if (key === null) onModel.push(entry);
    else byComponent.set(key, [...(byComponent.get(key) ?? []), entry]);
  }
  const components = (await sbomComponents(db, sbom.id)).map((c) => ({
    name: c.name, version: c.version, purl: c.purl, cpe: c.cpe, supplier: c.supplier, bomRef: c.bomRef,
    vulnerabilities: byComponent.get(describeComponent(c)) ?? [],
  }));
  return {
    json: {
      sbom: { vendor: sbom.vendor, model: sbom.model, format: sbom.format, specVersion: sbom.spec_version, documentName: sbom.document_name, components: sbom.component_count, attachedAt: sbom.attached_at, origin: sbom.origin },
      components, model: onModel,
    },
    warnings,
  };
}

function componentKeyOfMatch(m: VulnerabilityMatch): string | null {
  const c = m.component;
  if (c === undefined) return null;
  return describeComponent({ name: c.product ?? '', version: c.version, purl: c.purl ?? null, cpe: c.cpe ?? null, bomRef: null, type: null, supplier: c.vendor });
}

function vexText(m: ReportMatch): string {
  if (m.vex === null) return '';
  return m.vex.status === 'not_affected' ? `not affected: ${m.vex.justification ?? 'no justification'} (${m.vex.source})` : `${m.vex.status} (${m.vex.source})`;
}

export function sbomReportTable(r: SbomReportJson): string {
  const s = r.sbom;
  const rows: string[][] = [];
  for (const c of r.components) {
    rows.push([describeComponent({ ...c, type: null }), c.supplier ?? '', '', '', '']);
    for (const m of c.vulnerabilities) rows.push(['  ', '', m.vulnerability, m.cvssBase === null ? '' : m.cvssBase.toFixed(1), vexText(m)]);
  }
  for (const m of r.model) rows.push([`${s.vendor} ${s.model}`, '', m.vulnerability, m.cvssBase === null ? '' : m.cvssBase.toFixed(1), vexText(m)]);
  const found = r.components.reduce((n, c) => n + c.vulnerabilities.length, r.model.length);
  const suppressed = r.components.reduce((n, c) => n + c.vulnerabilities.filter((m) => m.suppressed).length, r.model.filter((m) => m.suppressed).length);
  const head = `SBOM of ${s.vendor} ${s.model}: ${s.format} ${s.specVersion ?? ''} from ${s.origin}, ${s.components} components, ${found} vulnerability matches (${suppressed} not affected per VEX)\n\n`;
  return head + textTable(['COMPONENT', 'SUPPLIER', 'VULNERABILITY', 'CVSS', 'VEX'], rows, { maxWidth: 64 });
}
