/** CEF rev 25 output: header and extension escaping, dictionary keys, bounds, severity; read back by a CEF parser. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { device, finding, NOW_MS } from '../risk/test-support/fixtures.js';
import { buildAlertEvent, type AlertSource } from './build-event.js';
import { cefExtensionValue, cefHeader } from './cef-escape.js';
import { formatCef } from './cef.js';
import { safeText } from './safe-fields.js';
import { parseCef } from './test-support/cef-parse.js';
import type { AlertEvent } from './types.js';

function cefOf(source: AlertSource): string {
  return formatCef(buildAlertEvent(source, { nowMs: NOW_MS, id: '6f1c1b1e-0000-4000-8000-000000000001' }) as AlertEvent, { productVersion: '0.1.0' });
}

describe('CEF escaping', () => {
  it('header: backslash and pipe escaped, line breaks flattened', () => {
    expect(cefHeader('a|b\\c\nd', 100)).toBe('a\\|b\\\\c d');
  });

  it('extension: backslash, equals and line breaks escaped; a pipe is left as is', () => {
    expect(cefExtensionValue('a=b\\c\r\nd\ne\rf|g', 100)).toBe('a\\=b\\\\c\\nd\\ne\\rf|g');
  });

  it('bounds count characters before escaping, so an escape is never cut in half', () => {
    expect(cefExtensionValue('==========', 3)).toBe('\\=\\=\\=');
    expect(cefExtensionValue('😀😀😀', 2)).toBe('😀😀');
  });
});

describe('formatCef', () => {
  it('a finding: header fields, severity from the risk level, dictionary extension keys', () => {
    const line = cefOf({ kind: 'finding', reopened: false, device: device({ risk: { score: 70, level: 'high', reasons: [] } }), finding: finding({ kind: 'known-vulnerability', severity: 'high', facts: { cves: ['CVE-2021-27410'], kev: true, service: 'http/80' }, risk: { score: 90, level: 'critical', reasons: [] } }) });
    const r = parseCef(line);
    expect(r).toMatchObject({ vendor: 'wardwatch', product: 'wardwatch', productVersion: '0.1.0', signatureId: 'finding-new:known-vulnerability', name: 'Known vulnerability', severity: 10 });
    expect(Object.fromEntries(r.ext)).toMatchObject({
      rt: String(NOW_MS), externalId: '6f1c1b1e-0000-4000-8000-000000000001', cat: 'finding-new', act: 'new', src: '10.20.1.5', smac: '00:1b:2c:3d:4e:5f', shost: 'PUMP01',
      cs1Label: 'deviceId', cs1: 'dev-1', cs3: 'infusion', cs5: 'known-vulnerability', cs6: 'f-1', cn2: '90', cn3: '1', flexString1: 'CVE-2021-27410', app: 'http/80',
      msg: 'Known vulnerability on PUMP01',
    });
  });

  it('severity follows the level: critical 10, high 8, medium 5, low 3, info 0', () => {
    const sev = (level: 'critical' | 'high' | 'medium' | 'low' | 'info'): number => parseCef(cefOf({ kind: 'device-new', device: device({ risk: { score: 1, level, reasons: [] } }) })).severity;
    expect(['critical', 'high', 'medium', 'low', 'info'].map((l) => sev(l as 'info'))).toEqual([10, 8, 5, 3, 0]);
  });

  it('a violation has both ends: src/dst, dpt, proto; an IPv6 end goes to c6a3 with its label', () => {
    const conduit = { clientId: 'dev-2', serverId: 'dev-1', clientIp: null, serverIp: null, proto: 'tcp', port: 104, app: 'dicom', flows: 2, bytes: 10, firstSeen: '2026-11-01T00:00:00Z', lastSeen: '2026-11-01T00:00:00Z' };
    const r = parseCef(cefOf({ kind: 'segmentation-violation', violation: { conduit, fromZone: 'it', toZone: 'imaging' }, client: device({ id: 'dev-2', ips: ['10.0.0.2'] }), server: device({ ips: ['2001:db8::5'], category: 'imaging' }) }));
    expect(Object.fromEntries(r.ext)).toMatchObject({ src: '10.0.0.2', c6a3: '2001:db8::5', c6a3Label: 'Destination IPv6 Address', dpt: '104', proto: 'tcp', app: 'dicom', cs3: 'it', cs4: 'imaging' });
    expect(r.ext.has('dst')).toBe(false);
  });

  it('hostile inventory text (pipes, =, backslashes, newlines, unicode, 100 kB) is escaped, bounded and reads back', () => {
    const hostile = `A|B=C\\D\nE\rF ☢ 医療 😀 ${'z'.repeat(100_000)}`;
    const line = cefOf({ kind: 'device-new', device: device({ hostnames: [hostile], vendor: hostile, model: 'm=1|x', type: 'pump\\|' }) });
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.length).toBeLessThan(2000);
    const r = parseCef(line);
    expect(r.ext.get('shost')?.startsWith('A|B=C\\D E F ☢ 医療 😀 zz')).toBe(true);
    expect(r.ext.get('cs2')?.endsWith('m=1|x')).toBe(true);
    expect(r.ext.get('cs4')).toBe('pump\\|');
  });

  it('any text round-trips: what a CEF parser reads back is the bounded one-line value, in header and extension', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 40 }), (text, version) => {
      const e = buildAlertEvent({ kind: 'device-new', device: device({ vendor: text, model: null }) }, { nowMs: NOW_MS }) as AlertEvent;
      const r = parseCef(formatCef(e, { productVersion: version }));
      expect(r.ext.get('cs2') ?? null).toBe(safeText(text));
      // eslint-disable-next-line no-control-regex -- the header's own rule: controls become spaces
      expect(r.productVersion).toBe(Array.from(version.replace(/[\u0000-\u001f\u007f]/g, ' ')).slice(0, 31).join(''));
    }));
  });
});
