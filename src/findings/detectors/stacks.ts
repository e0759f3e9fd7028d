/**
 * Outdated DICOM / HL7 stacks: the DICOM Implementation Version Name an A-ASSOCIATE-RQ/AC announces,
 * matched against data/outdated-stacks.json (each row with CVEs and its source). The HL7 list is empty until a
 * library's wire signature and vulnerable versions are sourced (HL7 v2 carries no implementation version field).
 */
import { readFileSync } from 'node:fs';
import { shippedDataFile } from '../../util/shipped-data.js';
import type { WireRecord } from '../../decode/records.js';
import { at, sender, tsOf, type Hit } from './hit.js';

export interface OutdatedStack {
  product: string;
  pattern: RegExp;
  fixedIn: number[];
  fixedInText: string;
  cves: string[];
  cvssBase: number | null;
  advisory: string | null;
  summary: string;
  source: string;
}

export const OUTDATED_STACKS_FILE = shippedDataFile('outdated-stacks.json');

/** nmap's dicom-ping announces this name, so a scanner can look like an old DCMTK (nmap nselib/dicom.lua). */
const NMAP_DICOM_PING_NAME = 'OFFIS_DCMTK_362';

/** `367` -> [3,6,7]; `3610` -> [3,6,10]; `3.6.7` -> [3,6,7]. */
export function versionParts(text: string): number[] {
  if (text.includes('.')) return text.split('.').map((p) => Number.parseInt(p, 10) || 0);
  return [Number(text[0] ?? 0), Number(text[1] ?? 0), Number(text.slice(2) || 0)];
}

export function versionBelow(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

function parseRows(v: unknown, file: string): OutdatedStack[] {
  if (!Array.isArray(v)) throw new Error(`${file}: expected a list`);
  return v.map((r: unknown, i) => {
    const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    if (typeof o.product !== 'string' || typeof o.pattern !== 'string' || typeof o.fixedIn !== 'string' || typeof o.source !== 'string') {
      throw new Error(`${file}: row ${i} needs product, pattern, fixedIn and source`);
    }
    return {
      product: o.product, pattern: new RegExp(o.pattern), fixedIn: versionParts(o.fixedIn), fixedInText: o.fixedIn,
      cves: Array.isArray(o.cves) ? o.cves.filter((c): c is string => typeof c === 'string') : [],
      cvssBase: typeof o.cvssBase === 'number' ? o.cvssBase : null, advisory: typeof o.advisory === 'string' ? o.advisory : null,
      summary: typeof o.summary === 'string' ? o.summary : '', source: o.source,
    };
  });
}

function load(): { dicom: OutdatedStack[]; hl7: OutdatedStack[] } {
  const doc = JSON.parse(readFileSync(OUTDATED_STACKS_FILE, 'utf8')) as Record<string, unknown>;
  return { dicom: parseRows(doc.dicom, OUTDATED_STACKS_FILE), hl7: parseRows(doc.hl7 ?? [], OUTDATED_STACKS_FILE) };
}

const STACKS = load();

/** The row an implementation version name falls under, with its version text, or null. */
export function outdatedDicomStack(name: string): { stack: OutdatedStack; version: string } | null {
  for (const stack of STACKS.dicom) {
    const m = stack.pattern.exec(name);
    const v = m?.[1];
    if (v !== undefined && versionBelow(versionParts(v), stack.fixedIn)) return { stack, version: versionParts(v).join('.') };
  }
  return null;
}

export function stackHits(rec: WireRecord, out: Hit[]): void {
  if (rec.proto !== 'dicom' || (rec.kind !== 'associate-rq' && rec.kind !== 'associate-ac')) return;
  const name = rec.implementationVersionName;
  if (name === undefined) return;
  const found = outdatedDicomStack(name);
  if (found === null) return;
  const { stack, version } = found;
  const role = rec.kind === 'associate-rq' ? 'requested an association with' : 'accepted an association from';
  const nmap = name === NMAP_DICOM_PING_NAME && rec.kind === 'associate-rq' ? ` (nmap's dicom-ping also announces ${NMAP_DICOM_PING_NAME}: check whether this was a scan)` : '';
  out.push({
    ...sender(rec), tsMs: tsOf(rec), peer: rec.dst, kind: 'outdated-dicom', key: name, severity: 'high',
    title: `Outdated DICOM stack ${stack.product} ${version}`,
    detail: `${stack.product} before ${stack.fixedInText} has known vulnerabilities${stack.cves.length > 0 ? ` (${stack.cves.join(', ')})` : ''}: ${stack.summary}. Ask the vendor for an update built on ${stack.product} ${stack.fixedInText} or later. Source: ${stack.source}.`,
    evidence: `${at(rec.src, rec.sport)} ${role} ${at(rec.dst, rec.dport)} announcing implementation version name '${name}'${nmap}`,
    facts: { cves: stack.cves, ...(stack.cvssBase !== null ? { cvssBase: stack.cvssBase } : {}), ...(stack.advisory !== null ? { advisoryIds: [stack.advisory] } : {}), service: `dicom/${(rec.kind === 'associate-rq' ? rec.dport : rec.sport) ?? '?'}`, automatable: true, technicalImpact: 'total' },
  });
}
