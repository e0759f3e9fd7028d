/** `sbom show`: the report's JSON shape (components, their vulnerability matches, the VEX decision on each) and its table. */
import { textTable } from '../../util/text-table.js';
import type { SbomComponent } from './types.js';

/** `name version (purl or cpe)`: how a component is named in matches and in the report. */
export function describeComponent(c: SbomComponent): string {
  const id = c.purl ?? c.cpe;
  return [c.name, c.version, id === null ? null : `(${id})`].filter((x) => x !== null).join(' ');
}

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
