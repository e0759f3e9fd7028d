/** `sbom show`: a model's SBOM, each component's vulnerability matches and the VEX decision on each. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { SqliteAdvisoryStore } from '../sqlite/advisories/advisory-store.js';
import type { VulnerabilityMatch, VulnerabilityMatcher } from '../../advisories/types.js';
import { decisionForMatch } from '../../advisories/vex/decision-for-match.js';
import { SqliteVexStore } from '../vex/vex-store.js';
import { sbomMatches } from './sbom-matches.js';
import { findSbom, sbomComponents } from './sbom-store.js';
import { describeComponent, type ReportMatch, type SbomReportJson } from '../../advisories/sbom/sbom-report-json.js';

export type { SbomReportJson };


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
