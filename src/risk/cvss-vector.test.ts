/** CVSS vectors read and scored by ae-cvss-calculator: the published base scores of the corpus, and bad vectors. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../test-support/test-data.js';
import { automatableFromCvss, readCvssVector, technicalImpactFromCvss, type CvssVector } from './cvss-vector.js';

/** Every {vectorString, baseScore} pair in the NVD CVE 2.0 and CSAF (ICS medical advisories and examples) corpus. */
function publishedScores(): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.vectorString === 'string' && typeof o.baseScore === 'number' && o.vectorString.startsWith('CVSS:')) out.set(o.vectorString, o.baseScore);
      Object.values(o).forEach(visit);
    }
  };
  for (const dir of ['kev_nvd/nvd_cve_2.0', 'csaf_icsma', 'sbom_vex/csaf_examples']) {
    for (const f of readdirSync(corpusPath(dir)).filter((n) => n.endsWith('.json'))) visit(JSON.parse(readFileSync(path.join(corpusPath(dir), f), 'utf8')));
  }
  return out;
}

const read = (text: string): CvssVector => {
  const r = readCvssVector(text);
  if (r.cvss === null) throw new Error(`${text}: ${r.problem}`);
  return r.cvss;
};

describe('base scores', () => {
  it('equal the base score NVD and the CSAF publishers give, for every vector in the corpus', () => {
    const published = publishedScores();
    expect(published.size).toBeGreaterThan(80);
    const computed = new Map([...published.keys()].map((v) => [v, read(v).baseScore]));
    expect(computed).toEqual(published);
  });

  it('score CVSS 4.0 as CVSS-B (FIRST calculator values), threat and environmental metrics aside', () => {
    expect(read('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N').baseScore).toBe(8.7);
    expect(read('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N').baseScore).toBe(9.3);
    expect(read('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U').baseScore).toBe(9.3);
  });
});

describe('malformed vectors give a reason, never a score', () => {
  it.each([
    ['CVSS:3.1/AV:N', /base metrics AC, PR, UI, S, C, I, A missing/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', /metric AV is given twice/],
    ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /Unknown component value Q for component AV/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:H', /Unknown component ZZ/],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /base metric AV missing/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', /"" is not a METRIC:VALUE pair/],
    ['CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H', /base metrics AT, SC, SI, SA missing/],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', /not a CVSS 3.0, 3.1 or 4.0 vector/],
    ['', /not a CVSS 3.0, 3.1 or 4.0 vector/],
    [`CVSS:3.1/${'AV:N/'.repeat(100)}`, /longer than 400 characters/],
  ])('%s', (text, reason) => {
    const r = readCvssVector(text);
    expect(r.cvss).toBeNull();
    expect(r.problem).toMatch(reason);
  });

  it('never throws, whatever the text (property)', () => {
    const token = fc.constantFrom('CVSS:3.1/', 'CVSS:4.0/', 'AV:N', 'AC:L', 'AT:N', 'PR:N', 'UI:N', 'S:U', 'C:H', 'I:H', 'A:H', 'VC:H', 'VI:H', 'VA:H', 'SC:N', 'SI:N', 'SA:N', 'E:P', 'X:', ':', '/', 'Q');
    fc.assert(fc.property(fc.array(token, { maxLength: 16 }), (parts) => {
      const r = readCvssVector(parts.join('/'));
      expect(r.cvss === null).toBe(r.problem !== null);
      if (r.cvss !== null) expect(r.cvss.baseScore).toBeGreaterThanOrEqual(0);
    }), { numRuns: 2000 });
  });
});

describe('SSVC hints', () => {
  it('automatable: network, low complexity, no privileges, no user; v4.0 also no attack requirements', () => {
    expect(automatableFromCvss(read('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'))).toBe(true);
    expect(automatableFromCvss(read('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H'))).toBeUndefined();
    expect(automatableFromCvss(read('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'))).toBe(true);
    expect(automatableFromCvss(read('CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N'))).toBeUndefined();
  });

  it('technical impact total only with high confidentiality and integrity impact', () => {
    expect(technicalImpactFromCvss(read('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N'))).toBe('total');
    expect(technicalImpactFromCvss(read('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:H'))).toBe('partial');
    expect(technicalImpactFromCvss(read('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N'))).toBe('total');
    expect(technicalImpactFromCvss(read('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H/SC:H/SI:H/SA:H'))).toBe('partial');
  });
});
