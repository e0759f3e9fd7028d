/** SBOM readers against every corpus SBOM (CycloneDX 1.2-1.6 JSON, SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0) and hostile input. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/app-error.js';
import { parseSbom } from './parse-sbom.js';
import { readDocument } from './read-document.js';
import { corpusFile, corpusJson, corpusText, sbomVexCorpus } from './test-support/corpus.js';

/** Components counted independently of the reader: a plain recursive walk of the JSON (the corpus is shallow). */
function countNested(list: unknown): number {
  if (!Array.isArray(list)) return 0;
  let n = 0;
  for (const c of list as Record<string, unknown>[]) n += 1 + countNested(c.components);
  return n;
}

const CYCLONEDX_SBOMS = [
  ['medical_device_case_study_narrow.sbom.json', 55],
  ['medical_device_case_study_extended.sbom.json', 65],
  ['cyclonedx_examples/SBOM_laravel-7.12.0_bom.1.4.json', 62],
  ['cyclonedx_examples/SBOM_proton-bridge_proton-bridge-v1.8.0.bom.json', 201],
  ['cyclonedx_examples/SBOM_cern-lhc-vdm-editor-e564943_bom.json', 43],
  ['cyclonedx_examples/HBOM_PCIe-SATA-adapter-board_bom.json', 6],
  ['cyclonedx_examples/CBOM_Protocol_bom.json', 8],
  ['cyclonedx_examples/VEX_bom.json', 3],
  ['cyclonedx_examples/SaaSBOM_apigateway-microservices-datastores_bom.json', 0],
] as const;

