/** VexStore decisions: not_affected suppresses with the justification, affected does not, purl/CPE/name matching, newest wins. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteInventory } from '../sqlite/inventory/sqlite-inventory.js';
import { parseSbom } from '../../advisories/sbom/parse-sbom.js';
import { attachSbom } from '../sbom/sbom-store.js';
import { corpusText, memoryInventory } from '../../advisories/sbom/test-support/corpus.js';
import type { VexStatus } from '../../advisories/types.js';
import { decisionForMatch, suppressionOf } from '../../advisories/vex/decision-for-match.js';
import { parseVex } from '../../advisories/vex/parse-vex.js';
import { emptyProduct, type VexDocument, type VexProduct } from '../../advisories/vex/types.js';
import { importVexDocument, listVexStatements, SqliteVexStore } from './vex-store.js';

let inv: SqliteInventory;
beforeEach(async () => { inv = await memoryInventory(); });
afterEach(async () => { await inv.close(); });

function doc(key: string, product: Partial<VexProduct>, status: VexStatus, issuedAt: string, justification: string | null = 'component_not_present'): VexDocument {
  return {
    format: 'openvex', documentKey: key, title: key, issuedAt,
    statements: [{ vulnerability: 'CVE-2023-0001', aliases: ['GHSA-aaaa'], product: { ...emptyProduct(), ...product }, status, justification, impactStatement: 'not shipped', actionStatement: null, issuedAt: null }],
  };
}

async function load(d: VexDocument, extra: { defaultVendor?: string } = {}): Promise<void> {
  await importVexDocument(inv.db, d, { origin: `${d.documentKey}.json`, importedAt: '2025-01-01T00:00:00.000Z', ...extra });
}

const q = (o: Partial<{ vendor: string; product: string; version: string; purl: string; cpe: string }>) => ({ vendor: null, product: null, version: null, ...o });

describe('SqliteVexStore.decisionFor', () => {
  it('not_affected with a justification suppresses; affected does not', async () => {
    const store = new SqliteVexStore(inv.db);
    await load(doc('a', { vendor: 'GE Medical Systems', product: 'CARESCAPE B650', version: '3.2' }, 'not_affected', '2024-01-01T00:00:00Z'));
    // Vendor aliases and case fold: "GE Healthcare" is "GE Medical Systems".
    const d = await store.decisionFor('cve-2023-0001', q({ vendor: 'GE Healthcare', product: 'carescape b650', version: '3.2' }));
    expect(d).toMatchObject({ status: 'not_affected', justification: 'component_not_present', statement: 'not shipped', source: 'a.json (a)' });
    expect(suppressionOf(d)).toEqual({ source: 'a.json (a)', justification: 'component_not_present', statement: 'not shipped' });
    expect(await store.decisionFor('CVE-2023-0001', q({ vendor: 'GE', product: 'CARESCAPE B650', version: '3.3' }))).toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ vendor: 'Philips', product: 'CARESCAPE B650', version: '3.2' }))).toBeNull();
    // An unknown device version never matches a versioned statement.
    expect(await store.decisionFor('CVE-2023-0001', q({ vendor: 'GE', product: 'CARESCAPE B650' }))).toBeNull();
    // By alias.
    expect((await store.decisionFor('ghsa-aaaa', q({ vendor: 'GE', product: 'CARESCAPE B650', version: '3.2' })))?.status).toBe('not_affected');
    await load(doc('b', { vendor: 'Baxter', product: 'Sigma Spectrum' }, 'affected', '2024-01-01T00:00:00Z'));
    const affected = await store.decisionFor('CVE-2023-0001', q({ vendor: 'Baxter', product: 'Sigma Spectrum', version: '8' }));
    expect(affected?.status).toBe('affected');
    expect(suppressionOf(affected)).toBeNull();
  });

  it('purl: without a version the statement covers every version and qualifier; with one, only that version', async () => {
    const store = new SqliteVexStore(inv.db);
    await load(doc('any', { purl: 'pkg:generic/openssl' }, 'not_affected', '2024-01-01T00:00:00Z'));
    await load(doc('one', { purl: 'pkg:npm/lodash@4.17.20' }, 'not_affected', '2024-01-01T00:00:00Z'));
    await load(doc('qual', { purl: 'pkg:maven/org.x/y@1.0?type=jar' }, 'not_affected', '2024-01-01T00:00:00Z'));
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:generic/openssl@1.0.2k?arch=arm' }))).not.toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:npm/lodash@4.17.20' }))).not.toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:npm/lodash@4.17.21' }))).toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:npm/lodash' }))).toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:maven/org.x/y@1.0?type=jar&classifier=x' }))).not.toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:maven/org.x/y@1.0?type=pom' }))).toBeNull();
    // A version-less purl with the component's version beside it (CycloneDX) covers that version only.
    await load(doc('wolf', { purl: 'pkg:github/wolfssl/wolfssl', version: '4.8.1' }, 'not_affected', '2024-01-01T00:00:00Z'));
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:github/wolfssl/wolfssl', version: '4.8.1' }))).not.toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ purl: 'pkg:github/wolfssl/wolfssl', version: '5.0' }))).toBeNull();
  });

  it('CPE: ANY version covers all, a fixed version only itself', async () => {
    const store = new SqliteVexStore(inv.db);
    await load(doc('cpe', { cpe: 'cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*' }, 'not_affected', '2024-01-01T00:00:00Z'));
    expect(await store.decisionFor('CVE-2023-0001', q({ cpe: 'cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*' }))).not.toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ cpe: 'cpe:2.3:a:wolfssl:wolfssl:*:*:*:*:*:*:*:*', version: '4.8.1' }))).not.toBeNull();
    expect(await store.decisionFor('CVE-2023-0001', q({ cpe: 'cpe:/a:wolfssl:wolfssl:5.0' }))).toBeNull();
  });

  it('the newest statement wins, whatever the import order', async () => {
    const store = new SqliteVexStore(inv.db);
    const product = { vendor: 'Mindray', product: 'BeneVision N12' };
    await load(doc('new', product, 'fixed', '2024-06-01T00:00:00Z', null));
    await load(doc('old', product, 'not_affected', '2023-01-01T00:00:00Z'));
    expect((await store.decisionFor('CVE-2023-0001', q({ vendor: 'Mindray', product: 'BeneVision N12', version: '1' })))?.status).toBe('fixed');
    await load(doc('newer', product, 'under_investigation', '2024-07-01T00:00:00Z', null));
    expect((await store.decisionFor('CVE-2023-0001', q({ vendor: 'Mindray', product: 'BeneVision N12', version: '1' })))?.status).toBe('under_investigation');
    // Re-importing a document replaces its statements instead of adding more.
    await load(doc('newer', product, 'not_affected', '2024-08-01T00:00:00Z'));
    expect(await listVexStatements(inv.db)).toHaveLength(3);
    expect((await store.decisionFor('CVE-2023-0001', q({ vendor: 'Mindray', product: 'BeneVision N12', version: '1' })))?.status).toBe('not_affected');
  });

  it('statements of the same moment that disagree resolve to the least reassuring one', async () => {
    const store = new SqliteVexStore(inv.db);
    const csaf = {
      document: { category: 'csaf_vex', csaf_version: '2.0', title: 't', publisher: { name: 'p', namespace: 'https://p.example' }, tracking: { id: 'T-1', current_release_date: '2024-01-01T00:00:00Z' } },
      product_tree: {
        branches: [{ category: 'vendor', name: 'Acme', branches: [{ category: 'product_name', name: 'Pump', product: { product_id: 'PUMP', name: 'Acme Pump' } }, { category: 'product_name', name: 'libx', product: { product_id: 'LIBX', name: 'libx' } }, { category: 'product_name', name: 'liby', product: { product_id: 'LIBY', name: 'liby' } }] }],
        relationships: [
          { category: 'default_component_of', product_reference: 'LIBX', relates_to_product_reference: 'PUMP', full_product_name: { product_id: 'X-IN-PUMP', name: 'libx as a component of Acme Pump' } },
          { category: 'default_component_of', product_reference: 'LIBY', relates_to_product_reference: 'PUMP', full_product_name: { product_id: 'Y-IN-PUMP', name: 'liby as a component of Acme Pump' } },
        ],
      },
      vulnerabilities: [{ cve: 'CVE-2024-9', product_status: { known_not_affected: ['X-IN-PUMP'], known_affected: ['Y-IN-PUMP'] }, flags: [{ label: 'vulnerable_code_not_present', product_ids: ['X-IN-PUMP'] }] }],
    };
    await load(parseVex(JSON.stringify(csaf), 'rel.json', '9'));
    expect((await store.decisionFor('CVE-2024-9', q({ vendor: 'Acme', product: 'Pump', version: '1' })))?.status).toBe('affected');
  });

  it('corpus: CSAF and CycloneDX VEX about "ABC 4.2" decide for that product; version ranges apply', async () => {
    const store = new SqliteVexStore(inv.db);
    const csaf = 'csaf_examples/csaf_vex_2022-evd-uc-01-na-001.json';
    await load(parseVex(corpusText(csaf), csaf, '1'));
    const abc = q({ vendor: 'Example Company', product: 'ABC', version: '4.2' });
    expect(await store.decisionFor('CVE-2021-44228', abc)).toMatchObject({ status: 'not_affected', justification: 'Class with vulnerable code was removed before shipping.' });
    const range = 'csaf_examples/csaf_vex_sec-vex-2022-0001.json';
    await load(parseVex(corpusText(range), range, '2'));
    expect((await store.decisionFor('CVE-2021-44228', q({ vendor: 'Secvisogram', product: 'Secvisogram', version: '1.13.2' })))?.justification).toBe('component_not_present');
    expect(await store.decisionFor('CVE-2021-44228', q({ vendor: 'Secvisogram', product: 'Secvisogram', version: '1.15.0' }))).toBeNull();
    // The CycloneDX file names no vendor: `vex import --vendor` supplies it.
    const cdx = 'cyclonedx_examples/VEX_CISA-Use-Cases_Case-1_vex-affected.json';
    await load(parseVex(corpusText(cdx), cdx, '3'), { defaultVendor: 'Other Co' });
    const def = await store.decisionFor('CVE-2021-44228', q({ vendor: 'Other Co', product: 'DEF', version: '1.0' }));
    expect(def === null || def.status === 'affected').toBe(true);
  });

  it('BOM-Links resolve through an attached SBOM with that serial number', async () => {
    const store = new SqliteVexStore(inv.db);
    const bom = 'cyclonedx_examples/VEX_Use-Cases_Case-9_bom-1.json';
    const sbom = parseSbom(corpusText(bom).replace('"components"', '"x"'), bom);
    await attachSbom(inv.db, { vendor: 'Acme', model: 'Product 1', doc: { ...sbom, components: [{ bomRef: 'c', type: null, name: 'lib', version: '1', purl: null, cpe: null, supplier: null }] }, origin: 'bom-1.json', sha256: 'x', nowMs: 0 });
    const vex = 'cyclonedx_examples/VEX_Use-Cases_Case-9_vex.json';
    await load(parseVex(corpusText(vex), vex, '4'));
    expect((await store.decisionFor('CVE-2020-11896', q({ vendor: 'Acme', product: 'product 1' })))?.justification).toBe('code_not_reachable');
    expect(await store.decisionFor('CVE-2020-11896', q({ vendor: 'Acme', product: 'Product 2' }))).toBeNull();
  });

  it('decisionForMatch falls back to the SBOM component the match came from', async () => {
    const store = new SqliteVexStore(inv.db);
    await load(doc('c', { purl: 'pkg:generic/openssl@1.0.2k' }, 'not_affected', '2024-01-01T00:00:00Z'));
    const match = { vulnerability: 'CVE-2023-0001', advisoryId: 'a', advisoryTitle: 't', source: 'sbom' as const, matchedProduct: 'openssl', cvssBase: null, cvssVector: null, kev: false, reasons: [], remediation: null, versionUnknown: false };
    const device = q({ vendor: 'Baxter', product: 'Sigma Spectrum' });
    expect(await decisionForMatch(store, match, device)).toBeNull();
    expect((await decisionForMatch(store, { ...match, component: q({ product: 'openssl', version: '1.0.2k', purl: 'pkg:generic/openssl@1.0.2k' }) }, device))?.status).toBe('not_affected');
  });
});
