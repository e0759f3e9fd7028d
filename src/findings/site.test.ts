/** Site file and CIDR zones: defaults, a management zone, vendor networks, and refused files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { parseCidr, parseIp, inCidr } from './cidr.js';
import { defaultSite, hasManagementZone, loadSite, parseSite, zoneOf } from './site.js';

describe('cidr', () => {
  it('parses v4 and v6 prefixes and tests membership', () => {
    const c = parseCidr('10.99.0.0/16');
    expect(c).not.toBeNull();
    if (c === null) return;
    expect(inCidr(parseIp('10.99.3.4') ?? { v6: false, n: 0n }, c)).toBe(true);
    expect(inCidr(parseIp('10.98.3.4') ?? { v6: false, n: 0n }, c)).toBe(false);
    const u = parseCidr('fd00:1::/32');
    expect(u !== null && inCidr(parseIp('fd00:1::5') ?? { v6: true, n: 0n }, u)).toBe(true);
    expect(parseIp('::ffff:10.0.0.1')).toEqual({ v6: true, n: 0xffff0a000001n });
    for (const bad of ['10.0.0.0/33', '10.0.0', '300.1.1.1', 'fe80::1::2', 'x/8', '10.0.0.0/']) expect(parseCidr(bad)).toBeNull();
  });
});

describe('site', () => {
  it('defaults: RFC 1918 and friends are internal, the rest external, multicast is nobody', () => {
    const s = defaultSite();
    expect(hasManagementZone(s)).toBe(false);
    expect(['10.1.2.3', '172.20.0.1', '192.168.1.1', '100.64.0.9', '169.254.1.1', 'fd12::1', 'fe80::1'].map((ip) => zoneOf(s, ip))).toEqual(Array(7).fill('internal'));
    expect(zoneOf(s, '8.8.8.8')).toBe('external');
    expect(zoneOf(s, '2001:db8::1')).toBe('external');
    expect(zoneOf(s, '224.0.0.251')).toBe('none');
    expect(zoneOf(s, '255.255.255.255')).toBe('none');
  });

  it('a site file sets management and vendor zones', () => {
    const s = parseSite({ managementNetworks: ['10.99.0.0/16'], vendorNetworks: ['198.51.100.0/24'] }, 'site.json');
    expect(zoneOf(s, '10.99.1.1')).toBe('management');
    expect(zoneOf(s, '10.20.1.1')).toBe('internal');
    expect(zoneOf(s, '198.51.100.7')).toBe('vendor');
    const own = parseSite({ internalNetworks: ['203.0.113.0/24'], managementNetworks: ['10.99.0.0/16'] }, 's');
    expect(zoneOf(own, '203.0.113.5')).toBe('internal');
    expect(zoneOf(own, '10.20.0.1')).toBe('external');
    expect(zoneOf(own, '10.99.0.1')).toBe('management');
  });

  it('refuses bad site files with one-line AppErrors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ww-site-'));
    try {
      const write = (name: string, text: string): string => {
        const f = path.join(dir, name);
        writeFileSync(f, text);
        return f;
      };
      const cases: [string, RegExp][] = [
        [write('a.json', '{"managementNetworks": ["10.0.0.0/40"]}'), /not a network/],
        [write('b.json', '{"managementNetwork": ["10.0.0.0/8"]}'), /unknown key 'managementNetwork'/],
        [write('c.json', '{nope'), /not JSON/],
        [write('d.json', '[]'), /JSON object/],
        [write('e.json', '{"vendorNetworks": "10.0.0.0/8"}'), /must be a list/],
        [path.join(dir, 'missing.json'), /cannot read site file/],
      ];
      for (const [file, re] of cases) {
        expect(() => loadSite(file)).toThrow(AppError);
        expect(() => loadSite(file)).toThrow(re);
      }
      expect(loadSite(write('ok.json', '{"description": "x", "managementNetworks": ["10.99.0.0/16"]}')).managementNetworks).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