describe('CycloneDX SBOMs from the corpus', () => {
  it.each(CYCLONEDX_SBOMS)('%s has %i components', (file, count) => {
    const doc = parseSbom(corpusText(file), file);
    const json = corpusJson(file);
    expect(doc.format).toBe('cyclonedx');
    expect(doc.specVersion).toBe(json.specVersion);
    expect(doc.components).toHaveLength(count);
    expect(count).toBe(countNested(json.components));
  });

  it('keeps name, version, purl, cpe and supplier of the medical device case study', () => {
    const doc = parseSbom(corpusText('medical_device_case_study_narrow.sbom.json'), 'narrow');
    expect(doc.serialNumber).toBe('urn:uuid:02826796-d30c-4aa6-b0a8-44207a01cb6c');
    expect(doc.subject?.type).toBe('device');
    const wolf = doc.components.find((c) => c.name === 'WolfSSL');
    expect(wolf).toMatchObject({ version: '4.8.1', purl: 'pkg:github/wolfssl/wolfssl', cpe: 'cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*', supplier: 'wolfSSL' });
    // An empty version string is no version.
    expect(doc.components[0]).toMatchObject({ name: 'Qualcomm Atheros QCA9563', version: null, supplier: 'Qualcomm' });
  });

  it('every CycloneDX JSON BOM of the corpus parses as an SBOM or is refused as a VEX', () => {
    const files = readdirSync(corpusFile('cyclonedx_examples')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const text = corpusText(`cyclonedx_examples/${f}`);
      const vexOnly = /"vulnerabilities"/.test(text) && !/"components"\s*:\s*\[\s*\{/.test(text);
      if (vexOnly) expect(() => parseSbom(text, f)).toThrow(/CycloneDX VEX .* use `wardwatch vex import`/);
      else expect(parseSbom(text, f).format).toBe('cyclonedx');
    }
  });

  it('reads CycloneDX XML: the same components as the JSON rendering of the same SBOM', () => {
    const xml = parseSbom(corpusText('cyclonedx_examples/SBOM_cern-lhc-vdm-editor-e564943_bom.xml'), 'bom.xml');
    const json = parseSbom(corpusText('cyclonedx_examples/SBOM_cern-lhc-vdm-editor-e564943_bom.json'), 'bom.json');
    expect(xml).toMatchObject({ format: 'cyclonedx', specVersion: '1.2', serialNumber: 'urn:uuid:591eb851-2646-4d52-aa40-ac8b35a2b2d7', createdAt: '2020-08-03T01:28:47.678Z', subject: { name: 'lhc-vdm-editor', version: '0.0.1' } });
    expect(xml.components).toHaveLength(43);
    expect(xml.components.map((c) => [c.name, c.version, c.purl, c.bomRef])).toEqual(json.components.map((c) => [c.name, c.version, c.purl, c.bomRef]));
  });

  it('CycloneDX XML: nesting, entities, CDATA and supplier; hostile markup is one error line', () => {
    const xml = `<?xml version="1.0"?><!-- c --><bom xmlns="http://cyclonedx.org/schema/bom/1.5" serialNumber="urn:uuid:1"><components>
      <component type="firmware" bom-ref="fw"><supplier><name>Acme &amp; Co</name></supplier><name><![CDATA[pump <fw>]]></name><version>1.0</version>
        <components><component type="library"><name>openssl</name><version>1.0.2k</version><cpe>cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*</cpe></component></components>
      </component><component type="library"/></components></bom>`;
    const doc = parseSbom(xml, 'x.xml');
    expect(doc.specVersion).toBe('1.5');
    expect(doc.components.map((c) => [c.name, c.version, c.supplier])).toEqual([['pump <fw>', '1.0', 'Acme & Co'], ['openssl', '1.0.2k', null]]);
    expect(() => parseSbom('<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><!-- never closed', 'y.xml')).toThrow(/^y\.xml: CycloneDX XML is not well-formed at line 1, column \d+: unclosed (comment|tag)/);
    expect(() => parseSbom('<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaa">]><bom xmlns="http://cyclonedx.org/schema/bom/1.5"></bom>', 'z.xml')).toThrow(/^z\.xml: CycloneDX XML has a DOCTYPE; DTDs and their entities are refused/);
    expect(() => parseSbom('<html><body/></html>', 'w.xml')).toThrow(/XML but not a CycloneDX BOM/);
    const deep = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components>${'<component><name>n</name><components>'.repeat(50_000)}${'</components></component>'.repeat(50_000)}</components></bom>`;
    expect(parseSbom(deep, 'deep.xml').components).toHaveLength(50_000);
  });

  const BOM_NS = 'xmlns="http://cyclonedx.org/schema/bom/1.5"';
  const withComponent = (name: string): string => `<bom ${BOM_NS}><components><component type="library"><name>${name}</name></component></components></bom>`;

  it('CycloneDX XML: an entity bomb is refused at its DOCTYPE, never expanded', () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY lol0 "lol">${laughs}]>${withComponent('&lol9;')}`;
    const started = performance.now();
    expect(() => parseSbom(bomb, 'lol.xml')).toThrow(/^lol\.xml: CycloneDX XML has a DOCTYPE; DTDs and their entities are refused .*\(at line 1, column \d+\)$/);
    // 10^9 "lol"s would take seconds and gigabytes; refusing takes the time to read 1 KB.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('CycloneDX XML: external entities (XXE) and external DTDs are refused, nothing is read', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${withComponent('&xxe;')}`;
    expect(() => parseSbom(xxe, 'xxe.xml')).toThrow(/^xxe\.xml: CycloneDX XML has a DOCTYPE/);
    const external = `<?xml version="1.0"?><!DOCTYPE bom SYSTEM "http://198.51.100.7/evil.dtd">${withComponent('&remote;')}`;
    expect(() => parseSbom(external, 'dtd.xml')).toThrow(/^dtd\.xml: CycloneDX XML has a DOCTYPE/);
    const parameter = `<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>${withComponent('x')}`;
    expect(() => parseSbom(parameter, 'pe.xml')).toThrow(/^pe\.xml: CycloneDX XML has a DOCTYPE/);
  });

  it('CycloneDX XML: an undeclared entity, a NUL byte or a mismatched tag is one error line with its position', () => {
    expect(() => parseSbom(withComponent('&xxe;'), 'u.xml')).toThrow(/^u\.xml: CycloneDX XML is not well-formed at line 1, column \d+: undefined entity\.?$/);
    expect(() => parseSbom(withComponent('a\u0000b'), 'nul.xml')).toThrow(/^nul\.xml: CycloneDX XML is not well-formed at line 1, column \d+: disallowed character\.?$/);
    expect(() => parseSbom(`<bom ${BOM_NS}>\n<components>\n<component></components></bom>`, 'm.xml')).toThrow(/^m\.xml: CycloneDX XML is not well-formed at line 3, column \d+: unexpected close tag\.?$/);
    // A well-formed document with no DOCTYPE and only predefined and numeric references still reads.
    expect(parseSbom(withComponent('a &lt;&#x41;&#66;&gt;'), 'ok.xml').components.map((c) => c.name)).toEqual(['a <AB>']);
  });

  it('CycloneDX XML: an extension namespace\'s <component> is not a component', () => {
    const xml = `<bom ${BOM_NS} xmlns:ext="urn:example:ext"><components><component><name>real</name></component><ext:component><name>ext</name></ext:component></components></bom>`;
    expect(parseSbom(xml, 'ns.xml').components.map((c) => c.name)).toEqual(['real']);
    // The prefixed spelling of the CycloneDX namespace is the same element.
    const prefixed = `<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.4"><c:components><c:component><c:name>p</c:name></c:component></c:components></c:bom>`;
    expect(parseSbom(prefixed, 'p.xml')).toMatchObject({ specVersion: '1.4', components: [{ name: 'p' }] });
  });
});

describe('SPDX SBOMs from the corpus', () => {
  it.each([
    ['spdx_examples/OSS-NA-2023_SPDXVersion2.3_04-SBOMwSecurity.json', 2, 'SPDX-2.3'],
    ['spdx_examples/SBOMS-SPDX-Now-and-Future_ACME-v2.3.spdx.json', 4, 'SPDX-2.3'],
    ['spdx_examples/example11_spdx2.3_sbom.spdx.json', 4, 'SPDX-2.3'],
    ['spdx_examples/example14_spdx2.3_examplemaven-0.0.1-enriched.spdx.json', 6, 'SPDX-2.3'],
    ['spdx_examples/example7_spdx2.2_example7-bin.spdx.json', 1, 'SPDX-2.2'],
    ['spdx_examples/example11_spdx3.0_sbom.spdx3.json', 4, '3.0.1'],
    ['spdx_examples/example1_spdx2.2_example1.spdx', 1, 'SPDX-2.2'],
    ['spdx_examples/example6_spdx2.2_example6-bin.spdx', 1, 'SPDX-2.2'],
  ] as const)('%s has %i packages', (file, count, version) => {
    const doc = parseSbom(corpusText(file), file);
    expect(doc.format).toBe('spdx');
    expect(doc.specVersion).toBe(version);
    expect(doc.components).toHaveLength(count);
    if (file.endsWith('.json') && !file.includes('spdx3')) expect(count).toBe((corpusJson(file).packages as unknown[]).length);
  });

  it('reads purl, versionInfo and supplier of SPDX 2.3 JSON', () => {
    const f = 'spdx_examples/OSS-NA-2023_SPDXVersion2.3_04-SBOMwSecurity.json';
    const doc = parseSbom(corpusText(f), f);
    expect(doc.components[0]).toMatchObject({ name: 'tools-java', version: '1.5.1', supplier: 'SPDX' });
    expect(doc.components[0]?.purl).toMatch(/^pkg:github\/spdx\/tools-java@/);
    const acme = parseSbom(corpusText('spdx_examples/SBOMS-SPDX-Now-and-Future_ACME-v2.3.spdx.json'), 'acme');
    expect(acme.components.find((c) => c.name === 'OpenSSL')).toMatchObject({ version: '3.0.4' });
    // SECURITY advisory references are the author's own vulnerability list.
    expect(doc.vulnerabilities).toEqual([expect.objectContaining({ id: 'CVE-2021-32012', componentRefs: ['SPDXRef-xlsx'], recommendation: 'https://nvd.nist.gov/vuln/detail/CVE-2021-32012' })]);
    expect(acme.vulnerabilities.map((v) => v.id)).toEqual(['CVE-2020-28498', 'CVE-2022-2274']);
  });

  it('reads SPDX 3.0 packageUrl and tag-value package names', () => {
    const spdx3 = parseSbom(corpusText('spdx_examples/example11_spdx3.0_sbom.spdx3.json'), 'x');
    expect(spdx3.components.find((c) => c.name === 'tokio')).toMatchObject({ version: '1.19.2', purl: 'pkg:cargo/tokio@1.19.2' });
    const tv = parseSbom(corpusText('spdx_examples/example6_spdx2.2_example6-bin.spdx'), 'x');
    expect(tv.components[0]?.name).toBe('hello-go-bin');
    expect(tv.documentName).toBe('hello-go-bin');
  });

  it('reads tag-value versions, suppliers and external refs', () => {
    const text = ['SPDXVersion: SPDX-2.3', 'DocumentName: pump-fw', 'PackageName: openssl', 'SPDXID: SPDXRef-openssl', 'PackageVersion: 1.0.2k',
      'PackageSupplier: Organization: OpenSSL Project (x@y)', 'ExternalRef: PACKAGE-MANAGER purl pkg:generic/openssl@1.0.2k',
      'ExternalRef: SECURITY cpe23Type cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*', 'ExternalRef: SECURITY advisory https://github.com/advisories/GHSA-JM77-QPH7-GV5R', 'PackageComment: <text>PackageName: not-a-package', '</text>'].join('\n');
    const doc = parseSbom(text, 'tv');
    expect(doc.components).toEqual([{ bomRef: 'SPDXRef-openssl', type: null, name: 'openssl', version: '1.0.2k', purl: 'pkg:generic/openssl@1.0.2k', cpe: 'cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*', supplier: 'OpenSSL Project' }]);
    expect(doc.vulnerabilities.map((v) => [v.id, v.componentRefs])).toEqual([['GHSA-jm77-qph7-gv5r', ['SPDXRef-openssl']]]);
  });
});

describe('hostile SBOM input', () => {
  const refuse = (text: string, pattern: RegExp): void => {
    let caught: unknown = null;
    try { parseSbom(text, 'bad.json'); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(AppError);
    const message = (caught as AppError).message;
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  };

  it('refuses non-JSON, broken JSON, wrong formats and VEX files with one line each', () => {
    refuse('\x00\x01binary', /bad\.json: not an SBOM/);
    refuse('{"bomFormat": "CycloneDX", "components": [', /bad\.json: not valid JSON/);
    refuse('{"hello": 1}', /JSON but not an SBOM/);
    refuse(corpusText('csaf_examples/csaf_vex_2022-evd-uc-01-na-001.json'), /CSAF or OpenVEX document, not an SBOM/);
    refuse('{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": {"name": "x"}}', /"components" must be an array/);
    refuse('{"spdxVersion": "SPDX-2.3", "packages": "x"}', /"packages" must be an array/);
  });

  it('skips components without a name and reads mistyped fields as absent', () => {
    const doc = parseSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: 1.5, components: [{ version: '1' }, { name: 'ok', version: 2, purl: 7, supplier: 'x' }, 'junk', null] }), 'm');
    expect(doc.components).toEqual([{ bomRef: null, type: null, name: 'ok', version: '2', purl: null, cpe: null, supplier: null }]);
    expect(doc.specVersion).toBe('1.5');
  });

  it('walks components nested 100,000 deep without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[${'{"name":"n","components":['.repeat(depth)}${']}'.repeat(depth)}]}`;
    const doc = parseSbom(text, 'deep');
    expect(doc.components).toHaveLength(depth);
  });

  it('reading: a size cap, a directory and a missing file are one-line errors; a byte-order mark is dropped', async () => {
    await expect(readDocument(corpusFile('medical_device_case_study_narrow.sbom.json'), 1000)).rejects.toThrow(/bytes is larger than the 1000-byte limit$/);
    await expect(readDocument(sbomVexCorpus)).rejects.toThrow(/: not a file$/);
    await expect(readDocument(corpusFile('nope.json'))).rejects.toThrow(/nope\.json: cannot read the file$/);
    const dir = mkdtempSync(path.join(tmpdir(), 'ww-bom-'));
    try {
      const file = path.join(dir, 'bom.spdx');
      writeFileSync(file, `\ufeff${corpusText('spdx_examples/example1_spdx2.2_example1.spdx')}`);
      const raw = await readDocument(file);
      expect(raw.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(parseSbom(raw.text, file).components).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
