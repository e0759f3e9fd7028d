/** Version ranges as advisories write them (CSAF vers / vls text, CISA's prose, NVD fields) and version comparison. */
import { describe, expect, it } from 'vitest';
import { compareVersions, looksLikeVersion } from './version-compare.js';
import { describeSpec, formatSpec, inSpec, parseVersionSpec, specFromNvd, type VersionSpec } from './version-range.js';

function spec(text: string): VersionSpec {
  const s = parseVersionSpec(text);
  if (s === null) throw new Error(`not parsed: ${text}`);
  return s;
}

describe('compareVersions', () => {
  it.each([
    ['1.0', '1.0.0', 0], ['1.10', '1.9', 1], ['2.3.6', '2.3.10', -1], ['2.5', '2.X', 0], ['12.2.7.1', '12.2.x.x', 0],
    ['B.02', 'C.02', -1], ['L80', 'L81', -1], ['1.3.1', '1.3.1 Build 13', -1], ['1.0rc1', '1.0', -1], ['v2.1', '2.1', 0],
    ['012U000061', '012U000062', -1], ['3.6.6', '3.6.7', -1],
  ] as const)('%s vs %s -> %i', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
  });

  it('tells versions from prose', () => {
    for (const v of ['1.2.3', 'B.02', 'N', '2.X', '1.8.4 Service Pack 01', '2023.3_Build_9342', 'HD23']) expect(looksLikeVersion(v), v).toBe(true);
    for (const v of ['july 1 2017', 'Accu-Chek Inform II', 'base units (BU)', '', 'August 28']) expect(looksLikeVersion(v), v).toBe(false);
  });
});

describe('parseVersionSpec', () => {
  it.each([
    ['vers:generic/>=1.0|<2.3', 'vers:generic/>=1.0|<2.3'],
    ['vers:all/*', 'vers:all/*'],
    ['All versions', 'vers:all/*'],
    ['<= 4.2', 'vers:generic/<=4.2'],
    ['>= 1.0.0  | <= 1.3.1', 'vers:generic/>=1.0.0|<=1.3.1'],
    ['prior to 3.1', 'vers:generic/<3.1'],
    ['Versions prior to 3.6.7', 'vers:generic/<3.6.7'],
    ['2.3.6 and  below', 'vers:generic/<=2.3.6'],
    ['4.0 and later', 'vers:generic/>=4.0'],
    ['4.X | 5.X', 'vers:generic/4.X|5.X'],
    ['A10 < A11', 'vers:generic/>=A10|<A11'],
    ['1.0 to 2.0', 'vers:generic/>=1.0|<=2.0'],
  ])('%s -> %s', (text, want) => {
    expect(formatSpec(spec(text))).toBe(want);
  });

  it('refuses what is not a version (dates, product names, revision letter ranges)', () => {
    for (const t of ['<  july 1 2017', '< august 28', 'Accu-Chek Inform II', 'Rev B-M', 'base units (BU)|handheld base units (HBU)', '', 'vers:broken']) {
      expect(parseVersionSpec(t), t).toBeNull();
    }
  });

  it('keeps the case of versions for reasons', () => {
    expect(describeSpec(spec('2.X'))).toBe('2.X');
    expect(describeSpec(spec('>= 1.0 | < 2.0'))).toBe('>= 1.0, < 2.0');
  });
});

describe('inSpec', () => {
  it.each([
    ['<= 4.2', '4.2', true], ['<= 4.2', '4.3', false], ['< 3.6.7', '3.6.6', true], ['< 3.6.7', '3.6.7', false],
    ['>= 1.0.0 | <= 1.1.1', '1.0.5', true], ['>= 1.0.0 | <= 1.1.1', '1.2', false], ['>= 1.0.0 | <= 1.1.1', '0.9', false],
    ['2.X', '2.0.4', true], ['2.X', '3.0', false], ['9.13 | 9.19 | 9.33 | 12.1', '9.19', true], ['9.13 | 9.19 | 9.33 | 12.1', '9.20', false],
    ['vers:generic/>=1.0|<2.0|>=3.0|<4.0', '3.5', true], ['vers:generic/>=1.0|<2.0|>=3.0|<4.0', '2.5', false],
    ['vers:generic/!=2.0', '2.0', false], ['vers:generic/!=2.0', '2.1', true], ['all versions', 'anything', true],
    ['<=N', 'M', true], ['<=N', 'P', false], ['<= 12.2.x.x', '12.2.9.1', true], ['<= 12.2.x.x', '12.3', false],
  ] as const)('%s contains %s: %s', (range, version, want) => {
    expect(inSpec(version, spec(range))).toBe(want);
  });
});

describe('specFromNvd', () => {
  it('reads the cpeMatch range fields and the CPE version', () => {
    expect(formatSpec(specFromNvd({ cpeVersion: '*', endIncluding: '4.2' }) ?? { kind: 'all' })).toBe('vers:generic/<=4.2');
    expect(formatSpec(specFromNvd({ cpeVersion: '*', startIncluding: '3.0', endExcluding: '3.6.7' }) ?? { kind: 'all' })).toBe('vers:generic/>=3.0|<3.6.7');
    expect(formatSpec(specFromNvd({ cpeVersion: '5.0' }) ?? { kind: 'all' })).toBe('vers:generic/5.0');
    expect(specFromNvd({ cpeVersion: '*' })).toEqual({ kind: 'all' });
    expect(specFromNvd({ cpeVersion: '-' })).toBeNull();
  });
});
