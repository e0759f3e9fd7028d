/** The CISA KEV catalog of the corpus: import, replace on re-import, and the `kev` flag on matches. */
import { describe, expect, it } from 'vitest';
import { importSources } from '../import/import-sources.js';
import { csafDir, kevFile, openStores, readJson } from '../test-support/corpus.js';
import { parseKev } from './parse-kev.js';

interface Kev { catalogVersion: string; count: number; vulnerabilities: { cveID: string; knownRansomwareCampaignUse: string }[] }

describe('CISA KEV', () => {
  it('parses every entry of the corpus catalog', () => {
    const raw = readJson(kevFile) as Kev;
    const catalog = parseKev(raw);
    expect(catalog.catalogVersion).toBe(raw.catalogVersion);
    expect(catalog.entries).toHaveLength(raw.count);
    expect(catalog.warnings).toEqual([]);
    expect(catalog.entries.filter((e) => e.knownRansomware === true)).toHaveLength(raw.vulnerabilities.filter((v) => v.knownRansomwareCampaignUse === 'Known').length);
  });

  it('flags matched CVEs that are in the catalog (BlueKeep on a Spacelabs XTR) and replaces the catalog on re-import', async () => {
    const { inventory, store } = await openStores();
    try {
      await importSources(store, [`${csafDir}/icsma-20-049-01.json`]);
      const q = { vendor: 'Spacelabs Medical', product: 'Xhibit Telemetry Receiver', version: '1.0.2' };
      expect((await store.match(q)).map((m) => [m.vulnerability, m.kev])).toEqual([['CVE-2019-0708', false]]);
      const reports = await importSources(store, [kevFile]);
      expect(reports[0]).toMatchObject({ ok: true, kind: 'kev', kev: 1404 });
      expect((await store.match(q)).map((m) => [m.vulnerability, m.kev])).toEqual([['CVE-2019-0708', true]]);
      await importSources(store, [kevFile]);
      expect(await store.kevCount()).toBe(1404);
      const row = await store.db.selectFrom('kev').selectAll().where('cve', '=', 'CVE-2019-0708').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ vendor: 'Microsoft', known_ransomware: 1, catalog_version: '2025.08.25' });
    } finally {
      await inventory.close();
    }
  });
});
