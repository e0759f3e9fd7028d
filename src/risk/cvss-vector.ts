/**
 * CVSS vector strings (CVSS v3.0 §6, v3.1 §6, v4.0 §7 "Vector String"): checked, read and scored with
 * ae-cvss-calculator, one reading for every place that looks inside a vector (SSVC hints here and in advisories).
 *
 * The calculator is lenient in ways we are not: it scores an incomplete vector as 0, lets a repeated metric
 * silently win, and logs rather than throws on a malformed pair. So the shape is checked here first (prefix,
 * `KEY:VALUE` pairs, each key once, every base metric present); what passes is handed to the calculator, which
 * rejects unknown metrics and values. A vector that fails gives a reason and is never used, never a thrown error.
 */
import cvss from 'ae-cvss-calculator';

export type CvssVersion = '3.0' | '3.1' | '4.0';

export interface CvssVector {
  version: CvssVersion;
  /** Metric abbreviation -> value, as written (`AV` -> `N`). */
  metrics: ReadonlyMap<string, string>;
  /** The base score the vector gives (v4.0: CVSS-B, base metrics only), 0.0-10.0. */
  baseScore: number;
}

export type CvssReading = { cvss: CvssVector; problem: null } | { cvss: null; problem: string };

/** Longer than any vector with every v4.0 supplemental metric; a longer text is not parsed. */
const MAX_VECTOR_CHARS = 400;
const PREFIX = /^CVSS:(3\.0|3\.1|4\.0)\//;
const PAIR = /^([A-Za-z]+):([A-Za-z]+)$/;
const BASE_METRICS: Readonly<Record<CvssVersion, readonly string[]>> = {
  '3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

function fail(problem: string): CvssReading {
  return { cvss: null, problem };
}

function scoreOf(version: CvssVersion, vector: string): number {
  if (version === '4.0') {
    const scores = new cvss.Cvss4P0(vector).calculateScores();
    return scores.baseMetricsOnly ?? scores.overall;
  }
  const calc = version === '3.1' ? new cvss.Cvss3P1(vector) : new cvss.Cvss3P0(vector);
  const scores = calc.calculateScores();
  return scores.base ?? scores.overall;
}

export function readCvssVector(text: string): CvssReading {
  const vector = text.trim();
  if (vector.length > MAX_VECTOR_CHARS) return fail(`longer than ${MAX_VECTOR_CHARS} characters`);
  const version = PREFIX.exec(vector)?.[1] as CvssVersion | undefined;
  if (version === undefined) return fail('not a CVSS 3.0, 3.1 or 4.0 vector (no "CVSS:3.x/" or "CVSS:4.0/" prefix)');
  const metrics = new Map<string, string>();
  for (const part of vector.slice('CVSS:3.1/'.length).split('/')) {
    const m = PAIR.exec(part);
    if (m === null) return fail(`"${part.slice(0, 20)}" is not a METRIC:VALUE pair`);
    const [, key = '', value = ''] = m;
    if (metrics.has(key)) return fail(`metric ${key} is given twice`);
    metrics.set(key, value);
  }
  const missing = BASE_METRICS[version].filter((k) => !metrics.has(k) || metrics.get(k) === 'X');
  if (missing.length > 0) return fail(`base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing`);
  let baseScore: number;
  try {
    baseScore = scoreOf(version, vector);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  if (!Number.isFinite(baseScore) || baseScore < 0 || baseScore > 10) return fail(`base score ${baseScore} is out of range`);
  return { cvss: { version, metrics, baseScore }, problem: null };
}

/**
 * SSVC Automatable from a vector: network attack vector, low complexity, no privileges and no user interaction (v4.0
 * also no attack requirements), the usual reading of "the kill chain's exploit step needs no person". Other vectors
 * say nothing either way (undefined).
 */
export function automatableFromCvss(v: CvssVector): true | undefined {
  const m = v.metrics;
  const yes = m.get('AV') === 'N' && m.get('AC') === 'L' && m.get('PR') === 'N' && m.get('UI') === 'N' && (v.version !== '4.0' || m.get('AT') === 'N');
  return yes ? true : undefined;
}

/** SSVC Technical Impact: total when confidentiality and integrity impact are both high (v3 C/I, v4.0 VC/VI). */
export function technicalImpactFromCvss(v: CvssVector): 'total' | 'partial' {
  const [c, i] = v.version === '4.0' ? ['VC', 'VI'] : ['C', 'I'];
  return v.metrics.get(c) === 'H' && v.metrics.get(i) === 'H' ? 'total' : 'partial';
}

/** The base score a vector gives, or null when it is not a readable vector (a rating that gives no score of its own). */
export function baseScoreOfVector(vector: string | null): number | null {
  return vector === null ? null : readCvssVector(vector).cvss?.baseScore ?? null;
}
