/** toFinding's SSVC hints come from the one CVSS vector reading (src/risk/cvss-vector.ts), as risk's SSVC reads them. */
import { describe, expect, it } from 'vitest';
import type { FindingFacts } from '../findings/types.js';
import type { DeviceJson } from '../inventory/types.js';
import { toFinding } from './match-finding.js';
import type { VulnerabilityMatch } from './types.js';

const device = { id: 'd1', vendor: 'Acme', model: 'Pump' } as DeviceJson;

function factsFor(cvssVector: string | null): FindingFacts {
  const m: VulnerabilityMatch = {
    vulnerability: 'CVE-2025-0001', advisoryId: 'ADV-1', advisoryTitle: 'Pump advisory', source: 'csaf', matchedProduct: 'Pump', cvssBase: 8.1,
    cvssVector, kev: false, reasons: [], remediation: null, versionUnknown: false,
  };
  const facts = toFinding(device, { vulnerability: m.vulnerability, matches: [m] }, null, 0).facts;
  if (facts === undefined) throw new Error('a known-vulnerability finding always has facts');
  return facts;
}

describe('SSVC hints of a known-vulnerability finding', () => {
  it('v3: automatable and total from AV:N/AC:L/PR:N/UI:N with C:H/I:H', () => {
    expect(factsFor('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N')).toMatchObject({ automatable: true, technicalImpact: 'total' });
    expect(factsFor('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:H')).toMatchObject({ automatable: false, technicalImpact: 'partial' });
  });

  it('v4.0: attack requirements present (AT:P) is not automatable', () => {
    expect(factsFor('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N')).toMatchObject({ automatable: true, technicalImpact: 'total' });
    expect(factsFor('CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N')).toMatchObject({ automatable: false, technicalImpact: 'partial' });
  });

  it('a malformed or missing vector gives no hint, so the kind defaults stand', () => {
    for (const v of ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', null]) {
      const facts = factsFor(v);
      expect(facts).not.toHaveProperty('automatable');
      expect(facts).not.toHaveProperty('technicalImpact');
    }
  });
});
