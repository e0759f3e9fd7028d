/**
 * No PHI and no secret ever leaves in an alert (docs/architecture.md, "Rules that never bend"): a finding whose title, detail,
 * evidence and key carry patient data and credentials becomes an alert without any of them, in the event, its JSON,
 * its CEF line and its syslog message. And what an alert must carry, it does.
 */
import { describe, expect, it } from 'vitest';
import { device, finding, NOW_MS } from '../risk/test-support/fixtures.js';
import { buildAlertEvent } from './build-event.js';
import { formatCef } from './cef.js';
import { formatSyslog } from './syslog-format.js';
import type { AlertEvent } from './types.js';

/** PHI-shaped values and secrets as the fixtures of src/findings/no-phi.test.ts put them on the wire. */
const NEVER = ['SYNTHETIC^TEST', 'MRN0001', '19700101', '000-00-0000', 'Ward4-pass', 'S3cretPass', 'wrongcommunity', 'nurse@example.org', 'tok_live_abc123', 'admin'];

const leaky = finding({
  id: 'f-42', kind: 'cleartext-credentials', key: 'telnet:admin', severity: 'high',
  title: 'Telnet login in clear text (user admin, password Ward4-pass)',
  detail: 'PID-5 SYNTHETIC^TEST MRN0001 born 19700101 SSN 000-00-0000; community wrongcommunity',
  evidence: ['user admin password S3cretPass', 'Authorization: Bearer tok_live_abc123', 'mail nurse@example.org'],
  facts: { service: 'telnet/23', peers: ['10.20.9.9'], cves: ['CVE-2021-27410', 'MRN0001 Ward4-pass'], kev: true },
  risk: { score: 81, level: 'critical', reasons: ['password S3cretPass reused'] },
});

function everyForm(e: AlertEvent): string {
  const cef = formatCef(e, { productVersion: '0.1.0' });
  return [JSON.stringify(e), cef, formatSyslog(e, cef, { facility: 'local0', hostname: 'sensor', procId: '1', productVersion: '0.1.0', sequenceId: 1 })].join('\n');
}

describe('buildAlertEvent keeps PHI and secrets out', () => {
  it('a finding with PHI-shaped evidence and a credential gives an alert without them', () => {
    const e = buildAlertEvent({ kind: 'finding', finding: leaky, reopened: false, device: device({ hostnames: ['PUMP01'] }) }, { nowMs: NOW_MS, id: 'e-1' });
    expect(e).not.toBeNull();
    const text = everyForm(e as AlertEvent);
    for (const s of NEVER) expect(text, `'${s}' leaked`).not.toContain(s);
  });

  it('and still carries what a SIEM needs: kind, device, address, risk, the real CVE, KEV, service', () => {
    const e = buildAlertEvent({ kind: 'finding', finding: leaky, reopened: true, device: device() }, { nowMs: NOW_MS, id: 'e-1' });
    expect(e).toMatchObject({
      kind: 'finding-reopened', level: 'critical',
      finding: { id: 'f-42', kind: 'cleartext-credentials', cves: ['CVE-2021-27410'], kev: true, service: 'telnet/23', riskScore: 81 },
      device: { id: 'dev-1', ip: '10.20.1.5', mac: '00:1b:2c:3d:4e:5f', zone: 'infusion' },
      summary: 'Re-opened: Credentials sent in clear text on PUMP01',
    });
  });

  it('free text in inventory fields is one bounded line; malformed addresses are dropped, not copied', () => {
    const d = device({ hostnames: [`CT\n01\u0000${'x'.repeat(100_000)}`], ips: ['10.0.0.1; DROP TABLE', 'fe80::1'], mac: 'not a mac', vendor: 'GE|Healthcare=\\' });
    const e = buildAlertEvent({ kind: 'device-new', device: d }, { nowMs: NOW_MS }) as Extract<AlertEvent, { kind: 'device-new' }>;
    expect(e.device.hostname).toMatch(/^CT 01 x+$/);
    expect(e.device.hostname?.length).toBe(128);
    expect(e.device.ip).toBe('fe80::1');
    expect(e.device.mac).toBeNull();
    expect(e.device.vendor).toBe('GE|Healthcare=\\');
  });
});

