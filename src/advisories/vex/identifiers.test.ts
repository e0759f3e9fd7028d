/** purl, CPE and `vers:` range helpers used by VEX product matching (purl-spec, NISTIR 7695, VERSION-RANGE-SPEC). */
import { describe, expect, it } from 'vitest';
import { cpeCovers, parseCpe } from './cpe.js';
import { parsePurl, purlCovers } from '../normalise/purl.js';
import { versionCovered } from './product-match.js';

describe('purl', () => {
  it('parses type, namespace, name, version and qualifiers', () => {
    expect(parsePurl('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar#sub')).toEqual({
      type: 'maven', namespace: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.14.1', qualifiers: new Map([['type', 'jar']]),
    });
    expect(parsePurl('pkg:npm/%40angular/core@1.0')).toMatchObject({ namespace: '@angular', name: 'core', version: '1.0' });
    expect(parsePurl('pkg:generic/openssl')).toMatchObject({ namespace: null, name: 'openssl', version: null });
    for (const bad of ['openssl', 'pkg:', 'pkg:generic', 'pkg:/x']) expect(parsePurl(bad)).toBeNull();
  });

  it('a statement without version or qualifiers covers all of them', () => {
    const p = (t: string) => parsePurl(t) ?? (() => { throw new Error(t); })();
    expect(purlCovers(p('pkg:generic/openssl'), p('pkg:generic/openssl@1.1?arch=x86'))).toBe(true);
    expect(purlCovers(p('pkg:generic/openssl@1.1'), p('pkg:generic/openssl@1.0'))).toBe(false);
    expect(purlCovers(p('pkg:generic/openssl'), p('pkg:generic/libressl'))).toBe(false);
    expect(purlCovers(p('pkg:deb/debian/openssl'), p('pkg:generic/openssl'))).toBe(false);
  });
});

describe('CPE', () => {
  it('reads 2.3 strings with escapes and 2.2 URIs', () => {
    expect(parseCpe('cpe:2.3:a:acme:pump\\:fw:1.2:*:*:*:*:*:*:*')).toEqual({ part: 'a', vendor: 'acme', product: 'pump:fw', version: '1.2' });
    expect(parseCpe('cpe:/o:microsoft:windows_7::sp1')).toEqual({ part: 'o', vendor: 'microsoft', product: 'windows_7', version: null });
    expect(parseCpe('cpe:2.3:a')).toBeNull();
    expect(parseCpe('nope')).toBeNull();
  });

  it('ANY version covers all, a version only itself (from the CPE or the query)', () => {
    const any = parseCpe('cpe:2.3:a:acme:fw:*:*:*:*:*:*:*:*');
    const v12 = parseCpe('cpe:2.3:a:acme:fw:1.2:*:*:*:*:*:*:*');
    if (any === null || v12 === null) throw new Error('parse');
    expect(cpeCovers(any, v12, null)).toBe(true);
    expect(cpeCovers(v12, any, '1.2')).toBe(true);
    expect(cpeCovers(v12, any, null)).toBe(false);
  });
});

describe('statement versions', () => {
  const row = (version: string | null, range: string | null) => ({ version, version_range: range });

  it('exact versions compare loosely; ranges use vers, bare constraints and CSAF prose', () => {
    expect(versionCovered(row('1.0', null), '1.0.0')).toBe(true);
    expect(versionCovered(row('1.0.2k', null), '1.0.2j')).toBe(false);
    expect(versionCovered(row(null, null), null)).toBe(true);
    expect(versionCovered(row('1.0', null), null)).toBe(false);
    const r = row(null, 'vers:generic/>=2.9|<=4.1');
    expect(versionCovered(r, '2.9')).toBe(true);
    expect(versionCovered(r, '3.5')).toBe(true);
    expect(versionCovered(r, '4.2')).toBe(false);
    expect(versionCovered(r, null)).toBe(false);
    expect(versionCovered(row(null, '<=1.14.0'), '1.14.0')).toBe(true);
    expect(versionCovered(row(null, 'prior to 3.1'), '3.0.9')).toBe(true);
    expect(versionCovered(row(null, 'vers:generic/*'), '9')).toBe(true);
    expect(versionCovered(row(null, 'whenever'), '9')).toBe(false);
  });
});
