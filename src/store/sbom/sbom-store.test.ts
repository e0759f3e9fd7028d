/** SBOM store and matching: attach replaces per model, components go to the matcher, embedded vulnerabilities count. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteInventory } from '../sqlite/inventory/sqlite-inventory.js';
import type { ProductQuery, VulnerabilityMatch, VulnerabilityMatcher } from '../../advisories/types.js';
import { SqliteVexStore } from '../vex/vex-store.js';
import { parseSbom } from '../../advisories/sbom/parse-sbom.js';
import { sbomVexDb } from './schema.js';
import { sbomMatches } from './sbom-matches.js';
import { attachSbom, detachSbom, findSbom, listSboms, sbomComponents } from './sbom-store.js';
import { corpusText, memoryInventory } from '../../advisories/sbom/test-support/corpus.js';
import type { SbomDocument } from '../../advisories/sbom/types.js';

let inv: SqliteInventory;
beforeEach(async () => { inv = await memoryInventory(); });
afterEach(async () => { await inv.close(); });

const narrow = (): SbomDocument => parseSbom(corpusText('medical_device_case_study_narrow.sbom.json'), 'narrow.json');
const attach = (vendor: string, model: string, doc: SbomDocument, nowMs = 1_700_000_000_000) =>
  attachSbom(inv.db, { vendor, model, doc, origin: 'narrow.json', sha256: 'ab', nowMs });

/** A matcher standing in for the advisory store: WolfSSL 4.8.1 by CPE has one CVE. */
class FakeMatcher implements VulnerabilityMatcher {
  readonly queries: ProductQuery[] = [];
  match(query: ProductQuery): Promise<VulnerabilityMatch[]> {
    this.queries.push(query);
    if (query.cpe?.includes(':wolfssl:wolfssl:4.8.1') !== true) return Promise.resolve([]);
    return Promise.resolve([{
      vulnerability: 'CVE-2022-25638', advisoryId: 'NVD-CVE-2022-25638', advisoryTitle: 'wolfSSL', source: 'nvd', matchedProduct: 'cpe:2.3:a:wolfssl:wolfssl',
      cvssBase: 6.5, cvssVector: null, kev: false, reasons: ['version 4.8.1 is before 5.2.0'], remediation: null, versionUnknown: false,
    }]);
  }
}