describe('buildAlertEvent per kind', () => {
  it('device-changed reports firmware, OS, address and zone, and nothing else', () => {
    const e = buildAlertEvent({
      kind: 'device-changed', device: device(), changes: [
        { attribute: 'firmware', oldValue: '1.2', newValue: '1.3' },
        { attribute: 'osVersion', oldValue: '6.1.7601', newValue: '10.0.19045' },
        { attribute: 'ip', oldValue: '10.0.0.5', newValue: 'garbage' },
        { attribute: 'category', oldValue: 'unknown', newValue: 'infusion' },
        { attribute: 'owner', oldValue: 'Dr Who', newValue: 'Nurse Ratched' },
      ],
    }, { nowMs: NOW_MS });
    expect(e?.kind).toBe('device-changed');
    const changes = (e as Extract<AlertEvent, { kind: 'device-changed' }>).changes;
    expect(changes).toEqual([
      { attribute: 'firmware', field: 'firmware', from: '1.2', to: '1.3' },
      { attribute: 'os', field: 'osVersion', from: '6.1.7601', to: '10.0.19045' },
      { attribute: 'address', field: 'ip', from: '10.0.0.5', to: null },
      { attribute: 'zone', field: 'category', from: 'unknown', to: 'infusion' },
    ]);
    expect(JSON.stringify(e)).not.toContain('Ratched');
  });

  it('a change to nothing alert-worthy is no event', () => {
    expect(buildAlertEvent({ kind: 'device-changed', device: device(), changes: [{ attribute: 'serial', oldValue: null, newValue: 'SN1' }] }, { nowMs: NOW_MS })).toBeNull();
  });

  it('a segmentation violation into a patient zone is high, between IT zones medium', () => {
    const conduit = { clientId: 'dev-2', serverId: 'dev-1', clientIp: '10.0.0.2', serverIp: '10.20.1.5', proto: 'tcp', port: 23, app: 'telnet', flows: 3, bytes: 900, firstSeen: '2026-11-01T00:00:00Z', lastSeen: '2026-11-02T00:00:00Z' };
    const into = buildAlertEvent({ kind: 'segmentation-violation', violation: { conduit, fromZone: 'it', toZone: 'infusion' }, client: device({ id: 'dev-2', category: 'it', ips: ['10.0.0.2'], hostnames: [] }), server: device() }, { nowMs: NOW_MS });
    expect(into).toMatchObject({ level: 'high', conduit: { fromZone: 'it', toZone: 'infusion', proto: 'tcp', port: 23, flows: 3 }, summary: 'Unapproved tcp/23 from 10.0.0.2 (it) to PUMP01 (infusion)' });
    const between = buildAlertEvent({ kind: 'segmentation-violation', violation: { conduit, fromZone: 'it', toZone: 'network' }, client: null, server: null }, { nowMs: NOW_MS });
    expect(between?.level).toBe('medium');
  });

  it('ingest status: drops make it low, an error medium, a path only its base name', () => {
    const ok = buildAlertEvent({ kind: 'ingest-status', status: { state: 'running', packetsPerSec: 1200, drops: 0, lastFile: '/data/ward4/cap-0001.pcap' } }, { nowMs: NOW_MS });
    expect(ok).toMatchObject({ level: 'info', ingest: { lastFile: 'cap-0001.pcap' } });
    expect(buildAlertEvent({ kind: 'ingest-status', status: { state: 'running', packetsPerSec: null, drops: 7, lastFile: null } }, { nowMs: NOW_MS })?.level).toBe('low');
    expect(buildAlertEvent({ kind: 'ingest-status', status: { state: 'error', packetsPerSec: null, drops: null, lastFile: null } }, { nowMs: NOW_MS })?.level).toBe('medium');
  });
});
