/** The policy model over a small hospital: rules per zone pair and service, exact addresses, zones, and what is skipped. */
import { describe, expect, it } from 'vitest';
import { conduit, device } from '../test-support/fixtures.js';
import { buildPolicy, canonicalIp, safeComment, sortedIps } from './policy-model.js';

const devices = [
  device('ct-1', 'imaging', '10.20.0.11'),
  device('mr-1', 'imaging', '10.20.0.12'),
  device('pacs', 'imaging-infrastructure', '10.30.0.5', '2001:db8:30::5'),
  device('mon-1', 'patient-monitoring', '10.40.0.21'),
  device('mon-2', 'patient-monitoring', '10.40.0.9'),
  device('hl7', 'clinical-system', '10.50.0.7'),
  device('ws-1', 'it', '10.60.0.100', '2001:db8:60::100'),
  device('dhcp', 'network', '10.0.0.2'),
  device('pump-1', 'infusion'),
  device('cam-1', 'iot', 'not-an-ip', '10.70.0.3'),
];

const conduits = [
  conduit('ct-1', 'pacs', 'tcp', 104, { app: 'dicom', flows: 12, clientIp: '10.20.0.11', serverIp: '10.30.0.5', lastSeen: '2024-03-04T10:00:00.000Z' }),
  conduit('mr-1', 'pacs', 'tcp', 104, { app: 'dicom', flows: 3 }),
  conduit('mon-2', 'hl7', 'tcp', 2575, { app: 'hl7', flows: 30, clientIp: '10.40.0.9', serverIp: '10.50.0.7' }),
  conduit('mon-1', 'hl7', 'tcp', 2575, { app: 'hl7', flows: 5, clientIp: '10.40.0.21', serverIp: '10.50.0.7' }),
  conduit('ws-1', 'pacs', 'tcp', 104, { app: 'dicom', flows: 2, clientIp: '10.60.0.100', serverIp: '10.30.0.5' }),
  conduit('mon-1', 'dhcp', 'udp', 67, { app: 'dhcp', flows: 4, clientIp: '10.40.0.21', serverIp: '10.0.0.2' }),
  conduit('ws-1', 'pacs', 'tcp', 443, { app: 'tls', clientIp: '2001:DB8:60:0::100', serverIp: '2001:db8:30::5' }),
  conduit('ws-1', 'pacs', 'icmp', null, { flows: 7 }),
  conduit('ws-1', 'hl7', 'tcp', 2575, { clientIp: '10.60.0.300', serverIp: '10.50.0.7' }),
  conduit('mon-1', 'pacs', 'igmp', null, { clientIp: '10.40.0.21', serverIp: '224.0.0.22' }),
  conduit('ws-1', 'ext-9', 'tcp', 443, { app: 'tls', clientIp: '10.60.0.100', serverIp: '192.0.2.80' }),
  conduit('pump-1', 'hl7', 'tcp', 2575, { app: 'hl7' }),
  conduit('cam-1', 'pacs', 'tcp', 8080, { app: 'http', serverIp: '2001:db8:30::5' }),
];

