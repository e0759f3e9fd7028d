/** Risk weights: shipped file valid, a user file deep-merged over it, bad files refused with the key named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { scoreFinding } from './score.js';
import { device, finding, NOW_MS } from './test-support/fixtures.js';
import { deepMerge, loadRiskWeights, riskWeightsFrom } from './weights.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-weights-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('expected an error');
}

describe('risk weights', () => {
  it('ships a valid file with every category and the example infusion weight', () => {
    const w = loadRiskWeights();
    expect(w.clinical.infusion.weight).toBe(1.4);
    expect(w.clinical['life-support'].weight).toBeGreaterThan(w.clinical.it.weight);
    expect(w.levels.critical).toBe(90);
  });
  it('deep-merges a user file: only the named values change', () => {
    const w = loadRiskWeights(file('ok.json', JSON.stringify({ kev: 25, clinical: { it: { weight: 0.5 } }, levels: { critical: 95 } })));
    expect(w.kev).toBe(25);
    expect(w.clinical.it.weight).toBe(0.5);
    expect(w.clinical.it.missionPrevalence).toBe('minimal');
    expect(w.levels.critical).toBe(95);
    expect(w.levels.high).toBe(70);
  });
  it('an override changes the score', () => {
    const f = finding({ kind: 'known-vulnerability', facts: { cvssBase: 6, kev: true } });
    const run = (kev: number): number => {
      const weights = riskWeightsFrom({ kev });
      return scoreFinding(f, { device: device({ category: 'it' }), exposure: { internetEgress: false, userSegmentReach: false }, controls: [], expiredControls: [], weights, nowMs: NOW_MS }).risk.score;
    };
    expect(run(30) - run(10)).toBe(20);
  });
  it.each([
    ['bad.json', '{ "kev": ', /bad\.json: not valid JSON/],
    ['array.json', '[1, 2]', /must be a JSON object/],
    ['typo.json', '{ "kve": 20 }', /typo\.json: top level\.kve: unknown key/],
    ['range.json', '{ "clinical": { "infusion": { "weight": 12 } } }', /clinical\.infusion\.weight: must be a number from 0 to 3/],
    ['type.json', '{ "levels": { "high": "70" } }', /levels\.high: must be a number/],
    ['order.json', '{ "levels": { "medium": 80 } }', /thresholds must fall strictly/],
    ['kind.json', '{ "base": { "kinds": { "telnet": { "base": 5 } } } }', /base\.kinds\.telnet: unknown key/],
    ['applies.json', '{ "controls": { "kinds": { "physical": { "appliesTo": ["usb"] } } } }', /appliesTo\[0\]: must be one of/],
    ['enum.json', '{ "clinical": { "it": { "wellBeing": "severe" } } }', /clinical\.it\.wellBeing: must be one of minimal, material, irreversible/],
  ])('refuses %s', (name, text, message) => {
    expect(errorOf(() => loadRiskWeights(file(name, text)))).toMatch(message);
  });
  it('a missing file is an io error naming it', () => {
    expect(errorOf(() => loadRiskWeights(path.join(dir, 'nope.json')))).toMatch(/nope\.json: cannot read risk weights file/);
  });
  it('deepMerge ignores prototype keys and replaces arrays', () => {
    const merged = deepMerge({ a: { b: 1, c: [1, 2] } }, JSON.parse('{"__proto__": {"x": 1}, "a": {"c": [3]}}')) as Record<string, unknown>;
    expect(merged).toEqual({ a: { b: 1, c: [3] } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
