/** VEX readers against every corpus VEX (CycloneDX VEX, CSAF 2.0) plus OpenVEX 0.2.0 / 0.0.1 documents and hostile input. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/app-error.js';
import { corpusFile, corpusJson, corpusText } from '../sbom/test-support/corpus.js';
import { parseVex } from './parse-vex.js';

const parse = (file: string): ReturnType<typeof parseVex> => parseVex(corpusText(file), file, 'f'.repeat(64));

/** Statement counts: CycloneDX one per affects ref (or per affects version entry), CSAF one per product in a status list. */
const COUNTS: readonly (readonly [string, number, number])[] = [
  ['cyclonedx_examples/VEX_CISA-Use-Cases_Case-1_vex-not_affected.json', 1, 1],
  ['cyclonedx_examples/VEX_CISA-Use-Cases_Case-2_vex.json', 19, 19],
  ['cyclonedx_examples/VEX_CISA-Use-Cases_Case-8_vex.json', 24, 12],
  ['cyclonedx_examples/VEX_Use-Cases_Case-9_vex.json', 57, 57],
  ['cyclonedx_examples/VEX_Use-Cases_Case-7_vex.json', 1, 1],
  ['csaf_examples/csaf_vex_2022-evd-uc-01-na-001.json', 1, 1],
  ['csaf_examples/csaf_vex_2022-evd-uc-02-na-001.json', 19, 19],
  ['csaf_examples/csaf_vex_2022-evd-uc-08-001.json', 21, 10],
  ['csaf_examples/csaf_vex_sec-vex-2022-0001.json', 3, 3],
  ['csaf_examples/rhsa-2021_5186.json', 6, 4],
  ['csaf_examples/rhsa-2019_1862.json', 0, 0],
];

describe('corpus VEX documents', () => {
  it.each(COUNTS)('%s: %i statements, %i not affected', (file, statements, notAffected) => {
    const doc = parse(file);
    expect(doc.statements).toHaveLength(statements);
    expect(doc.statements.filter((s) => s.status === 'not_affected')).toHaveLength(notAffected);
  });

  it('every CycloneDX VEX and CSAF file of the corpus parses', () => {
    const cdx = readdirSync(corpusFile('cyclonedx_examples')).filter((f) => /_vex.*\.json$/.test(f)).map((f) => `cyclonedx_examples/${f}`);
    const csaf = readdirSync(corpusFile('csaf_examples')).map((f) => `csaf_examples/${f}`);
    expect(cdx.length + csaf.length).toBe(44);
    for (const f of [...cdx, ...csaf]) {
      const doc = parse(f);
      expect(doc.format).toBe(f.startsWith('csaf') ? 'csaf' : 'cyclonedx');
      const json = corpusJson(f);
      const vulns = json.vulnerabilities as Record<string, unknown>[] | undefined;
      // Every statement names a vulnerability the document lists.
      const ids = new Set<unknown>();
      for (const v of vulns ?? []) {
        ids.add(v.id);
        ids.add(v.cve);
        for (const x of (v.ids ?? []) as { text: unknown }[]) ids.add(x.text);
      }
      for (const s of doc.statements) expect(ids.has(s.vulnerability)).toBe(true);
    }
  });

  it('CycloneDX: resolves affects.ref to metadata.component and keeps justification, detail and response', () => {
    const doc = parse('cyclonedx_examples/VEX_CISA-Use-Cases_Case-1_vex-not_affected.json');
    expect(doc.issuedAt).toBe('2022-03-03T00:00:00.000Z');
    expect(doc.statements[0]).toMatchObject({
      vulnerability: 'CVE-2021-44228', status: 'not_affected', justification: 'code_not_present',
      impactStatement: 'This version of Product ABC is not affected by the vulnerability. Class with vulnerable code was removed before shipping.',
      actionStatement: 'response: will_not_fix', product: { product: 'ABC', version: '4.2' },
    });
  });

  it('CycloneDX: version ranges, BOM-Links and purl fragments', () => {
    const ranges = parse('cyclonedx_examples/VEX_CISA-Use-Cases_Case-8_vex.json').statements;
    expect(ranges[2]).toMatchObject({ status: 'affected', product: { versionRange: 'vers:generic/>=2.9|<=4.1', productRef: 'urn:cdx:cbb2cd68-2857-43b8-a10b-e8c03d277d18/1#product-ABC' } });
    const purl = parse('cyclonedx_examples/VEX_vex.json').statements[0];
    expect(purl?.product.purl).toBe('pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar');
    expect(purl?.aliases).toEqual(['SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302']);
    // No affects[]: the statement covers every product of the supplier.
    expect(parse('cyclonedx_examples/VEX_Use-Cases_Case-7_vex.json').statements[0]?.product).toMatchObject({ vendor: 'Acme, Inc.', product: null });
  });

  it('CSAF: vendor / product / version from branches, flag label as justification, impact as statement', () => {
    const na = parse('csaf_examples/csaf_vex_2022-evd-uc-01-na-001.json');
    expect(na.documentKey).toBe('https://psirt.example.com#2022-EVD-UC-01-NA-001');
    expect(na.issuedAt).toBe('2022-03-03T11:00:00.000Z');
    expect(na.statements[0]).toMatchObject({
      vulnerability: 'CVE-2021-44228', status: 'not_affected', impactStatement: 'Class with vulnerable code was removed before shipping.',
      product: { vendor: 'Example Company', product: 'ABC', version: '4.2', productName: 'Example Company ABC 4.2' },
    });
    const flagged = parse('csaf_examples/csaf_vex_sec-vex-2022-0001.json').statements[0];
    expect(flagged).toMatchObject({ justification: 'component_not_present', product: { vendor: 'Secvisogram', product: 'Secvisogram', versionRange: '<=1.14.0' } });
  });
});

