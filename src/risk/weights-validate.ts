/** Checks a merged risk-weights document: every key known, every number in range; errors name the key. */
import { FINDING_KINDS, SEVERITIES, type FindingKind } from '../findings/types.js';
import { DEVICE_CATEGORIES } from '../identify/types.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { CONTROL_KINDS } from './types.js';
import type { ClinicalWeights, ControlWeights, KindWeights, RiskWeights } from './weights.js';

const SSVC_KEYS = ['Track', 'Track*', 'Attend', 'Act'] as const;
const LEVEL_KEYS = ['critical', 'high', 'medium', 'low'] as const;

class Checker {
  constructor(private readonly file: string) {}

  fail(path: string, message: string): never {
    throw new AppError(ErrorCode.BadArgument, `${this.file}: ${path}: ${message}`);
  }

  /** An object whose keys are exactly `keys` (the shipped file has them all, so a missing one is a null override). */
  obj(v: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'must be an object');
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${path}.${k}`, `unknown key (expected one of ${keys.join(', ')})`);
    for (const k of keys) if (!(k in o)) this.fail(`${path}.${k}`, 'missing');
    return o;
  }

  num(v: unknown, path: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) this.fail(path, `must be a number from ${min} to ${max}`);
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) this.fail(path, `must be one of ${values.join(', ')}`);
    return v as T;
  }

  str(v: unknown, path: string): string {
    if (typeof v !== 'string' || v.trim() === '') this.fail(path, 'must be a non-empty string');
    return v;
  }

  bool(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, 'must be true or false');
    return v;
  }

  record<K extends string, T>(v: unknown, path: string, keys: readonly K[], each: (e: unknown, p: string) => T): Record<K, T> {
    const o = this.obj(v, path, keys);
    return Object.fromEntries(keys.map((k) => [k, each(o[k], `${path}.${k}`)])) as Record<K, T>;
  }

  /** Like record, but keys may be missing (a finding kind added to the list after this file was written). */
  partial<K extends string, T>(v: unknown, path: string, keys: readonly K[], each: (e: unknown, p: string) => T): Partial<Record<K, T>> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'must be an object');
    const out: Partial<Record<K, T>> = {};
    for (const [k, e] of Object.entries(v)) {
      if (!(keys as readonly string[]).includes(k)) this.fail(`${path}.${k}`, `unknown key (expected one of ${keys.join(', ')})`);
      out[k as K] = each(e, `${path}.${k}`);
    }
    return out;
  }
}

function kindWeights(c: Checker, v: unknown, p: string): KindWeights {
  const o = c.obj(v, p, ['base', 'exploitation', 'automatable', 'technicalImpact', 'reason']);
  return {
    base: c.num(o.base, `${p}.base`, 0, 10),
    exploitation: c.oneOf(o.exploitation, `${p}.exploitation`, ['none', 'poc', 'active'] as const),
    automatable: c.bool(o.automatable, `${p}.automatable`),
    technicalImpact: c.oneOf(o.technicalImpact, `${p}.technicalImpact`, ['partial', 'total'] as const),
    reason: c.str(o.reason, `${p}.reason`),
  };
}

function clinicalWeights(c: Checker, v: unknown, p: string): ClinicalWeights {
  const o = c.obj(v, p, ['weight', 'missionPrevalence', 'wellBeing', 'reason']);
  return {
    weight: c.num(o.weight, `${p}.weight`, 0, 3),
    missionPrevalence: c.oneOf(o.missionPrevalence, `${p}.missionPrevalence`, ['minimal', 'support', 'essential'] as const),
    wellBeing: c.oneOf(o.wellBeing, `${p}.wellBeing`, ['minimal', 'material', 'irreversible'] as const),
    reason: c.str(o.reason, `${p}.reason`),
  };
}

function controlWeights(c: Checker, v: unknown, p: string): ControlWeights {
  const o = c.obj(v, p, ['points', 'appliesTo']);
  if (!Array.isArray(o.appliesTo)) c.fail(`${p}.appliesTo`, 'must be an array of finding kinds ([] = all)');
  const appliesTo = o.appliesTo.map((k: unknown, i) => c.oneOf<FindingKind>(k, `${p}.appliesTo[${i}]`, FINDING_KINDS));
  return { points: c.num(o.points, `${p}.points`, 0, 100), appliesTo };
}

/** The typed weights, or AppError bad-argument `FILE: levels.high: must be a number from 0 to 100`. */
export function validateWeights(doc: unknown, file: string): RiskWeights {
  const c = new Checker(file);
  const top = c.obj(doc, 'top level', ['description', 'levels', 'base', 'clinical', 'kev', 'ssvc', 'exposure', 'controls', 'device']);
  const levels = c.record(top.levels, 'levels', LEVEL_KEYS, (v, p) => c.num(v, p, 0, 100));
  if (!(levels.critical > levels.high && levels.high > levels.medium && levels.medium > levels.low)) {
    c.fail('levels', 'thresholds must fall strictly: critical > high > medium > low');
  }
  const base = c.obj(top.base, 'base', ['cvssPoints', 'severity', 'kinds']);
  const exposure = c.record(top.exposure, 'exposure', ['external', 'deviceInternetEgress', 'userSegmentReach', 'max'] as const, (v, p) => c.num(v, p, 0, 100));
  const controls = c.obj(top.controls, 'controls', ['max', 'kinds']);
  const device = c.record(top.device, 'device', ['perExtraFinding', 'maxExtraFindings', 'eolOs', 'supportEnded', 'supportLimited'] as const, (v, p) => c.num(v, p, 0, 100));
  return {
    levels,
    base: {
      cvssPoints: c.num(base.cvssPoints, 'base.cvssPoints', 0, 10),
      severity: c.record(base.severity, 'base.severity', SEVERITIES, (v, p) => c.num(v, p, 0, 10)),
      kinds: c.partial(base.kinds, 'base.kinds', FINDING_KINDS, (v, p) => kindWeights(c, v, p)),
    },
    clinical: c.record(top.clinical, 'clinical', DEVICE_CATEGORIES, (v, p) => clinicalWeights(c, v, p)),
    kev: c.num(top.kev, 'kev', 0, 100),
    ssvc: c.record(top.ssvc, 'ssvc', SSVC_KEYS, (v, p) => c.num(v, p, 0, 100)),
    exposure,
    controls: {
      max: c.num(controls.max, 'controls.max', 0, 100),
      kinds: c.record(controls.kinds, 'controls.kinds', CONTROL_KINDS, (v, p) => controlWeights(c, v, p)),
    },
    device,
  };
}
