/**
 * CISA SSVC (Stakeholder-Specific Vulnerability Categorization), the CISA coordinator tree v2.0.3 as published in
 * CERTCC/SSVC data/csv/cisa/cisa_coordinator_2_0_3.csv: Exploitation × Automatable × Technical Impact ×
 * Mission & Well-being -> Track / Track* / Attend / Act. Mission & Well-being follows CISA's rule from Mission
 * Prevalence and Public Well-Being. How wardwatch fills each decision point from a finding is documented in docs/risk.md.
 */
import type { FindingJson } from '../findings/types.js';
import { automatableFromCvss, readCvssVector, technicalImpactFromCvss, type CvssVector } from './cvss-vector.js';
import type { SsvcDecision } from './types.js';
import type { ClinicalWeights, Exploitation, KindWeights, MissionPrevalence, WellBeing } from './weights.js';

export type MissionWellBeing = 'low' | 'medium' | 'high';

export interface SsvcPoints {
  exploitation: Exploitation;
  automatable: boolean;
  technicalImpact: 'partial' | 'total';
  missionWellBeing: MissionWellBeing;
}

const T: SsvcDecision = 'Track';
const TS: SsvcDecision = 'Track*';
const AT: SsvcDecision = 'Attend';
const ACT: SsvcDecision = 'Act';

/** Rows: exploitation/automatable/technical impact; columns: mission & well-being low, medium, high (rows 0-35). */
const TABLE: Readonly<Record<string, readonly [SsvcDecision, SsvcDecision, SsvcDecision]>> = {
  'none/no/partial': [T, T, T],
  'none/no/total': [T, T, TS],
  'none/yes/partial': [T, T, AT],
  'none/yes/total': [T, T, AT],
  'poc/no/partial': [T, T, TS],
  'poc/no/total': [T, TS, AT],
  'poc/yes/partial': [T, T, AT],
  'poc/yes/total': [T, TS, AT],
  'active/no/partial': [T, T, AT],
  'active/no/total': [T, AT, ACT],
  'active/yes/partial': [AT, AT, ACT],
  'active/yes/total': [AT, ACT, ACT],
};

const MWB_COLUMN: Record<MissionWellBeing, 0 | 1 | 2> = { low: 0, medium: 1, high: 2 };

export function ssvcDecision(p: SsvcPoints): SsvcDecision {
  const row = TABLE[`${p.exploitation}/${p.automatable ? 'yes' : 'no'}/${p.technicalImpact}`];
  // The table covers every combination of the typed values; the fallback only satisfies the index type.
  return row?.[MWB_COLUMN[p.missionWellBeing]] ?? T;
}

/** CISA: High = prevalence essential OR well-being irreversible; Low = both minimal; everything else Medium. */
export function missionWellBeing(prevalence: MissionPrevalence, wellBeing: WellBeing): MissionWellBeing {
  if (prevalence === 'essential' || wellBeing === 'irreversible') return 'high';
  if (prevalence === 'minimal' && wellBeing === 'minimal') return 'low';
  return 'medium';
}

export interface SsvcAssessment {
  points: SsvcPoints;
  decision: SsvcDecision;
  /** One sentence per decision point, then the decision. */
  reasons: string[];
}

const EXPLOITATION_TEXT: Record<Exploitation, string> = { none: 'none', poc: 'public PoC', active: 'active' };

/** Fill the four decision points from a finding, its kind's defaults and the device's clinical role. */
export function assessSsvc(finding: FindingJson, kind: KindWeights | undefined, clinical: ClinicalWeights, categoryName: string): SsvcAssessment {
  const reasons: string[] = [];
  let exploitation: Exploitation;
  if (finding.facts.kev === true) {
    exploitation = 'active';
    reasons.push('SSVC exploitation active: a CVE of this finding is in CISA\'s Known Exploited Vulnerabilities catalog.');
  } else if (kind !== undefined && kind.exploitation !== 'none') {
    exploitation = kind.exploitation;
    reasons.push(
      kind.exploitation === 'active'
        ? `SSVC exploitation active: the ${finding.kind} weakness was seen working on the wire, and anyone can repeat it from the vendor's manual.`
        : `SSVC exploitation public PoC: the way to exploit a ${finding.kind} finding is well known.`,
    );
  } else {
    exploitation = 'none';
    reasons.push('SSVC exploitation none: no KEV entry and no observed exploitable condition.');
  }
  const cvss = cvssOf(finding.facts.cvssVector);
  const fromVector = cvss === null ? undefined : automatableFromCvss(cvss);
  const automatable = finding.facts.automatable ?? fromVector ?? kind?.automatable ?? false;
  const autoSource = finding.facts.automatable !== undefined ? 'from the finding' : fromVector !== undefined ? 'from the CVSS vector' : `default for ${finding.kind}`;
  reasons.push(`SSVC automatable ${automatable ? 'yes' : 'no'} (${autoSource}): ${automatable ? 'an attacker can repeat it without a person' : 'it needs a person or a position on the path'}.`);
  const technicalImpact = finding.facts.technicalImpact ?? (cvss === null ? undefined : technicalImpactFromCvss(cvss)) ?? kind?.technicalImpact ?? 'partial';
  reasons.push(`SSVC technical impact ${technicalImpact}: ${technicalImpact === 'total' ? 'total control of the device or total disclosure' : 'limited control or disclosure'}.`);
  const mwb = missionWellBeing(clinical.missionPrevalence, clinical.wellBeing);
  reasons.push(`SSVC mission & well-being ${mwb}: ${categoryName} role, mission prevalence ${clinical.missionPrevalence}, public well-being impact ${clinical.wellBeing}.`);
  const points: SsvcPoints = { exploitation, automatable, technicalImpact, missionWellBeing: mwb };
  const decision = ssvcDecision(points);
  reasons.push(`SSVC decision ${decision} (exploitation ${EXPLOITATION_TEXT[exploitation]}, automatable ${automatable ? 'yes' : 'no'}, technical impact ${technicalImpact}, mission & well-being ${mwb}).`);
  return { points, decision, reasons };
}

/** A finding's CVSS vector, when it is one; a malformed vector says nothing, so the kind's defaults stand. */
function cvssOf(vector: string | undefined): CvssVector | null {
  return vector === undefined ? null : readCvssVector(vector).cvss;
}

export const SSVC_ORDER: readonly SsvcDecision[] = ['Track', 'Track*', 'Attend', 'Act'];
