/** Risk weights (docs/risk.md): the shipped data/risk-weights.json, a user file deep-merged over it. */
import { readFileSync } from 'node:fs';
import { shippedDataFile } from '../util/shipped-data.js';
import type { FindingKind, Severity } from '../findings/types.js';
import type { DeviceCategory } from '../identify/types.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import type { ControlKind, SsvcDecision } from './types.js';
import { validateWeights } from './weights-validate.js';

export type Exploitation = 'none' | 'poc' | 'active';
export type MissionPrevalence = 'minimal' | 'support' | 'essential';
export type WellBeing = 'minimal' | 'material' | 'irreversible';

export interface KindWeights {
  /** CVSS-like 0-10 used when the finding has no CVSS base score. */
  base: number;
  exploitation: Exploitation;
  automatable: boolean;
  technicalImpact: 'partial' | 'total';
  reason: string;
}

export interface ClinicalWeights {
  weight: number;
  missionPrevalence: MissionPrevalence;
  wellBeing: WellBeing;
  reason: string;
}

export interface ControlWeights {
  points: number;
  /** Finding kinds it lowers; empty = every kind. */
  appliesTo: FindingKind[];
}

export interface RiskWeights {
  levels: { critical: number; high: number; medium: number; low: number };
  base: { cvssPoints: number; severity: Record<Severity, number>; kinds: Partial<Record<FindingKind, KindWeights>> };
  clinical: Record<DeviceCategory, ClinicalWeights>;
  kev: number;
  ssvc: Record<SsvcDecision, number>;
  exposure: { external: number; deviceInternetEgress: number; userSegmentReach: number; max: number };
  controls: { max: number; kinds: Record<ControlKind, ControlWeights> };
  device: { perExtraFinding: number; maxExtraFindings: number; eolOs: number; supportEnded: number; supportLimited: number };
}

/** src/risk and dist/risk both sit two levels under the package root. */
export const SHIPPED_WEIGHTS_FILE = shippedDataFile('risk-weights.json');

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError(ErrorCode.Io, `${file}: cannot read ${what}`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError(ErrorCode.BadArgument, `${file}: not valid JSON (${err instanceof Error ? err.message : 'parse error'})`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Objects merge key by key; anything else (numbers, strings, arrays) in `over` replaces. Keys the shipped file does
 * not have are kept so validation can name them (a typo such as `"kve"` must fail, not be ignored).
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = Object.hasOwn(base, k) ? deepMerge(base[k], v) : v;
  }
  return out;
}

let shipped: RiskWeights | null = null;

/** The shipped weights, or them with `userFile` merged over; AppError bad-argument naming the file and the key. */
export function loadRiskWeights(userFile?: string): RiskWeights {
  if (userFile === undefined) {
    shipped ??= validateWeights(readJson(SHIPPED_WEIGHTS_FILE, 'risk weights'), SHIPPED_WEIGHTS_FILE);
    return shipped;
  }
  const base = readJson(SHIPPED_WEIGHTS_FILE, 'risk weights');
  const over = readJson(userFile, 'risk weights file');
  if (!isPlainObject(over)) throw new AppError(ErrorCode.BadArgument, `${userFile}: risk weights must be a JSON object`);
  return validateWeights(deepMerge(base, over), userFile);
}

/** Weights from an object already in memory (tests, the API): merged over the shipped ones and validated. */
export function riskWeightsFrom(override: unknown, label = 'risk weights'): RiskWeights {
  return validateWeights(deepMerge(readJson(SHIPPED_WEIGHTS_FILE, 'risk weights'), override), label);
}
