/** The policy's rules to and from zone `external`, built from devices' external peers (addresses outside the site). */
import { describe, expect, it } from 'vitest';
import type { ExternalPeerJson } from '../../inventory/types.js';
import { conduit, device } from '../test-support/fixtures.js';
import { buildPolicy } from './policy-model.js';

const devices = [device('ct-1', 'imaging', '10.20.0.11'), device('pacs', 'imaging-infrastructure', '10.30.0.5')];
const conduits = [conduit('ct-1', 'pacs', 'tcp', 104, { app: 'dicom', clientIp: '10.20.0.11', serverIp: '10.30.0.5' })];

function peer(over: Partial<ExternalPeerJson>): ExternalPeerJson {
  return {
    deviceId: 'ct-1', deviceIp: '10.20.0.11', peerIp: '203.0.113.5', serverName: 'cloud.vendor.example', direction: 'out', proto: 'tcp', port: 443, app: 'tls',
    flows: 4, bytes: 4000, firstSeen: '2024-03-04T10:00:00.000Z', lastSeen: '2024-03-04T11:00:00.000Z', ...over,
  };
}

describe('policy with external peers', () => {
  it('names each peer in a rule between the device\'s zone and external, in the direction the flows were opened', () => {
    const policy = buildPolicy(conduits, devices, [peer({}), peer({ peerIp: '203.0.113.6' }), peer({ deviceId: 'pacs', deviceIp: '10.30.0.5', peerIp: '198.51.100.7', direction: 'in', port: 22, app: 'ssh' })]);
    expect(policy.rules.map((r) => [r.fromZone, r.toZone, r.port, r.clientIps, r.serverIps, r.flows])).toEqual([
      ['external', 'imaging-infrastructure', 22, ['198.51.100.7'], ['10.30.0.5'], 4],
      ['imaging', 'external', 443, ['10.20.0.11'], ['203.0.113.5', '203.0.113.6'], 8],
      ['imaging', 'imaging-infrastructure', 104, ['10.20.0.11'], ['10.30.0.5'], 1],
    ]);
    expect(policy.zones.find((z) => z.zone === 'external')?.ips).toEqual(['198.51.100.7', '203.0.113.5', '203.0.113.6']);
  });

  it('without peers, no rule and no zone is external', () => {
    const policy = buildPolicy(conduits, devices);
    expect(policy.rules.some((r) => r.fromZone === 'external' || r.toZone === 'external')).toBe(false);
    expect(policy.zones.some((z) => z.zone === 'external')).toBe(false);
  });
});