const OPENVEX = {
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://vendor.example/vex/2024-001',
  author: 'Example Medical PSIRT',
  timestamp: '2024-03-01T10:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2023-0286', aliases: ['GHSA-x4qr-2fvf-3mr5'] },
      products: [{ '@id': 'pkg:generic/example/infusion-fw@3.2', subcomponents: [{ '@id': 'pkg:generic/openssl@1.0.2k' }] }, { '@id': 'cpe:2.3:o:example:infusion_fw:3.2:*:*:*:*:*:*:*' }],
      status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', impact_statement: 'X.400 parsing is never called.',
    },
    { vulnerability: { name: 'CVE-2024-1' }, products: [{ '@id': 'pkg:generic/x@1', identifiers: { purl: 'pkg:generic/x@1' } }], status: 'affected', action_statement: 'Update to 3.3', timestamp: '2024-03-02T00:00:00Z' },
    { vulnerability: { name: 'CVE-2024-2' }, products: [], status: 'bogus' },
  ],
};

describe('OpenVEX', () => {
  it('reads v0.2.0 statements per product with justification, impact and action', () => {
    const doc = parseVex(JSON.stringify(OPENVEX), 'o.json', 'a'.repeat(64));
    expect(doc.format).toBe('openvex');
    expect(doc.documentKey).toBe('https://vendor.example/vex/2024-001');
    expect(doc.statements).toHaveLength(3);
    expect(doc.statements[0]).toMatchObject({ vulnerability: 'CVE-2023-0286', aliases: ['GHSA-x4qr-2fvf-3mr5'], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', impactStatement: 'X.400 parsing is never called.', product: { purl: 'pkg:generic/example/infusion-fw@3.2' } });
    expect(doc.statements[1]?.product.cpe).toBe('cpe:2.3:o:example:infusion_fw:3.2:*:*:*:*:*:*:*');
    expect(doc.statements[2]).toMatchObject({ status: 'affected', actionStatement: 'Update to 3.3', issuedAt: '2024-03-02T00:00:00.000Z' });
  });

  it('reads the v0.0.1 string forms', () => {
    const doc = parseVex(JSON.stringify({ '@context': 'https://openvex.dev/ns', '@id': 'x', statements: [{ vulnerability: 'CVE-2022-1', products: ['pkg:npm/a@1'], status: 'fixed' }] }), 'o', 'b');
    expect(doc.statements[0]).toMatchObject({ vulnerability: 'CVE-2022-1', status: 'fixed', product: { purl: 'pkg:npm/a@1' } });
  });
});

describe('hostile VEX input', () => {
  it.each([
    ['not json at all', /not a VEX document/],
    ['<?xml version="1.0"?><bom/>', /XML VEX is not supported/],
    ['{"statements": [', /not valid JSON/],
    ['{"foo": 1}', /JSON but not a VEX document/],
    ['{"bomFormat": "CycloneDX", "components": []}', /without "vulnerabilities": not a VEX/],
    ['{"@context": "https://openvex.dev/ns/v0.2.0", "statements": {}}', /without a "statements" array/],
    ['{"spdxVersion": "SPDX-2.3"}', /an SPDX SBOM, not a VEX/],
  ])('%s -> one-line error', (text, pattern) => {
    let caught: unknown = null;
    try { parseVex(text, 'bad.json', 'c'); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).message).toMatch(pattern);
    expect((caught as AppError).message).not.toContain('\n');
  });

  it('skips statements missing their vulnerability, status or products', () => {
    const doc = parseVex(JSON.stringify({ bomFormat: 'CycloneDX', vulnerabilities: [{ analysis: { state: 'not_affected' } }, { id: 'CVE-1', affects: [{ ref: 'r' }] }, { id: 'CVE-2', analysis: { state: 'weird' }, affects: [{ ref: 'r' }] }, 5] }), 'm', 'd');
    expect(doc.statements).toEqual([]);
  });

  it('walks deeply nested CycloneDX components and CSAF branches without recursion', () => {
    const depth = 50_000;
    const cdx = `{"bomFormat":"CycloneDX","components":[${'{"name":"n","bom-ref":"r","components":['.repeat(depth)}${']}'.repeat(depth)}],"vulnerabilities":[{"id":"CVE-1","analysis":{"state":"not_affected"},"affects":[{"ref":"r"}]}]}`;
    expect(parseVex(cdx, 'deep.json', 'e').statements).toHaveLength(1);
    const csaf = `{"document":{"csaf_version":"2.0","category":"csaf_vex"},"product_tree":{"branches":[${'{"category":"product_family","name":"f","branches":['.repeat(depth)}{"category":"product_name","name":"p","product":{"product_id":"P","name":"p"}}${']}'.repeat(depth)}]},"vulnerabilities":[{"cve":"CVE-2","product_status":{"known_not_affected":["P"]}}]}`;
    expect(parseVex(csaf, 'deep-csaf.json', 'f').statements[0]?.product).toMatchObject({ product: 'p' });
  });
});
