/** One device's matches of one vulnerability -> a 'known-vulnerability' FindingInput (docs/architecture.md findings[]). */
import type { FindingInput, Severity } from '../findings/types.js';
import type { DeviceJson } from '../inventory/types.js';
import { automatableFromCvss, readCvssVector, technicalImpactFromCvss } from '../risk/cvss-vector.js';
import type { VexDecision, VulnerabilityMatch } from './types.js';

const MAX_EVIDENCE = 12;

export interface MergedMatch {
  vulnerability: string;
  matches: VulnerabilityMatch[];
}

/** The same CVE from several advisories (CSAF and NVD, or an SBOM) is one finding. */
export function mergeMatches(found: readonly VulnerabilityMatch[]): MergedMatch[] {
  const by = new Map<string, VulnerabilityMatch[]>();
  for (const m of found) by.set(m.vulnerability.toUpperCase(), [...(by.get(m.vulnerability.toUpperCase()) ?? []), m]);
  return [...by.values()].map((matches) => ({ vulnerability: matches[0]?.vulnerability ?? '', matches }));
}

/** CVSS v3.1 §5 / v4.0 qualitative ratings; a KEV entry is at least high, an unscored one medium. */
export function severityOf(cvss: number | null, kev: boolean): Severity {
  const base: Severity = cvss === null ? 'medium' : cvss >= 9 ? 'critical' : cvss >= 7 ? 'high' : cvss >= 4 ? 'medium' : cvss > 0 ? 'low' : 'info';
  return kev && (base === 'medium' || base === 'low' || base === 'info') ? 'high' : base;
}

/** SSVC hints from the CVSS vector (src/risk/cvss-vector.ts); a malformed vector gives none. */
function ssvc(vector: string | null): { automatable?: boolean; technicalImpact?: 'partial' | 'total' } {
  const cvss = vector === null ? null : readCvssVector(vector).cvss;
  if (cvss === null) return {};
  return { automatable: automatableFromCvss(cvss) === true, technicalImpact: technicalImpactFromCvss(cvss) };
}

export function toFinding(d: DeviceJson, merged: MergedMatch, notAffected: VexDecision | null, nowMs: number): FindingInput {
  const ms = merged.matches;
  const best = ms.reduce((a, b) => ((b.cvssBase ?? -1) > (a.cvssBase ?? -1) ? b : a));
  const kev = ms.some((m) => m.kev);
  const certain = ms.some((m) => !m.versionUnknown);
  const advisoryIds = [...new Set(ms.map((m) => m.advisoryId))];
  const what = [d.vendor, d.model].filter((x) => x !== null).join(' ');
  const evidence = [...new Set(ms.flatMap((m) => [`${m.advisoryId} (${m.source}) lists "${m.matchedProduct}" as affected by ${merged.vulnerability}`, ...m.reasons]))];
  if (kev) evidence.unshift(`${merged.vulnerability} is in CISA's Known Exploited Vulnerabilities catalog`);
  if (!certain) evidence.push('the version could not be confirmed: check the device\'s software version');
  const remediation = ms.map((m) => m.remediation).find((r) => r !== null) ?? null;
  const cves = [...new Set(ms.map((m) => m.vulnerability).filter((v) => /^CVE-/i.test(v)))];
  return {
    deviceId: d.id,
    kind: 'known-vulnerability',
    key: merged.vulnerability,
    severity: severityOf(best.cvssBase, kev),
    title: `${merged.vulnerability} affects ${what}${certain ? '' : ' (version unconfirmed)'}: ${best.advisoryTitle}`.slice(0, 300),
    detail: [`${advisoryIds.join(', ')}: ${best.advisoryTitle}.`, remediation === null ? 'No remediation given by the advisory.' : `Remediation: ${remediation}`].join(' ').slice(0, 2000),
    evidence: evidence.slice(0, MAX_EVIDENCE),
    firstSeenMs: nowMs,
    lastSeenMs: nowMs,
    facts: {
      cves,
      ...(best.cvssBase === null ? {} : { cvssBase: best.cvssBase }),
      ...(best.cvssVector === null ? {} : { cvssVector: best.cvssVector }),
      kev,
      advisoryIds,
      ...ssvc(best.cvssVector),
    },
    suppression: notAffected === null ? null : {
      source: notAffected.source,
      justification: notAffected.justification ?? 'not_affected',
      statement: notAffected.statement,
    },
  };
}
