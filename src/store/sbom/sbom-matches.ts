/** Vulnerabilities of a model through its SBOM: each component asked of the matcher, plus the SBOM's own list. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import type { ProductQuery, VulnerabilityMatch, VulnerabilityMatcher } from '../../advisories/types.js';
import { sbomVexDb } from './schema.js';
import { findSbom, sbomComponents, type SbomRow } from './sbom-store.js';
import { describeComponent } from '../../advisories/sbom/sbom-report-json.js';
import type { SbomComponent } from '../../advisories/sbom/types.js';

export function componentQuery(c: SbomComponent): ProductQuery {
  return { vendor: c.supplier, product: c.name, version: c.version, purl: c.purl, cpe: c.cpe };
}

/** "openssl 1.0.2k (pkg:generic/openssl@1.0.2k)": how a person recognises the component. */

function identityKey(c: SbomComponent): string {
  return [c.name, c.version, c.purl, c.cpe, c.supplier].map((x) => x ?? '').join('\u0000');
}

/** The SBOM's embedded vulnerabilities, one match per affected component (or the model when the ref is not a component). */
async function embeddedMatches(db: Kysely<InventoryDb>, sbom: SbomRow, byRef: Map<string, SbomComponent>): Promise<VulnerabilityMatch[]> {
  const rows = await sbomVexDb(db).selectFrom('sbom_vulnerabilities').selectAll().where('sbom_id', '=', sbom.id).orderBy('id').execute();
  const out: VulnerabilityMatch[] = [];
  for (const v of rows) {
    let refs: unknown;
    try { refs = JSON.parse(v.component_refs); } catch { refs = []; }
    const components = (Array.isArray(refs) ? refs : []).map((r) => (typeof r === 'string' ? byRef.get(r) : undefined)).filter((c) => c !== undefined);
    const targets: (SbomComponent | null)[] = components.length === 0 ? [null] : components;
    for (const c of targets) {
      const what = c === null ? `${sbom.vendor} ${sbom.model}` : `component ${describeComponent(c)}`;
      const state = v.state === null ? '' : ` (vendor analysis: ${v.state}${v.justification === null ? '' : `, ${v.justification}`})`;
      out.push({
        vulnerability: v.vulnerability, advisoryId: `sbom:${sbom.vendor}/${sbom.model}`, advisoryTitle: `SBOM of ${sbom.vendor} ${sbom.model}${sbom.document_name === null ? '' : ` (${sbom.document_name})`}`,
        source: 'sbom', matchedProduct: c === null ? `${sbom.vendor} ${sbom.model}` : describeComponent(c), cvssBase: v.cvss_base, cvssVector: v.cvss_vector,
        kev: false, reasons: [`${what} is listed with ${v.vulnerability} in the SBOM of ${sbom.vendor} ${sbom.model}${state}`],
        remediation: v.recommendation, versionUnknown: false, ...(c === null ? {} : { component: componentQuery(c) }),
      });
    }
  }
  return out;
}

/**
 * Every vulnerability match of the model's SBOM components (source 'sbom', reasons naming the component), plus the
 * SBOM's embedded vulnerabilities; [] when no SBOM is attached. Identical components are asked once.
 */
export async function sbomMatches(db: Kysely<InventoryDb>, vendor: string, model: string, matcher: VulnerabilityMatcher): Promise<VulnerabilityMatch[]> {
  const sbom = await findSbom(db, vendor, model);
  if (sbom === null) return [];
  const components = await sbomComponents(db, sbom.id);
  const byRef = new Map<string, SbomComponent>();
  for (const c of components) if (c.bomRef !== null && !byRef.has(c.bomRef)) byRef.set(c.bomRef, c);
  const out: VulnerabilityMatch[] = [];
  const seen = new Set<string>();
  const asked = new Set<string>();
  for (const c of components) {
    const identity = identityKey(c);
    if (asked.has(identity)) continue;
    asked.add(identity);
    const query = componentQuery(c);
    for (const m of await matcher.match(query)) {
      const key = `${m.vulnerability}\u0000${m.advisoryId}\u0000${describeComponent(c)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...m, source: 'sbom', reasons: [`component ${describeComponent(c)} in the SBOM of ${sbom.vendor} ${sbom.model}`, ...m.reasons], component: query });
    }
  }
  // concat, not push(...spread): an SBOM may embed more vulnerabilities than a call can take as arguments.
  return out.concat(await embeddedMatches(db, sbom, byRef));
}
