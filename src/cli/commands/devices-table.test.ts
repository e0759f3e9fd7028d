/** `wardwatch devices` table: risk and evidence columns, highest risk then category first, the OS never cut. */
import { describe, expect, it } from 'vitest';
import { deviceJson } from '../test-support/device-json.js';
import { devicesTable } from './devices.js';

const ev = (attribute: string, source: string): DeviceJson['evidence'][number] => ({ attribute, value: 'x', source, detail: '', confidence: 0.9 });
type DeviceJson = ReturnType<typeof deviceJson>;

const longOs = 'Windows Embedded Standard 7 Service Pack 1 (6.1.7601) for medical workstations';
const devices = [
  deviceJson({ id: 'a-it', ips: ['10.0.0.1'], category: 'it', risk: { score: 40, level: 'medium', reasons: [] }, os: { name: 'Windows', version: '7', label: longOs, endOfLife: true }, evidence: [ev('osName', 'tcp.syn'), ev('osName', 'tcp.syn'), ev('vendor', 'mac.oui'), ev('location', 'cmms')] }),
  deviceJson({ id: 'b-pump', ips: ['10.0.0.2'], category: 'infusion', type: 'infusion pump', risk: { score: 40, level: 'medium', reasons: [] } }),
  deviceJson({ id: 'c-ct', ips: ['10.0.0.3'], category: 'imaging', risk: { score: 81, level: 'critical', reasons: [] } }),
  deviceJson({ id: 'd-none', ips: ['10.0.0.4'], category: 'life-support', risk: null }),
];

function rows(text: string): string[] {
  return text.trimEnd().split('\n');
}

describe('devices table', () => {
  it('heads its risk column with the scale and names the evidence behind the classification', () => {
    const [head, ...body] = rows(devicesTable(devices));
    expect(head).toMatch(/^RISK 0-100 +IP +MAC +HOSTNAME +VENDOR +MODEL +TYPE +CATEGORY +OS +CONF +EVIDENCE$/);
    const it = body.find((r) => r.includes('10.0.0.1')) ?? '';
    expect(it).toMatch(/^40 \(medium\) /);
    // Distinct sources, classification only: the register's location is not why it is a Windows PC.
    expect(it).toMatch(/tcp\.syn, mac\.oui$/);
    expect(it).not.toContain('cmms');
  });

  it('sorts by risk, then medical categories before IT, unscored last', () => {
    const order = rows(devicesTable(devices)).slice(1).map((r) => /10\.0\.0\.(\d)/.exec(r)?.[1]);
    expect(order).toEqual(['3', '2', '1', '4']);
  });

  it('prints the whole OS name and its end of life, and keeps the columns after it aligned', () => {
    const [head, ...body] = rows(devicesTable(devices));
    const it = body.find((r) => r.includes('10.0.0.1')) ?? '';
    expect(it).toContain(`${longOs} (end of life)`);
    const conf = head?.indexOf('CONF') ?? -1;
    for (const r of body) expect(r.slice(conf, conf + 4)).toBe('0.50');
  });

  it('marks a cut name instead of passing part of it off as the whole', () => {
    const long = deviceJson({ id: 'e', ips: ['10.0.0.5'], hostnames: ['h'.repeat(60)] });
    const row = rows(devicesTable([long]))[1] ?? '';
    expect(row).toContain(`${'h'.repeat(31)}…`);
    expect(row).not.toContain('h'.repeat(33));
  });
});