describe('buildPolicy', () => {
  const policy = buildPolicy(conduits, devices);

  it('makes one rule per zone pair and service, with the exact addresses seen, in a stable order', () => {
    expect(policy.rules.map((r) => [r.fromZone, r.toZone, r.proto, r.port, r.clientIps, r.serverIps, r.flows])).toEqual([
      ['imaging', 'imaging-infrastructure', 'tcp', 104, ['10.20.0.11', '10.20.0.12'], ['10.30.0.5', '2001:db8:30::5'], 15],
      ['it', 'imaging-infrastructure', 'icmp', null, ['10.60.0.100', '2001:db8:60::100'], ['10.30.0.5', '2001:db8:30::5'], 7],
      ['it', 'imaging-infrastructure', 'tcp', 104, ['10.60.0.100'], ['10.30.0.5'], 2],
      ['it', 'imaging-infrastructure', 'tcp', 443, ['2001:db8:60::100'], ['2001:db8:30::5'], 1],
      ['it', 'unknown', 'tcp', 443, ['10.60.0.100'], ['192.0.2.80'], 1],
      ['patient-monitoring', 'clinical-system', 'tcp', 2575, ['10.40.0.9', '10.40.0.21'], ['10.50.0.7'], 35],
      ['patient-monitoring', 'network', 'udp', 67, ['10.40.0.21'], ['10.0.0.2'], 4],
    ]);
  });

  it('writes comments a person can read', () => {
    expect(policy.rules[0]?.comment).toBe('imaging -> imaging-infrastructure tcp/104 (dicom), 15 flows, last 2024-03-04');
    expect(policy.rules[1]?.comment).toBe('it -> imaging-infrastructure icmp, 7 flows, last 2024-03-01');
    expect(policy.rules[3]?.comment).toBe('it -> imaging-infrastructure tcp/443 (tls), 1 flow, last 2024-03-01');
  });

  it('lists every zone with its addresses, the unknown endpoints included and empty zones empty', () => {
    expect(policy.zones).toEqual([
      { zone: 'clinical-system', ips: ['10.50.0.7'] },
      { zone: 'imaging', ips: ['10.20.0.11', '10.20.0.12'] },
      { zone: 'imaging-infrastructure', ips: ['10.30.0.5', '2001:db8:30::5'] },
      { zone: 'infusion', ips: [] },
      { zone: 'iot', ips: ['10.70.0.3'] },
      { zone: 'it', ips: ['10.60.0.100', '2001:db8:60::100'] },
      { zone: 'network', ips: ['10.0.0.2'] },
      { zone: 'patient-monitoring', ips: ['10.40.0.9', '10.40.0.21'] },
      { zone: 'unknown', ips: ['192.0.2.80'] },
    ]);
    expect(policy.generatedFrom).toEqual({ conduits: conduits.length, devices: devices.length });
  });

  it('skips and lists what cannot be a rule: bad addresses, other protocols, missing addresses, mixed families', () => {
    expect(policy.skipped.map((s) => [s.reason, s.subject])).toEqual([
      ['bad-address', 'device cam-1'],
      ['bad-address', 'ws-1 -> hl7 tcp/2575'],
      ['unsupported-proto', 'mon-1 -> pacs igmp'],
      ['no-address', 'pump-1 -> hl7 tcp/2575'],
      ['family-mismatch', 'cam-1 -> pacs tcp/8080'],
    ]);
    expect(policy.skipped[1]?.detail).toContain('"10.60.0.300"');
    const everyRuleIp = policy.rules.flatMap((r) => [...r.clientIps, ...r.serverIps]);
    expect(everyRuleIp).not.toContain('10.60.0.300');
    expect(everyRuleIp).not.toContain('not-an-ip');
  });

  it('skips tcp and udp without a usable port, and drops a port given to icmp', () => {
    const p = buildPolicy(
      [conduit('ct-1', 'pacs', 'tcp', null), conduit('ct-1', 'pacs', 'udp', 70000), conduit('ct-1', 'pacs', 'ICMP', 8)],
      devices,
    );
    expect(p.skipped.map((s) => s.reason)).toEqual(['bad-address', 'bad-port', 'bad-port']);
    expect(p.rules.map((r) => [r.proto, r.port])).toEqual([['icmp', null]]);
  });

  it('does not depend on the order of its input', () => {
    const again = buildPolicy([...conduits].reverse(), [...devices].reverse());
    expect(again.rules).toEqual(policy.rules);
    expect(again.zones).toEqual(policy.zones);
  });

  it('joins distinct applications of one service', () => {
    const p = buildPolicy([conduit('ws-1', 'pacs', 'tcp', 8080, { app: 'http' }), conduit('ws-1', 'pacs', 'tcp', 8080, { app: 'dicom' })], devices);
    expect(p.rules[0]?.app).toBe('dicom,http');
  });
});

describe('addresses', () => {
  it('accepts only real addresses, IPv6 in canonical form', () => {
    expect(canonicalIp('10.1.2.3')).toBe('10.1.2.3');
    expect(canonicalIp('2001:DB8:0:0::1')).toBe('2001:db8::1');
    for (const bad of ['10.1.2.256', '010.1.2.3', ' 10.1.2.3', 'fe80::1%eth0', 'pacs.local', '']) expect(canonicalIp(bad)).toBeNull();
  });

  it('sorts numerically, IPv4 before IPv6', () => {
    expect(sortedIps(['2001:db8::10', '10.0.0.10', '::1', '10.0.0.9', '2001:db8::9', '9.255.0.1', '10.0.0.9']))
      .toEqual(['9.255.0.1', '10.0.0.9', '10.0.0.10', '::1', '2001:db8::9', '2001:db8::10']);
  });
});

describe('safeComment', () => {
  it('replaces quotes, backslashes and control characters', () => {
    expect(safeComment('a "b" \\c\nd', 100)).toBe("a 'b' /c d");
  });

  it('cuts to a byte budget without splitting a character', () => {
    const cut = safeComment('é'.repeat(100), 11);
    expect(cut).toBe('éééé...');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(11);
    expect(safeComment('short', 5)).toBe('short');
  });
});
