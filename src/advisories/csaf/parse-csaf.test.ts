/** CSAF 2.0 features beyond CISA's files: full_product_names, relationships, product groups, CVSS v4, fixed, ids. */
import { describe, expect, it } from 'vitest';
import { makeCsaf } from '../test-support/make-csaf.js';
import { looksLikeCsaf, parseCsaf } from './parse-csaf.js';

describe('parseCsaf', () => {
  it('reads full_product_names, relationships, product groups and flags (CSAF 2.0 §3.2.2, §3.2.3.5)', () => {
    const doc = makeCsaf({ id: 'REL-1' });
    doc.product_tree = {
      branches: [{ category: 'vendor', name: 'Example Medical', branches: [{ category: 'product_name', name: 'Gateway', branches: [{ category: 'product_version', name: '4.1', product: { name: 'Gateway 4.1', product_id: 'GW41', product_identification_helper: { cpe: 'cpe:2.3:o:example:gateway:4.1:*:*:*:*:*:*:*' } } }] }] }],
      full_product_names: [{ name: 'Example Linux 9', product_id: 'OS9' }],
      relationships: [{ category: 'default_component_of', product_reference: 'GW41', relates_to_product_reference: 'OS9', full_product_name: { name: 'Gateway 4.1 on Example Linux 9', product_id: 'GW41-OS9' } }],
      product_groups: [{ group_id: 'G1', product_ids: ['GW41', 'GW41-OS9'] }],
    };
    doc.vulnerabilities = [{
      ids: [{ system_name: 'Example PSIRT', text: 'EXA-2025-7' }],
      product_status: { known_affected: ['GW41-OS9'], first_fixed: ['OS9'], known_not_affected: ['GW41'] },
      scores: [{ products: ['GW41-OS9'], cvss_v3: { baseScore: 7.5, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }, cvss_v4: { baseScore: 8.7, vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N' } }],
      flags: [{ label: 'vulnerable_code_not_in_execute_path', product_ids: ['GW41'] }],
      remediations: [{ category: 'mitigation', details: 'Block port 8080.', group_ids: ['G1'] }, { category: 'vendor_fix', details: 'Install 4.2.', product_ids: ['GW41-OS9'], url: 'https://example.test/fix' }],
    }];
    const a = parseCsaf(doc);
    expect(a.products.map((p) => [p.productId, p.vendor, p.product, p.versionSpec, p.cpe !== null])).toEqual([
      ['GW41', 'Example Medical', 'Gateway', 'vers:generic/4.1', true],
      ['OS9', 'Example Medical', 'Example Linux 9', null, false],
      ['GW41-OS9', 'Example Medical', 'Gateway', 'vers:generic/4.1', true],
    ]);
    const v = a.vulnerabilities[0];
    expect(v).toMatchObject({ id: 'EXA-2025-7', cve: null, cvss3Base: 7.5, cvss4Base: 8.7 });
    expect([...(v?.statuses ?? [])].map(([id, s]) => [id, s.status])).toEqual([['GW41-OS9', 'affected'], ['OS9', 'fixed'], ['GW41', 'not_affected']]);
    expect(v?.statuses.get('GW41-OS9')?.remediation).toBe('mitigation: Block port 8080.\nvendor fix: Install 4.2. (https://example.test/fix)');
    expect(v?.statuses.get('GW41')?.remediation).toBe('justification: vulnerable_code_not_in_execute_path');
  });

  it('names vulnerabilities without CVE or ids by position, and reads document fields as ISO', () => {
    const doc = makeCsaf({ id: 'POS-1', released: '2025-02-03T04:05:06.000000Z' });
    (doc.vulnerabilities as Record<string, unknown>[]).push({ title: 'no id', product_status: { known_affected: ['P1'] } });
    const a = parseCsaf(doc);
    expect(a.vulnerabilities.map((v) => v.id)).toEqual(['CVE-2025-0001', 'POS-1#2']);
    expect(a).toMatchObject({ updated: '2025-02-03T04:05:06.000Z', published: '2025-01-01T00:00:00.000Z', publisher: 'Example Medical', vendor: 'Example Medical' });
  });

  it('a score without baseScore takes its vector\'s base score; an unreadable vector gives none', () => {
    const doc = makeCsaf({ id: 'VEC-1' });
    const vuln = (doc.vulnerabilities as Record<string, unknown>[])[0] ?? {};
    vuln.scores = [{ products: ['P1'], cvss_v3: { vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' }, cvss_v4: { vectorString: 'CVSS:4.0/AV:N/AC:L' } }];
    expect(parseCsaf(doc).vulnerabilities[0]).toMatchObject({ cvss3Base: 10, cvss4Base: null });
  });

  it('drops an unreadable purl helper with a warning naming the product; a readable one stays', () => {
    const doc = makeCsaf({ id: 'PURL-1' });
    const product = (id: string, purl: string): Record<string, unknown> => ({ category: 'product_version', name: id, product: { name: `Pump ${id}`, product_id: id, product_identification_helper: { purl } } });
    doc.product_tree = { branches: [{ category: 'vendor', name: 'Acme', branches: [{ category: 'product_name', name: 'Pump', branches: [product('1.0', 'pkg:generic/acme/pump-fw@1.0'), product('2.0', 'pkg:generic/a%ZZb@2.0')] }] }] };
    const a = parseCsaf(doc);
    expect(a.products.map((p) => [p.productId, p.purl])).toEqual([['1.0', 'pkg:generic/acme/pump-fw@1.0'], ['2.0', null]]);
    expect(a.warnings).toContain('product 2.0: purl "pkg:generic/a%ZZb@2.0" not a valid purl: unable to decode "name" component; matched by name instead');
    expect(a.warnings.filter((w) => w.startsWith('product 1.0'))).toEqual([]);
  });

  it('detects CSAF by content', () => {
    expect(looksLikeCsaf({ document: { csaf_version: '2.0' } })).toBe(true);
    expect(looksLikeCsaf({ document: {} })).toBe(false);
    expect(looksLikeCsaf('x')).toBe(false);
  });
});