describe('attachSbom', () => {
  it('stores the SBOM and its components, canonicalising the vendor', async () => {
    const r = await attach('GE Medical Systems', 'CARESCAPE B650', narrow());
    expect(r).toMatchObject({ components: 55, vulnerabilities: 0, replaced: false });
    const row = await findSbom(inv.db, 'ge healthcare', 'carescape  b650');
    expect(row).toMatchObject({ vendor: 'GE Healthcare', model: 'CARESCAPE B650', format: 'cyclonedx', spec_version: '1.4', component_count: 55, attached_at: '2023-11-14T22:13:20.000Z' });
    const components = await sbomComponents(inv.db, r.sbomId);
    expect(components).toHaveLength(55);
    expect(components.find((c) => c.name === 'WolfSSL')?.cpe).toBe('cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*');
  });

  it('a new SBOM for the same model replaces the old one whole', async () => {
    await attach('Baxter', 'Sigma Spectrum', narrow());
    const ext = parseSbom(corpusText('medical_device_case_study_extended.sbom.json'), 'ext.json');
    const r = await attach('Baxter Healthcare', 'SIGMA SPECTRUM', ext);
    expect(r.replaced).toBe(true);
    expect(await listSboms(inv.db)).toHaveLength(1);
    const count = await sbomVexDb(inv.db).selectFrom('sbom_components').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(65);
    expect(await detachSbom(inv.db, 'Baxter', 'Sigma Spectrum')).toBe(true);
    expect(await detachSbom(inv.db, 'Baxter', 'Sigma Spectrum')).toBe(false);
    expect(await listSboms(inv.db)).toEqual([]);
  });

  it('refuses an empty vendor or model', async () => {
    await expect(attach(' ', 'x', narrow())).rejects.toThrow(/--vendor must not be empty/);
    expect(await listSboms(inv.db)).toEqual([]);
  });

  it('a failure inside the transaction leaves the earlier SBOM untouched', async () => {
    await attach('Baxter', 'Sigma Spectrum', narrow());
    const broken = { ...narrow(), components: [...narrow().components, { name: null } as unknown as SbomDocument['components'][number]] };
    await expect(attach('Baxter', 'Sigma Spectrum', broken)).rejects.toThrow();
    const rows = await listSboms(inv.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.component_count).toBe(55);
  });

  it('embedded vulnerabilities with an analysis become VEX statements about the model', async () => {
    const bom = JSON.stringify({
      bomFormat: 'CycloneDX', specVersion: '1.5', metadata: { timestamp: '2024-05-01T00:00:00Z' },
      components: [{ 'bom-ref': 'ossl', name: 'openssl', version: '1.0.2k', purl: 'pkg:generic/openssl@1.0.2k' }],
      vulnerabilities: [
        { id: 'CVE-2016-2108', ratings: [{ score: 9.8, method: 'CVSSv31', vector: 'CVSS:3.1/AV:N' }, { score: 10, method: 'CVSSv2' }], affects: [{ ref: 'ossl' }], analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'ASN.1 parser unused' } },
        { id: 'CVE-2016-0800', affects: [{ ref: 'ossl' }], analysis: { state: 'exploitable' } },
      ],
    });
    await attach('Philips', 'IntelliVue MX800', parseSbom(bom, 'e.json'));
    const matches = await sbomMatches(inv.db, 'Philips Medical Systems', 'IntelliVue MX800', new FakeMatcher());
    expect(matches.map((m) => m.vulnerability)).toEqual(['CVE-2016-2108', 'CVE-2016-0800']);
    expect(matches[0]).toMatchObject({ source: 'sbom', cvssBase: 9.8, matchedProduct: 'openssl 1.0.2k (pkg:generic/openssl@1.0.2k)' });
    expect(matches[0]?.reasons[0]).toBe('component openssl 1.0.2k (pkg:generic/openssl@1.0.2k) is listed with CVE-2016-2108 in the SBOM of Philips IntelliVue MX800 (vendor analysis: not_affected, code_not_reachable)');
    const vex = new SqliteVexStore(inv.db);
    const device = { vendor: 'Philips', product: 'IntelliVue MX800', version: 'B.01' };
    expect(await vex.decisionFor('CVE-2016-2108', device)).toMatchObject({ status: 'not_affected', justification: 'code_not_reachable', statement: 'ASN.1 parser unused' });
    expect((await vex.decisionFor('CVE-2016-0800', device))?.status).toBe('affected');
  });
});

describe('sbomMatches', () => {
  it('asks the matcher about each component and names the component in the reasons', async () => {
    await attach('Baxter', 'Sigma Spectrum', narrow());
    const matcher = new FakeMatcher();
    const matches = await sbomMatches(inv.db, 'baxter', 'sigma spectrum', matcher);
    expect(matcher.queries.length).toBeGreaterThan(40);
    expect(matcher.queries).toContainEqual({ vendor: 'wolfSSL', product: 'WolfSSL', version: '4.8.1', purl: 'pkg:github/wolfssl/wolfssl', cpe: 'cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*' });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ vulnerability: 'CVE-2022-25638', source: 'sbom', component: { product: 'WolfSSL', version: '4.8.1' } });
    expect(matches[0]?.reasons).toEqual(['component WolfSSL 4.8.1 (pkg:github/wolfssl/wolfssl) in the SBOM of Baxter Sigma Spectrum', 'version 4.8.1 is before 5.2.0']);
    expect(await sbomMatches(inv.db, 'Baxter', 'Other', matcher)).toEqual([]);
  });

  it('attaches a 50 MB SBOM (about 200,000 components) in one go', async () => {
    const one = (i: number): string => `{"type":"library","bom-ref":"c${i}","name":"component-${i}","version":"1.${i % 97}.${i % 13}","purl":"pkg:generic/vendor/component-${i}@1.${i % 97}.${i % 13}","cpe":"cpe:2.3:a:vendor:component_${i}:1.${i % 97}:*:*:*:*:*:*:*","description":"${'x'.repeat(40)}"}`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const c = one(i);
      parts.push(c);
      size += c.length + 1;
    }
    const doc = parseSbom(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[${parts.join(',')}]}`, 'big.json');
    expect(doc.components.length).toBe(parts.length);
    const r = await attach('Big', 'Model', doc);
    expect(r.components).toBe(parts.length);
    expect((await findSbom(inv.db, 'Big', 'Model'))?.component_count).toBe(parts.length);
  });
});
