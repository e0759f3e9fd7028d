/** NVD CVE API 2.0 records of the corpus: CVSS, CWE and the vulnerable CPE matches with their ranges. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nvdDir, readJson } from '../test-support/corpus.js';
import { parseCpe } from './cpe.js';
import { looksLikeNvdCollection, looksLikeNvdCve, parseNvdCollection, parseNvdCve } from './parse-nvd.js';

interface CpeMatch { vulnerable: boolean; criteria: string }
interface NvdCve { id: string; configurations: { nodes: { cpeMatch: CpeMatch[] }[] }[] }

describe('parseNvdCve', () => {
  it('reads every corpus record: id, CVSS, CWE and one product per vulnerable CPE match', () => {
    const files = readdirSync(nvdDir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const raw = readJson(path.join(nvdDir, f)) as NvdCve;
      expect(looksLikeNvdCve(raw)).toBe(true);
      const doc = parseNvdCve(raw);
      const vulnerable = raw.configurations.flatMap((c) => c.nodes.flatMap((n) => n.cpeMatch.filter((m) => m.vulnerable)));
      expect(doc.id).toBe(raw.id);
      expect(doc.products).toHaveLength(vulnerable.length);
      expect(doc.vulnerabilities[0]?.statuses.size).toBe(vulnerable.length);
    }
  });

  it('keeps NVD\'s primary CVSS v3.1 score and the version ranges (CVE-2020-6961, CVE-2022-2119)', () => {
    const ge = parseNvdCve(readJson(path.join(nvdDir, 'CVE-2020-6961.json')));
    expect(ge.vulnerabilities[0]).toMatchObject({ cve: 'CVE-2020-6961', cvss3Base: 10, cvss3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' });
    const apex = ge.products.find((p) => p.cpe?.includes('apexpro_telemetry_server_firmware') === true);
    expect(apex).toMatchObject({ vendor: 'gehealthcare', product: 'apexpro telemetry server', versionSpec: 'vers:generic/<=4.2' });
    const dcmtk = parseNvdCve(readJson(path.join(nvdDir, 'CVE-2022-2119.json')));
    // NVD's own (Primary) 9.8 wins over CISA's Secondary 7.5.
    expect(dcmtk.vulnerabilities[0]?.cvss3Base).toBe(9.8);
    expect(dcmtk.products.map((p) => [p.vendor, p.product, p.versionSpec])).toEqual([['offis', 'dcmtk', 'vers:generic/<3.6.7']]);
  });

  it('reads the API wrapper, turning a bad record into a warning', () => {
    const good = readJson(path.join(nvdDir, 'CVE-2022-2119.json'));
    const wrapper = { resultsPerPage: 2, format: 'NVD_CVE', version: '2.0', vulnerabilities: [{ cve: good }, { cve: { id: 'nope' } }] };
    expect(looksLikeNvdCollection(wrapper)).toBe(true);
    const { advisories, warnings } = parseNvdCollection(wrapper);
    expect(advisories.map((a) => a.id)).toEqual(['CVE-2022-2119']);
    expect(warnings).toEqual(['record 2: NVD record has no CVE id']);
  });
});

describe('parseCpe', () => {
  it('splits CPE 2.3 with escapes and names the product for matching', () => {
    expect(parseCpe('cpe:2.3:o:gehealthcare:b450_firmware:2.0:*:*:*:*:*:*:*')).toMatchObject({ part: 'o', vendor: 'gehealthcare', productName: 'b450', version: '2.0' });
    expect(parseCpe('cpe:2.3:a:foo\\:bar:baz:1.0:*:*:*:*:*:*:*')).toMatchObject({ vendor: 'foo:bar', product: 'baz' });
    expect(parseCpe('cpe:/a:foo:bar:1.0')).toBeNull();
    expect(parseCpe('garbage')).toBeNull();
  });
});
