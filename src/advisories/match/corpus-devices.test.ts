/**
 * Devices placed for corpus products (CISA ICSMA CSAF) match the right advisories, for the right reasons;
 * fixed versions, versions outside a range and another vendor's product of the same name do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { assessDevices } from '../assess-devices.js';
import { importSources } from '../import/import-sources.js';
import type { SqliteAdvisoryStore } from '../../store/sqlite/advisories/advisory-store.js';
import { csafDir, openStores } from '../test-support/corpus.js';
import { addDevices } from '../test-support/devices.js';
import { FakeFindings } from '../test-support/fake-findings.js';

const DEVICES = [
  { name: 'MON-B450', vendor: 'GE Healthcare', model: 'CARESCAPE B450', firmware: '2.1.3' },
  { name: 'APEX-OLD', vendor: 'General Electric', model: 'ApexPro Telemetry Server', firmware: '4.2' },
  { name: 'APEX-NEW', vendor: 'GE', model: 'ApexPro Telemetry Server', firmware: '4.3' },
  { name: 'PCU-1', vendor: 'Becton Dickinson', model: 'Alaris 8015', firmware: '9.19' },
  { name: 'PCU-2', vendor: 'BD', model: 'Alaris PC Unit', firmware: '12.1.2' },
  { name: 'CSM-OLD', vendor: 'Welch Allyn', model: 'Connex Spot Monitor', firmware: '1.51' },
  { name: 'CSM-NEW', vendor: 'Welch Allyn', model: 'Connex Spot Monitor', firmware: '1.60' },
  { name: 'PIC', vendor: 'Philips Medical Systems', model: 'IntelliVue Information Center iX', firmware: 'B.02' },
  { name: 'MX800', vendor: 'Philips', model: 'IntelliVue MX800', firmware: 'M.00.03' },
  { name: 'VENT', vendor: 'Hamilton Medical AG', model: 'HAMILTON-T1', firmware: '2.2.3' },
  { name: 'DELTA', vendor: 'Draeger', model: 'Infinity Delta', firmware: null },
  { name: 'MINDRAY-B450', vendor: 'Mindray', model: 'B450', firmware: '2.1' },
  { name: 'CT01', vendor: 'GE Healthcare', model: null, firmware: null },
] as const;

let inventory: SqliteInventory;
let store: SqliteAdvisoryStore;
let ids: Map<string, string>;
const findings = new FakeFindings();
const NOW = Date.parse('2026-03-02T08:00:00Z');

beforeAll(async () => {
  ({ inventory, store } = await openStores());
  await importSources(store, [csafDir]);
  ids = await addDevices(inventory, DEVICES);
  await assessDevices({ inventory, matcher: store, findings, nowMs: NOW });
});
afterAll(async () => {
  await inventory.close();
});

function keys(name: string): string[] {
  return findings.forDevice(ids.get(name) ?? '').map((f) => f.key);
}

function advisoriesOf(name: string): string[] {
  return [...new Set(findings.forDevice(ids.get(name) ?? '').flatMap((f) => f.facts?.advisoryIds ?? []))].sort();
}

describe('devices for corpus products', () => {
  it('matches a GE monitor through the vendor alias and the "2.X" version', async () => {
    expect(keys('MON-B450')).toEqual(['CVE-2020-6961', 'CVE-2020-6962', 'CVE-2020-6963', 'CVE-2020-6964', 'CVE-2020-6965', 'CVE-2020-6966']);
    const f = findings.forDevice(ids.get('MON-B450') ?? '').find((x) => x.key === 'CVE-2020-6961');
    expect(f).toMatchObject({ kind: 'known-vulnerability', severity: 'critical', facts: { cvssBase: 10, kev: false, advisoryIds: ['ICSMA-20-023-01'], automatable: true, technicalImpact: 'total' } });
    expect(f?.evidence.join('\n')).toMatch(/vendor "GE Healthcare" and the advisory's vendor "General Electric \(GE\)" are both GE Healthcare/);
    expect(f?.evidence.join('\n')).toMatch(/the advisory product "B450" is named in model "CARESCAPE B450"/);
    expect(f?.evidence.join('\n')).toMatch(/version 2\.1\.3 is within the advisory's 2\.X/);
    expect(f?.detail).toMatch(/Remediation: vendor fix: GE recommends/);
    const explained = await store.explain({ vendor: 'GE Healthcare', product: 'CARESCAPE B450', version: '2.1.3' });
    expect(explained.matches.every((m) => !m.versionUnknown)).toBe(true);
  });

  it('honours "<= 4.2": 4.2 matches, 4.3 does not and says why', async () => {
    expect(keys('APEX-OLD')).toHaveLength(6);
    expect(keys('APEX-NEW')).toEqual([]);
    const miss = await store.explain({ vendor: 'GE', product: 'ApexPro Telemetry Server', version: '4.3' });
    expect(miss.misses.join('\n')).toMatch(/version 4\.3 is outside the advisory's <= 4\.2/);
  });

  it('uses product aliases and explicit version lists (BD Alaris PC Unit 9.19 yes, 12.1.2 no)', () => {
    expect(advisoriesOf('PCU-1')).toEqual(['ICSMA-20-170-06']);
    expect(findings.forDevice(ids.get('PCU-1') ?? '')[0]?.evidence.join('\n')).toMatch(/another name of the advisory product "Alaris PC Unit"/);
    expect(advisoriesOf('PCU-2')).toEqual([]);
  });

  it('matches a brand sold under its new owner (Welch Allyn under Hillrom and Baxter), below the fixed version only', () => {
    expect(advisoriesOf('CSM-OLD')).toEqual(['ICSMA-21-152-01', 'ICSMA-24-151-02']);
    expect(advisoriesOf('CSM-NEW')).toEqual([]);
  });

  it('matches Philips PIC iX under both names, an IntelliVue in a model range, Hamilton T1 and Dräger Infinity Delta (all versions)', () => {
    expect(advisoriesOf('PIC')).toEqual(['ICSMA-18-233-01', 'ICSMA-20-254-01']);
    // "MX400-MX850" with revision "<=N" (an MX800 on revision M), and "MP Series (…MX700/800)" whose "Rev B-M"
    // cannot be compared: that one is flagged as version-unconfirmed.
    expect(advisoriesOf('MX800')).toEqual(['ICSMA-18-156-01', 'ICSMA-20-254-01']);
    const unconfirmed = findings.forDevice(ids.get('MX800') ?? '').filter((f) => f.title.includes('(version unconfirmed)'));
    expect(new Set(unconfirmed.flatMap((f) => f.facts?.advisoryIds ?? []))).toEqual(new Set(['ICSMA-18-156-01']));
    expect(keys('VENT')).toEqual(['CVE-2020-27278', 'CVE-2020-27282', 'CVE-2020-27290']);
    expect(advisoriesOf('DELTA')).toEqual(['ICSMA-19-022-01']);
    expect(findings.forDevice(ids.get('DELTA') ?? '')[0]?.evidence.join('\n')).toMatch(/covers all versions/);
  });

  it('does not match another vendor\'s product of the same name, nor a device without a model', () => {
    expect(keys('MINDRAY-B450')).toEqual([]);
    expect(keys('CT01')).toEqual([]);
  });
});
