/** Properties of the formula over random findings, devices and controls: bounds, reasons, and monotonicity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, FINDING_STATUSES, SEVERITIES, type FindingJson } from '../findings/types.js';
import { DEVICE_CATEGORIES } from '../identify/types.js';
import { assessRisk } from './assess.js';
import { control, device, finding, NOW_MS } from './test-support/fixtures.js';
import { CONTROL_KINDS, type Control } from './types.js';
import { loadRiskWeights } from './weights.js';

const w = loadRiskWeights();

const facts = fc.record(
  {
    cvssBase: fc.double({ min: 0, max: 10, noNaN: true }),
    kev: fc.boolean(),
    automatable: fc.boolean(),
    technicalImpact: fc.constantFrom('partial' as const, 'total' as const),
    external: fc.boolean(),
  },
  { requiredKeys: [] },
);
const anyFinding = fc.record({
  kind: fc.constantFrom(...FINDING_KINDS),
  severity: fc.constantFrom(...SEVERITIES),
  status: fc.constantFrom(...FINDING_STATUSES),
  facts,
}).map((r): FindingJson => finding({ ...r, statusExpires: r.status === 'risk-accepted' ? '2027-01-01' : null }));
const category = fc.constantFrom(...DEVICE_CATEGORIES);
const controls = fc.subarray([...CONTROL_KINDS]).map((kinds): Control[] => kinds.map((kind, i) => control({ id: `c${i}`, kind })));

const scoreOf = (f: FindingJson, cat: (typeof DEVICE_CATEGORIES)[number], ctl: Control[] = []): number =>
  assessRisk([device({ category: cat })], [f], ctl, [], w, { nowMs: NOW_MS }).findings[0]?.risk?.score ?? -1;

describe('score properties', () => {
  it('is an integer 0-100 with a level and reasons, for finding and device', () => {
    fc.assert(
      fc.property(fc.array(anyFinding, { maxLength: 6 }), category, controls, (fs, cat, ctl) => {
        const withIds = fs.map((f, i) => ({ ...f, id: `f${i}` }));
        const { devices, findings } = assessRisk([device({ category: cat })], withIds, ctl, [], w, { nowMs: NOW_MS });
        for (const r of [...findings.map((f) => f.risk), devices[0]?.risk]) {
          expect(r).not.toBeNull();
          expect(Number.isInteger(r?.score)).toBe(true);
          expect(r?.score).toBeGreaterThanOrEqual(0);
          expect(r?.score).toBeLessThanOrEqual(100);
          expect(r?.reasons.length).toBeGreaterThan(0);
        }
      }),
    );
  });
  it('KEV never lowers, a control never raises', () => {
    fc.assert(
      fc.property(anyFinding, category, controls, (f, cat, ctl) => {
        expect(scoreOf({ ...f, facts: { ...f.facts, kev: true } }, cat)).toBeGreaterThanOrEqual(scoreOf({ ...f, facts: { ...f.facts, kev: false } }, cat));
        expect(scoreOf(f, cat, ctl)).toBeLessThanOrEqual(scoreOf(f, cat));
      }),
    );
  });
  it('a heavier clinical role never lowers the same finding', () => {
    fc.assert(
      fc.property(anyFinding, (f) => {
        const order = ['iot', 'it', 'network', 'imaging', 'patient-monitoring', 'infusion', 'life-support'] as const;
        const scores = order.map((c) => scoreOf(f, c));
        for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1] ?? 0);
      }),
    );
  });
});
