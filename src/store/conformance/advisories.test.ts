/**
 * Store conformance, advisories: CSAF documents and the KEV catalog saved, listed and matched; SBOMs attached per model
 * (a second replaces the first); VEX decisions read back, on both dialects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { parseCsaf } from '../../advisories/csaf/parse-csaf.js';
import { parseKev } from '../../advisories/kev/parse-kev.js';
import { parseSbom } from '../../advisories/sbom/parse-sbom.js';
import { attachSbom, detachSbom, findSbom, listSboms, sbomComponents } from '../sbom/sbom-store.js';
import { corpusText } from '../../advisories/sbom/test-support/corpus.js';
import { SqliteAdvisoryStore } from '../sqlite/advisories/advisory-store.js';
import { makeCsaf } from '../../advisories/test-support/make-csaf.js';
import { emptyProduct } from '../../advisories/vex/types.js';
import { importVexDocument, SqliteVexStore } from '../vex/vex-store.js';
import { openInventoryDb } from '../inventory-db.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { STORE_DIALECTS, useDialect } from './dialects.js';

const NOW = Date.parse('2026-01-10T08:00:00Z');
const q = (vendor: string, product: string, version: string) => ({ vendor, product, version });

for (const d of STORE_DIALECTS) {
  describe.skipIf(d.gate.skip)(`advisory, SBOM and VEX stores on ${d.name}`, () => {
    useDialect(d);
    let db: Kysely<InventoryDb>;
    beforeEach(async () => { db = await openInventoryDb(d.newDatabase()); });
    afterEach(async () => { await db.destroy(); });

    it('saves a CSAF advisory, replaces it by a newer revision, lists and matches it', async () => {
      const store = SqliteAdvisoryStore.over(db);
      expect(await store.saveAdvisory(parseCsaf(makeCsaf({ id: 'ICSMA-1', revision: '1' })), 'a.json', NOW)).toBe('created');
      expect(await store.saveAdvisory(parseCsaf(makeCsaf({ id: 'ICSMA-1', revision: '2', released: '2025-02-01T00:00:00Z', cve: 'CVE-2025-0002' })), 'a.json', NOW)).toBe('replaced');
      const list = await store.list();
      expect(list.map((a) => [a.id, a.revision, a.cves])).toEqual([['ICSMA-1', '2', ['CVE-2025-0002']]]);
      const matches = await store.match(q('Example Medical', 'InfuseMax 300', '1.5'));
      expect(matches.map((m) => m.vulnerability)).toEqual(['CVE-2025-0002']);
      expect(await store.match(q('Example Medical', 'InfuseMax 300', '3.0'))).toEqual([]);
    });

    it('replaces the KEV catalog whole and marks matches that are in it', async () => {
      const store = SqliteAdvisoryStore.over(db);
      await store.saveAdvisory(parseCsaf(makeCsaf({ id: 'ICSMA-2' })), 'b.json', NOW);
      const kev = (cves: string[]) => parseKev({ catalogVersion: '2026.01.10', vulnerabilities: cves.map((cveID) => ({ cveID, vendorProject: 'Example', product: 'InfuseMax', dateAdded: '2026-01-02', knownRansomwareCampaignUse: 'Known' })) });
      expect(await store.saveKev(kev(['CVE-2025-0001', 'CVE-2024-9999']), NOW)).toBe(2);
      expect(await store.saveKev(kev(['CVE-2025-0001']), NOW)).toBe(1);
      expect(await store.kevCount()).toBe(1);
      expect(await store.inKev('CVE-2025-0001')).toBe(true);
      expect(await store.inKev('CVE-2024-9999')).toBe(false);
      expect((await store.match(q('Example Medical', 'InfuseMax 300', '1.0')))[0]?.kev).toBe(true);
    });

    it('attaches an SBOM per model; a second for the same model (other spelling) replaces the first', async () => {
      const narrow = parseSbom(corpusText('medical_device_case_study_narrow.sbom.json'), 'narrow.json');
      const first = await attachSbom(db, { vendor: 'GE Medical Systems', model: 'CARESCAPE B650', doc: narrow, origin: 'narrow.json', sha256: 'ab', nowMs: NOW });
      expect(first).toMatchObject({ components: 55, replaced: false });
      expect(await findSbom(db, 'ge healthcare', 'carescape  b650')).toMatchObject({ vendor: 'GE Healthcare', component_count: 55 });
      expect(await sbomComponents(db, first.sbomId)).toHaveLength(55);
      const second = await attachSbom(db, { vendor: 'GE Healthcare', model: 'carescape b650', doc: narrow, origin: 'again.json', sha256: 'cd', nowMs: NOW });
      expect(second.replaced).toBe(true);
      expect(await listSboms(db)).toHaveLength(1);
      expect(await sbomComponents(db, second.sbomId)).toHaveLength(55);
      expect(await detachSbom(db, 'GE', 'CARESCAPE B650')).toBe(true);
      expect(await listSboms(db)).toEqual([]);
    });

    it('a VEX not_affected statement decides for its product (vendor alias, vulnerability case folded), not for others', async () => {
      await importVexDocument(db, {
        format: 'openvex', documentKey: 'k', title: 'k', issuedAt: '2024-01-01T00:00:00Z',
        statements: [{ vulnerability: 'CVE-2023-0001', aliases: ['GHSA-aaaa'], product: { ...emptyProduct(), vendor: 'GE Medical Systems', product: 'CARESCAPE B650', version: '3.2' }, status: 'not_affected', justification: 'component_not_present', impactStatement: null, actionStatement: null, issuedAt: null }],
      }, { origin: 'k.json', importedAt: '2025-01-01T00:00:00.000Z' });
      const vex = new SqliteVexStore(db);
      expect((await vex.decisionFor('cve-2023-0001', q('GE Healthcare', 'carescape b650', '3.2')))?.status).toBe('not_affected');
      expect((await vex.decisionFor('ghsa-AAAA', q('GE', 'CARESCAPE B650', '3.2')))?.status).toBe('not_affected');
      // LIKE wildcards in an id are text, not patterns.
      expect(await vex.decisionFor('GHSA-aa_a', q('GE', 'CARESCAPE B650', '3.2'))).toBeNull();
      expect(await vex.decisionFor('%', q('GE', 'CARESCAPE B650', '3.2'))).toBeNull();
      expect(await vex.decisionFor('CVE-2023-0001', q('Philips', 'CARESCAPE B650', '3.2'))).toBeNull();
    });
  });
}
