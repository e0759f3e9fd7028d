/** purl reading on packageurl-js: the normalisation the matcher relies on, and malformed purls as reasons, not throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPurl, samePackage } from './purl.js';

describe('purl normalisation', () => {
  it('lowercases every namespace and name, and keeps the version as written', () => {
    expect(readPurl('pkg:generic/Acme/OpenSSL@1.0.2K').purl).toMatchObject({ type: 'generic', namespace: 'acme', name: 'openssl', version: '1.0.2K' });
    expect(samePackage('pkg:generic/OpenSSL@1.0', 'pkg:generic/openssl')).toBe(true);
    expect(samePackage('pkg:generic/openssl', 'pkg:generic/libressl')).toBe(false);
  });

  it('applies the per-type rules of PURL-TYPES (pypi: PEP 503 names)', () => {
    expect(readPurl('pkg:pypi/Django_Rest@3.1').purl).toMatchObject({ name: 'django-rest' });
    expect(samePackage('pkg:pypi/Django_Rest@3.1', 'pkg:pypi/django-rest')).toBe(true);
    expect(samePackage('pkg:pypi/django', 'pkg:npm/django')).toBe(false);
  });

  it('decodes percent-escapes and lowercases qualifier keys; the subpath is not part of the package', () => {
    expect(readPurl('pkg:npm/%40angular/core@1.0?Arch=x86#lib/x').purl).toEqual({
      type: 'npm', namespace: '@angular', name: 'core', version: '1.0', qualifiers: new Map([['arch', 'x86']]),
    });
  });
});

describe('malformed purls', () => {
  it.each([
    ['openssl', /no "pkg:" scheme/],
    ['pkg:', /"type" is a required component/],
    ['pkg:generic', /"name" is a required component/],
    ['pkg:generic/a%ZZb', /unable to decode "name"/],
    ['pkg:1abc/x', /cannot start with a number/],
    ['pkg:swift/Foo', /swift requires a "namespace"/],
    // packageurl-js 2.0.1 throws a ReferenceError here instead of its PurlError: still a reason, not a crash.
    ['pkg:golang/github.com/Foo/Bar@v1', /not a valid purl/],
    [`pkg:generic/${'a'.repeat(5000)}`, /longer than 4096 characters/],
  ])('%s is refused with a reason', (text, reason) => {
    const r = readPurl(text);
    expect(r.purl).toBeNull();
    expect(r.problem).toMatch(reason);
  });

  it('never throws, whatever the text (property)', () => {
    const part = fc.string({ unit: fc.constantFrom('pkg:', 'a', 'Z', '/', '@', '?', '#', '=', '&', '%', '%4', '%ZZ', ':', ' ', 'v', '1', '.'), maxLength: 30 });
    const types = fc.constantFrom('generic', 'golang', 'npm', 'pypi', 'maven', 'swift', 'cran', 'conan', 'deb', '');
    fc.assert(
      fc.property(types, part, (type, rest) => {
        const r = readPurl(`pkg:${type}/${rest}`);
        expect(r.purl === null).toBe(r.problem !== null);
      }),
      { numRuns: 3000 },
    );
  });
});
